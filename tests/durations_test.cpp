// durations_test — the duration extractor, rule by rule (DESIGN.md §4 and the
// conventions of shared/gold/README.md). Every sentence is written for this
// test.
#include "durations.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "grammar/duration_ast.hpp"
#include "normalize.hpp"

namespace lovelorn::detail {
namespace {

constexpr double kNull = std::numeric_limits<double>::quiet_NaN();

std::vector<Duration> extract(const std::string& text) {
  NormalizedText nt;
  normalize(text, nt);
  std::vector<Duration> out;
  extract_durations(text, nt, out);
  return out;
}

std::optional<double> rel_length(const std::string& text) {
  NormalizedText nt;
  normalize(text, nt);
  std::vector<Duration> out;
  extract_durations(text, nt, out);
  return relationship_length_days(nt, out);
}

std::string dump(const std::vector<Duration>& ds) {
  std::string s;
  for (const auto& d : ds) s += "[" + d.text + "] ";
  return s;
}

bool near(double a, double b) { return std::fabs(a - b) <= 1e-6 + 1e-4 * std::fabs(b); }

// --- one duration per sentence: span, value, unit, hedge, role --------------

struct Case {
  const char* text;
  const char* span;
  double days;  // kNull: unquantified
  const char* unit;
  const char* hedge;
  DurationRole role;
};

class DurationCase : public ::testing::TestWithParam<Case> {};

TEST_P(DurationCase, SpanValueHedgeRole) {
  const Case& c = GetParam();
  const auto ds = extract(c.text);
  const Duration* found = nullptr;
  for (const auto& d : ds)
    if (d.text == c.span) found = &d;
  ASSERT_NE(found, nullptr) << c.text << " -> " << dump(ds);
  if (std::isnan(c.days)) {
    EXPECT_FALSE(found->days.has_value()) << c.text;
  } else {
    ASSERT_TRUE(found->days.has_value()) << c.text;
    EXPECT_TRUE(near(*found->days, c.days)) << c.text << ": " << *found->days << " vs " << c.days;
  }
  EXPECT_EQ(found->unit, c.unit) << c.text;
  EXPECT_EQ(found->hedge, c.hedge) << c.text;
  EXPECT_EQ(duration_role_name(found->role), duration_role_name(c.role)) << c.text;
  // Offsets point at the original bytes.
  EXPECT_EQ(std::string(c.text).substr(found->begin, found->end - found->begin), found->text);
}

using R = DurationRole;

// Numbers: digits, decimals, words, articles, vague amounts, halves.
INSTANTIATE_TEST_SUITE_P(Numbers, DurationCase, ::testing::Values(
    Case{"We went out for 3 weeks before he left town.", "3 weeks", 21, "week", "", R::other},
    Case{"My cat slept for 1.5 hours on my lap.", "1.5 hours", 0.0625, "hour", "", R::other},
    Case{"The lease ran for twenty one months in total.", "twenty one months", 639.24, "month", "", R::other},
    Case{"She was abroad for twenty-four days in spring.", "twenty-four days", 24, "day", "", R::other},
    Case{"The old oak has stood there for two hundred and fifty years.", "two hundred and fifty years", 91312.5, "year", "", R::other},
    Case{"I waited an hour at the station.", "an hour", 1.0 / 24, "hour", "", R::other},
    Case{"He took a couple of weeks off work.", "a couple of weeks", 14, "week", "", R::other},
    Case{"I was sick for a couple days last winter.", "a couple days", 2, "day", "", R::other},
    Case{"My sister stayed with me for a few days.", "a few days", 3, "day", "", R::other},
    Case{"It rained for several weeks straight.", "several weeks", 21, "week", "", R::other},
    Case{"The repair took half a day.", "half a day", 0.5, "day", "", R::other},
    Case{"I spent a year and a half in Lisbon.", "a year and a half", 547.875, "year", "", R::other},
    Case{"The course lasts one and a half years.", "one and a half years", 547.875, "year", "", R::other},
    Case{"Her contract is 2 1/2 years long.", "2 1/2 years", 913.125, "year", "", R::other},
    Case{"The drive was a half hour each way.", "a half hour", 1.0 / 48, "hour", "", R::other},
    Case{"I lived in Berlin for 1 year and 3 months.", "1 year and 3 months", 456.57, "year", "", R::other},
    Case{"Quick reminder: 3+ years of practice needed.", "3+ years", 1095.75, "year", "over", R::other},
    Case{"The ferry ride is a good hour each way.", "a good hour", 1.0 / 24, "hour", "", R::other},
    Case{"Sales have been flat for the past half year.", "the past half year", 182.625, "year", "", R::since_event},
    Case{"It is a 12 minutes bike ride/5 minute drive from here.", "5 minute", 5.0 / 1440, "minute", "", R::other},
    Case{"The tide turned in 2 goddamn minutes.", "2 goddamn minutes", 2.0 / 1440, "minute", "", R::other}));

// Units: plurals, abbreviations, misspellings, weekend and night.
INSTANTIATE_TEST_SUITE_P(Units, DurationCase, ::testing::Values(
    Case{"The exam took 90 mins.", "90 mins", 0.0625, "minute", "", R::other},
    Case{"I slept 5 hrs last night.", "5 hrs", 5.0 / 24, "hour", "", R::other},
    Case{"Trial period is 2 wks.", "2 wks", 14, "week", "", R::other},
    Case{"The warranty covers 6 mos of use.", "6 mos", 182.64, "month", "", R::other},
    Case{"The course takes 4 mths to finish.", "4 mths", 121.76, "month", "", R::other},
    Case{"Landlord gave us 3yrs on the lease.", "3yrs", 1095.75, "year", "", R::other},
    Case{"The battery lasts 24h on standby.", "24h", 1, "hour", "", R::other},
    Case{"Shipping is 3d from the warehouse.", "3d", 3, "day", "", R::other},
    Case{"We rented the cabin for 5 yeras in a row.", "5 yeras", 1826.25, "year", "", R::other},
    Case{"Renovations dragged on for 7 monts.", "7 monts", 213.08, "month", "", R::other},
    Case{"The hike took 40 sec longer than planned.", "40 sec", 40.0 / 86400, "second", "", R::other},
    Case{"We spent a weekend at the lake.", "a weekend", 2, "weekend", "", R::other},
    Case{"We stayed two nights at the inn.", "two nights", 2, "night", "", R::other},
    Case{"The town was founded about three decades back.", "about three decades", 10957.5, "decade", "about", R::since_event}));

// Hedges keep the value; "the past"/"the first" belong to the span.
INSTANTIATE_TEST_SUITE_P(Hedges, DurationCase, ::testing::Values(
    Case{"The flight was about two hours.", "about two hours", 2.0 / 24, "hour", "about", R::other},
    Case{"The meeting ran around 45 minutes.", "around 45 minutes", 0.03125, "minute", "around", R::other},
    Case{"It took roughly 3 days to arrive.", "roughly 3 days", 3, "day", "roughly", R::other},
    Case{"The remodel lasted almost two years.", "almost two years", 730.5, "year", "almost", R::other},
    Case{"The book took nearly a month to write.", "nearly a month", 30.44, "month", "nearly", R::other},
    Case{"My commute is just under an hour.", "just under an hour", 1.0 / 24, "hour", "just under", R::other},
    Case{"The move took a little over 3 yrs in the end.", "a little over 3 yrs", 1095.75, "year", "a little over", R::other},
    Case{"The queue took over 2 hours.", "over 2 hours", 2.0 / 24, "hour", "over", R::other},
    Case{"The trial lasted more than six weeks.", "more than six weeks", 42, "week", "more than", R::other},
    Case{"Delivery takes less than a week.", "less than a week", 7, "week", "less than", R::other},
    Case{"Allow at least 10 days for delivery.", "at least 10 days", 10, "day", "at least", R::other},
    Case{"The visa is only 90 days.", "only 90 days", 90, "day", "only", R::other},
    Case{"Refunds can take up to 2 weeks.", "up to 2 weeks", 14, "week", "up to", R::other},
    Case{"The paint needs just about a day to dry.", "just about a day", 1, "day", "just about", R::other},
    Case{"The garden has been a mess for the past five months.", "the past five months", 152.2, "month", "", R::since_event},
    Case{"In the first 3 weeks of the job I learned a lot.", "the first 3 weeks", 21, "week", "", R::other},
    Case{"The renovation took a month or so.", "a month or so", 30.44, "month", "about", R::other}));

// Ranges take the midpoint; vague amounts an interval.
INSTANTIATE_TEST_SUITE_P(Ranges, DurationCase, ::testing::Values(
    Case{"The parcel needs 2-3 weeks to arrive.", "2-3 weeks", 17.5, "week", "", R::other},
    Case{"The fix takes 2 to 3 months usually.", "2 to 3 months", 76.1, "month", "", R::other},
    Case{"They renovate every kitchen in 2 or 3 years.", "2 or 3 years", 913.125, "year", "", R::other},
    Case{"I will need a week or two to decide.", "a week or two", 10.5, "week", "", R::other},
    Case{"Give the soup a day or two in the fridge.", "a day or two", 1.5, "day", "", R::other},
    Case{"The build takes between two and four hours.", "between two and four hours", 0.125, "hour", "", R::other},
    Case{"The tour lasted five or six days.", "five or six days", 5.5, "day", "", R::other}));

// Unquantified plurals and one-unit forms.
INSTANTIATE_TEST_SUITE_P(Unquantified, DurationCase, ::testing::Values(
    Case{"The neighbours have been renovating for months.", "months", kNull, "month", "", R::other},
    Case{"I kept every letter through all those years.", "all those years", kNull, "year", "", R::other},
    Case{"The dog waited at the door for hours.", "hours", kNull, "hour", "", R::other},
    Case{"She works long hours at the clinic.", "long hours", kNull, "hour", "", R::other},
    Case{"It has been so many years since the flood.", "so many years", kNull, "year", "", R::since_event},
    Case{"The baby cried all day.", "all day", 1, "day", "", R::other},
    Case{"The party went on the whole night.", "the whole night", 1, "night", "", R::other},
    Case{"We stayed at the beach for a whole week.", "a whole week", 7, "week", "", R::other},
    Case{"Prices rose sharply over the past year.", "the past year", 365.25, "year", "", R::other}));

// Roles from context.
INSTANTIATE_TEST_SUITE_P(Roles, DurationCase, ::testing::Values(
    Case{"My girlfriend and I dated for 4 months before the move.", "4 months", 121.76, "month", "", R::relationship},
    Case{"We have been dating for about 2 months now.", "about 2 months", 60.88, "month", "about", R::relationship},
    Case{"Tom and I have been seeing each other for six weeks.", "six weeks", 42, "week", "", R::relationship},
    Case{"We were together 5 years until he moved away.", "5 years", 1826.25, "year", "", R::relationship},
    Case{"My parents have been married for 30 years.", "30 years", 10957.5, "year", "", R::relationship},
    Case{"We were engaged for 8 months.", "8 months", 243.52, "month", "", R::relationship},
    Case{"I have been with him for almost three years.", "almost three years", 1095.75, "year", "almost", R::relationship},
    Case{"I was in a relationship for 2 years with a musician.", "2 years", 730.5, "year", "", R::relationship},
    Case{"My husband of 12 years forgot our anniversary.", "12 years", 4383, "year", "", R::relationship},
    Case{"She ended a 3 year relationship last spring.", "3 year", 1095.75, "year", "", R::relationship},
    Case{"He left after 6 years of marriage.", "6 years", 2191.5, "year", "", R::relationship},
    Case{"He broke up with me after two years.", "two years", 730.5, "year", "", R::relationship},
    Case{"We broke up 3 weeks ago.", "3 weeks", 21, "week", "", R::since_event},
    Case{"A month later he texted again.", "A month", 30.44, "month", "", R::since_event},
    Case{"It's been 10 days since the breakup.", "10 days", 10, "day", "", R::since_event},
    Case{"It's only been a month, be patient with yourself.", "a month", 30.44, "month", "", R::since_event},
    Case{"After two weeks I finally slept well.", "two weeks", 14, "week", "", R::since_event},
    Case{"We met just a few weeks after my birthday.", "just a few weeks", 21, "week", "just", R::since_event},
    Case{"I haven't heard from him in 2 weeks.", "2 weeks", 14, "week", "", R::no_contact},
    Case{"We haven't spoken for three months.", "three months", 91.32, "month", "", R::no_contact},
    Case{"I am on day twelve, after 30 days of no contact I will decide.", "30 days", 30, "day", "", R::no_contact},
    Case{"She has ignored me for a week.", "a week", 7, "week", "", R::no_contact},
    Case{"Three weeks NC and I feel stronger.", "Three weeks", 21, "week", "", R::no_contact},
    Case{"My son is 3 yrs old.", "3 yrs", 1095.75, "year", "", R::other},
    Case{"I have a five-month-old puppy.", "five-month", 152.2, "month", "", R::other},
    Case{"I'm seven months pregnant with twins.", "seven months", 213.08, "month", "", R::other},
    Case{"His place is two hours away by train.", "two hours", 2.0 / 24, "hour", "", R::other},
    Case{"It is a 10 minute walk to the park.", "10 minute", 10.0 / 1440, "minute", "", R::other},
    Case{"We have known each other for 8 years.", "8 years", 2922, "year", "", R::other},
    Case{"He is a couple of years older than me.", "a couple of years", 730.5, "year", "", R::other}));

// --- things that are not durations --------------------------------------------

class NotDuration : public ::testing::TestWithParam<const char*> {};

TEST_P(NotDuration, FindsNothing) {
  const auto ds = extract(GetParam());
  EXPECT_TRUE(ds.empty()) << GetParam() << " -> " << dump(ds);
}

INSTANTIATE_TEST_SUITE_P(Negatives, NotDuration, ::testing::Values(
    "He texted me at 4:30 and again at 9pm.",                  // clock times
    "We met on March 8, 2017 at the fair.",                     // dates
    "Last year we moved; this week I unpacked; next month we paint.",
    "It is day five and week three of the challenge.",          // ordinals
    "He calls twice a week and visits once a month.",           // frequencies
    "I water the plants every two weeks.",
    "She checks her phone every five seconds.",
    "He texts me 3 times a day.",
    "We talked for a while and it felt like a long time.",      // no unit
    "I'm 25 and he is 27, we are 25F and 27M.",                 // ages without unit
    "I paid $30 for dinner and he paid 45 dollars.",            // money
    "I have 3 kids and 2 dogs.",                                // plain counts
    "The minute I say yes, he will want to leave.",
    "One day he just stopped answering.",                       // idiom
    "We went on a second date and had a good day.",             // ordinal "second", no quantity
    "Let's save that for another day.",
    "It was a long day at work.",
    "She earns 50k a year.",
    "How many years does it take?",
    "Maybe one day I will understand.",
    "We had a good day and a good night out.",
    "Those days are gone and these days I'm fine."));

// --- relationship_length_days -----------------------------------------------------

struct RelCase {
  const char* text;
  double days;  // kNull: none
};

class RelLength : public ::testing::TestWithParam<RelCase> {};

TEST_P(RelLength, WritersOwnRelationship) {
  const RelCase& c = GetParam();
  const auto got = rel_length(c.text);
  if (std::isnan(c.days)) {
    EXPECT_FALSE(got.has_value()) << c.text << " -> " << got.value_or(-1);
  } else {
    ASSERT_TRUE(got.has_value()) << c.text;
    EXPECT_TRUE(near(*got, c.days)) << c.text << ": " << *got;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, RelLength, ::testing::Values(
    RelCase{"My boyfriend and I have been together for 7 months and he still hides me.", 213.08},
    RelCase{"We broke up 2 weeks ago. We had dated for a year and a half.", 547.875},
    RelCase{"My wife of 9 years wants a divorce.", 3287.25},
    RelCase{"I (29F) dated my ex (31M) for 3 years.", 1095.75},
    RelCase{"My best friend and her husband were married for 20 years.", kNull},  // not the writer's
    RelCase{"They have been dating for two years and I only just found out.", kNull},
    RelCase{"You have been with him for 4 months, so give it time.", kNull},  // a reply
    RelCase{"It has been 5 months since we broke up and I still miss her.", kNull},
    RelCase{"In my previous relationships we had been dating for months by then.", kNull},
    RelCase{"We've known each other for 10 years/been married for 4.", 1461},
    RelCase{"No relationship talk here, just 3 weeks of rain.", kNull}));

// --- grammar entry points ----------------------------------------------------------

TEST(DurationGrammar, ParsesFromTheGivenPositionOnly) {
  const std::string s = "about two months ago";
  const char* f = s.data();
  grammar::DurationMatch m;
  ASSERT_TRUE(grammar::parse_duration(f, s.data() + s.size(), m));
  EXPECT_EQ(std::string(m.begin, m.end), "about two months");
  EXPECT_EQ(m.hedge, grammar::Hedge::about);
  EXPECT_EQ(m.quantity.value, 2);
  EXPECT_EQ(m.unit.kind, grammar::UnitKind::month);
}

TEST(DurationGrammar, RejectsNonsense) {
  for (const std::string s : {"anything", "the minute", "3:15 hours", "a good week", "moths", ""}) {
    const char* f = s.data();
    grammar::DurationMatch m;
    const bool ok = grammar::parse_duration(f, s.data() + s.size(), m);
    EXPECT_TRUE(!ok || m.form == grammar::DurationForm::bare) << s;
  }
}

TEST(DurationGrammar, NumbersAndUnits) {
  struct N { const char* text; double value; };
  for (const N& n : {N{"seventeen", 17}, N{"ninety-nine", 99}, N{"a thousand", 1000}, N{"1,500", 1500},
                     N{"2.75", 2.75}, N{"several", 3}, N{"a dozen", 12}, N{"half an", 0.5}}) {
    const std::string s = n.text;
    const char* f = s.data();
    grammar::Quantity q;
    ASSERT_TRUE(grammar::parse_number(f, s.data() + s.size(), q)) << n.text;
    EXPECT_DOUBLE_EQ(q.value, n.value) << n.text;
  }
  const std::string u = "fortnights";
  const char* f = u.data();
  grammar::UnitMatch m;
  ASSERT_TRUE(grammar::parse_unit(f, u.data() + u.size(), m));
  EXPECT_EQ(m.kind, grammar::UnitKind::fortnight);
  EXPECT_TRUE(m.plural);
}

// --- offsets survive normalisation ---------------------------------------------------

TEST(Durations, OffsetsAreOriginalBytes) {
  const std::string text = "Caf\xC3\xA9 talk \xE2\x80\x9C" "ABOUT TWO MONTHS\xE2\x80\x9D ago.";
  const auto ds = extract(text);
  ASSERT_EQ(ds.size(), 1u) << dump(ds);
  EXPECT_EQ(ds[0].text, "ABOUT TWO MONTHS");
  EXPECT_EQ(text.substr(ds[0].begin, ds[0].end - ds[0].begin), "ABOUT TWO MONTHS");
  EXPECT_EQ(ds[0].role, DurationRole::since_event);
}

TEST(Durations, SeveralInOrderAndAppends) {
  const std::string text = "We dated for 2 years, broke up 3 months ago, and I haven't heard from her in 6 weeks.";
  NormalizedText nt;
  normalize(text, nt);
  std::vector<Duration> out(1);  // existing content is kept
  extract_durations(text, nt, out);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[1].text, "2 years");
  EXPECT_EQ(out[1].role, DurationRole::relationship);
  EXPECT_EQ(out[2].text, "3 months");
  EXPECT_EQ(out[2].role, DurationRole::since_event);
  EXPECT_EQ(out[3].text, "6 weeks");
  EXPECT_EQ(out[3].role, DurationRole::no_contact);
  ASSERT_TRUE(out[1].low && out[1].high);
  EXPECT_DOUBLE_EQ(*out[1].low, 730.5);
}

TEST(Durations, VagueAmountsHaveAnInterval) {
  const auto ds = extract("It took a few months to heal.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_NEAR(*ds[0].days, 91.32, 1e-6);
  EXPECT_LT(*ds[0].low, *ds[0].days);
  EXPECT_GT(*ds[0].high, *ds[0].days);
}

TEST(Durations, EmptyAndBinaryInput) {
  EXPECT_TRUE(extract("").empty());
  EXPECT_TRUE(extract(std::string("\0\0\xff\xfe 3", 6)).empty());
  EXPECT_FALSE(extract(std::string("\xff\xfe 3 weeks", 10)).empty());
}

}  // namespace
}  // namespace lovelorn::detail
