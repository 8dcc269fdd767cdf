// The production–consumption chains' words in English, merged into the dictionary by i18n.tsx.
// Every Vietnamese key has its English text, and no other key (checked by the compiler).
import type { chainsVI } from './words.chains.vi';

export const chainsEN: Record<keyof typeof chainsVI, string> = {
  'nav.chains': 'Chains',
  'chain.title': 'Production–consumption chains',
  'chain.hint':
    "Each chain links a product line's suppliers of materials, producers and buyers, with the projects that built it.",
  'chain.count': 'Chains',
  'chain.name': 'Name',
  'chain.productLine': 'Product line',
  'chain.description': 'Description',
  'chain.leadProvince': 'Lead province',
  'chain.role.supplier': 'Supplies materials',
  'chain.role.producer': 'Produces',
  'chain.role.buyer': 'Buys',
  'chain.role': 'Role',
  'chain.facility': 'Facility',
  'chain.links': 'Links',
  'chain.addLink': 'Add a facility',
  'chain.projects': 'Projects that built the chain',
  'chain.project': 'Project',
  'chain.addProject': 'Add a project',
  'chain.projectCount': 'Projects',
  'chain.requested': 'Funds requested from the program',
  'chain.facilities': 'Facilities',
  'chain.new': 'Add a chain',
  'chain.edit': 'Edit the chain',
  'chain.none': 'No facility yet.',
  'chain.remove': 'Remove',
  'chain.kind.regular': 'Regular',
  'chain.kind.point': 'Point',
  'chain.kind.group': 'Group',
};
