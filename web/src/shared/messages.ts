// What the server says about a field, in the user's language. The server sends a stable
// `code` with `params` beside its English text; this catalogue has a Vietnamese and an English
// text for every code the OpenAPI document lists (the type makes a missing code a type error).
import type { FieldError } from './types';
import type { Lang } from './i18n';

export type FieldCode = FieldError['code'];

type Texts = { vi: string; en: string };

export const FIELD_MESSAGES: Record<FieldCode, Texts> = {
  required: { vi: 'Bắt buộc nhập', en: 'Required' },
  required_for: { vi: 'Bắt buộc với {what}', en: 'Required for {what}' },
  not_empty: { vi: 'Không được để trống', en: 'Must not be empty' },
  too_long: { vi: 'Dài quá {max} byte', en: 'Longer than {max} bytes' },
  length_between: {
    vi: 'Phải dài từ {min} đến {max} ký tự',
    en: 'Must be {min} to {max} characters',
  },
  one_of: { vi: 'Phải là một trong: {allowed}', en: 'Must be one of: {allowed}' },
  negative: { vi: 'Không được âm', en: 'Must not be negative' },
  not_object: { vi: 'Dữ liệu không đúng dạng', en: 'Must be an object' },
  not_string: { vi: 'Phải là văn bản', en: 'Must be text' },
  not_integer: { vi: 'Phải là số nguyên', en: 'Must be a whole number' },
  not_whole_number: { vi: 'Phải là số nguyên (tiền tính bằng đồng)', en: 'Must be a whole number' },
  not_money: { vi: 'Phải là số đồng nguyên, không âm', en: 'Must be a whole, non-negative amount' },
  too_large: { vi: 'Số quá lớn', en: 'Too large' },
  not_boolean: { vi: 'Phải là có hoặc không', en: 'Must be yes or no' },
  not_yes_no: { vi: 'Phải là 1/0, có/không', en: 'Must be 1/0 or yes/no' },
  not_date: { vi: 'Ngày không hợp lệ (dd/mm/yyyy)', en: 'Not a valid date (dd/mm/yyyy)' },
  not_array: { vi: 'Phải là một danh sách', en: 'Must be a list' },
  not_utf8: { vi: 'Văn bản không đúng mã UTF-8', en: 'Not valid UTF-8 text' },
  not_json: { vi: 'Dữ liệu không đúng định dạng JSON', en: 'Not valid JSON' },
  bad_text: { vi: 'Chứa ký tự không được phép', en: 'Contains a character that is not allowed' },
  unknown_field: { vi: 'Trường không được hỗ trợ', en: 'Not a known field' },
  unknown_parameter: { vi: 'Tham số không được hỗ trợ', en: 'Not a known parameter' },
  not_id: { vi: 'Phải chọn một bản ghi', en: 'Must be a record id' },
  id_list_format: { vi: 'Ghi các mã cách nhau bởi dấu ;', en: "Ids separated by ';'" },
  province_list_format: {
    vi: 'Ghi mỗi tỉnh dạng DANH_MỤC:MÃ, ví dụ 2008:01;2008:79',
    en: 'Write each province as SET:CODE, e.g. 2008:01;2008:79',
  },
  outputs_format: {
    vi: 'Ghi kết quả dạng chỉ_tiêu=số_lượng;...',
    en: 'Write indicator=quantity;...',
  },
  province_code_format: { vi: 'Mã tỉnh gồm hai chữ số', en: 'A two-digit province code' },
  login_characters: {
    vi: "Chỉ dùng chữ, số và các dấu '-', '_', '.'",
    en: "Letters, digits, '-', '_' and '.' only",
  },
  at_least: { vi: 'Phải từ {min} trở lên', en: 'Must be at least {min}' },
  between: { vi: 'Phải từ {min} đến {max}', en: 'Must be between {min} and {max}' },
  year_range: { vi: 'Năm phải từ {min} đến {max}', en: 'The year must be {min} to {max}' },
  listed_twice: { vi: 'Bị chọn hai lần', en: 'Listed twice' },
  no_province: { vi: 'Phải chọn ít nhất một tỉnh', en: 'Choose at least one province' },
  one_province: {
    vi: 'Đề án thường chỉ có một tỉnh; chọn loại đề án trọng điểm',
    en: 'A regular project has one province; choose a point project',
  },
  must_be_empty: { vi: 'Phải để trống với {what}', en: 'Must be empty for {what}' },
  sum_mismatch: {
    vi: 'Phải bằng kinh phí đề nghị hỗ trợ cộng vốn đối ứng',
    en: 'Must equal the requested plus the counterpart funds',
  },
  before_start: { vi: 'Không được trước ngày bắt đầu', en: 'Must not be before the start' },
  unknown_province: {
    vi: 'Không có tỉnh mã {code} trong danh mục {set}',
    en: 'No province {code} in the {set} set',
  },
  unknown_content: { vi: 'Nội dung hoạt động không có trong danh mục', en: 'Unknown content' },
  content_not_in_force: {
    vi: 'Nội dung này không áp dụng trong năm {year} (hiệu lực {from} – {to})',
    en: 'Not in force in {year} (valid {from} to {to})',
  },
  unknown_indicator: { vi: 'Chỉ tiêu không có trong danh mục', en: 'Unknown indicator' },
  unknown_program: { vi: 'Không có chương trình này', en: 'No such program' },
  no_such_record: { vi: 'Không tìm thấy bản ghi (mã {id})', en: 'No such record (id {id})' },
  program_year: {
    vi: 'Phải là năm của chương trình ({year})',
    en: "Must be the program's year ({year})",
  },
  code_taken: { vi: 'Mã này đã được dùng', en: 'This code is already used' },
  login_taken: { vi: 'Tên đăng nhập đã có người dùng', en: 'This login is taken' },
  above_ceiling: {
    vi: 'Vượt mức tối đa {amount} (quy định {rule})',
    en: 'Above the ceiling of {amount} (rule {rule})',
  },
  own_province: { vi: 'Chỉ được chọn tỉnh của mình', en: 'Must be your own province' },
  own_organization: { vi: 'Chỉ được chọn đơn vị của mình', en: 'Must be your own organization' },
  status_by_action: {
    vi: 'Trạng thái chỉ đổi qua các thao tác xử lý hồ sơ',
    en: 'The status changes only through workflow actions',
  },
  password_too_short: {
    vi: 'Mật khẩu phải có ít nhất {min} ký tự',
    en: 'At least {min} characters',
  },
  server_set: { vi: 'Do hệ thống đặt', en: 'Set by the server' },
  string_or_integer: { vi: 'Phải là văn bản hoặc số', en: 'Must be text or a number' },
  csrf_token: {
    vi: 'Phiên làm việc đã thay đổi; hãy tải lại trang',
    en: 'Your session changed; reload the page',
  },
  file_problem: { vi: 'Lỗi trong tệp: {message}', en: '{message}' },
  unknown_column: { vi: 'Không phải cột của mẫu nhập', en: 'Not a known column' },
  more_problems: {
    vi: 'Còn {count} lỗi khác chưa hiện; hãy sửa các lỗi trên trước',
    en: '{count} more problems not shown; fix these first',
  },
  not_utf8_cell: {
    vi: 'Không phải văn bản UTF-8 (tệp có thể đang ở mã TCVN3, VNI hoặc Windows-1258): hãy lưu lại dưới dạng "CSV UTF-8"',
    en: 'Not UTF-8 text (the file may be in TCVN3, VNI or Windows-1258): save it as "CSV UTF-8"',
  },
  still_recognized: {
    vi: 'Sản phẩm đang được công nhận ở cấp này đến {until} (giấy chứng nhận {certificate}); chỉ được tham gia lại khi hết hạn',
    en: 'Recognised at this level until {until} (certificate {certificate}); it may enter again once that lapses',
  },
  level_not_in_force: {
    vi: 'Cấp {level} không áp dụng vào ngày {date}',
    en: 'The {level} level is not in force on {date}',
  },
  not_timestamp: {
    vi: 'Phải là thời điểm hợp lệ (giờ UTC: YYYY-MM-DDTHH:MM:SSZ)',
    en: 'Must be a UTC time as YYYY-MM-DDTHH:MM:SSZ',
  },
  slug_format: {
    vi: 'Địa chỉ bài viết gồm 3–120 chữ thường a-z, chữ số và dấu gạch nối',
    en: '3 to 120 lower-case letters a-z, digits and single hyphens',
  },
  not_image: {
    vi: 'Ảnh phải là tệp JPEG hoặc PNG',
    en: 'Must be a JPEG or PNG picture',
  },
  already_reported: {
    vi: 'Cụm đã có báo cáo kỳ này (báo cáo số {id}): hãy sửa báo cáo đó',
    en: 'The cluster has already reported for this period (report {id}): correct that one',
  },
  round_closed: { vi: 'Đợt bình chọn đã đóng từ {date}', en: 'The round is closed since {date}' },
  not_in_area: {
    vi: 'Cơ sở không thuộc vùng của đợt bình chọn ({area})',
    en: "Not in the round's area, {area}",
  },
  not_regional_winner: {
    vi: 'Chỉ sản phẩm đã được công nhận cấp khu vực, còn hiệu lực, mới tham gia bình chọn cấp quốc gia',
    en: 'Only products recognised at the regional level, and still valid, enter the national round',
  },
  not_eligible: {
    vi: 'Sản phẩm phải đáp ứng điều kiện này để tham gia bình chọn',
    en: 'Must hold for the product to enter the selection',
  },
  outside_window: {
    vi: 'Phải nằm trong khoảng từ {from} đến {to}',
    en: 'Must lie between {from} and {to}',
  },
  cell_count: {
    vi: 'Dòng có {cells} ô nhưng dòng tiêu đề chỉ có {columns} cột',
    en: 'Has {cells} cells but the header has {columns}',
  },
  malformed: { vi: 'Địa chỉ không hợp lệ', en: 'Malformed: {what}' },
  wrong_password: { vi: 'Mật khẩu hiện tại không đúng', en: 'Not your current password' },
  not_appraiser: { vi: 'Không phải tài khoản thẩm định viên', en: 'Not an appraiser account' },
  one_chair: { vi: 'Hội đồng có đúng một chủ tịch', en: 'A council has exactly one chair' },
  score_range: { vi: 'Điểm là số nguyên từ 0 đến {max}', en: 'Whole points from 0 to {max}' },
  not_number: { vi: 'Phải là một số', en: 'Must be a number' },
  unknown_key: {
    vi: 'Không có trong danh mục ({dimension})',
    en: 'Not a {dimension} known to the register',
  },
  not_candidate: {
    vi: 'Không phải đề án đã đạt thẩm định của chương trình {program}',
    en: 'Not a passed proposal of program {program}',
  },
  not_in_program: {
    vi: 'Không phải đề án của chương trình {program}',
    en: 'Not a project of program {program}',
  },
  unchanged: { vi: 'Bằng số tiền hiện tại của đề án', en: "Is already the project's amount" },
  split_total: {
    vi: 'Tổng các khoản phải bằng kinh phí của đề án: {total}',
    en: "The amounts must add up to the project's amount: {total}",
  },
  not_officer: {
    vi: 'Không phải tài khoản đang hoạt động có quyền quản lý hợp đồng này',
    en: 'Not an enabled account that may manage this contract',
  },
  email_format: {
    vi: 'Phải là địa chỉ thư điện tử, ví dụ ten@example.vn',
    en: 'Must be an e-mail address like name@example.vn',
  },
  outside_period: {
    vi: 'Phải nằm trong thời gian thực hiện đề án, từ {start} đến {end}',
    en: "Must lie within the project's period, {start} to {end}",
  },
  cost_items_sum: {
    vi: 'Phải bằng tổng các khoản mục trong thuyết minh: {sum} đồng',
    en: "Must equal the sum of the dossier's cost items: {sum} đồng",
  },
  not_in_stage: {
    vi: 'Đề án không ở bước thẩm định của hội đồng này',
    en: "Not at this council's stage",
  },
};

/** The field error in the user's language, parameters filled in. */
export function fieldMessage(e: FieldError, lang: Lang): string {
  const texts = FIELD_MESSAGES[e.code];
  if (!texts) return e.message;
  return texts[lang].replace(/\{(\w+)\}/g, (_, name: string) => e.params?.[name] ?? '');
}
