// dump_formats — the per-format record readers behind lovelorn::DumpReader.
//
// Each format is one class over a LineReader; DumpReader::open() detects the
// format and picks one. They share the bookkeeping in DumpReader::Impl:
// where a record started, how to name an error, the size limit.
#pragma once

#include <memory>
#include <string>

#include "input_stream.hpp"
#include "lovelorn/dump.hpp"

namespace lovelorn {

class DumpReader::Impl {
 public:
  Impl(detail::LineReader lines, const DumpOptions& options, std::string path, DumpFormat format)
      : lines_(std::move(lines)), options_(options), path_(std::move(path)), format_(format) {}
  virtual ~Impl() = default;

  virtual bool next(DumpRecord& out) = 0;
  // True when next() would wait for input (see DumpReader::would_block).
  virtual bool would_block() const { return lines_.would_block(); }

  DumpFormat format() const { return format_; }
  const std::string& path() const { return path_; }
  std::uint64_t bytes_read() const { return lines_.consumed(); }

 protected:
  // "file:line" for line number `line`.
  std::string where(std::uint64_t line) const;
  // Resets `out` to an empty record starting at `line`.
  void begin_record(DumpRecord& out, std::uint64_t line) const;
  // Sets `out` to an error record.
  void fail(DumpRecord& out, Errc code, std::string what) const;
  // The final record for a stream-level I/O error (truncated .gz, ...).
  bool io_failure(DumpRecord& out);
  // Returns true (and marks `out` skipped) for [removed]/[deleted]/empty bodies.
  bool skip_unanalysable(DumpRecord& out) const;

  detail::LineReader lines_;
  DumpOptions options_;
  std::string path_;
  DumpFormat format_;
  bool failed_ = false;
};

namespace detail {

std::unique_ptr<DumpReader::Impl> make_blog_reader(LineReader lines, const DumpOptions& o, std::string path);
std::unique_ptr<DumpReader::Impl> make_jsonl_reader(LineReader lines, const DumpOptions& o, std::string path);
std::unique_ptr<DumpReader::Impl> make_csv_reader(LineReader lines, const DumpOptions& o, std::string path);
std::unique_ptr<DumpReader::Impl> make_text_reader(LineReader lines, const DumpOptions& o, std::string path);

// Splits "title+selftext" into field names.
std::vector<std::string> split_fields(const std::string& spec);

}  // namespace detail
}  // namespace lovelorn
