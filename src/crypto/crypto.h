#pragma once
// Cryptographic primitives from libsodium: random tokens, SHA-256, and password hashing with
// Argon2id. Nothing else in the project calls libsodium directly.
#include <string>
#include <string_view>

namespace kc::crypto {

// Initialises libsodium; safe to call many times. Returns false when it cannot.
bool init();

// A random token of `bytes` random bytes, written as URL-safe base64 without padding.
std::string random_token(std::size_t bytes = 32);

// Standard base64 (RFC 4648, with padding) of the bytes, as MIME needs.
std::string base64(std::string_view bytes);

// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);
// Lower-case hex SHA-256 of a file's bytes, read in blocks; "" when it cannot be read.
std::string sha256_file_hex(const std::string& path);

// Argon2id hash in libsodium's self-describing string form (salt and cost included).
std::string hash_password(std::string_view password);
// Constant-time verification against a stored hash.
bool verify_password(std::string_view password, const std::string& stored_hash);

}  // namespace kc::crypto
