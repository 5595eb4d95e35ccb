// lovelorn/batch.hpp — score a stream of records on several threads, output
// in input order, memory bounded.
//
// The reader (the calling thread) cuts the input into batches of records; a
// pool of workers analyses the batches, each worker with its own Workspace
// over the one shared Analyzer, and renders every record to JSON or CSV; the
// caller's `write` receives the rendered batches strictly in input order.
// At most `max_batches_in_flight` batches exist at once, each of at most
// `batch_records` records and `batch_bytes` of text (or one record, when a
// single record is larger), and buffers that grew for a gigantic record are
// given back afterwards: memory does not grow with the input, and a few huge
// records cost their own size, not a multiple of it for the rest of the run.
//
//   lovelorn::BatchOptions opt;  // threads = all cores
//   lovelorn::BatchStats stats = lovelorn::score_records(analyzer,
//       [&](lovelorn::DumpRecord& r) { return reader.next(r); },
//       [&](std::string_view chunk) { std::fwrite(chunk.data(), 1, chunk.size(), stdout); return true; },
//       opt);
//
// Output is byte-identical for any thread count.
// Thread-safety: score_records may be called concurrently with different
// callbacks; the callbacks themselves are only ever called from the calling
// thread (next) and one writer thread at a time (write, on_record).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "lovelorn/analyzer.hpp"
#include "lovelorn/dump.hpp"
#include "lovelorn/writer.hpp"

namespace lovelorn {

enum class OutputFormat : std::uint8_t { jsonl, csv };

struct BatchOptions {
  int threads = 0;                     // 0 = std::thread::hardware_concurrency()
  std::size_t batch_records = 256;     // records per batch, at most
  std::size_t batch_bytes = 1u << 20;  // comment text per batch, at most (a batch always takes one record)
  std::size_t max_batches_in_flight = 0;  // 0 = 4 x threads
  OutputFormat format = OutputFormat::jsonl;
  WriterOptions writer;
  // Optional: when it returns true, the next call to `next` would wait for
  // input (DumpReader::would_block), and the batch being filled is sent off
  // as it is. A writer that sends one record and waits for its result (a
  // streaming filter in a pipeline) then gets it without waiting for a
  // whole batch; from files, batches stay full.
  std::function<bool()> input_would_block;
};

struct BatchStats {
  std::uint64_t records = 0;   // records read (= records written)
  std::uint64_t errors = 0;    // records with an error other than skipped_record
  std::uint64_t skipped = 0;   // [removed], [deleted], empty
  std::uint64_t text_bytes = 0;  // bytes of analysed comment text
  std::uint64_t invalid_utf8 = 0;  // repaired sequences
  std::map<std::string, std::uint64_t> labels;  // situation label counts
  bool write_failed = false;   // `write` returned false; scoring stopped early
};

// Reads records with `next` until it returns false, analyses them and hands
// the rendered output to `write` in input order. `on_record` (optional) sees
// every record after analysis, in input order, on the writer thread — for
// diagnostics and progress. Returns the totals.
BatchStats score_records(const Analyzer& analyzer, const std::function<bool(DumpRecord&)>& next,
                         const std::function<bool(std::string_view)>& write, const BatchOptions& options,
                         const std::function<void(const DumpRecord&, const Analysis*)>& on_record = {});

}  // namespace lovelorn
