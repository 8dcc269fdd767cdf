// The notifications' words in Vietnamese (the bell, the list, the choices), merged into the
// dictionary by i18n.tsx.
export const notifyVI = {
  'notify.title': 'Thông báo',
  'notify.bell': 'Thông báo: {n} chưa đọc',
  'notify.empty': 'Chưa có thông báo nào.',
  'notify.unreadOnly': 'Chỉ hiện thông báo chưa đọc',
  'notify.markRead': 'Đánh dấu đã đọc',
  'notify.markAll': 'Đánh dấu tất cả đã đọc',
  'notify.open': 'Mở',
  'notify.read': 'Đã đọc',
  'notify.unread': 'Chưa đọc',
  'notify.settings': 'Nhận thông báo',
  'notify.settingsHelp':
    'Chọn loại thông báo muốn nhận trong hệ thống và qua thư điện tử. Thư chỉ được gửi khi có địa chỉ.',
  'notify.email': 'Địa chỉ thư điện tử',
  'notify.kind': 'Loại thông báo',
  'notify.inApp': 'Trong hệ thống',
  'notify.byEmail': 'Qua thư điện tử',
  'notify.saved': 'Đã lưu lựa chọn nhận thông báo.',
  'notify.kind.report_due': 'Đến hạn báo cáo tiến độ',
  'notify.kind.deadline_passed': 'Quá hạn hợp đồng',
  'notify.kind.proposal_returned': 'Đề án được trả lại để sửa',
  'notify.kind.decision_approved': 'Quyết định được phê duyệt',
} satisfies Record<string, string>;
