#include "mail/smtp.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

#include "crypto/crypto.h"

namespace kc::mail {
namespace {

// base64 in lines of 76 characters, each ended by CRLF.
std::string wrapped_base64(std::string_view bytes) {
  std::string flat = crypto::base64(bytes), out;
  for (std::size_t i = 0; i < flat.size(); i += 76) out += flat.substr(i, 76) + "\r\n";
  return out;
}

// An RFC 2047 encoded word for header text that is not plain ASCII.
std::string header_text(const std::string& text) {
  bool ascii = true;
  for (unsigned char ch : text) ascii = ascii && ch >= 0x20 && ch < 0x7F;
  if (ascii) return text;
  return "=?UTF-8?B?" + crypto::base64(text) + "?=";
}

std::string rfc5322_date(std::chrono::system_clock::time_point t) {
  std::time_t s = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&s, &tm);
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
                tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

// The message handed to curl piece by piece.
struct Reader {
  const std::string& text;
  std::size_t at = 0;
};
std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* r = static_cast<Reader*>(user);
  std::size_t n = std::min(size * count, r->text.size() - r->at);
  std::memcpy(buffer, r->text.data() + r->at, n);
  r->at += n;
  return n;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

std::string compose(const Message& m, std::chrono::system_clock::time_point date,
                    const std::string& message_id) {
  std::string body = m.body;
  if (body.empty() || body.back() != '\n') body += '\n';
  return "From: " + m.from + "\r\nTo: " + m.to + "\r\nSubject: " + header_text(m.subject) +
         "\r\nDate: " + rfc5322_date(date) + "\r\nMessage-ID: <" + message_id +
         ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
         "Content-Transfer-Encoding: base64\r\n\r\n" +
         wrapped_base64(body);
}

Status send(const SmtpSettings& s, const Message& m) {
  global_init();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return std::unexpected(Error::internal("cannot start an SMTP session"));
  auto domain = s.from.substr(s.from.find('@') + 1);
  std::string text =
      compose(m, std::chrono::system_clock::now(),
              crypto::random_token(12) + "@" + (domain.empty() ? "khuyencong" : domain));
  Reader reader{text};
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(
      curl_slist_append(nullptr, ("<" + m.to + ">").c_str()), curl_slist_free_all);
  char error[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, s.url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + s.from + ">").c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(c, CURLOPT_READDATA, &reader);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, s.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  if (!s.user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, s.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, s.password.c_str());
  }
  CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK)
    return std::unexpected(Error::of(
        ErrorKind::unavailable, std::string("SMTP: ") + (*error ? error : curl_easy_strerror(rc))));
  return {};
}

}  // namespace kc::mail
