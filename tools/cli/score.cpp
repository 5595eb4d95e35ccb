// lovelorn score: dumps in, one JSON line (or CSV row) per record out.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "commands.hpp"
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
};

// Output to stdout or to FILE via FILE.tmp-<pid>, renamed when complete, so
// an interrupted run never leaves a finished-looking file.
class Output {
 public:
  Result<bool> open(const std::string& path) {
    path_ = path;
    if (path.empty() || path == "-") {
      f_ = stdout;
      return true;
    }
    tmp_ = path + ".tmp-" + std::to_string(::getpid());
    f_ = std::fopen(tmp_.c_str(), "wb");
    if (f_ == nullptr) return Error(Errc::io_error, "cannot create output file", tmp_);
    return true;
  }
  bool write(const std::string& s) { return std::fwrite(s.data(), 1, s.size(), f_) == s.size(); }
  Result<bool> commit() {
    if (std::fflush(f_) != 0) return Error(Errc::io_error, "write failed", tmp_.empty() ? "<stdout>" : tmp_);
    if (tmp_.empty()) return true;
    if (std::fclose(f_) != 0) return Error(Errc::io_error, "write failed", tmp_);
    f_ = nullptr;
    std::error_code ec;
    std::filesystem::rename(tmp_, path_, ec);
    if (ec) return Error(Errc::io_error, "cannot rename to " + path_ + ": " + ec.message(), tmp_);
    tmp_.clear();
    return true;
  }
  ~Output() {
    if (!tmp_.empty()) {
      if (f_ != nullptr) std::fclose(f_);
      std::remove(tmp_.c_str());
    }
  }

 private:
  std::FILE* f_ = nullptr;
  std::string path_, tmp_;
};

int run_score(const ScoreArgs& args) {
  AnalyzerOptions aopt;
  aopt.model_path = args.model;
  aopt.load_model = !args.no_model;
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
  WriterOptions wopt;
  wopt.with_text = args.with_text;
  wopt.fields = args.fields;
  const bool csv = args.format == "csv";

  Output out;
  if (auto r = out.open(args.output); !r) {
    std::cerr << "lovelorn: " << r.error().message() << '\n';
    return kFatal;
  }
  std::string buf;
  if (csv) write_csv_header(wopt, buf);
  Workspace ws;
  Analysis analysis;
  DumpRecord rec;
  std::uint64_t records = 0, errors = 0, skipped = 0, bytes = 0, failed_inputs = 0;
  std::map<std::string, std::uint64_t> labels;
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::string> inputs = args.inputs.empty() ? std::vector<std::string>{"-"} : args.inputs;
  for (const std::string& path : inputs) {
    auto reader = DumpReader::open(path, dopt);
    if (!reader) {
      std::cerr << "lovelorn: " << reader.error().message() << '\n';
      ++failed_inputs;
      continue;
    }
    std::uint64_t in_file = 0;
    while (reader->next(rec)) {
      ++records;
      ++in_file;
      const Analysis* a = nullptr;
      if (rec.error) {
        if (rec.error->code() == Errc::skipped_record) {
          ++skipped;
        } else {
          ++errors;
          if (!args.quiet) std::cerr << "lovelorn: " << rec.error->message() << '\n';
        }
      } else {
        analyzer->analyze(rec.comment.text, rec.comment.timestamp, ws, analysis);
        bytes += rec.comment.text.size();
        if (analysis.invalid_utf8 > 0 && !args.quiet) {
          std::cerr << "lovelorn: " << rec.source << ": invalid_utf8: " << analysis.invalid_utf8
                    << " invalid UTF-8 sequence(s) replaced by U+FFFD\n";
        }
        if (analysis.situation) ++labels[analysis.situation->label];
        a = &analysis;
      }
      if (csv) write_csv(rec, a, wopt, buf);
      else {
        write_json(rec, a, wopt, buf);
        buf += '\n';
      }
      if (buf.size() > (1 << 16)) {
        if (!out.write(buf)) {
          std::cerr << "lovelorn: write error on output\n";
          return kFatal;
        }
        buf.clear();
      }
    }
    if (in_file == 0 && !args.quiet) std::cerr << "lovelorn: " << path << ": warning: no records (empty input)\n";
  }
  if (!out.write(buf)) {
    std::cerr << "lovelorn: write error on output\n";
    return kFatal;
  }
  if (auto r = out.commit(); !r) {
    std::cerr << "lovelorn: " << r.error().message() << '\n';
    return kFatal;
  }
  if (!args.quiet) {
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "lovelorn: " << records << " records (" << errors << " errors, " << skipped << " skipped) from "
              << inputs.size() - failed_inputs << " input(s), " << static_cast<double>(bytes) / 1e6 << " MB of text in "
              << secs << " s (" << (secs > 0 ? static_cast<double>(bytes) / 1e6 / secs : 0.0) << " MB/s)";
    if (!labels.empty()) {
      std::cerr << "; labels:";
      for (const auto& [l, n] : labels) std::cerr << ' ' << l << '=' << n;
    }
    std::cerr << '\n';
  }
  return (errors > 0 || failed_inputs > 0) ? kRecordErrors : kOk;
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
  cmd->add_option("--fields", args->fields, "Only these output fields (e.g. --fields id,situation)")->delimiter(',');
  cmd->add_option("--max-record-bytes", args->max_record_bytes, "Records larger than this become errors")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("-q,--quiet", args->quiet, "No per-record diagnostics and no summary on stderr");
  cmd->callback([args] { exit_code() = run_score(*args); });
}

}  // namespace lovelorn::cli
