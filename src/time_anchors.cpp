// time_anchors — calendar dates and relative times, resolved against the
// comment's date.
//
// One pass over the words of the folded text. Calendar forms: "in 2015",
// "March 2016", "March 8, 2017", "8th of March", "3/30/2021", "2021-03-30",
// "on the 3rd". Relative forms: "yesterday", "today", "last week", "this
// weekend", "next month", "last Wednesday", "on Saturday", "two days ago"
// (the duration grammar reads the amount), "a month later", "the next day".
// Resolution uses the proleptic Gregorian helpers of timestamp.hpp; a date in
// the past ("on March 8", "last June", "on the 3rd") resolves to the latest
// such date on or before the comment's date.
#include "time_anchors.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <initializer_list>

#include "grammar/duration_ast.hpp"
#include "lexicon.hpp"

namespace lovelorn::detail {
namespace {

constexpr bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool is_word_byte(unsigned char c) { return is_lower(c) || is_digit(c) || c == '\''; }
constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = is_word_byte(static_cast<unsigned char>(c));
  return t;
}();
constexpr bool is_break(unsigned char c) { return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n'; }

bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}

struct Tok {
  std::size_t b = 0, e = 0;
  std::string_view w;
  explicit operator bool() const { return e > b; }
};

// 1..12 for month names ("march", "sept", "dec"), 0 otherwise; `strict`
// tells whether the word needs a day or year next to it to be a month
// ("may", "mar", "jan": words or names on their own).
int month_of(std::string_view w, bool& strict) {
  static constexpr std::array<std::string_view, 12> kFull = {"january", "february", "march", "april", "may", "june",
                                                             "july", "august", "september", "october", "november",
                                                             "december"};
  static constexpr std::array<std::string_view, 12> kShort = {"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};
  strict = false;
  for (int i = 0; i < 12; ++i) {
    if (w == kFull[static_cast<std::size_t>(i)]) {
      strict = i == 4;  // "may"
      return i + 1;
    }
  }
  for (int i = 0; i < 12; ++i) {
    if (w == kShort[static_cast<std::size_t>(i)] || (i == 8 && w == "sept")) {
      strict = true;
      return i + 1;
    }
  }
  return 0;
}

// 0 = Monday ... 6 = Sunday, -1 otherwise.
int weekday_of(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday", "wednesday", "thursday",
                                                            "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i)
    if (w == kDays[static_cast<std::size_t>(i)]) return i;
  return -1;
}

bool parse_int(std::string_view s, int& v) {
  if (s.empty() || s.size() > 9) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

// "3", "3rd", "21st" -> day of month (1..31), 0 otherwise.
int day_of(std::string_view w) {
  std::size_t n = 0;
  while (n < w.size() && is_digit(static_cast<unsigned char>(w[n]))) ++n;
  if (n == 0 || n > 2) return 0;
  const std::string_view rest = w.substr(n);
  if (!rest.empty() && !in(rest, {"st", "nd", "rd", "th"})) return 0;
  int d = 0;
  parse_int(w.substr(0, n), d);
  return d >= 1 && d <= 31 ? d : 0;
}

bool ordinal(std::string_view w) { return day_of(w) > 0 && !is_digit(static_cast<unsigned char>(w.back())); }

int year_of(std::string_view w) {
  int y = 0;
  if (w.size() != 4 || !parse_int(w, y)) return 0;
  return y >= 1900 && y <= 2099 ? y : 0;
}

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

bool valid(const Date& d) { return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month); }

Date add_days(const Date& d, std::int64_t n) { return civil_from_days(days_from_civil(d) + n); }

// Year and month `n` months after `d` (n may be negative).
void add_months(const Date& d, int n, int& y, int& m) {
  const int total = d.year * 12 + (d.month - 1) + n;
  y = total / 12;
  m = total % 12 + 1;
}

std::string iso_month(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}
std::string iso_year(int y) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

int weekday(const Date& d) {  // 0 = Monday
  const std::int64_t z = days_from_civil(d);  // 1970-01-01 was a Thursday
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

// Every word handle() reacts to besides numbers: a (first letter, length)
// mask rejects all other words before any comparison (handle() does nothing
// for them, so skipping them changes no result).
constexpr std::string_view kTriggerWords[] = {
    "yesterday", "today", "tonight", "tomorrow", "last", "this", "next", "past", "ago", "later", "earlier",
    "following", "the", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};

constexpr std::array<std::uint16_t, 256> make_trigger_mask() {
  std::array<std::uint16_t, 256> m{};
  for (std::string_view w : kTriggerWords) m[static_cast<unsigned char>(w[0])] |= static_cast<std::uint16_t>(1u << w.size());
  return m;
}
constexpr auto kTriggerMask = make_trigger_mask();

// Their first two letters ("th", "la", "ye", ...).
constexpr std::array<bool, 26 * 26> kTriggerBigram = [] {
  std::array<bool, 26 * 26> t{};
  for (std::string_view w : kTriggerWords) t[static_cast<std::size_t>((w[0] - 'a') * 26 + (w[1] - 'a'))] = true;
  return t;
}();

inline bool may_trigger(const unsigned char* w, std::size_t size) {
  if (is_digit(w[0])) return true;
  return size < 16 && (kTriggerMask[w[0]] >> size & 1u) && is_lower(w[1]) &&
         kTriggerBigram[static_cast<std::size_t>((w[0] - 'a') * 26 + (w[1] - 'a'))];
}

class Scanner {
 public:
  Scanner(std::string_view original, const NormalizedText& text, const std::optional<Date>& now,
          std::vector<TimeAnchor>& out)
      : original_(original), text_(text), s_(text.text), now_(now), out_(out), first_(out.size()) {}

  // The words are those of the shared lexicon scan (contacts and facts read
  // the same scan of the same text): a token that is one plain run of
  // [a-z0-9'] is exactly one word here; the rare others (capitals or UTF-8
  // letters, "e-mail", "2.5") are rescanned with next(). Only the few words
  // that handle() reacts to (numbers and the trigger words) get a Tok and
  // their context: the previous two words of the same sentence.
  void run(const lexicon::Scanned& scanned) {
    // The previous word [b1, e1) and the one before it [b2, e2); empty at the start.
    std::size_t b1 = 0, e1 = 0, b2 = 0, e2 = 0;
    const auto* s = reinterpret_cast<const unsigned char*>(s_.data());
    auto word = [&](std::size_t b, std::size_t e) {
      if (b >= covered_ && may_trigger(s + b, e - b)) {
        const Tok t{b, e, s_.substr(b, e - b)};
        const Tok w1{b1, e1, s_.substr(b1, e1 - b1)}, w2{b2, e2, s_.substr(b2, e2 - b2)};
        Tok p1, p2;
        if (w1 && !gap_breaks(w1, t)) {
          p1 = w1;
          if (w2 && !gap_breaks(w2, w1)) p2 = w2;
        }
        handle(t, p1, p2);
      }
      b2 = b1;
      e2 = e1;
      b1 = b;
      e1 = e;
    };
    std::size_t done = 0;  // every word starting before `done` has been seen
    for (const lexicon::Tok& tok : scanned.tokens()) {
      if (tok.kind == lexicon::TokKind::punct || tok.begin < done) continue;
      if (tok.simple) {
        word(tok.begin, tok.end);
        done = tok.end;
        continue;
      }
      for (std::size_t i = tok.begin;;) {
        const Tok w = next(i);
        if (!w || w.b >= tok.end) break;
        word(w.b, w.e);
        i = done = w.e;
      }
    }
    std::sort(out_.begin() + static_cast<std::ptrdiff_t>(first_), out_.end(),
              [](const TimeAnchor& a, const TimeAnchor& b) { return a.begin < b.begin; });
  }

 private:
  Tok next(std::size_t i) const {
    const auto* s = reinterpret_cast<const unsigned char*>(s_.data());
    const std::size_t n = s_.size();
    while (true) {
      while (i < n && !kWordByte[s[i]]) ++i;
      std::size_t b = i;
      while (i < n && kWordByte[s[i]]) ++i;
      while (b < i && s[b] == '\'') ++b;
      std::size_t e = i;
      while (e > b && s[e - 1] == '\'') --e;
      if (b == e && i < n) continue;  // a run of apostrophes only
      return Tok{b, e, s_.substr(b, e - b)};
    }
  }

  bool gap_breaks(const Tok& a, const Tok& b) const {
    if (!a) return false;
    for (std::size_t k = a.e; k < b.b; ++k)
      if (is_break(static_cast<unsigned char>(s_[k]))) return true;
    return false;
  }

  void handle(const Tok& t, const Tok& p1, const Tok& p2) {
    const std::string_view w = t.w;
    const auto c = static_cast<unsigned char>(w[0]);
    if (is_digit(c)) {
      if (numeric_date(t)) return;
      if (const int y = year_of(w); y && p1 &&
          in(p1.w, {"in", "since", "of", "from", "until", "till", "by", "during", "before", "after", "early",
                    "late", "mid", "summer", "winter", "spring", "fall", "autumn", "back", "around", "circa"}) &&
          !(t.b > 0 && s_[t.b - 1] == '$') && !counts_things(t)) {
        emit(t.b, t.e, iso_year(y), false);
        return;
      }
      if (ordinal(w)) ordinal_day(t, p1, p2);
      return;
    }
    if (in(w, {"yesterday", "today", "tonight", "tomorrow"})) {
      const int off = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
      emit(t.b, t.e, now_ ? to_iso(add_days(*now_, off)) : std::string(), true);
      return;
    }
    if (in(w, {"last", "this", "next", "past"})) {
      relative_named(t, p1);
      return;
    }
    if (w == "ago" || w == "later" || w == "earlier") {
      amount_before(t);
      return;
    }
    if ((w == "next" || w == "following") && p1 && p1.w == "the") return;  // handled at "the"
    if (w == "the") {
      Tok n1 = next(t.e);
      if (n1 && in(n1.w, {"next", "following"})) {
        Tok n2 = next(n1.e);
        if (n2 && in(n2.w, {"day", "morning", "night", "evening", "week", "weekend", "month", "year"})) {
          emit(t.b, n2.e, std::string(), true);
          return;
        }
      }
      return;
    }
    if (const int wd = weekday_of(w); wd >= 0) {
      std::string r;
      if (now_) {  // the latest such day before the comment
        int back = (weekday(*now_) - wd + 7) % 7;
        if (back == 0) back = 7;
        r = to_iso(add_days(*now_, -back));
      }
      emit(t.b, t.e, r, true);
      return;
    }
    bool strict = false;
    if (const int m = month_of(w, strict)) month_name(t, m, strict, p1);
  }

  // "in 2000 messages": a count, not a year.
  bool counts_things(const Tok& t) const {
    Tok n1 = next(t.e);
    if (!n1 || gap_breaks(t, n1) || n1.w.size() < 4 || n1.w.back() != 's') return false;
    for (char c : n1.w)
      if (!is_lower(static_cast<unsigned char>(c))) return false;
    return !in(n1.w, {"was", "has", "is", "this", "his", "as", "always", "thus", "yes", "less", "unless"});
  }

  // "3/30/2021", "30/3/2021" (day first when the first part exceeds 12), "2021-03-30".
  bool numeric_date(const Tok& t) {
    std::size_t i = t.b;
    int parts[3] = {0, 0, 0};
    int lens[3] = {0, 0, 0};
    char sep = 0;
    int n = 0;
    while (n < 3) {
      std::size_t b = i;
      while (i < s_.size() && is_digit(static_cast<unsigned char>(s_[i])) && i - b < 4) ++i;
      if (i == b) return false;
      parse_int(s_.substr(b, i - b), parts[n]);
      lens[n] = static_cast<int>(i - b);
      ++n;
      if (n == 3) break;
      if (i >= s_.size() || (s_[i] != '/' && s_[i] != '-')) return false;
      if (sep && s_[i] != sep) return false;
      sep = s_[i];
      ++i;
    }
    if (i < s_.size() && is_digit(static_cast<unsigned char>(s_[i]))) return false;
    Date d;
    if (lens[0] == 4 && sep == '-') {
      d = Date{parts[0], parts[1], parts[2]};
    } else if (lens[2] == 4 || lens[2] == 2) {
      const int y = lens[2] == 2 ? 2000 + parts[2] : parts[2];
      d = parts[0] > 12 ? Date{y, parts[1], parts[0]} : Date{y, parts[0], parts[1]};
    } else {
      return false;
    }
    if (d.year < 1900 || d.year > 2099 || !valid(d)) return false;
    emit(t.b, i, to_iso(d), false);
    return true;
  }

  // "on the 3rd", "the 8th of march"
  void ordinal_day(const Tok& t, const Tok& p1, const Tok& p2) {
    const int day = day_of(t.w);
    Tok n1 = next(t.e);
    if (n1 && n1.w == "of") {
      Tok n2 = next(n1.e);
      bool strict = false;
      if (n2) {
        if (const int m = month_of(n2.w, strict)) {
          const std::size_t b = p1 && p1.w == "the" ? p1.b : t.b;
          Tok n3 = next(n2.e);
          const int y = n3 ? year_of(n3.w) : 0;
          emit_day_month(b, y ? n3.e : n2.e, y, m, day);
          return;
        }
      }
    }
    if (p1 && p1.w == "the" && p2 && p2.w == "on") {
      std::string r;
      if (now_) {
        Date d{now_->year, now_->month, day};
        int y = now_->year, m = now_->month;
        if (!valid(d) || days_from_civil(d) > days_from_civil(*now_)) {
          add_months(*now_, -1, y, m);
          d = Date{y, m, day};
        }
        if (valid(d)) r = to_iso(d);
      }
      emit(p1.b, t.e, r, false);
    }
  }

  void month_name(const Tok& t, int m, bool strict, const Tok& p1) {
    Tok n1 = next(t.e);
    // "8 march", "8th march 2014"
    if (p1 && day_of(p1.w) && !gap_breaks(p1, t)) {
      const int y = n1 && !gap_breaks(t, n1) ? year_of(n1.w) : 0;
      emit_day_month(p1.b, y ? n1.e : t.e, y, m, day_of(p1.w));
      return;
    }
    // "march 8", "march 8th, 2017", "march 2016"
    if (n1 && !gap_breaks(t, n1)) {
      if (const int y = year_of(n1.w)) {
        emit(t.b, n1.e, iso_month(y, m), false);
        return;
      }
      if (const int day = day_of(n1.w)) {
        Tok n2 = next(n1.e);
        const int y = n2 && !gap_breaks(n1, n2) ? year_of(n2.w) : 0;
        emit_day_month(t.b, y ? n2.e : n1.e, y, m, day);
        return;
      }
    }
    if (strict && !(m == 5 && p1 && in(p1.w, {"in", "since", "until", "till", "of", "early", "late", "mid"})))
      return;
    if (!p1 || !in(p1.w, {"in", "since", "last", "this", "next", "until", "till", "early", "late", "mid", "end",
                          "beginning", "of", "during", "around", "by", "from", "before", "after", "through"}))
      return;
    std::string r;
    if (now_) {
      int y = now_->year;
      if (p1.w == "next") {
        if (m <= now_->month) ++y;
      } else if (p1.w != "this" && m > now_->month) {
        --y;
      } else if (p1.w == "last" && m == now_->month) {
        --y;
      }
      r = iso_month(y, m);
    }
    const bool named = in(p1.w, {"last", "this", "next"});
    emit(named ? p1.b : t.b, t.e, r, named);
  }

  void emit_day_month(std::size_t b, std::size_t e, int y, int m, int day) {
    std::string r;
    if (y) {
      Date d{y, m, day};
      if (valid(d)) r = to_iso(d);
    } else if (now_) {
      Date d{now_->year, m, day};
      if (valid(d) && days_from_civil(d) > days_from_civil(*now_)) d.year -= 1;
      if (valid(d)) r = to_iso(d);
    }
    emit(b, e, r, false);
  }

  // "last week", "this weekend", "next month", "last wednesday", "last june",
  // "last night", "this morning"; not "the last week of june".
  void relative_named(const Tok& t, const Tok& p1) {
    if (p1 && in(p1.w, {"the", "my", "our", "his", "her", "their", "your", "these", "those", "at"})) return;
    Tok n1 = next(t.e);
    if (!n1 || gap_breaks(t, n1)) return;
    Tok unit_tok = n1;
    if (t.w == "this" && n1.w == "past") {  // "this past weekend"
      unit_tok = next(n1.e);
      if (!unit_tok) return;
    } else if (t.w == "past") {
      return;
    }
    const std::size_t e = unit_tok.e;
    const std::string_view unit = unit_tok.w;
    const int sign = t.w == "last" || e != n1.e ? -1 : t.w == "next" ? 1 : 0;  // "this past weekend" = last
    bool strict = false;
    if (const int m = month_of(unit, strict); m && !strict) {  // "last june", "this past september"
      month_name(unit_tok, m, false, Tok{t.b, t.e, sign < 0 ? std::string_view("last") : t.w});
      return;
    }
    std::string r;
    bool known = true;
    if (unit == "week") {
      if (now_) r = to_iso(add_days(*now_, 7 * sign));
    } else if (unit == "weekend") {
      if (now_) {  // Saturday of that week (weeks start on Monday)
        const Date monday = add_days(*now_, -weekday(*now_));
        r = to_iso(add_days(monday, 5 + 7 * sign));
      }
    } else if (unit == "month") {
      if (now_) {
        int y = 0, m = 0;
        add_months(*now_, sign, y, m);
        r = iso_month(y, m);
      }
    } else if (unit == "year") {
      if (now_) r = iso_year(now_->year + sign);
    } else if (in(unit, {"night", "morning", "evening", "afternoon"})) {
      if (sign > 0 && unit != "night") return;
      if (now_) r = to_iso(add_days(*now_, unit == "night" && sign < 0 ? -1 : 0));
    } else if (const int wd = weekday_of(unit); wd >= 0) {
      if (now_) {
        int delta = 0;
        const int today = weekday(*now_);
        if (sign < 0) {
          delta = -((today - wd + 7) % 7);
          if (delta == 0) delta = -7;
        } else if (sign > 0) {
          delta = (wd - today + 7) % 7;
          if (delta == 0) delta = 7;
        } else {
          delta = wd - today;
        }
        r = to_iso(add_days(*now_, delta));
      }
    } else if (in(unit, {"summer", "winter", "spring", "fall", "autumn", "semester", "christmas"})) {
      if (now_) r = iso_year(now_->year + (sign < 0 && unit != "winter" && unit != "christmas" ? -1 : sign > 0 ? 1 : 0));
    } else {
      known = false;
    }
    if (!known) return;
    emit(t.b, e, r, true);
  }

  // "two days ago", "about a month later": the duration grammar reads the amount.
  void amount_before(const Tok& t) {
    std::size_t end = t.b;
    while (end > 0 && (s_[end - 1] == ' ' || s_[end - 1] == '\t')) --end;
    if (end == 0 || end == t.b) return;
    std::array<std::size_t, 8> starts{};
    std::size_t ns = 0;
    std::size_t i = end;
    while (ns < starts.size() && i > covered_) {
      const auto c = static_cast<unsigned char>(s_[i - 1]);
      if (is_break(c) || c == ',') break;
      if (!is_word_byte(c) && c != '-' && c != '.' && c != '+' && c != '/') { --i; continue; }
      while (i > covered_ && (is_word_byte(static_cast<unsigned char>(s_[i - 1])) ||
                              ((s_[i - 1] == '.' || s_[i - 1] == '/') && i >= 2 && is_digit(static_cast<unsigned char>(s_[i - 2])))))
        --i;
      starts[ns++] = i;
      if (i > 0 && (s_[i - 1] == '-' || s_[i - 1] == '+')) --i;
    }
    for (std::size_t k = ns; k-- > 0;) {
      const char* f = s_.data() + starts[k];
      grammar::DurationMatch m;
      if (!grammar::parse_duration(f, s_.data() + s_.size(), m) || m.end != s_.data() + end) continue;
      std::string r;
      const bool quantified = m.form == grammar::DurationForm::quantified || m.form == grammar::DurationForm::whole;
      const double n = m.quantity.value + m.extra_units;
      const double days = n * grammar::unit_days(m.unit.kind) + m.extra_days;
      // Resolve only amounts a date can be computed for ("3333333 weeks
      // ago" is kept as an anchor without a date, not turned into nonsense).
      constexpr double kMaxDaysBack = 365.25 * 1000;
      if (now_ && quantified && t.w == "ago" && days >= 0 && days <= kMaxDaysBack) {
        switch (m.unit.kind) {
          case grammar::UnitKind::month: {
            int y = 0, mo = 0;
            add_months(*now_, -static_cast<int>(n + 0.5), y, mo);
            r = iso_month(y, mo);
            break;
          }
          case grammar::UnitKind::year:
          case grammar::UnitKind::decade:
            r = iso_year(now_->year - static_cast<int>(days / 365.25 + 0.5));
            break;
          default:
            r = to_iso(add_days(*now_, -static_cast<std::int64_t>(days + 0.5)));
        }
      }
      emit(starts[k], t.e, r, true);
      return;
    }
  }

  void emit(std::size_t b, std::size_t e, std::string resolved, bool relative) {
    TimeAnchor a;
    a.begin = text_.orig_begin(b);
    a.end = text_.orig_end(b, e);
    if (a.end > original_.size() || a.begin > a.end) return;
    a.text.assign(original_.substr(a.begin, a.end - a.begin));
    a.resolved = std::move(resolved);
    a.relative = relative;
    out_.push_back(std::move(a));
    covered_ = std::max(covered_, e);
  }

  std::string_view original_;
  const NormalizedText& text_;
  std::string_view s_;
  const std::optional<Date>& now_;
  std::vector<TimeAnchor>& out_;
  std::size_t first_;
  std::size_t covered_ = 0;
};

}  // namespace

void extract_time_anchors(std::string_view original, const NormalizedText& text, const lexicon::Scanned& scanned,
                          const std::optional<Date>& now, std::vector<TimeAnchor>& out) {
  Scanner(original, text, now, out).run(scanned);
}

}  // namespace lovelorn::detail
