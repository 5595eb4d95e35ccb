// lovelorn/writer.hpp — one output record per input comment: JSON lines or CSV.
//
// The JSON object follows DESIGN.md §6: id, author, timestamp, parent,
// situation, relationship_length_days, durations, contact_events,
// asks_question, tokens, error — parts the analysis did not produce are left
// out, never faked. A record that could not be analysed still gets a line,
// with `error` set ({"code","message"}) and no analysis fields.
//
//   std::string line;
//   lovelorn::write_json(record, &analysis, {}, line);  // appends, no newline
//
// Numbers are written in their shortest exact form, locale-free.
// Thread-safety: pure functions (thread-safe).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lovelorn/analysis.hpp"
#include "lovelorn/dump.hpp"

namespace lovelorn {

struct WriterOptions {
  bool with_text = false;           // add the comment's "text"
  std::vector<std::string> fields;  // keep only these top-level fields (empty = all)
};

// Appends the JSON object for `record` (analysis == nullptr for error records).
void write_json(const DumpRecord& record, const Analysis* analysis, const WriterOptions& options, std::string& out);

// CSV: a header line, then one row per record (nested lists as counts).
void write_csv_header(const WriterOptions& options, std::string& out);
void write_csv(const DumpRecord& record, const Analysis* analysis, const WriterOptions& options, std::string& out);

// Invalid UTF-8 sequences replaced by U+FFFD in a record: by its reader
// (JSON that could not be parsed otherwise) and by the analysis. This is the
// record's "invalid_utf8" field, its warning and its share of the summary.
inline std::uint64_t invalid_utf8_of(const DumpRecord& record, const Analysis& analysis) noexcept {
  return std::uint64_t{analysis.invalid_utf8} + record.comment.repaired_utf8;
}

// Appends `s` as a JSON string literal (quoted, escaped; invalid UTF-8 as U+FFFD).
void append_json_string(std::string_view s, std::string& out);
// Appends a double in its shortest round-trip form (rounded to 4 decimals for scores).
void append_json_number(double v, std::string& out);

}  // namespace lovelorn
