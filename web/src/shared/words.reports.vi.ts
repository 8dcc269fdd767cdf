// The reports' words in Vietnamese, merged into the dictionary by i18n.tsx.
export const reportsVI: Record<string, string> = {
  'report.annual': 'Báo cáo năm',
  'report.allPrograms': 'Tất cả chương trình của năm',
  'report.download.csv': 'Tải CSV',
  'report.download.xlsx': 'Tải Excel',
  'report.download.pdf': 'Tải PDF',
  'report.envelope': 'Tổng kinh phí giao',
  'report.decisions': 'Quyết định giao và điều chỉnh',
  'report.projectsLine': 'Đề án: kế hoạch / ký hợp đồng / nghiệm thu',
  'report.counterpartPerDong': 'Vốn đối ứng trên mỗi đồng khuyến công',
  'report.counterpart': 'Vốn đối ứng huy động',
  'report.clusters': 'Đề án cụm công nghiệp',
  'report.clustersValue': '{total} ({plan} quy hoạch, {infra} hạ tầng)',
  'report.byContent': 'Kinh phí theo nội dung',
  'report.chartLabel': 'Kinh phí kế hoạch theo nội dung: {list}',
  'report.projects': 'Số đề án',
  'report.plan': 'Kinh phí kế hoạch',
};
