#include "timestamp.hpp"

#include <charconv>
#include <cstdio>

#include "grammar/timestamp.hpp"

namespace lovelorn::detail {

// Howard Hinnant's civil-calendar algorithms: exact for the whole
// proleptic Gregorian range, no tables, no time-zone database.
std::int64_t days_from_civil(const Date& d) {
  const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (d.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day};
}

CivilTime civil_from_epoch(std::int64_t seconds) {
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  CivilTime t;
  t.date = civil_from_days(days);
  t.hour = static_cast<int>(rest / 3600);
  t.minute = static_cast<int>(rest % 3600 / 60);
  t.second = static_cast<int>(rest % 60);
  return t;
}

namespace {

bool valid(const CivilTime& t) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const Date& d = t.date;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > kDays[d.month - 1]) return false;
  if (d.month == 2 && d.day == 29 && !(d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0))) return false;
  return t.hour < 24 && t.minute < 60 && t.second < 61;
}

}  // namespace

std::optional<CivilTime> parse_timestamp(std::string_view text) {
  grammar::TimestampAst ast;
  if (!grammar::parse_timestamp(text.data(), text.data() + text.size(), ast)) return std::nullopt;
  if (ast.is_epoch) {
    // Milliseconds are common in exports; anything past year 5000 in seconds is one.
    std::int64_t s = ast.epoch > 100'000'000'000LL ? ast.epoch / 1000 : ast.epoch;
    return civil_from_epoch(s);
  }
  CivilTime t{Date{ast.year, ast.month, ast.day}, ast.hour, ast.minute, ast.second};
  if (!valid(t)) return std::nullopt;
  return t;
}

std::string to_iso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string to_iso(const CivilTime& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.date.year, t.date.month, t.date.day, t.hour,
                t.minute, t.second);
  return buf;
}

}  // namespace lovelorn::detail
