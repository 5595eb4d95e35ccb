#include "lovelorn/batch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace lovelorn {
namespace {

// A small stream: ordinary comments, an error record, and one long comment
// (longer than the tiny batch byte limits used below).
std::vector<DumpRecord> sample_records() {
  const char* texts[] = {
      "We dated for about two months and then he stopped texting me.",
      "My ex called me twice last week after 5 months of silence.",
      "Honestly you deserve better, block him and move on.",
      "She said she is not ready for a relationship yet.",
  };
  std::vector<DumpRecord> out;
  for (int i = 0; i < 40; ++i) {
    DumpRecord r;
    r.comment.id = "c" + std::to_string(i);
    r.comment.text = texts[i % 4];
    if (i == 7) r.error = Error(Errc::parse_error, "invalid JSON", "in.jsonl:8");
    if (i == 20) {
      for (int k = 0; k < 200; ++k) r.comment.text += " We talked on the phone for 3 hours.";
    }
    out.push_back(std::move(r));
  }
  return out;
}

struct Scored {
  std::string output;
  BatchStats stats;
  std::vector<std::string> seen;  // ids, in on_record order
};

Scored score(const Analyzer& analyzer, const BatchOptions& opt, std::size_t fail_after_chunks = 0) {
  const std::vector<DumpRecord> records = sample_records();
  std::size_t i = 0, chunks = 0;
  Scored run;
  run.stats = score_records(
      analyzer,
      [&](DumpRecord& r) {
        if (i == records.size()) return false;
        r = records[i++];
        return true;
      },
      [&](std::string_view chunk) {
        run.output += chunk;
        return fail_after_chunks == 0 || ++chunks < fail_after_chunks;
      },
      opt, [&](const DumpRecord& r, const Analysis*) { run.seen.push_back(r.comment.id); });
  return run;
}

const Analyzer& analyzer() {
  static const Analyzer a = *Analyzer::create(AnalyzerOptions{.model_path = "", .load_model = false});
  return a;
}

TEST(Batch, SameOutputForEveryThreadCountAndBatchShape) {
  BatchOptions base;
  base.threads = 1;
  const Scored reference = score(analyzer(), base);
  EXPECT_EQ(reference.stats.records, 40u);
  EXPECT_EQ(reference.stats.errors, 1u);
  ASSERT_EQ(reference.seen.size(), 40u);
  for (std::size_t i = 0; i < reference.seen.size(); ++i) EXPECT_EQ(reference.seen[i], "c" + std::to_string(i));
  EXPECT_EQ(std::count(reference.output.begin(), reference.output.end(), '\n'), 40);

  for (const int threads : {1, 2, 3}) {
    for (const auto& [records, bytes] : {std::pair<std::size_t, std::size_t>{1, 1u << 20}, {256, 1}, {7, 200}}) {
      BatchOptions opt;
      opt.threads = threads;
      opt.batch_records = records;
      opt.batch_bytes = bytes;  // 1 byte: every record is its own batch, the long one included
      opt.max_batches_in_flight = 2;
      const Scored run = score(analyzer(), opt);
      EXPECT_EQ(run.output, reference.output) << threads << " threads, " << records << " records, " << bytes << " bytes";
      EXPECT_EQ(run.seen, reference.seen);
      EXPECT_EQ(run.stats.records, 40u);
      EXPECT_EQ(run.stats.text_bytes, reference.stats.text_bytes);
    }
  }
}

// When the input would block (a writer sending records one at a time), the
// batch being filled goes out at once: every record arrives in its own
// chunk, and the output is the same as from a batch-filling run.
TEST(Batch, InputThatWouldBlockSendsOffWhatItHas) {
  BatchOptions base;
  base.threads = 1;
  const Scored reference = score(analyzer(), base);
  const std::vector<DumpRecord> records = sample_records();
  for (const int threads : {1, 2}) {
    for (const bool idle : {false, true}) {
      BatchOptions opt;
      opt.threads = threads;
      opt.input_would_block = [&] { return idle; };
      std::size_t i = 0, calls = 0;
      std::vector<std::string> chunks;
      score_records(
          analyzer(),
          [&](DumpRecord& r) {
            if (i == records.size()) return false;
            r = records[i++];
            return true;
          },
          [&](std::string_view chunk) {
            chunks.emplace_back(chunk);
            return true;
          },
          opt);
      std::string joined;
      for (const auto& c : chunks) {
        joined += c;
        calls += std::count(c.begin(), c.end(), '\n') == 1;
      }
      EXPECT_EQ(joined, reference.output) << threads << " threads, idle " << idle;
      if (idle) {
        EXPECT_EQ(chunks.size(), 40u) << threads;
        EXPECT_EQ(calls, 40u) << threads;
      } else {
        EXPECT_EQ(chunks.size(), 1u) << threads;  // 40 records fit one batch
      }
    }
  }
}

TEST(Batch, AFailedWriteStopsTheRun) {
  for (const int threads : {1, 2}) {
    BatchOptions opt;
    opt.threads = threads;
    opt.batch_records = 4;
    const Scored run = score(analyzer(), opt, /*fail_after_chunks=*/2);
    EXPECT_TRUE(run.stats.write_failed) << threads;
    EXPECT_LT(run.stats.records, 40u) << threads;
  }
}

}  // namespace
}  // namespace lovelorn
