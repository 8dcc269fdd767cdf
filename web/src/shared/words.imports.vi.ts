// The import page's words in Vietnamese, merged into the dictionary by i18n.tsx.
export const importsVI = {
  'nav.import': 'Nhập từ tệp',
  'import.title': 'Nhập dữ liệu từ tệp',
  'import.kind': 'Loại dữ liệu',
  'import.kind.projects': 'Đề án',
  'import.kind.organizations': 'Tổ chức',
  'import.kind.facilities': 'Cơ sở công nghiệp nông thôn',
  'import.kind.clusters': 'Cụm công nghiệp (báo cáo của tỉnh)',
  'import.help':
    'Tệp CSV hoặc Excel (.xlsx, .xls) có các cột như tệp xuất "dạng dữ liệu". Hệ thống kiểm tra mọi dòng trước; chỉ khi bạn xác nhận mới ghi, và ghi tất cả hoặc không ghi dòng nào.',
  'import.choose': 'Chọn tệp',
  'import.checking': 'Đang kiểm tra {file}…',
  'import.checked': 'Tệp {file} hợp lệ: {rows} dòng. Chưa có dữ liệu nào được ghi.',
  'import.confirm': 'Nhập {rows} dòng',
  'import.done': 'Đã nhập {rows} dòng từ tệp {file}.',
  'import.open': 'Xem danh sách',
  'import.problems': 'Tệp {file} có {n} lỗi; chưa có dữ liệu nào được ghi. Sửa tệp rồi chọn lại.',
  'import.row': 'Dòng',
  'import.column': 'Cột',
  'import.message': 'Lỗi',
  'import.notes': 'Đã chuyển đổi khi đọc tệp',
  'import.again': 'Nhập tệp khác',
} satisfies Record<string, string>;
