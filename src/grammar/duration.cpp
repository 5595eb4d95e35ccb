// grammar/duration.cpp — instantiation of the duration grammar and parse_duration().
#include "grammar/duration_def.hpp"

namespace lovelorn::detail::grammar {

BOOST_SPIRIT_INSTANTIATE(duration_type, iterator_type, context_type)

bool parse_duration(const char*& first, const char* last, DurationMatch& out) noexcept {
  try {
    const char* it = first;
    DurationMatch m;
    if (!x3::parse(it, last, duration, m)) return false;
    m.begin = first;
    m.end = it;
    out = m;
    first = it;
    return true;
  } catch (...) {  // no expectation points here; kept for the contract
    return false;
  }
}

}  // namespace lovelorn::detail::grammar
