// The industrial clusters' words in English, merged into the dictionary by i18n.tsx.
export const clustersEN: Record<string, string> = {
  'cluster.map': 'Industrial clusters by province',
  'cluster.mapLabel': 'Clusters',
  'cluster.mapHint': 'Click a province to list its clusters.',
  'cluster.unit': 'clusters',
  'cluster.count': 'Clusters',
  'cluster.status.in_list': 'In the provincial list',
  'cluster.status.established': 'Established',
  'cluster.status.expanded': 'Expanded',
  'cluster.status.operating': 'Operating',
  'cluster.area': 'Area',
  'cluster.industrialLand': 'Industrial land',
  'cluster.leasedLand': 'Land leased',
  'cluster.occupancy': 'Occupancy',
  'cluster.establishedOn': 'Established on',
  'cluster.investor': 'Infrastructure investor',
  'cluster.planApproved': 'Detailed plan approved',
  'cluster.infrastructure': 'Essential infrastructure',
  'cluster.roads': 'Internal roads',
  'cluster.water': 'Water supply',
  'cluster.wastewater': 'Wastewater collection and treatment',
  'cluster.tenants': 'Tenant projects',
  'cluster.workers': 'Workers',
  'cluster.checks': 'Against the rules',
  'cluster.noChecks': 'No rule was in force on its establishment date.',
  'cluster.projects': 'Supporting projects',
  'cluster.check.area': 'Area {area} ha within {min}–{max} ha',
  'cluster.check.area.flag': 'Area {area} ha outside {min}–{max} ha',
  'cluster.check.establishment':
    'A new cluster fits: the {clusters} existing clusters average {occupancy} % occupancy (above {min_occupancy} %) or leave {unleased} ha unleased (at most {max_unleased} ha)',
  'cluster.check.establishment.flag':
    'A new cluster needs review: the {clusters} existing clusters average only {occupancy} % (need above {min_occupancy} %) and leave {unleased} ha unleased (above {max_unleased} ha)',
  'cluster.check.expansion_occupancy':
    'Expansion: occupancy {occupancy} %, or demand above the land',
  'cluster.check.expansion_occupancy.flag':
    'Expansion needs review: occupancy {occupancy} % below {min_occupancy} % and demand not above the land',
  'cluster.check.expansion_infrastructure': 'Expansion: essential infrastructure finished',
  'cluster.check.expansion_infrastructure.flag':
    'Expansion needs review: essential infrastructure unfinished',
};
