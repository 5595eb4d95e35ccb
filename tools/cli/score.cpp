// lovelorn score: dumps in, one JSON line (or CSV row) per record out.
#include <glob.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "lovelorn/batch.hpp"
#include "lovelorn/lovelorn.hpp"

namespace lovelorn::cli {
namespace {

struct ScoreArgs {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string format = "jsonl";
  std::string output;
  std::string text_field, id_field, time_field, text_mode = "auto";
  std::string model;
  bool no_model = false;
  bool with_text = false;
  bool quiet = false;
  std::vector<std::string> fields;
  std::size_t max_record_bytes = 16u << 20;
  int threads = 0;
};

// The temporary output file, for the signal handler below: a fixed buffer,
// since a handler may only make async-signal-safe calls (unlink, raise).
char g_tmp_path[4096];
volatile std::sig_atomic_t g_tmp_armed = 0;

extern "C" void remove_tmp_and_reraise(int sig) {
  if (g_tmp_armed) ::unlink(g_tmp_path);
  // SA_RESETHAND restored the default action: the signal, blocked while
  // this runs, ends the process as soon as the handler returns.
  std::raise(sig);
}

// Ctrl-C, kill and a closed terminal remove the temporary file before the
// process ends by that signal. Signals ignored when the run started (nohup,
// background jobs of a non-interactive shell) stay ignored.
void remove_tmp_on_signals() {
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
    struct sigaction sa {};
    sa.sa_handler = remove_tmp_and_reraise;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    ::sigaction(sig, &sa, nullptr);
  }
}

// Output to stdout or to FILE via FILE.tmp-<pid>, renamed when complete, so
// an interrupted run never leaves a finished-looking file; the temporary file
// is removed on errors and on SIGINT/SIGTERM/SIGHUP.
class Output {
 public:
  Result<bool> open(const std::string& path) {
    path_ = path;
    if (path.empty() || path == "-") {
      f_ = stdout;
      return true;
    }
    tmp_ = path + ".tmp-" + std::to_string(::getpid());
    if (tmp_.size() < sizeof g_tmp_path) {
      std::memcpy(g_tmp_path, tmp_.c_str(), tmp_.size() + 1);
      g_tmp_armed = 1;
      remove_tmp_on_signals();  // before the file exists, so it is never left behind
    }
    f_ = std::fopen(tmp_.c_str(), "wb");
    if (f_ == nullptr) {
      g_tmp_armed = 0;
      return Error(Errc::io_error, "cannot create output file", tmp_);
    }
    return true;
  }
  // Standard output is flushed after every batch, so whoever reads it
  // (a pipeline, a program waiting for its records) sees each batch whole.
  bool write(std::string_view s) {
    return std::fwrite(s.data(), 1, s.size(), f_) == s.size() && (!tmp_.empty() || std::fflush(f_) == 0);
  }
  Result<bool> commit() {
    if (std::fflush(f_) != 0) return Error(Errc::io_error, "write failed", tmp_.empty() ? "<stdout>" : tmp_);
    if (tmp_.empty()) return true;
    if (std::fclose(f_) != 0) return Error(Errc::io_error, "write failed", tmp_);
    f_ = nullptr;
    std::error_code ec;
    std::filesystem::rename(tmp_, path_, ec);
    if (ec) return Error(Errc::io_error, "cannot rename to " + path_ + ": " + ec.message(), tmp_);
    g_tmp_armed = 0;  // a signal now finds nothing to remove (unlinking a renamed name fails harmlessly)
    tmp_.clear();
    return true;
  }
  ~Output() {
    if (!tmp_.empty()) {
      if (f_ != nullptr) std::fclose(f_);
      std::remove(tmp_.c_str());
      g_tmp_armed = 0;
    }
  }

 private:
  std::FILE* f_ = nullptr;
  std::string path_, tmp_;
};

// Expands shell-style patterns that the shell did not (quoted globs).
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (in.find_first_of("*?[") != std::string::npos && !std::filesystem::exists(in, ec)) {
      glob_t g{};
      if (::glob(in.c_str(), 0, nullptr, &g) == 0) {
        for (std::size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
      } else {
        out.push_back(in);  // reported as missing when opened
      }
      ::globfree(&g);
    } else {
      out.push_back(in);
    }
  }
  if (out.empty()) out.emplace_back("-");
  return out;
}

