// grammar/number_def.hpp — definition of the number grammar (see number.hpp).
#pragma once

#include <charconv>

#include "grammar/number.hpp"

namespace lovelorn::detail::grammar {
namespace number_detail {

struct SmallWords : x3::symbols<int> {
  SmallWords() {
    add("one", 1)("two", 2)("three", 3)("four", 4)("five", 5)("six", 6)("seven", 7)("eight", 8)
       ("nine", 9)("ten", 10)("eleven", 11)("twelve", 12)("thirteen", 13)("fourteen", 14)
       ("fifteen", 15)("sixteen", 16)("seventeen", 17)("eighteen", 18)("nineteen", 19);
  }
};

struct TensWords : x3::symbols<int> {
  TensWords() {
    add("twenty", 20)("thirty", 30)("forty", 40)("fourty", 40)("fifty", 50)("sixty", 60)
       ("seventy", 70)("eighty", 80)("ninety", 90);
  }
};

inline Quantity vague(double value, double low, double high, QuantityKind kind) {
  Quantity q;
  q.value = value;
  q.low = low;
  q.high = high;
  q.kind = kind;
  return q;
}

// Vague and idiomatic amounts; the values follow shared/gold/README.md
// ("a couple" 2, "a few" 3, "several" 3) with the interval a reader means.
struct VagueWords : x3::symbols<Quantity> {
  VagueWords() {
    const Quantity couple = vague(2, 2, 3, QuantityKind::couple);
    const Quantity few = vague(3, 2, 4, QuantityKind::few);
    const Quantity several = vague(3, 3, 7, QuantityKind::several);
    add("a couple of", couple)("a couple", couple)("couple of", couple)("couple", couple)
       ("a few", few)("few", few)("a handful of", vague(3, 2, 5, QuantityKind::few))
       ("several", several)("a dozen", vague(12, 12, 12, QuantityKind::exact))
       ("dozen", vague(12, 12, 12, QuantityKind::exact));
  }
};

const SmallWords small_words;
const TensWords tens_words;
const VagueWords vague_words;

using x3::lit;
// Character classes as ranges: x3::digit and friends call <cctype> and assert
// on the bytes of UTF-8 sequences.
const auto digit = x3::char_('0', '9');
const auto eow = !x3::char_("a-z0-9");
const auto sp = +(x3::lit(' ') | x3::lit('\t'));

const auto set_val = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };
const auto set_one = [](auto& ctx) { x3::_val(ctx) = 1; };
const auto add_unit_digit = [](auto& ctx) {
  if (x3::_attr(ctx) > 9) x3::_pass(ctx) = false;
  else x3::_val(ctx) += x3::_attr(ctx);
};
const auto add_val = [](auto& ctx) { x3::_val(ctx) += x3::_attr(ctx); };
const auto times100 = [](auto& ctx) { x3::_val(ctx) *= 100; };
const auto times1000 = [](auto& ctx) { x3::_val(ctx) *= 1000; };

const auto exact_words = [](auto& ctx) {
  Quantity q;
  q.value = q.low = q.high = x3::_attr(ctx);
  x3::_val(ctx) = q;
};
const auto set_vague = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };
const auto set_half = [](auto& ctx) {
  x3::_val(ctx) = vague(0.5, 0.5, 0.5, QuantityKind::half);
};
const auto set_article = [](auto& ctx) {
  x3::_val(ctx) = vague(1, 1, 1, QuantityKind::article);
};
// Digits with optional thousands separators and decimals, read exactly.
const auto set_digits = [](auto& ctx) {
  char buf[32];
  std::size_t n = 0;
  for (char c : x3::_attr(ctx)) {
    if (c == ',') continue;
    if (n == sizeof buf) { x3::_pass(ctx) = false; return; }
    buf[n++] = c;
  }
  double v = 0;
  auto [p, ec] = std::from_chars(buf, buf + n, v);
  if (ec != std::errc() || p != buf + n) { x3::_pass(ctx) = false; return; }
  Quantity q;
  q.value = q.low = q.high = v;
  q.digits = true;
  x3::_val(ctx) = q;
};
const auto add_half = [](auto& ctx) {  // "3 1/2"
  Quantity& q = x3::_val(ctx);
  q.value += 0.5;
  q.low = q.high = q.value;
};
const auto set_plus = [](auto& ctx) { x3::_val(ctx).plus = true; };

const x3::rule<class below100_class, int> below100 = "below100";
const x3::rule<class below1000_class, int> below1000 = "below1000";
const x3::rule<class word_number_class, int> word_number = "word_number";

const auto below100_def =
    (tens_words[set_val] >> eow >> -((lit('-') | sp) >> small_words[add_unit_digit] >> eow))
  | (small_words[set_val] >> eow);

// Each group is read once, left to right, so a plain "two" costs one table
// lookup: below100 [hundred [and below100]] [thousand [and below1000]].
const auto a_multiplier = lit('a') >> &(sp >> (lit("hundred") | lit("thousand")));
const auto hundreds_tail = (sp >> lit("hundred") >> eow)[times100] >> -(sp >> -(lit("and") >> sp) >> below100[add_val]);
const auto below1000_def = (below100[set_val] | a_multiplier[set_one]) >> -hundreds_tail;
const auto thousands_tail = (sp >> lit("thousand") >> eow)[times1000] >> -(sp >> -(lit("and") >> sp) >> below1000[add_val]);
const auto word_number_def = below1000[set_val] >> -thousands_tail;

const auto digits =
    x3::raw[+digit >> *(lit(',') >> x3::repeat(3)[digit] >> !digit) >> -(lit('.') >> +digit)];

}  // namespace number_detail

const number_type number = "number";

// Alternatives that start with a digit come first, then number words, then
// the vague and article forms ("a couple" before "a").
const auto number_def =
    (x3::lit("1/2") >> !number_detail::digit)[number_detail::set_half]
  | (number_detail::digits[number_detail::set_digits] >>
     -((number_detail::sp >> x3::lit("1/2") >> !number_detail::digit)[number_detail::add_half] | x3::lit('+')[number_detail::set_plus]))
  | number_detail::word_number[number_detail::exact_words]
  | (number_detail::vague_words[number_detail::set_vague] >> number_detail::eow)
  | (x3::lit("half") >> number_detail::sp >> (x3::lit("an") | x3::lit("a")) >> number_detail::eow)[number_detail::set_half]
  | (x3::lit('a') >> number_detail::sp >> x3::lit("half") >> number_detail::eow)[number_detail::set_half]
  | (x3::lit("half") >> number_detail::eow)[number_detail::set_half]
  | ((x3::lit("another") | x3::lit("an") | x3::lit('a')) >> number_detail::eow)[number_detail::set_article];

namespace number_detail {
BOOST_SPIRIT_DEFINE(below100, below1000, word_number)
}
BOOST_SPIRIT_DEFINE(number)

}  // namespace lovelorn::detail::grammar
