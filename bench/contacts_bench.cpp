// Contact-event extraction speed: ns per comment and MB/s of comment text.
//
// The corpus is deterministic: comments assembled from sentences written for
// this benchmark (a mix of contact-heavy and contact-free text) by a fixed
// linear congruential generator, normalised once before timing.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "contacts.hpp"
#include "facts.hpp"
#include "normalize.hpp"

namespace {

using lovelorn::ContactEvent;
using lovelorn::detail::NormalizedText;

constexpr const char* kSentences[] = {
    "My boyfriend and I have been together for almost two years.",
    "He FaceTimed me 3 times last week but since Sunday no calls, no messages.",
    "Should I text him or wait for him to reach out?",
    "We used to talk on the phone every night before bed.",
    "Last Friday he came over, we watched a movie and everything felt normal.",
    "Then he just stopped texting and I haven\u2019t heard from him since.",
    "I don't know what I did wrong, honestly.",
    "My friends say I should block him on Instagram and move on.",
    "He still watches my stories and liked my post yesterday.",
    "What if he contacts me again after the holidays?",
    "The weather here has been awful and work is exhausting.",
    "We met up for coffee twice and he seemed distant both times.",
    "I sent him a long email explaining how I feel but got no reply.",
    "Any advice would be appreciated, thank you for reading.",
    "You should call him and ask him directly what is going on.",
    "If your boyfriend ignores your texts for a week, that tells you something.",
    "She said she would call me after her shift but she never did.",
    "Our first date was at a little Italian place near the river.",
    "I deleted his number so I would stop checking my phone.",
    "It's been radio silence for ten days now and I'm losing my mind.",
};
constexpr std::size_t kSentenceCount = sizeof(kSentences) / sizeof(kSentences[0]);

struct Corpus {
  std::vector<std::string> texts;
  std::vector<NormalizedText> normalized;
  std::size_t bytes = 0;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    std::uint32_t state = 12345u;
    auto next = [&state] {
      state = state * 1664525u + 1013904223u;
      return state >> 8;
    };
    for (int i = 0; i < 256; ++i) {  // ~90 KB: text and offsets stay in cache, as in the pipeline
      std::string text;
      const int n = 2 + static_cast<int>(next() % 9);  // 2..10 sentences, ~100..800 bytes
      for (int k = 0; k < n; ++k) {
        if (!text.empty()) text += (next() % 5 == 0) ? "\n\n" : " ";
        text += kSentences[next() % kSentenceCount];
      }
      out.bytes += text.size();
      out.texts.push_back(std::move(text));
    }
    out.normalized.resize(out.texts.size());
    for (std::size_t i = 0; i < out.texts.size(); ++i) lovelorn::detail::normalize(out.texts[i], out.normalized[i]);
    return out;
  }();
  return c;
}

void report(benchmark::State& state, const Corpus& c) {
  const auto comments = static_cast<double>(state.iterations() * c.texts.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(comments));
  state.counters["ns_per_comment"] =
      benchmark::Counter(comments * 1e-9, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// Each benchmark includes the lexicon scan its extractor reads, as when that
// extractor is the only one running (`score --fields id,contact_events`).
void BM_ExtractContacts(benchmark::State& state) {
  const Corpus& c = corpus();
  std::vector<ContactEvent> events;
  lovelorn::detail::lexicon::Scanned scanned;
  std::size_t found = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < c.texts.size(); ++i) {
      events.clear();
      lovelorn::detail::lexicon::scan(c.normalized[i].text, scanned);
      lovelorn::detail::extract_contacts(c.texts[i], c.normalized[i], scanned, events);
      found += events.size();
    }
    benchmark::DoNotOptimize(found);
  }
  report(state, c);
}
BENCHMARK(BM_ExtractContacts)->ThreadRange(1, 2)->UseRealTime();

void BM_FactsAndQuestion(benchmark::State& state) {
  const Corpus& c = corpus();
  lovelorn::detail::lexicon::Scanned scanned;
  std::size_t asked = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < c.texts.size(); ++i) {
      lovelorn::detail::lexicon::scan(c.normalized[i].text, scanned);
      const auto facts = lovelorn::detail::extract_facts(c.normalized[i], scanned);
      asked += lovelorn::detail::asks_question(c.normalized[i], scanned) + facts.status.size();
    }
    benchmark::DoNotOptimize(asked);
  }
  report(state, c);
}
BENCHMARK(BM_FactsAndQuestion);

}  // namespace
