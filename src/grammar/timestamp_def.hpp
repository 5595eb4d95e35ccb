// grammar/timestamp — X3 definition. Include only from timestamp.cpp.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/timestamp.hpp"

namespace lovelorn::detail::grammar {
namespace x3 = boost::spirit::x3;

namespace ts {

struct MonthNames : x3::symbols<int> {
  MonthNames() {
    static constexpr const char* kLong[] = {"january", "february", "march", "april", "may", "june", "july",
                                            "august", "september", "october", "november", "december"};
    static constexpr const char* kShort[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                             "aug", "sep", "oct", "nov", "dec"};
    for (int m = 0; m < 12; ++m) {
      add(kLong[m], m + 1);
      if (m != 4) add(kShort[m], m + 1);
    }
    add("sept", 9);
  }
};
inline const MonthNames kMonths;

const x3::uint_parser<int, 10, 4, 4> year4;
const x3::uint_parser<int, 10, 2, 2> two;
const x3::uint_parser<int, 10, 1, 2> one_or_two;

// Field setters: the AST is the rule's attribute (_val).
inline auto set(int TimestampAst::*field) {
  return [field](auto& ctx) { x3::_val(ctx).*field = x3::_attr(ctx); };
}
inline const auto set_pm = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  if (v.hour < 12) v.hour += 12;
};
inline const auto set_am = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  if (v.hour == 12) v.hour = 0;
};
inline const auto set_offset = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  const auto& a = x3::_attr(ctx);  // (sign, hours, minutes)
  const int minutes = boost::fusion::at_c<1>(a) * 60 + boost::fusion::at_c<2>(a);
  v.offset_minutes = boost::fusion::at_c<0>(a) == '-' ? -minutes : minutes;
};
inline const auto set_epoch = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  v.epoch = x3::_attr(ctx);
  v.is_epoch = true;
};

const x3::rule<class iso_rule, TimestampAst> iso = "iso 8601 timestamp";
const x3::rule<class blog_rule, TimestampAst> blog = "blog timestamp";
const x3::rule<class epoch_rule, TimestampAst> epoch = "epoch seconds";
const x3::rule<class timestamp_rule, TimestampAst> timestamp = "timestamp";

const auto time_of_day = one_or_two[set(&TimestampAst::hour)] >> ':' >> two[set(&TimestampAst::minute)]
                         >> -(':' >> two[set(&TimestampAst::second)]) >> -('.' >> +x3::char_('0', '9'));
const auto zone = x3::lit('Z') | (x3::char_("+-") >> two >> -x3::lit(':') >> two)[set_offset];
const auto iso_def = x3::omit[year4[set(&TimestampAst::year)] >> '-' >> two[set(&TimestampAst::month)] >> '-' >>
                     two[set(&TimestampAst::day)] >> -((x3::lit('T') | x3::lit('t') | +x3::lit(' ')) >> time_of_day >> -zone)];
const auto meridiem = x3::no_case[(x3::lit("am") | "a.m.")[set_am] | (x3::lit("pm") | "p.m.")[set_pm]];
const auto blog_def = x3::omit[x3::no_case[kMonths][set(&TimestampAst::month)] >> -x3::lit('.') >> +x3::lit(' ') >>
                      one_or_two[set(&TimestampAst::day)] >> -(x3::no_case[x3::lit("st") | "nd" | "rd" | "th"]) >>
                      x3::lit(',') >> *x3::lit(' ') >> year4[set(&TimestampAst::year)] >>
                      -(*x3::lit(' ') >> (x3::lit(',') | x3::no_case[x3::lit("at")] | x3::eps) >> *x3::lit(' ') >> time_of_day >>
                        *x3::lit(' ') >> -meridiem)];
const auto epoch_def = x3::omit[x3::uint_parser<std::int64_t>{}[set_epoch] >> -('.' >> *x3::char_('0', '9'))];
const auto timestamp_def = x3::omit[*x3::char_(" \t\r\n")] >> (iso | blog | epoch) >> x3::omit[*x3::char_(" \t\r\n")] >> x3::eoi;

BOOST_SPIRIT_DEFINE(iso, blog, epoch, timestamp)

}  // namespace ts
}  // namespace lovelorn::detail::grammar
