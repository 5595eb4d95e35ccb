// grammar/hedge.hpp — declaration of the hedge grammar (X3 rule).
//
// Matches one hedge in front of a quantity ("about", "almost", "a little
// over", "just under", "more than", "at least", "up to", "just about", ...),
// followed by a word boundary. Hedges never change a duration's value.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/duration_ast.hpp"
#include "grammar/number.hpp"

namespace lovelorn::detail::grammar {

struct hedge_class;
using hedge_type = x3::rule<hedge_class, Hedge>;
BOOST_SPIRIT_DECLARE(hedge_type)

}  // namespace lovelorn::detail::grammar
