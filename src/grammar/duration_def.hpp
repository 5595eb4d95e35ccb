// grammar/duration_def.hpp — definition of the duration grammar (see duration.hpp).
#pragma once

#include <cmath>

#include "grammar/duration.hpp"
#include "grammar/hedge.hpp"
#include "grammar/unit.hpp"

namespace lovelorn::detail::grammar {
namespace duration_detail {

using x3::lit;

// The rules of the other grammars, used by type: their definitions are
// instantiated in number.cpp, unit.cpp and hedge.cpp.
const number_type number_r = "number";
const unit_type unit_r = "unit";
const glued_unit_type glued_unit_r = "glued_unit";
const hedge_type hedge_r = "hedge";

struct PrefixWords : x3::symbols<Prefix> {
  PrefixWords() {
    add("the past", Prefix::the_past)("the last", Prefix::the_last)("the first", Prefix::the_first)
       ("the next", Prefix::the_next)("these past", Prefix::these_past)("these last", Prefix::these_past)
       ("the previous", Prefix::the_last)("the following", Prefix::the_next);
  }
};

// Adjectives between quantity and unit. 1: fine after "a" ("a whole week");
// 2: only after a real number ("two long years", but not "a long day");
// 3: "good", only before hours and minutes ("a good hour", not "a good day").
struct AdjectiveWords : x3::symbols<int> {
  AdjectiveWords() {
    add("whole", 1)("full", 1)("entire", 1)("straight", 1)("solid", 1)("consecutive", 2)
       ("more", 2)("additional", 2)("extra", 2)("long", 2)("short", 2)("hard", 2)("great", 2)
       ("wonderful", 2)("amazing", 2)("happy", 2)("miserable", 2)("painful", 2)("lonely", 2)
       ("fucking", 2)("freaking", 2)("frickin", 2)("fricking", 2)("effing", 2)("damn", 2)
       ("bloody", 2)("agonizing", 2)("agonising", 2)("torturous", 2)("difficult", 2)("goddamn", 2)
       ("goddamned", 2)("freakin", 2)("long-ass", 2)("good", 3);
  }
};

// "all day", "the whole night": one unit without a number.
struct WholeWords : x3::symbols<Prefix> {
  WholeWords() {
    add("all", Prefix::none)("the whole", Prefix::none)("the entire", Prefix::none)
       ("the past", Prefix::the_past);
  }
};

// Modifiers of an unquantified plural that belong to the span.
struct BareModifierWords : x3::symbols<int> {
  BareModifierWords() {
    add("all those", 1)("all these", 1)("all the", 1)("so many", 1)("too many", 1)("many", 1)
       ("long", 1)("endless", 1)("countless", 1)("numerous", 1)("all those long", 1)
       ("so many long", 1)("many long", 1);
  }
};

// Trailing hedges: "or so", "or more", "plus".
struct TrailingWords : x3::symbols<Hedge> {
  TrailingWords() {
    add("or so", Hedge::about)("or more", Hedge::at_least)("or less", Hedge::at_most)
       ("plus", Hedge::over)("give or take", Hedge::about);
  }
};

const PrefixWords prefix_words;
const AdjectiveWords adjective_words;
const WholeWords whole_words;
const BareModifierWords bare_modifier_words;
const TrailingWords trailing_words;

const auto eow = !x3::char_("a-z0-9");
const auto digit = x3::char_('0', '9');
const auto blank = lit(' ') | lit('\t');
const auto sp = +blank;
const auto sep = (*blank >> lit('-') >> *blank) | sp;

// --- semantic actions: each alternative starts by clearing what it sets ---

// A whole number, however large ("555...5 and a half" must not go through an
// integer cast that overflows).
inline bool is_whole(double v) { return std::isfinite(v) && std::floor(v) == v; }

const auto clear_all = [](auto& ctx) {
  x3::_val(ctx) = DurationMatch{};
  x3::_val(ctx).begin = x3::_where(ctx).begin();  // eps: where this match starts
};
const auto clear_quantity = [](auto& ctx) {
  DurationMatch& m = x3::_val(ctx);
  m.form = DurationForm::quantified;
  m.quantity_begin = x3::_where(ctx).begin();  // eps: the current position
  m.quantity = Quantity{};
  m.unit = UnitMatch{};
  m.unit_begin = m.unit_end = nullptr;
  m.extra_units = m.extra_days = 0;
  m.range_tail = m.adjective = m.good = false;
};
const auto clear_hedge = [](auto& ctx) { x3::_val(ctx).hedge = Hedge::none; };
const auto set_prefix = [](auto& ctx) { x3::_val(ctx).prefix = x3::_attr(ctx); };
const auto set_hedge = [](auto& ctx) { x3::_val(ctx).hedge = x3::_attr(ctx); };
const auto set_quantity = [](auto& ctx) { x3::_val(ctx).quantity = x3::_attr(ctx); };
// Second end of a range: must be above the first ("2-3", not "3-2" or "a-1").
// `q` becomes the range from its value to `hi`'s, valued at the midpoint.
inline void make_range(Quantity& q, const Quantity& hi) {
  q.low = q.value;
  q.high = hi.value;
  q.value = (q.low + q.high) / 2;
  q.kind = QuantityKind::range;
}
const auto set_range_high = [](auto& ctx) {
  Quantity& q = x3::_val(ctx).quantity;
  const Quantity& hi = x3::_attr(ctx);
  if (hi.kind != QuantityKind::exact || q.kind == QuantityKind::half || hi.value <= q.value ||
      hi.value > 1000) {
    x3::_pass(ctx) = false;
    return;
  }
  make_range(q, hi);
  q.digits = q.digits || hi.digits;
  q.plus = q.plus || hi.plus;
};
const auto add_half_quantity = [](auto& ctx) {
  Quantity& q = x3::_val(ctx).quantity;
  if (q.kind != QuantityKind::exact || !is_whole(q.value)) {
    x3::_pass(ctx) = false;
    return;
  }
  q.value += 0.5;
  q.low = q.high = q.value;
};
const auto set_adjective = [](auto& ctx) {
  DurationMatch& m = x3::_val(ctx);
  if (x3::_attr(ctx) == 2 && m.quantity.kind == QuantityKind::article) {
    x3::_pass(ctx) = false;
    return;
  }
  m.adjective = true;
  m.good = m.good || x3::_attr(ctx) == 3;
};
// Boost 1.74 hands an action the range [end of match, end of input), so the
// unit's start is found by stepping back over its letters.
inline void set_unit_range(DurationMatch& m, const char* unit_end) {
  const char* b = unit_end;
  while (b != m.begin && b[-1] >= 'a' && b[-1] <= 'z') --b;  // never before the match
  m.unit_begin = b;
  m.unit_end = unit_end;
}
const auto record_unit = [](auto& ctx) {
  DurationMatch& m = x3::_val(ctx);
  if (m.good && x3::_attr(ctx).kind != UnitKind::hour && x3::_attr(ctx).kind != UnitKind::minute) {
    x3::_pass(ctx) = false;
    return;
  }
  m.unit = x3::_attr(ctx);
  set_unit_range(m, x3::_where(ctx).begin());
};
// The one-letter units and units written without a space need a digit
// right before them: "3yrs", "24h" (eps: the action sees the position).
const auto after_digit = [](auto& ctx) {
  const char* p = x3::_where(ctx).begin();
  x3::_pass(ctx) = p[-1] >= '0' && p[-1] <= '9';
};
const auto add_half_unit = [](auto& ctx) {
  DurationMatch& m = x3::_val(ctx);
  if (m.quantity.kind == QuantityKind::half || m.quantity.kind == QuantityKind::range ||
      !is_whole(m.quantity.value)) {
    x3::_pass(ctx) = false;
    return;
  }
  m.extra_units = 0.5;
};
// "a week or two": the first quantity (1 or a number) becomes the low end.
const auto set_tail_range = [](auto& ctx) {
  DurationMatch& m = x3::_val(ctx);
  const Quantity& hi = x3::_attr(ctx);
  Quantity& q = m.quantity;
  if ((q.kind != QuantityKind::exact && q.kind != QuantityKind::article) ||
      hi.kind != QuantityKind::exact || hi.value <= q.value || hi.value > 1000) {
    x3::_pass(ctx) = false;
    return;
  }
  make_range(q, hi);
  m.range_tail = true;
};
// Compound durations: "1 year and 3 months" adds the smaller unit.
const auto compound_quantity = [](auto& ctx) {
  // Stashed in extra_days as a negative marker until the unit arrives.
  const Quantity& q = x3::_attr(ctx);
  const QuantityKind main = x3::_val(ctx).quantity.kind;
  if ((q.kind != QuantityKind::exact && q.kind != QuantityKind::article) || q.value <= 0 ||
      (main != QuantityKind::exact && main != QuantityKind::article)) {
    x3::_pass(ctx) = false;
    return;
  }
  x3::_val(ctx).extra_days = -q.value;
};
const auto compound_unit = [](auto& ctx) {
  DurationMatch& m = x3::_val(ctx);
  const UnitMatch& u = x3::_attr(ctx);
  if (m.extra_days >= 0 || unit_days(u.kind) >= unit_days(m.unit.kind) ||
      m.quantity.kind == QuantityKind::range) {
    x3::_pass(ctx) = false;
    return;
  }
  m.extra_days = -m.extra_days * unit_days(u.kind);
};
const auto clear_compound = [](auto& ctx) {
  if (x3::_val(ctx).extra_days < 0) x3::_val(ctx).extra_days = 0;
};
const auto set_trailing = [](auto& ctx) {
  DurationMatch& m = x3::_val(ctx);
  if (m.hedge == Hedge::none) m.hedge = x3::_attr(ctx);
};
const auto set_plus = [](auto& ctx) {
  DurationMatch& m = x3::_val(ctx);
  if (m.hedge == Hedge::none) m.hedge = Hedge::over;
};
const auto whole_unit = [](auto& ctx) {
  DurationMatch& m = x3::_val(ctx);
  const UnitMatch& u = x3::_attr(ctx);
  const bool fits = u.kind == UnitKind::day || u.kind == UnitKind::night || u.kind == UnitKind::week ||
                    u.kind == UnitKind::weekend || u.kind == UnitKind::month || u.kind == UnitKind::year;
  if (u.plural || u.abbrev || !fits) {
    x3::_pass(ctx) = false;
    return;
  }
  m.form = DurationForm::whole;
  m.quantity.value = m.quantity.low = m.quantity.high = 1;
  m.quantity.kind = QuantityKind::article;
  m.unit = u;
  set_unit_range(m, x3::_where(ctx).begin());
};
const auto set_whole_prefix = [](auto& ctx) { x3::_val(ctx).prefix = x3::_attr(ctx); };
const auto plural_unit = [](auto& ctx) {
  DurationMatch& m = x3::_val(ctx);
  const UnitMatch& u = x3::_attr(ctx);
  if (!u.plural || u.abbrev) {
    x3::_pass(ctx) = false;
    return;
  }
  m.unit = u;
  set_unit_range(m, x3::_where(ctx).begin());
};
const auto set_modified = [](auto& ctx) { x3::_val(ctx).form = DurationForm::modified_bare; };
const auto set_bare = [](auto& ctx) { x3::_val(ctx).form = DurationForm::bare; };

// --- the grammar ------------------------------------------------------------

const auto range_connector =
    (*blank >> lit('-') >> *blank) | (sp >> (lit("to") | lit("or")) >> sp) | lit('/');
const auto one_half = (lit('a') >> sp >> lit("half")) | (lit("one") >> sp >> lit("half"));

const auto quantity =
    (lit("between") >> sp >> number_r[set_quantity] >> sp >> lit("and") >> sp >> number_r[set_range_high])
  | (number_r[set_quantity] >> range_connector >> number_r[set_range_high])
  | (number_r[set_quantity] >> sp >> lit("and") >> sp >> (one_half >> eow)[add_half_quantity])
  | number_r[set_quantity];

const auto adjective = adjective_words[set_adjective] >> eow >> sp;
const auto unit_part =
    (x3::eps[after_digit] >> glued_unit_r[record_unit])
  | (sep >> x3::repeat(0, 2)[adjective] >> unit_r[record_unit]);

const auto compound_unit_part =
    (x3::eps[after_digit] >> glued_unit_r[compound_unit]) | (sep >> unit_r[compound_unit]);

const auto tail =
    (sp >> lit("and") >> sp >> (one_half >> eow)[add_half_unit])
  | (sp >> lit("or") >> sp >> number_r[set_tail_range] >> -(sep >> unit_r))
  | (lit(',') >> sp >> -(lit("and") >> sp) >> &digit >> number_r[compound_quantity] >> compound_unit_part)
  | (((sp >> lit("and") >> sp) | sp) >> number_r[compound_quantity] >> compound_unit_part);

const auto trailing = (sp >> trailing_words[set_trailing] >> eow) | lit('+')[set_plus];

const auto quantity_and_unit =
    x3::eps[clear_quantity] >> quantity >> unit_part >> -tail >> x3::eps[clear_compound] >> -trailing;

// The prefix never starts a quantity, so it is optional without a retry; a
// hedge that turns out not to be one ("a full year") is retried as quantity.
const auto quantified =
    x3::eps[clear_all] >> -(prefix_words[set_prefix] >> eow >> sp) >>
    ((hedge_r[set_hedge] >> sp >> quantity_and_unit) | (x3::eps[clear_hedge] >> quantity_and_unit));

const auto whole =
    x3::eps[clear_all] >> whole_words[set_whole_prefix] >> eow >> sp >> unit_r[whole_unit];

const auto modified_bare =
    x3::eps[clear_all] >> bare_modifier_words >> eow >> sp >> unit_r[plural_unit] >> x3::eps[set_modified];

const auto bare = x3::eps[clear_all] >> unit_r[plural_unit] >> x3::eps[set_bare];

}  // namespace duration_detail

const duration_type duration = "duration";
const auto duration_def =
    duration_detail::quantified | duration_detail::whole | duration_detail::modified_bare | duration_detail::bare;
BOOST_SPIRIT_DEFINE(duration)

}  // namespace lovelorn::detail::grammar
