// The typical products' words in English, merged into the dictionary by i18n.tsx.
// Every Vietnamese key has its English text, and no other key (checked by the compiler).
import type { productsVI } from './words.products.vi';

export const productsEN: Record<keyof typeof productsVI, string> = {
  'nav.products': 'Typical products',
  'product.total': '{n} products',
  'product.certificate': 'Certificate no.',
  'product.certificateFile': 'Certificate',
  'product.name': 'Product',
  'product.group': 'Group',
  'product.group.handicraft': 'Handicrafts',
  'product.group.processed_food': 'Processed agricultural, forestry and fishery products and food',
  'product.group.machinery': 'Equipment, machinery, tools and parts',
  'product.group.other': 'Other',
  'product.facility': 'Facility',
  'product.level': 'Level',
  'product.level.commune': 'Commune',
  'product.level.district': 'District',
  'product.level.provincial': 'Provincial',
  'product.level.regional': 'Regional',
  'product.level.national': 'National',
  'product.validUntil': 'Valid until',
  'product.valid': 'Valid',
  'product.lapsed': 'Lapsed',
};
