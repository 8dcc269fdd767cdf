#pragma once
// What is wrong with one field of an input, as a stable code with parameters. The API sends
// the code and parameters beside the English message, so that the UI can say it in the
// user's language (web/src/shared/messages.ts has a Vietnamese and an English text for every
// code; the OpenAPI document lists the codes, and a test compares the three).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kc {

enum class FieldCode {
  required,
  required_for,
  not_empty,
  too_long,
  length_between,
  one_of,
  negative,
  not_object,
  not_string,
  not_integer,
  not_whole_number,
  not_money,
  too_large,
  not_boolean,
  not_yes_no,
  not_date,
  not_array,
  not_utf8,
  not_json,
  bad_text,
  unknown_field,
  unknown_parameter,
  not_id,
  id_list_format,
  province_list_format,
  outputs_format,
  province_code_format,
  login_characters,
  at_least,
  between,
  year_range,
  listed_twice,
  no_province,
  one_province,
  must_be_empty,
  sum_mismatch,
  before_start,
  unknown_province,
  unknown_content,
  content_not_in_force,
  unknown_indicator,
  unknown_program,
  no_such_record,
  program_year,
  code_taken,
  login_taken,
  above_ceiling,
  own_province,
  own_organization,
  status_by_action,
  password_too_short,
  server_set,
  string_or_integer,
  csrf_token,
  file_problem,
  malformed,
  wrong_password,
  not_appraiser,
  not_in_stage,
  one_chair,
  score_range,
  not_number,
  unknown_key,
  not_candidate,
  not_in_program,
  unchanged,
  split_total,
  email_format,
  not_officer,
  outside_period,
  cost_items_sum,
  unknown_column,
  more_problems,
  not_utf8_cell,
  cell_count,
  still_recognized,
  level_not_in_force,
  not_timestamp,        // not an ISO 8601 UTC time
  slug_format,          // an article's address: lower-case letters, digits and hyphens
  not_image,            // a photo that is not a JPEG or PNG
  already_reported,     // a cluster's report for a period it already reported
  outside_window,       // a day outside the window it must lie in
  round_closed,         // a selection round past its closing day, or concluded
  not_in_area,          // a facility outside the regional round's area
  not_regional_winner,  // a national nomination without a valid regional recognition
  not_eligible,         // a nominated product that does not meet an eligibility condition
};

using FieldParams = std::vector<std::pair<std::string, std::string>>;

struct FieldError {
  FieldError(std::string where, FieldCode what, FieldParams values = {});
  // `field` is a JSON-pointer-like path ("title", "outputs/0/quantity") or, for file imports,
  // "row N, column C".
  std::string field;
  FieldCode code;
  FieldParams params;
  std::string message;  // English, rendered from the code's text and the parameters
};

// The stable name of a code ("required", "too_long", ...).
std::string_view code_name(FieldCode code);
// Every code with its English text, in enum order ("{name}" marks a parameter).
struct FieldCodeText {
  FieldCode code;
  std::string_view name;
  std::string_view english;
};
const std::vector<FieldCodeText>& field_codes();

}  // namespace kc
