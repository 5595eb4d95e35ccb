// corpus — labelled texts for training and evaluating the situation model.
//
// Two sources:
//  * the project's label files (models/situation/labels/*.csv, columns
//    dataset,file,record_id,field,label,note) resolved against a corpus
//    folder (../shared/data): each row names a record in
//    <corpus>/<dataset>/<file>, read with lovelorn::DumpReader. `field` is
//    column names joined by '+' (values trimmed and joined by a blank line),
//    or `top_comments[i]` = the i-th piece of that column split on " ||| "
//    (the same rules as tools/annotate/sample.py). Label SKIP is excluded.
//    The id column per corpus file mirrors sample.py's CORPORA; for
//    reddit_breakups_2025 the id is the post id parsed from the `url`
//    permalink, for the human-vs-AI file the unnamed row-number column.
//  * a user's own JSONL/CSV with a text field and a label field (any label
//    set; records with an empty label are left out and counted).
//
// Texts whose whitespace-folded, lower-cased form repeats are kept once.
//
// The train/test split is fixed and independent of the training seed: a
// record is in the test split when FNV-1a-64("dataset/file/record_id") mod
// 100 < test_percent (default 20). A post and the comments stored under the
// same record id are therefore always on the same side. For a user's file the
// key is the record id (or "file:line" when the file has no id field).
//
// Thread-safety: thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lovelorn/result.hpp"

namespace lovelorn::detail {

struct LabelRow {
  std::string dataset, file, record_id, field, label, note;
  std::string source;  // "labels/batch_1.csv:12"
};

struct LabeledText {
  std::string split_key;  // what the split hashes
  std::string name;       // "dataset/file/record_id/field" (for messages)
  std::string text;
  std::string label;
  bool test = false;      // in the test split
};

struct Corpus {
  std::vector<LabeledText> items;
  std::vector<std::string> labels;    // label order for the model
  std::vector<std::string> warnings;  // unresolved rows, duplicates, bad records
  std::size_t skipped_rows = 0;       // SKIP rows / empty labels
};

// Reads one label CSV file, or every *.csv in a directory (sorted by name).
// Fails with io_error (missing path) or parse_error (bad header or row),
// naming file and line.
Result<std::vector<LabelRow>> read_label_files(const std::string& path);

// Resolves label rows against `corpus_dir`. Rows whose record cannot be found
// become warnings; fails (io_error/unsupported_format) when a corpus file
// cannot be opened at all.
Result<Corpus> resolve_labels(const std::vector<LabelRow>& rows, const std::string& corpus_dir,
                              unsigned test_percent = 20);

// Loads a user's labelled JSONL or CSV. `format`: "auto", "jsonl" or "csv".
Result<Corpus> load_labeled_file(const std::string& path, const std::string& text_field,
                                 const std::string& label_field, const std::string& id_field = {},
                                 const std::string& format = "auto", unsigned test_percent = 20);

// The split rule: true when `key` belongs to the test split.
bool in_test_split(std::string_view key, unsigned test_percent = 20) noexcept;

// Label order used for a set of labels: DESIGN.md §5 order for the
// situation labels, then any others sorted by name.
std::vector<std::string> order_labels(std::vector<std::string> labels);

}  // namespace lovelorn::detail
