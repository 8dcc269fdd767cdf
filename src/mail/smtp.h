#pragma once
// E-mail out: an outbox mail as an RFC 5322 message (UTF-8 subject and body, base64), sent
// through the configured SMTP server with libcurl (smtp:// or smtps://; STARTTLS when the
// server offers it). The password comes from the environment (KC_SMTP_PASSWORD) and never
// reaches a log or an error message.
#include <chrono>
#include <string>

#include "domain/error.h"

namespace kc::mail {

struct SmtpSettings {
  std::string url;   // smtp://host:port or smtps://host:port
  std::string from;  // the sender's address
  std::string user;  // "" = no authentication
  std::string password;
  long timeout_seconds = 30;
};

struct Message {
  std::string from, to, subject, body;
};
// The message's text: headers (From, To, Subject encoded as RFC 2047, Date, Message-ID, MIME)
// and the body in base64, lines of 76 characters, CRLF line ends.
std::string compose(const Message& m, std::chrono::system_clock::time_point date,
                    const std::string& message_id);

// Sends one message; the error names what failed (curl's reason), never the credentials.
Status send(const SmtpSettings& s, const Message& m);

}  // namespace kc::mail
