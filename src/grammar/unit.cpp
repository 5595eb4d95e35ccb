// grammar/unit.cpp — instantiation of the time-unit grammar, parse_unit(),
// and the unit table shared by the duration code.
#include "grammar/unit_def.hpp"

#include <array>
#include <iterator>
#include <cstdint>
#include <string_view>

namespace lovelorn::detail::grammar {

BOOST_SPIRIT_INSTANTIATE(unit_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(glued_unit_type, iterator_type, context_type)

bool parse_unit(const char*& first, const char* last, UnitMatch& out, bool glued) noexcept {
  try {
    const char* it = first;
    UnitMatch u;
    const bool ok = glued ? x3::parse(it, last, glued_unit, u) : x3::parse(it, last, unit, u);
    if (!ok) return false;
    out = u;
    first = it;
    return true;
  } catch (...) {  // no expectation points here; kept for the contract
    return false;
  }
}

namespace {

// The unit words bucketed by (first letter, length), so a lookup compares a
// word with the two or three entries of its bucket at most.
struct UnitWordIndex {
  static constexpr std::size_t kCount = std::size(unit_detail::kEntries);
  std::array<std::string_view, kCount> words{};
  std::array<std::uint8_t, 26 * 16 + 1> start{};  // bucket b is words[start[b], start[b + 1])
};

constexpr std::size_t bucket_of(std::string_view w) { return static_cast<std::size_t>(w[0] - 'a') * 16 + w.size(); }

constexpr UnitWordIndex make_unit_word_index() {
  UnitWordIndex x;
  std::size_t n = 0;
  for (std::size_t b = 0; b < 26 * 16; ++b) {
    x.start[b] = static_cast<std::uint8_t>(n);
    for (const auto& e : unit_detail::kEntries) {
      const std::string_view w(e.word);
      if (bucket_of(w) == b) x.words[n++] = w;
    }
  }
  x.start[26 * 16] = static_cast<std::uint8_t>(n);
  return x;
}

constexpr UnitWordIndex kUnitWordIndex = make_unit_word_index();

}  // namespace

bool is_unit_word(std::string_view word, bool glued) noexcept {
  if (word.empty() || word.size() > 15) return false;
  const auto c = static_cast<unsigned char>(word[0]);
  if (c < 'a' || c > 'z') return false;
  if (glued && word.size() == 1 && (c == 'd' || c == 'h')) return true;
  const std::size_t b = bucket_of(word);
  for (std::size_t k = kUnitWordIndex.start[b]; k < kUnitWordIndex.start[b + 1]; ++k)
    if (kUnitWordIndex.words[k] == word) return true;
  return false;
}

double unit_days(UnitKind kind) noexcept {
  switch (kind) {
    case UnitKind::second: return 1.0 / 86400.0;
    case UnitKind::minute: return 1.0 / 1440.0;
    case UnitKind::hour: return 1.0 / 24.0;
    case UnitKind::day: return 1.0;
    case UnitKind::night: return 1.0;
    case UnitKind::weekend: return 2.0;
    case UnitKind::week: return 7.0;
    case UnitKind::fortnight: return 14.0;
    case UnitKind::month: return 30.44;
    case UnitKind::year: return 365.25;
    case UnitKind::decade: return 3652.5;
  }
  return 1.0;
}

std::string_view unit_name(UnitKind kind) noexcept {
  switch (kind) {
    case UnitKind::second: return "second";
    case UnitKind::minute: return "minute";
    case UnitKind::hour: return "hour";
    case UnitKind::day: return "day";
    case UnitKind::night: return "night";
    case UnitKind::weekend: return "weekend";
    case UnitKind::week: return "week";
    case UnitKind::fortnight: return "fortnight";
    case UnitKind::month: return "month";
    case UnitKind::year: return "year";
    case UnitKind::decade: return "decade";
  }
  return "day";
}

}  // namespace lovelorn::detail::grammar
