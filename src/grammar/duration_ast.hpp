// grammar/duration_ast.hpp — what the duration grammars produce, and their
// entry points.
//
// This header is the only one of the duration grammars that the rest of the
// library includes: it has no Boost dependency. The X3 rules themselves are
// declared in number.hpp, unit.hpp, hedge.hpp and duration.hpp and defined in
// the matching *_def.hpp files (one grammar per triplet, see STYLE.md).
//
// Every entry point parses the normalised (lower-case) text starting exactly
// at `first`, never skips leading space, and on success advances `first` past
// the match. They never throw and never allocate.
//
// Thread-safety: thread-safe (the grammars are immutable after static
// initialisation).
#pragma once

#include <cstdint>
#include <string_view>

namespace lovelorn::detail::grammar {

enum class UnitKind : std::uint8_t { second, minute, hour, day, night, weekend, week, fortnight, month, year, decade };

struct UnitMatch {
  UnitKind kind = UnitKind::day;
  bool plural = false;  // "weeks", "yrs"
  bool abbrev = false;  // "wk", "yrs", "mos", misspellings count as full words
};

// Length of one unit in days (month 30.44, year 365.25).
double unit_days(UnitKind kind) noexcept;
// "second" ... "decade", "weekend", "night", "fortnight".
std::string_view unit_name(UnitKind kind) noexcept;

enum class QuantityKind : std::uint8_t {
  exact,    // "3", "two", "twenty one", "1.5"
  article,  // "a", "an", "another"
  couple,   // "a couple (of)"
  few,      // "a few", "few"
  several,  // "several"
  half,     // "half a", "a half"
  range,    // "2-3", "two or three", "between 2 and 3"
};

struct Quantity {
  double value = 0;  // central value
  double low = 0;
  double high = 0;
  QuantityKind kind = QuantityKind::exact;
  bool digits = false;  // written with digits
  bool plus = false;    // "3+"
};

enum class Hedge : std::uint8_t {
  none, about, around, roughly, approximately, almost, nearly, just_under, just_over, a_little_over,
  a_little_under, over, well_over, more_than, less_than, under, at_least, at_most, only, just, up_to,
  just_about, close_to, like, barely, exactly, maybe, a_good,
};
// "" for Hedge::none, else the normalised hedge ("about", "a little over", ...).
std::string_view hedge_name(Hedge hedge) noexcept;

// A leading determiner kept in the span ("the past five months").
enum class Prefix : std::uint8_t { none, the_past, the_last, the_first, the_next, these_past };

enum class DurationForm : std::uint8_t {
  quantified,    // a quantity and a unit: "about two months", "2-3 wks", "a year and a half"
  whole,         // "all day", "the whole night", "the past year": one unit
  modified_bare, // unquantified plural with a modifier: "all those years", "so many years", "long hours"
  bare,          // a plural unit alone: "months" (the caller decides from context)
};

struct DurationMatch {
  const char* begin = nullptr;       // start of the match (hedge or prefix included)
  const char* end = nullptr;         // end of the match
  const char* quantity_begin = nullptr;  // the quantity (after prefix and hedge)
  const char* unit_begin = nullptr;  // the first unit word
  const char* unit_end = nullptr;
  DurationForm form = DurationForm::quantified;
  Prefix prefix = Prefix::none;
  Hedge hedge = Hedge::none;
  Quantity quantity;
  UnitMatch unit;
  double extra_units = 0;  // "and a half" -> 0.5
  double extra_days = 0;   // compound "1 year and 3 months" -> the 3 months
  bool range_tail = false; // "a week or two": quantity became a range after the unit
  bool adjective = false;  // "two whole weeks", "two fucking years"
  bool good = false;       // "a good hour"
};

// One number at `first`: digits ("3", "1.5", "1,000", "3+"), number words up
// to the thousands ("twenty one", "two hundred"), "a"/"an"/"another",
// "a couple (of)", "a few", "several", "a dozen", "half a", "a half".
bool parse_number(const char*& first, const char* last, Quantity& out) noexcept;

// One time unit at `first` ("weeks", "yrs", "mths", "weekend"); `glued` allows
// the one-letter forms that only follow digits directly ("3d", "24h").
bool parse_unit(const char*& first, const char* last, UnitMatch& out, bool glued = false) noexcept;

// True when `word` (a whole run of [a-z0-9]) is one of the unit words, that
// is when parse_unit() succeeds on it; a cheap test that needs no parser.
bool is_unit_word(std::string_view word, bool glued = false) noexcept;

// One hedge at `first` ("about", "a little over", "at least", ...).
bool parse_hedge(const char*& first, const char* last, Hedge& out) noexcept;

// A whole duration starting at `first`.
bool parse_duration(const char*& first, const char* last, DurationMatch& out) noexcept;

}  // namespace lovelorn::detail::grammar
