// grammar/timestamp — X3 grammar for dump timestamps (declaration).
//
// Parses one whole timestamp: ISO 8601, epoch seconds, or the blog forms
// "March 8, 2017, 3:14 pm" / "January 16, 2022 at 7:07 pm" / "Mar 8, 2017".
// The definition is in timestamp_def.hpp, instantiated once in timestamp.cpp.
#pragma once

#include <cstdint>

namespace lovelorn::detail::grammar {

struct TimestampAst {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;          // from a trailing +hh:mm / -hh:mm
  std::int64_t epoch = 0;
  bool is_epoch = false;
};

// True when [first, last) is exactly one timestamp (surrounding blanks allowed).
bool parse_timestamp(const char* first, const char* last, TimestampAst& out);

}  // namespace lovelorn::detail::grammar
