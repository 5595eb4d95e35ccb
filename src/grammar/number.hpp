// grammar/number.hpp — declaration of the number grammar (X3 rule).
//
// Parses one cardinal at the current position: digits ("3", "1.5", "1,000",
// "3+"), number words up to the thousands ("twenty one", "two hundred and
// five"), "a"/"an"/"another" (1), "a couple (of)" (2), "a few"/"few" (3,
// 2..4), "several" (3, 3..7), "a dozen" (12), "half a"/"a half" (0.5).
// Only included by the grammar files; the library uses parse_number() from
// duration_ast.hpp.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/duration_ast.hpp"

namespace lovelorn::detail::grammar {

namespace x3 = boost::spirit::x3;

// Every grammar of the duration family parses the normalised text in place.
using iterator_type = const char*;
using context_type = x3::unused_type;

struct number_class;
using number_type = x3::rule<number_class, Quantity>;
BOOST_SPIRIT_DECLARE(number_type)

}  // namespace lovelorn::detail::grammar
