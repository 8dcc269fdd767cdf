#pragma once
// RFC 9457 problem details: every error the API returns has this one shape,
//   {"type": "/problems/invalid-input", "title": ..., "status": 422, "detail": ...,
//    "instance": "/api/v1/projects", "errors": [{"field": "title", "message": "..."}]}
// with Content-Type application/problem+json.
#include "domain/error.h"
#include "http/message.h"

namespace kc::http {

Response problem(const Error& e, const std::string& instance);
// For errors the HTTP layer finds itself (malformed body, unknown route, wrong method).
Response problem(int status, const std::string& title, const std::string& detail,
                 const std::string& instance, std::vector<FieldError> fields = {});

}  // namespace kc::http
