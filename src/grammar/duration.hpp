// grammar/duration.hpp — declaration of the duration grammar (X3 rule).
//
// One duration at the current position, built on the number, unit and hedge
// grammars:
//   [prefix] [hedge] quantity [adjective] unit [tail] [trailing hedge]
// prefix    "the past" "the last" "the first" "the next" "these past"
// quantity  a number (number.hpp), a range ("2-3", "2 to 3", "two or three",
//           "between 2 and 3") or a number "and a half"
// adjective "whole" "full" "straight" "long" "fucking" ... ("two long years")
// tail      "and a half" ("a year and a half"), "or two" ("a week or two"),
//           a smaller unit ("1 year and 3 months", "2 yrs 3 mos")
// trailing  "or so" "or more" "or less" "plus" "+"
// and the unquantified forms: "all day", "the whole night", "the past year"
// (one unit), "all those years", "so many years", "long hours" (no value) and
// a bare plural "months" (DurationForm::bare; the caller checks the context).
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/duration_ast.hpp"
#include "grammar/number.hpp"

namespace lovelorn::detail::grammar {

struct duration_class;
using duration_type = x3::rule<duration_class, DurationMatch>;
BOOST_SPIRIT_DECLARE(duration_type)

}  // namespace lovelorn::detail::grammar
