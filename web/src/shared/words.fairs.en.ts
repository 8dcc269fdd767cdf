// The trade fairs' words in English, merged into the dictionary by i18n.tsx.
// Every Vietnamese key has its English text, and no other key (checked by the compiler).
import type { fairsVI } from './words.fairs.vi';

export const fairsEN: Record<keyof typeof fairsVI, string> = {
  'nav.fairs': 'Trade fairs',
  'fair.new': 'Add a fair',
  'fair.name': 'Fair or exhibition',
  'fair.abroad': 'Held abroad',
  'fair.country': 'Country',
  'fair.place': 'Venue',
  'fair.where': 'Province or country',
  'fair.startsOn': 'Opens',
  'fair.endsOn': 'Closes',
  'fair.dates': 'Dates',
  'fair.organizer': 'Organizer',
  'fair.project': 'Funding project',
  'fair.openProject': 'Open the project',
  'fair.count': 'Fairs',
  'fair.booths': 'Standard booths',
  'fair.exhibitors': 'Facilities exhibiting',
  'fair.support': 'Support',
  'fair.addBooth': 'Add supported booths',
  'fair.facility': 'Facility',
  'exec.boothHistory': 'Booths supported at trade fairs',
};
