// lovelorn/analyzer.hpp — analyse one comment: tokens, durations, time
// anchors, contact events, relationship facts and the situation label.
//
//   #include <lovelorn/lovelorn.hpp>
//
//   lovelorn::Analyzer analyzer;  // the bundled situation model, if installed
//   lovelorn::Analysis a = analyzer.analyze("We dated for 2 years and he ghosted me.");
//   for (const lovelorn::Duration& d : a.durations)
//     std::cout << d.text << " = " << *d.days << " days\n";
//
// An Analyzer is immutable after construction and cheap to copy (copies
// share one implementation): call analyze() from any number of threads at
// once. For batch work, give each thread its own Workspace — it keeps the
// per-thread scratch (ICU iterator clone, buffers) between comments, which is
// what makes the fast path fast. The overload without a Workspace uses a
// thread-local one.
//
// analyze() never fails on content: any bytes are accepted, invalid UTF-8 is
// repaired as U+FFFD and counted in Analysis::invalid_utf8. Only construction
// with an explicit model can fail (Analyzer::create returns the Error; the
// constructor throws lovelorn::Exception).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lovelorn/analysis.hpp"
#include "lovelorn/result.hpp"

namespace lovelorn {

// Which parts of the analysis to compute. Leaving parts out makes analysis
// faster (a durations-only Analyzer skips the contact, fact and time
// extractors and the model); the results say what was produced
// (Analysis::produced) and writers leave the rest out. The situation model
// reads every extractor's results as features, so asking for the situation
// computes them all.
struct AnalysisParts {
  bool tokens = true;          // token_count, sentence_count (and Analysis::tokens with keep_tokens)
  bool durations = true;       // also relationship_length_days
  bool time_anchors = true;
  bool contact_events = true;
  bool facts = true;           // also asks_question
  bool situation = true;       // needs a model; turns every part above on
};

struct AnalyzerOptions {
  // Situation model file. Empty = the default model: $LOVELORN_MODEL, else
  // the bundled models/situation/situation.llm (source tree or installed
  // share/lovelorn); when none is found the situation is left out.
  std::string model_path;
  bool load_model = true;    // false: never load a model (no situation)
  bool keep_tokens = false;  // fill Analysis::tokens
  AnalysisParts parts;       // all by default
};

class Workspace;

class Analyzer {
 public:
  // The default options; a default model that exists but is corrupt throws.
  Analyzer();
  // Throws lovelorn::Exception when the model cannot be loaded.
  explicit Analyzer(const AnalyzerOptions& options);
  // Like the constructor, but returns the Error instead of throwing.
  static Result<Analyzer> create(const AnalyzerOptions& options);

  // `timestamp` (ISO 8601, epoch seconds or a blog date) anchors relative
  // times such as "two days ago"; unparsable timestamps are ignored.
  Analysis analyze(std::string_view text, std::string_view timestamp = {}) const;
  void analyze(std::string_view text, std::string_view timestamp, Workspace& ws, Analysis& out) const;

  bool has_model() const noexcept;
  // The model's label names, in score order (empty without a model).
  const std::vector<std::string>& labels() const noexcept;
  // Path of the loaded model ("" without one).
  const std::string& model_path() const noexcept;

  class Impl;
  const Impl& impl() const noexcept { return *impl_; }

 private:
  explicit Analyzer(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

// Per-thread scratch for Analyzer::analyze. Thread-compatible: use one per
// thread; reusing it across comments avoids reallocations.
class Workspace {
 public:
  Workspace();
  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  ~Workspace();

  class Impl;
  Impl& impl() noexcept { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace lovelorn
