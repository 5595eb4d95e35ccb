#include "lovelorn/result.hpp"

namespace lovelorn {

const char* version() noexcept { return LOVELORN_VERSION; }

std::string_view errc_name(Errc code) noexcept {
  switch (code) {
    case Errc::ok: return "ok";
    case Errc::io_error: return "io_error";
    case Errc::invalid_utf8: return "invalid_utf8";
    case Errc::parse_error: return "parse_error";
    case Errc::missing_field: return "missing_field";
    case Errc::record_too_large: return "record_too_large";
    case Errc::skipped_record: return "skipped_record";
    case Errc::unsupported_format: return "unsupported_format";
    case Errc::bad_magic: return "bad_magic";
    case Errc::unsupported_version: return "unsupported_version";
    case Errc::checksum_mismatch: return "checksum_mismatch";
    case Errc::invalid_argument: return "invalid_argument";
  }
  return "unknown";
}

std::string Error::message() const {
  std::string m;
  if (!where_.empty()) {
    m += where_;
    m += ": ";
  }
  m += errc_name(code_);
  m += ": ";
  m += what_;
  return m;
}

}  // namespace lovelorn
