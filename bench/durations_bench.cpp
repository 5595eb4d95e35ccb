// durations_bench — the duration extractor and the time anchors on a
// deterministic corpus: ns per comment (counter `ns_per_comment`) and MB/s
// (SetBytesProcessed). The texts are normalised once up front, so the figures
// are those of the extractors alone; BM_NormalizeAndDurations adds the
// normalisation every comment needs anyway.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "durations.hpp"
#include "normalize.hpp"
#include "time_anchors.hpp"

namespace {

// The corpus is small enough (128 comments) for the folded texts and their
// offset tables to stay in cache, as they are in the pipeline right after
// normalisation.
//
// Sentences written for this benchmark: about one in three carries a duration,
// the rest are the ordinary prose between them (with some false friends:
// clock times, frequencies, ordinals, money, ages).
const char* const kSentences[] = {
    "Me and my partner are together a little over 3 yrs now, and we just got a flat.",
    "He ghosted me about two weeks ago after what I thought was a great third date.",
    "We dated for 2-3 months, then she said she needed space to figure things out.",
    "I haven't heard from him in 10 days and I keep checking my phone every hour.",
    "Honestly, give it a week or two before you decide anything at all.",
    "My husband of twenty one years told me last night that he is not happy.",
    "It's been almost a year and a half since the divorce and I still feel stuck.",
    "She texts me twice a week but never asks how I am doing.",
    "We talk every day at 9pm and on weekends we go hiking together.",
    "I'm 27F and he is 31M, we met at a friend's birthday party in the city.",
    "Is it normal to feel this way after such a short relationship?",
    "I paid $40 for dinner and he didn't even offer to split it.",
    "On day five of no contact I almost caved, but my sister talked me out of it.",
    "He lives two hours away so we only see each other every other weekend.",
    "Thank you for writing this, it helped me more than you know.",
    "I don't know what to do anymore, please help me think this through.",
    "Her 6 month old son is the sweetest baby and I adore him already.",
    "For months he promised he would leave her, and for months nothing changed.",
    "My friends say I should move on but I keep replaying our last conversation.",
    "We broke up in March and he already has a new girlfriend on Instagram.",
};

struct Corpus {
  std::vector<std::string> texts;
  std::vector<lovelorn::detail::NormalizedText> normalized;
  std::size_t bytes = 0;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    std::mt19937 rng(424242);
    std::uniform_int_distribution<std::size_t> pick(0, std::size(kSentences) - 1);
    for (int i = 0; i < 128; ++i) {
      std::string t;
      while (t.size() < 700) {
        t += kSentences[pick(rng)];
        t += ' ';
      }
      out.bytes += t.size();
      lovelorn::detail::NormalizedText nt;
      lovelorn::detail::normalize(t, nt);
      out.texts.push_back(std::move(t));
      out.normalized.push_back(std::move(nt));
    }
    return out;
  }();
  return c;
}

void report(benchmark::State& state, const Corpus& c) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.texts.size()));
  state.counters["ns_per_comment"] = benchmark::Counter(
      static_cast<double>(state.iterations() * c.texts.size()) * 1e-9,
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_Durations(benchmark::State& state) {
  const Corpus& c = corpus();
  std::vector<lovelorn::Duration> out;
  for (auto _ : state) {
    for (std::size_t i = 0; i < c.texts.size(); ++i) {
      out.clear();
      lovelorn::detail::extract_durations(c.texts[i], c.normalized[i], out);
      benchmark::DoNotOptimize(lovelorn::detail::relationship_length_days(c.normalized[i], out));
    }
  }
  report(state, c);
}
BENCHMARK(BM_Durations)->ThreadRange(1, 2)->UseRealTime();

void BM_TimeAnchors(benchmark::State& state) {
  const Corpus& c = corpus();
  std::vector<lovelorn::TimeAnchor> out;
  const std::optional<lovelorn::detail::Date> now = lovelorn::detail::Date{2020, 6, 15};
  lovelorn::detail::lexicon::Scanned scanned;  // scanned per comment: the scan is part of the cost
  for (auto _ : state) {
    for (std::size_t i = 0; i < c.texts.size(); ++i) {
      out.clear();
      lovelorn::detail::lexicon::scan(c.normalized[i].text, scanned);
      lovelorn::detail::extract_time_anchors(c.texts[i], c.normalized[i], scanned, now, out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  report(state, c);
}
BENCHMARK(BM_TimeAnchors);

void BM_NormalizeAndDurations(benchmark::State& state) {
  const Corpus& c = corpus();
  lovelorn::detail::NormalizedText nt;
  std::vector<lovelorn::Duration> out;
  for (auto _ : state) {
    for (const std::string& t : c.texts) {
      lovelorn::detail::normalize(t, nt);
      out.clear();
      lovelorn::detail::extract_durations(t, nt, out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  report(state, c);
}
BENCHMARK(BM_NormalizeAndDurations);

}  // namespace
