// grammar/number.cpp — instantiation of the number grammar and parse_number().
#include "grammar/number_def.hpp"

namespace lovelorn::detail::grammar {

BOOST_SPIRIT_INSTANTIATE(number_type, iterator_type, context_type)

bool parse_number(const char*& first, const char* last, Quantity& out) noexcept {
  try {
    const char* it = first;
    Quantity q;
    if (!x3::parse(it, last, number, q)) return false;
    out = q;
    first = it;
    return true;
  } catch (...) {  // no expectation points here; kept for the contract
    return false;
  }
}

}  // namespace lovelorn::detail::grammar
