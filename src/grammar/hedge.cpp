// grammar/hedge.cpp — instantiation of the hedge grammar, parse_hedge(), hedge_name().
#include "grammar/hedge_def.hpp"

namespace lovelorn::detail::grammar {

BOOST_SPIRIT_INSTANTIATE(hedge_type, iterator_type, context_type)

bool parse_hedge(const char*& first, const char* last, Hedge& out) noexcept {
  try {
    const char* it = first;
    Hedge h = Hedge::none;
    if (!x3::parse(it, last, hedge, h)) return false;
    out = h;
    first = it;
    return true;
  } catch (...) {  // no expectation points here; kept for the contract
    return false;
  }
}

std::string_view hedge_name(Hedge hedge) noexcept {
  switch (hedge) {
    case Hedge::none: return "";
    case Hedge::about: return "about";
    case Hedge::around: return "around";
    case Hedge::roughly: return "roughly";
    case Hedge::approximately: return "approximately";
    case Hedge::almost: return "almost";
    case Hedge::nearly: return "nearly";
    case Hedge::just_under: return "just under";
    case Hedge::just_over: return "just over";
    case Hedge::a_little_over: return "a little over";
    case Hedge::a_little_under: return "a little under";
    case Hedge::over: return "over";
    case Hedge::well_over: return "well over";
    case Hedge::more_than: return "more than";
    case Hedge::less_than: return "less than";
    case Hedge::under: return "under";
    case Hedge::at_least: return "at least";
    case Hedge::at_most: return "at most";
    case Hedge::only: return "only";
    case Hedge::just: return "just";
    case Hedge::up_to: return "up to";
    case Hedge::just_about: return "just about";
    case Hedge::close_to: return "close to";
    case Hedge::like: return "like";
    case Hedge::barely: return "barely";
    case Hedge::exactly: return "exactly";
    case Hedge::maybe: return "maybe";
    case Hedge::a_good: return "a good";
  }
  return "";
}

}  // namespace lovelorn::detail::grammar
