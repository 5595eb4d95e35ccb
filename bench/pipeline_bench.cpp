// Per-stage throughput of the analysis pipeline (MB/s via SetBytesProcessed)
// and thread scaling of one shared Analyzer.
#include <benchmark/benchmark.h>

#include "corpus.hpp"
#include "features.hpp"
#include "linear_model.hpp"
#include "lovelorn/analyzer.hpp"
#include "model_file.hpp"
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

// The model's inputs for every text, computed once: tokens and the
// extractors' Analysis (named features come from it).
struct Prepared {
  std::vector<std::vector<lovelorn::detail::Tok>> tokens;
  std::vector<lovelorn::Analysis> facts;
  std::vector<lovelorn::detail::NormalizedText> normalized;  // the tokens point into these
};
const Prepared& prepared() {
  static const Prepared p = [] {
    Prepared r;
    const lovelorn::detail::Tokenizer tokenizer;
    auto ts = tokenizer.make_state();
    const lovelorn::Analyzer analyzer;
    lovelorn::Workspace ws;
    r.normalized.resize(texts().size());
    for (std::size_t i = 0; i < texts().size(); ++i) {
      lovelorn::detail::normalize(texts()[i], r.normalized[i]);
      tokenizer.tokenize(r.normalized[i], ts, r.tokens.emplace_back());
      analyzer.analyze(texts()[i], {}, ws, r.facts.emplace_back());
    }
    return r;
  }();
  return p;
}

// The shipped model (skips when it cannot be read).
const lovelorn::detail::LinearModel* model() {
  static const auto m = lovelorn::detail::read_model_file(lovelorn::detail::default_model_path());
  return m ? &*m : nullptr;
}

void BM_Features(benchmark::State& state) {
  const Prepared& p = prepared();
  const lovelorn::detail::FeatureConfig cfg = model() ? model()->config() : lovelorn::detail::FeatureConfig{};
  std::vector<std::uint32_t> ids;
  for (auto _ : state) {
    for (std::size_t i = 0; i < p.tokens.size(); ++i) {
      lovelorn::detail::extract_features(p.tokens[i], p.facts[i], cfg, ids);
      benchmark::DoNotOptimize(ids.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * lovelorn::bench::total_bytes(texts())));
}
BENCHMARK(BM_Features);

void BM_Predict(benchmark::State& state) {
  const lovelorn::detail::LinearModel* m = model();
  if (m == nullptr) {
    state.SkipWithError("no model file (set LOVELORN_MODEL)");
    return;
  }
  const Prepared& p = prepared();
  std::vector<std::vector<std::uint32_t>> ids(p.tokens.size());
  for (std::size_t i = 0; i < p.tokens.size(); ++i) lovelorn::detail::extract_features(p.tokens[i], p.facts[i], m->config(), ids[i]);
  std::vector<double> probs;
  for (auto _ : state) {
    for (const auto& f : ids) {
      m->predict(f, probs);
      benchmark::DoNotOptimize(probs.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * lovelorn::bench::total_bytes(texts())));
}
BENCHMARK(BM_Predict);

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