// A one-line progress display on stderr (only when it is a terminal). It
// counts input bytes as read (compressed bytes for .gz/.zst), against the
// inputs' total size when known; the closing summary counts comment text.
class Progress {
 public:
  Progress(bool enabled, std::uint64_t total_bytes) : enabled_(enabled), total_(total_bytes) {}
  void update(std::uint64_t records, std::uint64_t bytes, bool force = false) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    const double rate = secs > 0 ? mb / secs : 0.0;
    char line[200];
    if (total_ > 0) {
      const double frac = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total_));
      const int width = 24, filled = static_cast<int>(frac * width);
      const double eta = rate > 0 ? (static_cast<double>(total_) / 1e6 - mb) / rate : 0.0;
      std::snprintf(line, sizeof line, "\r[%.*s%*s] %5.1f%%  %llu records  %.1f/%.1f MB read  %.1f MB/s  ETA %.0f s   ",
                    filled, "########################", width - filled, "", frac * 100,
                    static_cast<unsigned long long>(records), mb, static_cast<double>(total_) / 1e6, rate, eta);
    } else {
      std::snprintf(line, sizeof line, "\r%llu records  %.1f MB read  %.1f MB/s   ", static_cast<unsigned long long>(records),
                    mb, rate);
    }
    std::fputs(line, stderr);
  }
  void finish() {
    if (enabled_) std::fputs("\n", stderr);
  }

 private:
  bool enabled_;
  std::uint64_t total_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};

int run_score(const ScoreArgs& args) {
  AnalyzerOptions aopt;
  aopt.model_path = args.model;
  aopt.load_model = !args.no_model;
  if (!args.fields.empty()) {
    // Compute only what the chosen fields show (the situation needs it all).
    auto wants = [&](std::string_view f) { return std::find(args.fields.begin(), args.fields.end(), f) != args.fields.end(); };
    aopt.parts.tokens = wants("tokens");
    aopt.parts.situation = wants("situation");
    aopt.parts.durations = wants("durations") || wants("relationship_length_days");
    aopt.parts.time_anchors = wants("time_anchors");
    aopt.parts.contact_events = wants("contact_events");
    aopt.parts.facts = wants("facts") || wants("asks_question");
  }
  auto analyzer = Analyzer::create(aopt);
  if (!analyzer) {
    std::cerr << "lovelorn: " << analyzer.error().message() << '\n';
    return kFatal;
  }
  DumpOptions dopt;
  dopt.format = *parse_dump_format(args.input_format);
  dopt.text_field = args.text_field;
  dopt.id_field = args.id_field;
  dopt.time_field = args.time_field;
  dopt.max_record_bytes = args.max_record_bytes;
  dopt.text_mode = args.text_mode == "lines" ? TextMode::lines : args.text_mode == "blocks" ? TextMode::blocks : TextMode::automatic;
  BatchOptions bopt;
  bopt.threads = args.threads;
  bopt.format = args.format == "csv" ? OutputFormat::csv : OutputFormat::jsonl;
  bopt.writer.with_text = args.with_text;
  bopt.writer.fields = args.fields;

  Output out;
  if (auto r = out.open(args.output); !r) {
    std::cerr << "lovelorn: " << r.error().message() << '\n';
    return kFatal;
  }
  if (bopt.format == OutputFormat::csv) {
    std::string header;
    write_csv_header(bopt.writer, header);
    out.write(header);
  }

  const std::vector<std::string> inputs = expand_inputs(args.inputs);
  std::uint64_t total_size = 0;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (in != "-") total_size += std::filesystem::is_regular_file(in, ec) ? std::filesystem::file_size(in, ec) : 0;
  }
  const bool show_progress = !args.quiet && ::isatty(STDERR_FILENO) != 0;
  Progress progress(show_progress, total_size);

  // The reader side (calling thread): walk the inputs one after the other.
  std::size_t input_index = 0;
  std::optional<DumpReader> reader;
  std::uint64_t failed_inputs = 0, records_in_file = 0, bytes_before = 0;
  std::atomic<std::uint64_t> bytes_consumed{0};
  auto next = [&](DumpRecord& rec) -> bool {
    for (;;) {
      if (reader) {
        if (reader->next(rec)) {
          ++records_in_file;
          bytes_consumed = bytes_before + reader->bytes_read();
          return true;
        }
        if (records_in_file == 0 && !args.quiet) std::cerr << "lovelorn: " << reader->path() << ": warning: no records (empty input)\n";
        bytes_before += reader->bytes_read();
        reader.reset();
      }
      if (input_index == inputs.size()) return false;
      auto r = DumpReader::open(inputs[input_index++], dopt);
      if (!r) {
        std::cerr << "lovelorn: " << r.error().message() << '\n';
        ++failed_inputs;
        continue;
      }
      reader.emplace(std::move(*r));
      records_in_file = 0;
    }
  };
  // A slow pipe (a program sending records one at a time) gets each
  // record's output as soon as it is analysed, not after a full batch.
  bopt.input_would_block = [&] { return reader.has_value() && reader->would_block(); };
  std::uint64_t seen = 0;
  auto on_record = [&](const DumpRecord& rec, const Analysis* a) {
    ++seen;
    if (!args.quiet) {
      if (rec.error && rec.error->code() != Errc::skipped_record) std::cerr << "lovelorn: " << rec.error->message() << '\n';
      if (const std::uint64_t invalid = a != nullptr ? invalid_utf8_of(rec, *a) : 0; invalid > 0) {
        std::cerr << "lovelorn: " << rec.source << ": invalid_utf8: " << invalid
                  << " invalid UTF-8 sequence(s) replaced by U+FFFD\n";
      }
    }
    progress.update(seen, bytes_consumed.load());
  };
  const auto start = std::chrono::steady_clock::now();
  const BatchStats stats = score_records(*analyzer, next, [&](std::string_view chunk) { return out.write(chunk); }, bopt, on_record);
  progress.update(seen, bytes_consumed.load(), true);
  progress.finish();
  if (stats.write_failed) {
    std::cerr << "lovelorn: io_error: write failed on the output\n";
    return kFatal;
  }
  if (auto r = out.commit(); !r) {
    std::cerr << "lovelorn: " << r.error().message() << '\n';
    return kFatal;
  }
  if (!args.quiet) {
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double mb = static_cast<double>(stats.text_bytes) / 1e6;
    std::fprintf(stderr, "lovelorn: %llu records (%llu errors, %llu skipped) from %zu input(s), %.2f MB of text in %.2f s (%.2f MB/s, %.0f records/s)",
                 static_cast<unsigned long long>(stats.records), static_cast<unsigned long long>(stats.errors),
                 static_cast<unsigned long long>(stats.skipped), inputs.size() - failed_inputs, mb, secs,
                 secs > 0 ? mb / secs : 0.0, secs > 0 ? static_cast<double>(stats.records) / secs : 0.0);
    if (!stats.labels.empty()) {
      std::fputs("; labels:", stderr);
      for (const auto& [l, n] : stats.labels) std::fprintf(stderr, " %s=%llu", l.c_str(), static_cast<unsigned long long>(n));
    }
    std::fputs("\n", stderr);
  }
  return (stats.errors > 0 || failed_inputs > 0) ? kRecordErrors : kOk;
}

}  // namespace

