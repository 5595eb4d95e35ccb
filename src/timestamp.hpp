// timestamp — parse the timestamps found in comment dumps into civil time.
//
// Accepted: ISO 8601 ("2017-03-08T15:14:00", "2017-03-08 15:14:00", "2017-03-08",
// optional fraction and Z/±hh:mm), Unix epoch seconds ("1488986040",
// "1488986040.0"), and the blog formats "March 8, 2017, 3:14 pm",
// "March 8, 2017 at 3:14 pm", "Mar 8, 2017", "March 8, 2017".
// The parser is a Boost.Spirit X3 grammar (src/grammar/timestamp*).
//
// Thread-safety: thread-safe (pure functions).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lovelorn::detail {

struct Date {
  int year = 0, month = 0, day = 0;  // month 1..12, day 1..31
  friend bool operator==(const Date&, const Date&) = default;
};

struct CivilTime {
  Date date;
  int hour = 0, minute = 0, second = 0;
  friend bool operator==(const CivilTime&, const CivilTime&) = default;
};

// nullopt when `text` is not one of the accepted forms or names an impossible date.
std::optional<CivilTime> parse_timestamp(std::string_view text);

// From Unix epoch seconds (UTC).
CivilTime civil_from_epoch(std::int64_t seconds);

// Days since 1970-01-01 and back (proleptic Gregorian).
std::int64_t days_from_civil(const Date& d);
Date civil_from_days(std::int64_t days);

// "2017-03-08T15:14:00" / "2017-03-08".
std::string to_iso(const CivilTime& t);
std::string to_iso(const Date& d);

}  // namespace lovelorn::detail
