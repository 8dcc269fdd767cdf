#pragma once
// RFC 9457 problem details: every error the server returns has this one shape,
//   {"type": "/problems/invalid-input", "title": ..., "status": 422, "detail": ...,
//    "instance": "/api/v1/projects", "errors": [{"field": "title", "message": "..."}]}
// with Content-Type application/problem+json. The status and title come from the error
// kind's row in domain/error.cc; a throttled or unavailable error carries Retry-After.
#include "domain/error.h"
#include "http/message.h"

namespace kc::http {

Response problem(const Error& e, const std::string& instance);

}  // namespace kc::http