void add_score_command(CLI::App& app) {
  auto args = std::make_shared<ScoreArgs>();
  CLI::App* cmd = app.add_subcommand("score", "Analyse every record of one or more dumps; one output record per input record");
  cmd->add_option("inputs", args->inputs, "Input files ('-' or none = standard input); .gz/.zst are decompressed");
  cmd->add_option("--input-format", args->input_format, "auto|blog|jsonl|csv|text")
      ->check(CLI::IsMember({"auto", "blog", "jsonl", "csv", "text"}));
  cmd->add_option("--format", args->format, "Output format: jsonl|csv")->check(CLI::IsMember({"jsonl", "csv"}));
  cmd->add_option("-o,--output", args->output, "Output file (default: standard output)");
  cmd->add_option("--text-field", args->text_field, "Field/column holding the text ('title+selftext' joins fields)");
  cmd->add_option("--id-field", args->id_field, "Field/column holding the record id");
  cmd->add_option("--time-field", args->time_field, "Field/column holding the timestamp");
  cmd->add_option("--text-mode", args->text_mode, "For plain text: auto|lines|blocks")
      ->check(CLI::IsMember({"auto", "lines", "blocks"}));
  cmd->add_option("--model", args->model, "Situation model file (default: the bundled model)");
  cmd->add_flag("--no-model", args->no_model, "Do not classify the situation");
  cmd->add_flag("--with-text", args->with_text, "Add each comment's text to the output");
  cmd->add_option("--fields", args->fields, "Only these output fields, and only the work they need (e.g. --fields id,durations)")
      ->delimiter(',')
      ->allow_extra_args(false);  // "--fields a,b FILE": FILE is an input, not a field
  cmd->add_option("--max-record-bytes", args->max_record_bytes, "Records larger than this become errors")
      ->check(CLI::PositiveNumber);
  cmd->add_option("-j,--threads", args->threads, "Worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
  cmd->add_flag("-q,--quiet", args->quiet, "No progress, per-record diagnostics or summary on stderr");
  cmd->callback([args] { exit_code() = run_score(*args); });
}

}  // namespace lovelorn::cli
