// grammar/hedge_def.hpp — definition of the hedge grammar (see hedge.hpp).
#pragma once

#include "grammar/hedge.hpp"

namespace lovelorn::detail::grammar {
namespace hedge_detail {

struct HedgeWords : x3::symbols<Hedge> {
  HedgeWords() {
    add("about", Hedge::about)("around", Hedge::around)("around about", Hedge::around)
       ("roughly", Hedge::roughly)("roughly about", Hedge::roughly)
       ("approximately", Hedge::approximately)("approx", Hedge::approximately)("approx.", Hedge::approximately)
       ("almost", Hedge::almost)("nearly", Hedge::nearly)("close to", Hedge::close_to)
       ("just under", Hedge::just_under)("just over", Hedge::just_over)("just about", Hedge::just_about)
       ("a little over", Hedge::a_little_over)("a little more than", Hedge::a_little_over)
       ("a bit over", Hedge::a_little_over)("a bit more than", Hedge::a_little_over)
       ("slightly over", Hedge::a_little_over)("slightly more than", Hedge::a_little_over)
       ("a little under", Hedge::a_little_under)("a little less than", Hedge::a_little_under)
       ("a bit less than", Hedge::a_little_under)("slightly less than", Hedge::a_little_under)
       ("over", Hedge::over)("well over", Hedge::well_over)("way over", Hedge::well_over)
       ("more than", Hedge::more_than)("less than", Hedge::less_than)("under", Hedge::under)
       ("at least", Hedge::at_least)("at most", Hedge::at_most)("only", Hedge::only)
       ("just", Hedge::just)("up to", Hedge::up_to)("like", Hedge::like)("barely", Hedge::barely)
       ("not even", Hedge::barely)("exactly", Hedge::exactly)("maybe", Hedge::maybe)
       ("probably", Hedge::maybe)("a good", Hedge::a_good)("a solid", Hedge::a_good)
       ("a full", Hedge::a_good);
  }
};

const HedgeWords hedge_words;
const auto eow = !x3::char_("a-z0-9");
const auto set_val = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };

}  // namespace hedge_detail

const hedge_type hedge = "hedge";
const auto hedge_def = hedge_detail::hedge_words[hedge_detail::set_val] >> hedge_detail::eow;
BOOST_SPIRIT_DEFINE(hedge)

}  // namespace lovelorn::detail::grammar
