#include "domain/field_error.h"

namespace kc {

const std::vector<FieldCodeText>& field_codes() {
  using C = FieldCode;
  static const std::vector<FieldCodeText> table = {
      {C::required, "required", "is required"},
      {C::required_for, "required_for", "is required for {what}"},
      {C::not_empty, "not_empty", "must not be empty"},
      {C::too_long, "too_long", "is longer than {max} bytes"},
      {C::length_between, "length_between", "must be {min} to {max} characters"},
      {C::one_of, "one_of", "must be one of: {allowed}"},
      {C::negative, "negative", "must not be negative"},
      {C::not_object, "not_object", "must be a JSON object"},
      {C::not_string, "not_string", "must be a string"},
      {C::not_integer, "not_integer", "must be an integer"},
      {C::not_whole_number, "not_whole_number", "must be a whole number"},
      {C::not_money, "not_money", "must be a whole, non-negative number of đồng"},
      {C::too_large, "too_large", "is too large"},
      {C::not_boolean, "not_boolean", "must be true or false"},
      {C::not_yes_no, "not_yes_no", "must be 1/0, yes/no or có/không"},
      {C::not_date, "not_date", "must be a date as YYYY-MM-DD or dd/mm/yyyy"},
      {C::not_array, "not_array", "must be an array"},
      {C::not_utf8, "not_utf8", "is not valid UTF-8"},
      {C::not_json, "not_json", "is not valid JSON"},
      {C::bad_text, "bad_text", "{reason}"},
      {C::unknown_field, "unknown_field", "is not a known field"},
      {C::unknown_parameter, "unknown_parameter", "is not a known query parameter"},
      {C::not_id, "not_id", "must be a positive integer id"},
      {C::id_list_format, "id_list_format", "must be ids separated by ';'"},
      {C::province_list_format, "province_list_format",
       "write each province as SET:CODE, e.g. 2008:01;2008:79"},
      {C::outputs_format, "outputs_format", "write outputs as indicator=quantity;..."},
      {C::province_code_format, "province_code_format", "must be a two-digit province code"},
      {C::login_characters, "login_characters", "may use letters, digits, '-', '_' and '.'"},
      {C::at_least, "at_least", "must be at least {min}"},
      {C::between, "between", "must be between {min} and {max}"},
      {C::year_range, "year_range", "must be between {min} and {max}"},
      {C::listed_twice, "listed_twice", "is listed twice"},
      {C::no_province, "no_province", "must name at least one province"},
      {C::one_province, "one_province", "a regular project has one province; use kind point"},
      {C::must_be_empty, "must_be_empty", "must be empty for {what}"},
      {C::sum_mismatch, "sum_mismatch", "must equal {a} + {b}"},
      {C::before_start, "before_start", "must not be before start"},
      {C::unknown_province, "unknown_province", "unknown province {code} in the {set} set"},
      {C::unknown_content, "unknown_content", "unknown content of activity"},
      {C::content_not_in_force, "content_not_in_force",
       "is not in force in {year} (valid {from} to {to})"},
      {C::unknown_indicator, "unknown_indicator", "unknown indicator"},
      {C::unknown_program, "unknown_program", "no such program"},
      {C::no_such_record, "no_such_record", "no such record (id {id})"},
      {C::program_year, "program_year", "must be the program's year ({year})"},
      {C::code_taken, "code_taken", "is already used by another record"},
      {C::login_taken, "login_taken", "is already used"},
      {C::above_ceiling, "above_ceiling", "is above the ceiling of {amount} (rule {rule})"},
      {C::own_province, "own_province", "must be your own province"},
      {C::own_organization, "own_organization", "must be your own organization"},
      {C::status_by_action, "status_by_action",
       "the status changes only through workflow actions; it is {status}"},
      {C::password_too_short, "password_too_short", "must be at least {min} characters"},
      {C::server_set, "server_set", "is set by the server"},
      {C::string_or_integer, "string_or_integer", "must be a string or an integer"},
      {C::csrf_token, "csrf_token", "must be the token of your session"},
      {C::file_problem, "file_problem", "{message}"},
      {C::malformed, "malformed", "is malformed: {what}"},
      {C::wrong_password, "wrong_password", "is not your current password"},
      {C::not_appraiser, "not_appraiser", "is not an appraiser account"},
      {C::not_in_stage, "not_in_stage", "is not at this council's stage (it is {status})"},
      {C::one_chair, "one_chair", "a council has exactly one chair"},
      {C::score_range, "score_range", "must be a whole number of points from 0 to {max}"},
      {C::not_number, "not_number", "must be a number"},
      {C::unknown_key, "unknown_key", "is not a {dimension} known to the register"},
      {C::not_candidate, "not_candidate", "is not a passed proposal of program {program}"},
      {C::not_in_program, "not_in_program", "is not a project of program {program}"},
      {C::unchanged, "unchanged", "is already the project's amount"},
      {C::split_total, "split_total", "the amounts must add up to the project's amount, {total}"},
      {C::email_format, "email_format", "must be an e-mail address like name@example.vn"},
      {C::not_officer, "not_officer", "is not an enabled account that may manage this contract"},
      {C::outside_period, "outside_period",
       "must lie within the project's period, {start} to {end}"},
      {C::cost_items_sum, "cost_items_sum",
       "must equal the sum of the dossier's cost items, {sum}"},
      {C::unknown_column, "unknown_column", "is not a known column"},
      {C::more_problems, "more_problems", "{count} more problem(s) not shown; fix these first"},
      {C::not_utf8_cell, "not_utf8_cell",
       "is not UTF-8 text; the file may be in a legacy encoding (TCVN3, VNI or Windows-1258): "
       "save it as \"CSV UTF-8\""},
      {C::cell_count, "cell_count", "has {cells} cells but the header has {columns}"},
      {C::still_recognized, "still_recognized",
       "the product is recognised at this level until {until} (certificate {certificate}): it "
       "may enter again once that lapses"},
      {C::level_not_in_force, "level_not_in_force", "the {level} level is not in force on {date}"},
      {C::not_timestamp, "not_timestamp", "must be a UTC time as YYYY-MM-DDTHH:MM:SSZ"},
      {C::slug_format, "slug_format",
       "must be 3 to 120 lower-case letters a-z, digits and single hyphens"},
      {C::not_image, "not_image", "must be a JPEG or PNG picture"},
      {C::already_reported, "already_reported",
       "the cluster has already reported for this period (report {id}): correct that one"},
      {C::outside_window, "outside_window", "must lie between {from} and {to}"},
      {C::round_closed, "round_closed", "the round is closed since {date}"},
      {C::not_in_area, "not_in_area", "is not in the round's area, {area}"},
      {C::not_regional_winner, "not_regional_winner",
       "only products recognised at the regional level, and still valid, enter the national round"},
      {C::not_eligible, "not_eligible", "must hold for the product to enter the selection"},
  };
  return table;
}

std::string_view code_name(FieldCode code) {
  return field_codes()[static_cast<size_t>(code)].name;
}

FieldError::FieldError(std::string where, FieldCode what, FieldParams values)
    : field(std::move(where)), code(what), params(std::move(values)) {
  std::string_view text = field_codes()[static_cast<size_t>(code)].english;
  for (size_t i = 0; i < text.size();) {
    size_t open = text.find('{', i);
    if (open == std::string_view::npos) {
      message.append(text.substr(i));
      break;
    }
    message.append(text.substr(i, open - i));
    size_t close = text.find('}', open);
    std::string_view name = text.substr(open + 1, close - open - 1);
    for (const auto& [k, v] : params)
      if (k == name) message += v;
    i = close + 1;
  }
}

}  // namespace kc
