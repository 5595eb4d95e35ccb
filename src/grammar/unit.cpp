// grammar/unit.cpp — instantiation of the time-unit grammar, parse_unit(),
// and the unit table shared by the duration code.
#include "grammar/unit_def.hpp"

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
