// lovelorn/dump.hpp — read comments from dumps, one record at a time.
//
// A DumpReader streams a file (or standard input) in bounded memory and
// yields one DumpRecord per input record, in input order. A record that
// cannot be read (truncated JSON, a CSV row with the wrong number of fields,
// a line over the size limit, a [removed] body) still yields a DumpRecord,
// with `error` set and the location in `source`: nothing is dropped silently,
// so records in = records out.
//
// Formats (DESIGN.md §3):
//   blog   page text: article, then comments each closed by a line
//          "Reply March 8, 2017, 3:14 pm"; or numbered comments with "Name"
//          and "January 16, 2022 at 7:07 pm" above the text, replies
//          indented under their parent.
//   jsonl  Reddit / Pushshift objects, one per line: comments (`body`) and
//          submissions (`title` + `selftext`); `id`, `author`,
//          `created_utc` (epoch, number or string) or `timestamp` (ISO 8601),
//          `parent_id`. Plain, .gz or .zst.
//   csv    RFC 4180 with a header row; the text column is chosen by name.
//   text   one comment per line, or blank-line separated blocks.
//
// Pipes are read as their data arrives, so a reader over a slow pipe
// returns each record once its line is complete.
//
//   lovelorn::DumpOptions opt;              // format detected from name and content
//   auto reader = lovelorn::DumpReader::open("comments.jsonl.zst", opt);
//   if (!reader) { std::cerr << reader.error().message() << '\n'; return 1; }
//   lovelorn::DumpRecord rec;
//   while (reader->next(rec)) {
//     if (rec.error) std::cerr << rec.error->message() << '\n';
//     else use(rec.comment.text);
//   }
//
// Thread-safety: a DumpReader is thread-compatible (one thread at a time).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lovelorn/result.hpp"

namespace lovelorn {

struct Comment {
  std::string id;         // from the dump, or "<file>:<line>" when it has none
  std::string author;
  std::string timestamp;  // ISO 8601 ("2017-03-08T15:14:00"), or "" when unknown
  std::string parent;     // id of the comment replied to, or ""
  bool parent_inferred = false;  // parent guessed from ordering (blog pages without indentation)
  std::string text;
  // Invalid UTF-8 sequences the reader itself had to replace by U+FFFD
  // (JSON cannot be parsed otherwise); analysis counts the rest.
  std::uint32_t repaired_utf8 = 0;
  // Values of DumpOptions::extra_fields, in that order ("" when absent).
  std::vector<std::string> extra;
};

struct DumpRecord {
  Comment comment;
  std::optional<Error> error;  // set when the record could not be read or is not analysable
  std::string source;          // "file:line" of the record's first line
};

enum class DumpFormat : std::uint8_t { automatic, blog, jsonl, csv, text };
std::string_view dump_format_name(DumpFormat f) noexcept;
// "auto", "blog", "jsonl", "csv", "text"; nullopt for anything else.
std::optional<DumpFormat> parse_dump_format(std::string_view name) noexcept;

enum class TextMode : std::uint8_t { automatic, lines, blocks };

struct DumpOptions {
  DumpFormat format = DumpFormat::automatic;
  // Field / column names; empty = the format's defaults. text_field may join
  // several fields with '+' ("title+selftext"), their values separated by a
  // blank line.
  std::string text_field;
  std::string id_field;
  std::string time_field;
  std::vector<std::string> extra_fields;  // copied into Comment::extra (jsonl, csv)
  TextMode text_mode = TextMode::automatic;  // for the text format
  std::size_t max_record_bytes = 16u << 20;  // larger records become record_too_large errors
};

class DumpReader {
 public:
  // Opens `path` ("-" = standard input). Compression (.gz, .zst, or their
  // magic bytes) is undone while streaming. Fails with io_error (missing or
  // unreadable file, a directory), unsupported_format, or invalid_argument.
  static Result<DumpReader> open(const std::string& path, const DumpOptions& options = {});

  DumpReader(DumpReader&&) noexcept;
  DumpReader& operator=(DumpReader&&) noexcept;
  ~DumpReader();

  // Reads the next record into `out`; false at the end of the input.
  // An I/O error in the middle of a file (e.g. a truncated .gz) yields one
  // final record with the error set.
  bool next(DumpRecord& out);

  DumpFormat format() const noexcept;         // the format in use (after detection)
  std::uint64_t bytes_read() const noexcept;  // compressed bytes consumed so far
  const std::string& path() const noexcept;

  // True when next() would wait for input that has not arrived yet: the
  // input is a pipe or terminal whose writer is slower than the reader, no
  // whole line of it is buffered and none is waiting. Never true for regular
  // files. A streaming consumer (score_records) uses it to send off the
  // records it holds instead of waiting with them. It is a hint: next() may
  // still wait when a record spans several lines.
  bool would_block() const;

  class Impl;

 private:
  explicit DumpReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace lovelorn
