// The industrial clusters' words in Vietnamese, merged into the dictionary by i18n.tsx.
export const clustersVI: Record<string, string> = {
  'cluster.map': 'Bản đồ cụm công nghiệp theo tỉnh, thành phố',
  'cluster.mapLabel': 'Số cụm công nghiệp',
  'cluster.mapHint': 'Bấm vào một tỉnh để xem các cụm của tỉnh đó.',
  'cluster.unit': 'cụm',
  'cluster.count': 'Cụm công nghiệp',
  'cluster.status.in_list': 'Trong phương án phát triển',
  'cluster.status.established': 'Đã thành lập',
  'cluster.status.expanded': 'Mở rộng',
  'cluster.status.operating': 'Đang hoạt động',
  'cluster.area': 'Diện tích',
  'cluster.industrialLand': 'Đất công nghiệp',
  'cluster.leasedLand': 'Đất đã cho thuê',
  'cluster.occupancy': 'Tỷ lệ lấp đầy',
  'cluster.establishedOn': 'Ngày thành lập',
  'cluster.investor': 'Chủ đầu tư hạ tầng',
  'cluster.planApproved': 'Phê duyệt quy hoạch chi tiết',
  'cluster.infrastructure': 'Hạ tầng thiết yếu',
  'cluster.roads': 'Đường nội bộ',
  'cluster.water': 'Cấp nước',
  'cluster.wastewater': 'Thu gom, xử lý nước thải',
  'cluster.tenants': 'Dự án thứ cấp',
  'cluster.workers': 'Lao động',
  'cluster.checks': 'Đối chiếu quy định',
  'cluster.noChecks': 'Không có quy định nào áp dụng vào ngày thành lập.',
  'cluster.projects': 'Đề án khuyến công hỗ trợ',
  'cluster.check.area': 'Diện tích {area} ha trong khoảng {min}–{max} ha',
  'cluster.check.area.flag': 'Diện tích {area} ha ngoài khoảng {min}–{max} ha',
  'cluster.check.establishment':
    'Thành lập mới phù hợp: {clusters} cụm hiện có lấp đầy bình quân {occupancy} % (trên {min_occupancy} %) hoặc còn {unleased} ha đất chưa cho thuê (không quá {max_unleased} ha)',
  'cluster.check.establishment.flag':
    'Cần xem xét thành lập mới: {clusters} cụm hiện có chỉ lấp đầy bình quân {occupancy} % (cần trên {min_occupancy} %) và còn {unleased} ha đất chưa cho thuê (quá {max_unleased} ha)',
  'cluster.check.expansion_occupancy':
    'Mở rộng: tỷ lệ lấp đầy {occupancy} % hoặc nhu cầu vượt quỹ đất',
  'cluster.check.expansion_occupancy.flag':
    'Cần xem xét mở rộng: tỷ lệ lấp đầy {occupancy} % dưới {min_occupancy} % và nhu cầu không vượt quỹ đất',
  'cluster.check.expansion_infrastructure': 'Mở rộng: hạ tầng thiết yếu đã hoàn thành',
  'cluster.check.expansion_infrastructure.flag':
    'Cần xem xét mở rộng: hạ tầng thiết yếu chưa hoàn thành',
};
