// grammar/unit_def.hpp — definition of the time-unit grammar (see unit.hpp).
#pragma once

#include "grammar/unit.hpp"

namespace lovelorn::detail::grammar {
namespace unit_detail {

struct Entry {
  const char* word;
  UnitKind kind;
  bool plural;
  bool abbrev;
};

constexpr Entry kEntries[] = {
    {"second", UnitKind::second, false, false}, {"seconds", UnitKind::second, true, false},
    {"sec", UnitKind::second, false, true},     {"secs", UnitKind::second, true, true},
    {"minute", UnitKind::minute, false, false}, {"minutes", UnitKind::minute, true, false},
    {"min", UnitKind::minute, false, true},     {"mins", UnitKind::minute, true, true},
    {"minuets", UnitKind::minute, true, false}, {"mintues", UnitKind::minute, true, false},
    {"minites", UnitKind::minute, true, false}, {"minuts", UnitKind::minute, true, false},
    {"hour", UnitKind::hour, false, false},     {"hours", UnitKind::hour, true, false},
    {"hr", UnitKind::hour, false, true},        {"hrs", UnitKind::hour, true, true},
    {"houres", UnitKind::hour, true, false},    {"hourse", UnitKind::hour, true, false},
    {"day", UnitKind::day, false, false},       {"days", UnitKind::day, true, false},
    {"dayz", UnitKind::day, true, false},       {"dys", UnitKind::day, true, true},
    {"night", UnitKind::night, false, false},   {"nights", UnitKind::night, true, false},
    {"nite", UnitKind::night, false, false},    {"nites", UnitKind::night, true, false},
    {"weekend", UnitKind::weekend, false, false}, {"weekends", UnitKind::weekend, true, false},
    {"week", UnitKind::week, false, false},     {"weeks", UnitKind::week, true, false},
    {"wk", UnitKind::week, false, true},        {"wks", UnitKind::week, true, true},
    {"weeek", UnitKind::week, false, false},    {"weeeks", UnitKind::week, true, false},
    {"weks", UnitKind::week, true, false},      {"weekss", UnitKind::week, true, false},
    {"fortnight", UnitKind::fortnight, false, false}, {"fortnights", UnitKind::fortnight, true, false},
    {"month", UnitKind::month, false, false},   {"months", UnitKind::month, true, false},
    {"mo", UnitKind::month, false, true},       {"mos", UnitKind::month, true, true},
    {"mth", UnitKind::month, false, true},      {"mths", UnitKind::month, true, true},
    {"mnth", UnitKind::month, false, true},     {"mnths", UnitKind::month, true, true},
    {"monthes", UnitKind::month, true, false},  {"monts", UnitKind::month, true, false},
    {"mounths", UnitKind::month, true, false},  {"monhts", UnitKind::month, true, false},
    {"montsh", UnitKind::month, true, false},   {"monthss", UnitKind::month, true, false},
    {"year", UnitKind::year, false, false},     {"years", UnitKind::year, true, false},
    {"yr", UnitKind::year, false, true},        {"yrs", UnitKind::year, true, true},
    {"yers", UnitKind::year, true, false},      {"yeras", UnitKind::year, true, false},
    {"yaers", UnitKind::year, true, false},     {"yearss", UnitKind::year, true, false},
    {"yearz", UnitKind::year, true, false},     {"yeasr", UnitKind::year, true, false},
    {"decade", UnitKind::decade, false, false}, {"decades", UnitKind::decade, true, false},
};

struct UnitWords : x3::symbols<UnitMatch> {
  explicit UnitWords(bool glued) {
    for (const Entry& e : kEntries) add(e.word, UnitMatch{e.kind, e.plural, e.abbrev});
    if (glued) {  // only right after digits: "3d", "24h"
      add("d", UnitMatch{UnitKind::day, false, true});
      add("h", UnitMatch{UnitKind::hour, false, true});
    }
  }
};

const UnitWords unit_words{false};
const UnitWords glued_unit_words{true};
const auto eow = !x3::char_("a-z0-9");
const auto set_val = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };

}  // namespace unit_detail

const unit_type unit = "unit";
const glued_unit_type glued_unit = "glued_unit";

const auto unit_def = unit_detail::unit_words[unit_detail::set_val] >> unit_detail::eow;
const auto glued_unit_def = unit_detail::glued_unit_words[unit_detail::set_val] >> unit_detail::eow;

BOOST_SPIRIT_DEFINE(unit, glued_unit)

}  // namespace lovelorn::detail::grammar
