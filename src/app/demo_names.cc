#include "app/demo_names.h"

namespace kc::app::demo_names {

const std::vector<Craft>& crafts() {
  static const std::vector<Craft> k{
      {"Chế biến chè", "chè xanh", "dây chuyền sao sấy chè"},
      {"Mây tre đan", "sản phẩm mây tre đan", "máy chẻ nan, máy vót nan"},
      {"Gốm sứ", "gốm mỹ nghệ", "lò nung gốm sử dụng khí gas"},
      {"Dệt thổ cẩm", "vải thổ cẩm", "máy dệt khung cải tiến"},
      {"Chế biến gỗ", "đồ gỗ mỹ nghệ", "máy chạm khắc CNC"},
      {"Cơ khí nông nghiệp", "máy nông nghiệp", "máy cắt plasma CNC"},
      {"Chế biến nông sản", "tinh bột sắn", "dây chuyền sấy nông sản"},
      {"Chế biến thủy sản", "nước mắm", "hệ thống lọc và đóng chai"},
      {"Sản xuất bánh kẹo", "bánh đậu xanh", "máy đóng gói tự động"},
      {"Chế biến cà phê", "cà phê bột", "máy rang xay cà phê"},
      {"Sơn mài", "tranh sơn mài", "buồng sơn phun tĩnh điện"},
      {"May mặc", "hàng may mặc xuất khẩu", "máy may công nghiệp điện tử"},
      {"Sản xuất gạch không nung", "gạch không nung", "máy ép gạch thủy lực"},
      {"Chế biến mật ong", "mật ong", "máy quay ly tâm và cô đặc"},
      {"Làm miến dong", "miến dong", "dây chuyền tráng và sấy miến"},
      {"Chế biến dược liệu", "cao dược liệu", "hệ thống chiết xuất dược liệu"},
      {"Đúc đồng", "đồ đồng mỹ nghệ", "lò trung tần nấu đồng"},
      {"Chế biến hạt điều", "nhân điều", "máy tách vỏ hạt điều"},
      {"Sản xuất nước đá sạch", "nước đá tinh khiết", "hệ thống lọc RO"},
      {"Thêu ren", "hàng thêu tay", "máy thêu vi tính"},
  };
  return k;
}

const std::vector<std::string_view>& facility_prefixes() {
  static const std::vector<std::string_view> k{
      "Công ty TNHH", "Công ty cổ phần", "Hợp tác xã", "Liên hiệp hợp tác xã",
      "Tổ hợp tác",   "Hộ kinh doanh",   "Nghệ nhân"};
  return k;
}

const std::vector<std::string_view>& given_names() {
  static const std::vector<std::string_view> k{
      "Phú Vinh",  "Tân Cương",  "Bát Tràng", "Hưng Thịnh", "Thành Đạt",  "Minh Phát",  "An Khang",
      "Phúc Lộc",  "Hoàng Long", "Đại Phong", "Quang Minh", "Trường Sơn", "Bình An",    "Hòa Bình",
      "Sơn Hà",    "Thái Hưng",  "Việt Tiến", "Tiến Thành", "Đông Á",     "Nam Việt",   "Kim Sơn",
      "Hải Đăng",  "Thanh Tâm",  "Ngọc Lan",  "Hồng Phát",  "Xuân Mai",   "Lạc Hồng",   "Vạn Xuân",
      "Tân Tiến",  "Hưng Yên",   "Đức Thành", "Mai Linh",   "Sao Việt",   "Phương Nam", "Hữu Nghị",
      "Thiên Phú", "Bảo Ngọc",   "Gia Bảo",   "Tràng An",   "Ánh Dương"};
  return k;
}

const std::vector<std::string_view>& fair_names() {
  static const std::vector<std::string_view> k{
      "Hội chợ hàng công nghiệp nông thôn tiêu biểu khu vực phía Bắc",
      "Hội chợ hàng công nghiệp nông thôn tiêu biểu khu vực miền Trung - Tây Nguyên",
      "Hội chợ hàng công nghiệp nông thôn tiêu biểu khu vực phía Nam",
      "Hội chợ Công Thương vùng Tây Bắc",
      "Hội chợ thương mại vùng đồng bằng sông Hồng",
      "Hội chợ triển lãm hàng thủ công mỹ nghệ",
      "Hội chợ quốc tế hàng thủ công mỹ nghệ tại Hà Nội",
      "Hội chợ Hùng Vương",
      "Hội chợ thương mại đồng bằng sông Cửu Long"};
  return k;
}

const std::vector<std::string_view>& training_topics() {
  static const std::vector<std::string_view> k{
      "Đào tạo nghề mây tre đan cho lao động nông thôn",
      "Truyền nghề thêu ren truyền thống",
      "Đào tạo nghề dệt thổ cẩm cho phụ nữ dân tộc thiểu số",
      "Đào tạo nghề chế biến chè an toàn",
      "Đào tạo nghề may công nghiệp",
      "Truyền nghề gốm mỹ nghệ",
      "Đào tạo nghề chạm khắc gỗ"};
  return k;
}

const std::vector<std::string_view>& info_topics() {
  static const std::vector<std::string_view> k{"Xây dựng chương trình truyền hình về khuyến công",
                                               "Bản tin khuyến công",
                                               "Chuyên mục khuyến công trên báo Công Thương",
                                               "Cơ sở dữ liệu cơ sở công nghiệp nông thôn",
                                               "Tư vấn xây dựng thương hiệu sản phẩm",
                                               "Tuyên truyền chính sách phát triển công nghiệp"};
  return k;
}

const std::vector<std::string_view>& capacity_topics() {
  static const std::vector<std::string_view> k{
      "Tập huấn nghiệp vụ khuyến công cho cán bộ cấp huyện",
      "Hội nghị khuyến công các tỉnh khu vực", "Kiểm tra, giám sát đề án khuyến công",
      "Khảo sát học tập kinh nghiệm khuyến công", "Xây dựng phần mềm quản lý đề án khuyến công"};
  return k;
}

}  // namespace kc::app::demo_names
