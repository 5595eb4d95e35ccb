#include "lovelorn/analyzer.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace lovelorn {
namespace {

AnalyzerOptions no_model() {
  AnalyzerOptions o;
  o.load_model = false;
  o.keep_tokens = true;
  return o;
}

TEST(Analyzer, TokensCarryOriginalOffsets) {
  const Analyzer analyzer(no_model());
  const std::string text = "We dated for 2 years and he didn\xE2\x80\x99t call.";
  const Analysis a = analyzer.analyze(text);
  EXPECT_EQ(a.bytes, text.size());
  ASSERT_EQ(a.token_count, a.tokens.size());
  for (const Token& t : a.tokens) {
    ASSERT_LE(t.end, text.size());
    ASSERT_LT(t.begin, t.end);
  }
  bool saw = false;
  for (const Token& t : a.tokens) {
    if (t.norm == "didn't") {
      saw = true;
      EXPECT_EQ(text.substr(t.begin, t.end - t.begin), "didn\xE2\x80\x99t");
    }
  }
  EXPECT_TRUE(saw);
  EXPECT_FALSE(a.situation.has_value());
}

TEST(Analyzer, OnlyTheChosenPartsAreComputed) {
  const std::string text = "We dated for 2 years and he stopped texting me in May. Should I call him?";
  AnalyzerOptions o = no_model();
  const Analysis all = Analyzer(o).analyze(text);
  o.keep_tokens = false;
  o.parts = AnalysisParts{.tokens = false, .durations = true, .time_anchors = false, .contact_events = false,
                          .facts = false, .situation = false};
  const Analysis some = Analyzer(o).analyze(text);
  EXPECT_FALSE(some.produced.tokens);
  EXPECT_EQ(some.token_count, 0u);
  EXPECT_TRUE(some.produced.durations);
  EXPECT_FALSE(some.produced.time_anchors);
  EXPECT_FALSE(some.produced.contact_events);
  EXPECT_FALSE(some.produced.facts);
  ASSERT_EQ(some.durations.size(), all.durations.size());
  EXPECT_EQ(some.durations[0].days, all.durations[0].days);
  EXPECT_EQ(some.relationship_length_days, all.relationship_length_days);
  EXPECT_TRUE(some.contact_events.empty());
  EXPECT_FALSE(all.contact_events.empty());
  EXPECT_TRUE(all.produced.tokens);

  // The situation model reads every extractor: asking for it turns them on.
  o.parts = AnalysisParts{.tokens = false, .durations = false, .time_anchors = false, .contact_events = false,
                          .facts = false, .situation = true};
  const Analysis with_situation = Analyzer(o).analyze(text);
  EXPECT_TRUE(with_situation.produced.tokens);
  EXPECT_TRUE(with_situation.produced.durations);
  EXPECT_TRUE(with_situation.produced.contact_events);
  EXPECT_TRUE(with_situation.produced.facts);
}

TEST(Analyzer, AnyBytesAreAccepted) {
  const Analyzer analyzer(no_model());
  const Analysis a = analyzer.analyze(std::string("\xFF\xFE\0 he \xC0\xAF left", 13));
  EXPECT_GT(a.invalid_utf8, 0u);
  EXPECT_EQ(analyzer.analyze("").token_count, 0u);
}

TEST(Analyzer, MissingModelIsAnError) {
  AnalyzerOptions o;
  o.model_path = "/nonexistent/model.llm";
  auto a = Analyzer::create(o);
  ASSERT_FALSE(a.has_value());
  EXPECT_EQ(a.error().code(), Errc::io_error);
  EXPECT_THROW(Analyzer{o}, Exception);
}

// One shared Analyzer, many threads, each with its own Workspace: the
// results equal the single-threaded ones (run under TSan in CI).
TEST(Analyzer, SharedAcrossThreads) {
  const Analyzer analyzer;  // the default model when present
  const std::vector<std::string> texts = {
      "He ghosted me after three dates and I haven't heard from him in 2 weeks.",
      "We have been married for 10 years; my husband checks my phone every night.",
      "My ex texted me out of the blue after 5 months of no contact.",
      "You should block him and focus on yourself.",
  };
  std::vector<std::size_t> expected;
  for (const auto& t : texts) {
    const Analysis a = analyzer.analyze(t);
    expected.push_back(a.token_count * 1000 + a.durations.size() * 10 + a.contact_events.size());
  }
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int k = 0; k < 8; ++k) {
    threads.emplace_back([&] {
      Workspace ws;
      Analysis a;
      for (int round = 0; round < 200; ++round) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
          analyzer.analyze(texts[i], {}, ws, a);
          if (a.token_count * 1000 + a.durations.size() * 10 + a.contact_events.size() != expected[i]) ++mismatches;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace lovelorn
