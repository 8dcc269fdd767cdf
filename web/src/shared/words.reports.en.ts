// The reports' words in English, merged into the dictionary by i18n.tsx.
export const reportsEN: Record<string, string> = {
  'report.annual': 'Annual report',
  'report.allPrograms': 'Every program of the year',
  'report.download.csv': 'Download CSV',
  'report.download.xlsx': 'Download Excel',
  'report.download.pdf': 'Download PDF',
  'report.envelope': 'Envelope',
  'report.decisions': 'Plan and adjustment decisions',
  'report.projectsLine': 'Projects: planned / contracted / accepted',
  'report.counterpartPerDong': 'Counterpart funds per đồng of program funds',
  'report.counterpart': 'Counterpart funds mobilised',
  'report.clusters': 'Industrial-cluster projects',
  'report.clustersValue': '{total} ({plan} planning, {infra} infrastructure)',
  'report.byContent': 'Funds by content',
  'report.chartLabel': 'Planned funds by content: {list}',
  'report.projects': 'Projects',
  'report.plan': 'Planned funds',
};
