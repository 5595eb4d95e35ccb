// Per-stage throughput of the analysis pipeline (MB/s via SetBytesProcessed)
// and thread scaling of one shared Analyzer.
#include <benchmark/benchmark.h>

#include "corpus.hpp"
#include "lovelorn/analyzer.hpp"
#include "normalize.hpp"
#include "tokenizer.hpp"

namespace {

const std::vector<std::string>& texts() {
  static const auto c = lovelorn::bench::corpus();
  return c;
}

void BM_Normalize(benchmark::State& state) {
  lovelorn::detail::NormalizedText nt;
  for (auto _ : state) {
    for (const auto& t : texts()) {
      lovelorn::detail::normalize(t, nt);
      benchmark::DoNotOptimize(nt.text.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * lovelorn::bench::total_bytes(texts())));
}
BENCHMARK(BM_Normalize);

void BM_Tokenize(benchmark::State& state) {
  const lovelorn::detail::Tokenizer tokenizer;
  auto ts = tokenizer.make_state();
  std::vector<lovelorn::detail::NormalizedText> normalized(texts().size());
  for (std::size_t i = 0; i < texts().size(); ++i) lovelorn::detail::normalize(texts()[i], normalized[i]);
  std::vector<lovelorn::detail::Tok> toks;
  for (auto _ : state) {
    for (const auto& nt : normalized) {
      tokenizer.tokenize(nt, ts, toks);
      benchmark::DoNotOptimize(toks.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * lovelorn::bench::total_bytes(texts())));
}
BENCHMARK(BM_Tokenize);

void BM_Analyze(benchmark::State& state) {
  static const lovelorn::Analyzer analyzer;  // with the default model when present
  lovelorn::Workspace ws;
  lovelorn::Analysis a;
  for (auto _ : state) {
    for (const auto& t : texts()) {
      analyzer.analyze(t, {}, ws, a);
      benchmark::DoNotOptimize(a.token_count);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * lovelorn::bench::total_bytes(texts())));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * texts().size()));
}
BENCHMARK(BM_Analyze)->ThreadRange(1, 2)->UseRealTime();

}  // namespace

