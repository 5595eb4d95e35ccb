#include "features.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <set>

namespace lovelorn::detail {
namespace {

std::vector<std::uint32_t> ids_of(std::string_view text, const Analysis& a, const FeatureConfig& cfg) {
  Featurizer fz;
  std::vector<std::uint32_t> out;
  fz.featurize(text, a, cfg, out);
  return out;
}

std::vector<std::pair<std::uint32_t, std::string>> names_of(std::string_view text, const Analysis& a,
                                                            const FeatureConfig& cfg) {
  Featurizer fz;
  std::vector<std::pair<std::uint32_t, std::string>> out;
  fz.describe(text, a, cfg, out);
  return out;
}

bool has_name(const std::vector<std::pair<std::uint32_t, std::string>>& v, std::string_view name) {
  return std::any_of(v.begin(), v.end(), [&](const auto& p) { return p.second == name; });
}

TEST(Features, UniqueInFirstOccurrenceOrderAndInRange) {
  FeatureConfig cfg;
  cfg.buckets = 1000;
  cfg.facts = false;
  const auto ids = ids_of("Sunny sunny SUNNY day, sunny day again and again.", Analysis{}, cfg);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(std::set<std::uint32_t>(ids.begin(), ids.end()).size(), ids.size());
  for (const auto id : ids) EXPECT_LT(id, 1000u);
  // Repeating the words adds no feature and keeps the order of first occurrence.
  EXPECT_EQ(ids_of("Sunny day.", Analysis{}, cfg), ids_of("Sunny day. Sunny day. SUNNY DAY.", Analysis{}, cfg));
}

TEST(Features, DeterministicAndSeeded) {
  FeatureConfig a;
  FeatureConfig b;
  b.seed = a.seed + 1;
  const std::string text = "My pen pal stopped writing letters after the move.";
  EXPECT_EQ(ids_of(text, Analysis{}, a), ids_of(text, Analysis{}, a));
  EXPECT_NE(ids_of(text, Analysis{}, a), ids_of(text, Analysis{}, b));
}

TEST(Features, CaseFoldedUnigramsAndBigrams) {
  FeatureConfig cfg;
  const auto names = names_of("He GHOSTED me. Why?", Analysis{}, cfg);
  EXPECT_TRUE(has_name(names, "w:ghosted"));
  EXPECT_TRUE(has_name(names, "b:he_ghosted"));
  EXPECT_TRUE(has_name(names, "b:ghosted_me"));
  EXPECT_TRUE(has_name(names, "w:?"));
  EXPECT_FALSE(has_name(names, "w:."));           // other punctuation is dropped
  EXPECT_FALSE(has_name(names, "b:me_why"));      // a sentence start breaks the chain
  cfg.bigrams = false;
  EXPECT_FALSE(has_name(names_of("He GHOSTED me.", Analysis{}, cfg), "b:he_ghosted"));
}

TEST(Features, ClassTokens) {
  const auto names = names_of("Call 555 or see https://example.org/x or ask @someone", Analysis{}, FeatureConfig{});
  EXPECT_TRUE(has_name(names, "w:<num>"));
  EXPECT_TRUE(has_name(names, "w:<url>"));
  EXPECT_TRUE(has_name(names, "w:<mention>"));
}

TEST(Features, NamedFactFeatures) {
  Analysis a;
  Duration d;
  d.days = 40.0;  // log2(40) = 5.3
  d.role = DurationRole::relationship;
  a.durations.push_back(d);
  Duration vague;  // "for months": no value
  vague.role = DurationRole::no_contact;
  a.durations.push_back(vague);
  ContactEvent e;
  e.actor = Party::partner;
  e.channel = Channel::text;
  e.polarity = Polarity::absent;
  a.contact_events.push_back(e);
  a.asks_question = true;
  a.facts.status = "dating";
  a.facts.partner_term = "boyfriend";
  a.relationship_length_days = 40.0;
  const auto names = names_of("We went bowling twice.", a, FeatureConfig{});
  for (const char* n : {"role=relationship:log_days_bucket=5", "role=relationship", "role=no_contact:log_days_bucket=none",
                        "contact:partner:text:absent", "contact:partner:*:absent", "asks_question", "status=dating",
                        "partner_term=boyfriend", "relationship_length:log_days_bucket=5"})
    EXPECT_TRUE(has_name(names, n)) << n;
  EXPECT_FALSE(has_name(names, "ended_by="));

  FeatureConfig no_facts;
  no_facts.facts = false;
  EXPECT_FALSE(has_name(names_of("We went bowling twice.", a, no_facts), "asks_question"));
}

TEST(Features, DescribeMatchesExtract) {
  Analysis a;
  a.asks_question = true;
  const std::string text = "Should I mail the postcard or wait until spring? I keep wondering.";
  const FeatureConfig cfg;
  const auto ids = ids_of(text, a, cfg);
  std::set<std::uint32_t> described;
  for (const auto& [id, name] : names_of(text, a, cfg)) described.insert(id);
  EXPECT_EQ(described, std::set<std::uint32_t>(ids.begin(), ids.end()));
  EXPECT_EQ(described.size(), ids.size());
  EXPECT_NE(std::find(ids.begin(), ids.end(), named_feature_id(cfg, "asks_question")), ids.end());
}

TEST(Features, EmptyInput) {
  FeatureConfig words_only;
  words_only.facts = false;
  EXPECT_TRUE(ids_of("", Analysis{}, words_only).empty());
  EXPECT_TRUE(ids_of("", Analysis{}, FeatureConfig{}).size() == 1);  // only the length bucket
}

TEST(Features, LogDaysBucket) {
  struct Case {
    double days;
    int bucket;
  } cases[] = {{0.0, 0}, {0.5, 0}, {1.0, 0}, {2.0, 1}, {7.0, 2}, {8.0, 3}, {15.9, 3}, {30.44, 4},
               {365.25, 8}, {1e9, 15}, {-3.0, 0}, {1e300, 15},
               {std::numeric_limits<double>::infinity(), 15}, {std::numeric_limits<double>::quiet_NaN(), 0}};
  for (const auto& c : cases) EXPECT_EQ(log_days_bucket(c.days), c.bucket) << c.days;
}

}  // namespace
}  // namespace lovelorn::detail
