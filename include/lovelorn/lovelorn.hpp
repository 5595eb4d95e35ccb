// lovelorn/lovelorn.hpp — the whole public API in one include.
//
// lovelorn reads relationship-advice comments (blog pages, Reddit JSONL,
// CSV, plain text), extracts durations, time anchors, contact events and
// relationship facts, and classifies the advice situation.
//
//   #include <lovelorn/lovelorn.hpp>
//   lovelorn::Analyzer analyzer;                        // thread-safe, immutable
//   auto a = analyzer.analyze("we dated for 2 years and he ghosted me");
//
// See analyzer.hpp (analysis), dump.hpp (reading dumps), writer.hpp (output),
// analysis.hpp (result types) and result.hpp (errors).
#pragma once

#include "lovelorn/analysis.hpp"
#include "lovelorn/analyzer.hpp"
#include "lovelorn/batch.hpp"
#include "lovelorn/dump.hpp"
#include "lovelorn/result.hpp"
#include "lovelorn/writer.hpp"

namespace lovelorn {
// The library version, e.g. "0.1.0".
const char* version() noexcept;
}  // namespace lovelorn
