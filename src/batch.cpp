#include "lovelorn/batch.hpp"

#if defined(__GLIBC__)
#include <malloc.h>  // malloc_trim
#endif

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace lovelorn {
namespace {

struct Batch {
  std::uint64_t seq = 0;
  std::size_t size = 0;  // records in use (the vectors keep their capacity)
  std::vector<DumpRecord> records;
  std::vector<Analysis> analyses;
  std::string out;
  BatchStats stats;
};

void return_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

// Analyses every record of `b` and renders the output chunk.
void process(const Analyzer& analyzer, Workspace& ws, const BatchOptions& opt, Batch& b) {
  // After a gigantic record the buffers it grew are given back during the
  // next record (scratch.hpp); then glibc is asked to return the freed
  // memory to the system, which it otherwise keeps for the rest of the run.
  thread_local bool trim_pending = false;
  if (b.out.capacity() > 4 * opt.batch_bytes) std::string().swap(b.out);  // it grew for a gigantic record
  b.out.clear();
  b.stats = BatchStats{};
  if (b.analyses.size() < b.size) b.analyses.resize(b.size);
  for (std::size_t i = 0; i < b.size; ++i) {
    const DumpRecord& r = b.records[i];
    const Analysis* a = nullptr;
    if (r.error) {
      if (r.error->code() == Errc::skipped_record) ++b.stats.skipped;
      else ++b.stats.errors;
    } else {
      analyzer.analyze(r.comment.text, r.comment.timestamp, ws, b.analyses[i]);
      a = &b.analyses[i];
      b.stats.text_bytes += r.comment.text.size();
      b.stats.invalid_utf8 += invalid_utf8_of(r, *a);
      if (a->situation) ++b.stats.labels[a->situation->label];
    }
    if (opt.format == OutputFormat::csv) {
      write_csv(r, a, opt.writer, b.out);
    } else {
      write_json(r, a, opt.writer, b.out);
      b.out += '\n';
    }
    if (a != nullptr && trim_pending) {
      return_free_memory();
      trim_pending = false;
    }
    if (a != nullptr && r.comment.text.size() > opt.batch_bytes) {
      b.analyses[i] = Analysis();  // its results can be huge too
      trim_pending = true;
    }
  }
  b.stats.records = b.size;
}

void merge(BatchStats& into, const BatchStats& from) {
  into.records += from.records;
  into.errors += from.errors;
  into.skipped += from.skipped;
  into.text_bytes += from.text_bytes;
  into.invalid_utf8 += from.invalid_utf8;
  for (const auto& [label, n] : from.labels) into.labels[label] += n;
}

// Fills `b` with up to `n` records and about `bytes` of text (at least one
// record, and no more once the input would block); false when the input had
// none left.
bool fill(Batch& b, std::size_t n, std::size_t bytes, const std::function<bool(DumpRecord&)>& next,
          const std::function<bool()>& would_block) {
  if (b.records.size() < n) b.records.resize(n);
  // Slots keep their strings' capacity from batch to batch, so each slot
  // would drift towards the longest record it ever held. When the slots
  // together hold more than twice the byte limit, the long ones start over.
  std::size_t held = 0;
  for (const DumpRecord& r : b.records) held += r.comment.text.capacity();
  const std::size_t long_slot = held > 2 * bytes ? 4 * bytes / n : bytes;
  b.size = 0;
  std::size_t text = 0;
  while (b.size < n && text < bytes) {
    if (b.size > 0 && would_block && would_block()) break;
    DumpRecord& r = b.records[b.size];
    if (r.comment.text.capacity() > long_slot) r = DumpRecord();
    if (!next(r)) break;
    text += r.comment.text.size();
    ++b.size;
  }
  return b.size > 0;
}

void deliver(const Batch& b, const std::function<bool(std::string_view)>& write,
             const std::function<void(const DumpRecord&, const Analysis*)>& on_record, BatchStats& stats) {
  if (on_record) {
    for (std::size_t i = 0; i < b.size; ++i) {
      on_record(b.records[i], b.records[i].error ? nullptr : &b.analyses[i]);
    }
  }
  merge(stats, b.stats);
  if (!stats.write_failed && !b.out.empty() && !write(b.out)) stats.write_failed = true;
}

}  // namespace

BatchStats score_records(const Analyzer& analyzer, const std::function<bool(DumpRecord&)>& next,
                         const std::function<bool(std::string_view)>& write, const BatchOptions& options,
                         const std::function<void(const DumpRecord&, const Analysis*)>& on_record) {
  BatchStats stats;
  const std::size_t per_batch = std::max<std::size_t>(1, options.batch_records);
  const std::size_t batch_bytes = std::max<std::size_t>(1, options.batch_bytes);
  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(threads, 1);

  if (threads == 1) {
    // No pool: read, analyse and write in turn on this thread.
    Workspace ws;
    Batch b;
    while (!stats.write_failed && fill(b, per_batch, batch_bytes, next, options.input_would_block)) {
      process(analyzer, ws, options, b);
      deliver(b, write, on_record, stats);
    }
    return stats;
  }

  const std::size_t max_in_flight =
      options.max_batches_in_flight > 0 ? options.max_batches_in_flight : static_cast<std::size_t>(threads) * 4;
  std::mutex mu;
  std::condition_variable work_cv, done_cv, space_cv;
  std::deque<std::unique_ptr<Batch>> work, free_list;
  std::vector<std::unique_ptr<Batch>> done;  // finished batches waiting for their turn
  bool input_closed = false;
  std::uint64_t batches_read = 0;
  std::size_t in_flight = 0;
  std::atomic<bool> stop{false};

  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      Workspace ws;
      for (;;) {
        std::unique_ptr<Batch> b;
        {
          std::unique_lock lock(mu);
          work_cv.wait(lock, [&] { return !work.empty() || input_closed; });
          if (work.empty()) return;
          b = std::move(work.front());
          work.pop_front();
        }
        if (!stop) process(analyzer, ws, options, *b);
        {
          std::lock_guard lock(mu);
          done.push_back(std::move(b));
        }
        done_cv.notify_one();
      }
    });
  }

  std::thread writer([&] {
    std::uint64_t next_seq = 0;
    for (;;) {
      std::unique_ptr<Batch> b;
      {
        std::unique_lock lock(mu);
        auto ready = [&] {
          return std::find_if(done.begin(), done.end(), [&](const auto& d) { return d->seq == next_seq; });
        };
        done_cv.wait(lock, [&] { return ready() != done.end() || (input_closed && next_seq == batches_read); });
        auto it = ready();
        if (it == done.end()) return;  // everything written
        b = std::move(*it);
        done.erase(it);
      }
      if (!stop) {
        deliver(*b, write, on_record, stats);
        if (stats.write_failed) stop = true;
      }
      ++next_seq;
      {
        std::lock_guard lock(mu);
        --in_flight;
        free_list.push_back(std::move(b));
      }
      space_cv.notify_one();
    }
  });

  for (;;) {
    std::unique_ptr<Batch> b;
    {
      std::unique_lock lock(mu);
      space_cv.wait(lock, [&] { return in_flight < max_in_flight; });
      if (!free_list.empty()) {
        b = std::move(free_list.front());
        free_list.pop_front();
      }
    }
    if (!b) b = std::make_unique<Batch>();
    if (stop || !fill(*b, per_batch, batch_bytes, next, options.input_would_block)) break;
    {
      std::lock_guard lock(mu);
      b->seq = batches_read++;
      ++in_flight;
      work.push_back(std::move(b));
    }
    work_cv.notify_one();
  }
  {
    std::lock_guard lock(mu);
    input_closed = true;
  }
  work_cv.notify_all();
  done_cv.notify_all();
  for (auto& w : workers) w.join();
  done_cv.notify_all();
  writer.join();
  return stats;
}

}  // namespace lovelorn
