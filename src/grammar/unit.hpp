// grammar/unit.hpp — declaration of the time-unit grammar (X3 rules).
//
// `unit` matches one unit word with its plural, abbreviations ("sec", "mins",
// "hr(s)", "wk(s)", "mo(s)", "mth(s)", "yr(s)") and frequent misspellings
// ("yeras", "monts", "weeks"), followed by a word boundary. `glued_unit`
// also accepts the one-letter forms that only follow digits ("3d", "24h").
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/duration_ast.hpp"
#include "grammar/number.hpp"

namespace lovelorn::detail::grammar {

struct unit_class;
struct glued_unit_class;
using unit_type = x3::rule<unit_class, UnitMatch>;
using glued_unit_type = x3::rule<glued_unit_class, UnitMatch>;
BOOST_SPIRIT_DECLARE(unit_type, glued_unit_type)

}  // namespace lovelorn::detail::grammar
