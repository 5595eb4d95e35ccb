// CSV (RFC 4180) with a header row; quoted fields may span lines.
#include <algorithm>

#include "dump_formats.hpp"
#include "timestamp.hpp"

namespace lovelorn::detail {
namespace {

class CsvReader : public DumpReader::Impl {
 public:
  CsvReader(LineReader lines, const DumpOptions& o, std::string path)
      : Impl(std::move(lines), o, std::move(path), DumpFormat::csv) {}

  bool next(DumpRecord& out) override {
    if (!header_read_) {
      header_read_ = true;
      DumpRecord header;
      begin_record(header, 1);
      if (!read_row(header)) {
        if (header.error) { out = std::move(header); return true; }
        return false;  // empty file: no records
      }
      if (header.error) { out = std::move(header); return true; }
      header_ = row_;
      resolve_columns();
    }
    begin_record(out, lines_.line_number() + 1);
    if (!read_row(out)) return out.error.has_value();
    if (out.error) return true;
    if (!column_error_.empty()) {
      // Every row is reported: records in = records out, even when the
      // header lacks the text column.
      fail(out, Errc::missing_field, column_error_);
      return true;
    }
    if (row_.size() != header_.size()) {
      fail(out, Errc::parse_error,
           "expected " + std::to_string(header_.size()) + " fields (as in the header), found " +
               std::to_string(row_.size()));
      return true;
    }
    if (id_col_ >= 0) out.comment.id = row_[id_col_];
    if (author_col_ >= 0) out.comment.author = row_[author_col_];
    if (time_col_ >= 0) {
      if (auto t = parse_timestamp(row_[time_col_])) out.comment.timestamp = to_iso(*t);
    }
    for (std::size_t i = 0; i < extra_cols_.size(); ++i) {
      if (extra_cols_[i] >= 0) out.comment.extra[i] = row_[extra_cols_[i]];
    }
    for (int c : text_cols_) {
      if (row_[c].empty()) continue;
      if (!out.comment.text.empty()) out.comment.text += "\n\n";
      out.comment.text += row_[c];
    }
    if (out.comment.text.size() > options_.max_record_bytes) {
      out.comment.text.clear();
      fail(out, Errc::record_too_large, "text exceeds the limit of " + std::to_string(options_.max_record_bytes) + " bytes");
      return true;
    }
    skip_unanalysable(out);
    return true;
  }

 private:
  int column(std::string_view name) const {
    for (std::size_t i = 0; i < header_.size(); ++i) {
      if (header_[i] == name) return static_cast<int>(i);
    }
    return -1;
  }
  int first_column(std::initializer_list<std::string_view> names) const {
    for (auto n : names) {
      if (int c = column(n); c >= 0) return c;
    }
    return -1;
  }

  bool resolve_columns() {
    auto missing = [&](const std::string& name) {
      std::string have;
      for (const auto& h : header_) have += (have.empty() ? "" : ", ") + h;
      column_error_ = "no column '" + name + "' in the header on line 1 (columns: " + have + ")";
      return false;
    };
    if (!options_.text_field.empty()) {
      for (const auto& f : split_fields(options_.text_field)) {
        const int c = column(f);
        if (c < 0) return missing(f);
        text_cols_.push_back(c);
      }
    } else if (int c = first_column({"body", "text", "comment", "message", "human_answer"}); c >= 0) {
      text_cols_.push_back(c);
    } else if (int s = first_column({"selftext", "Content", "content"}); s >= 0) {
      if (int t = first_column({"title", "Title"}); t >= 0) text_cols_.push_back(t);
      text_cols_.push_back(s);
    } else {
      return missing("body (or text/selftext; choose one with --text-field)");
    }
    if (!options_.id_field.empty()) {
      id_col_ = column(options_.id_field);
      if (id_col_ < 0) return missing(options_.id_field);
    } else {
      id_col_ = first_column({"id", "ID", "post_id", "name"});
    }
    if (!options_.time_field.empty()) {
      time_col_ = column(options_.time_field);
      if (time_col_ < 0) return missing(options_.time_field);
    } else {
      time_col_ = first_column({"created_utc", "created", "timestamp", "post_date", "date"});
    }
    author_col_ = column("author");
    for (const auto& f : options_.extra_fields) extra_cols_.push_back(column(f));
    return true;
  }

  // Reads one record's fields into row_. False at the end of input (with
  // out.error set when the input ended inside a quoted field).
  bool read_row(DumpRecord& out) {
    row_.clear();
    std::string field;
    bool in_quotes = false, any = false, was_quoted = false;
    const std::uint64_t start_line = lines_.line_number() + 1;
    std::size_t total = 0;
    for (;;) {
      std::string_view line;
      std::size_t skipped = 0;
      const auto st = lines_.next(line, &skipped);
      if (st == LineReader::Status::end || st == LineReader::Status::error) {
        if (st == LineReader::Status::error) return io_failure(out);
        if (in_quotes) {
          out.source = where(start_line);
          fail(out, Errc::parse_error, "unterminated quoted field (the input ended inside quotes)");
          return true;
        }
        return false;
      }
      if (st == LineReader::Status::too_long) {
        out.source = where(start_line);
        fail(out, Errc::record_too_large,
             "line of " + std::to_string(skipped) + " bytes exceeds the limit of " +
                 std::to_string(options_.max_record_bytes) + " bytes");
        if (!in_quotes) return true;
        continue;  // keep consuming the quoted record; it stays an error
      }
      if (!any && !in_quotes && line.empty()) continue;  // blank lines between records
      any = true;
      total += line.size();
      if (total > options_.max_record_bytes && !out.error) {
        fail(out, Errc::record_too_large, "record exceeds the limit of " + std::to_string(options_.max_record_bytes) + " bytes");
      }
      if (delimiter_ == 0) delimiter_ = (line.find('\t') != std::string_view::npos && line.find(',') == std::string_view::npos) ? '\t' : ',';
      for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (in_quotes) {
          if (c == '"') {
            if (i + 1 < line.size() && line[i + 1] == '"') { field += '"'; ++i; }
            else in_quotes = false;
          } else if (!out.error) {
            field += c;
          }
        } else if (c == '"' && field.empty() && !was_quoted) {
          in_quotes = was_quoted = true;
        } else if (c == delimiter_) {
          row_.push_back(std::move(field));
          field.clear();
          was_quoted = false;
        } else {
          field += c;
        }
      }
      if (in_quotes) {
        if (!out.error) field += '\n';
        continue;
      }
      row_.push_back(std::move(field));
      return true;
    }
  }

  bool header_read_ = false;
  std::string column_error_;
  char delimiter_ = 0;
  std::vector<std::string> header_, row_;
  std::vector<int> text_cols_, extra_cols_;
  int id_col_ = -1, time_col_ = -1, author_col_ = -1;
};

}  // namespace

std::unique_ptr<DumpReader::Impl> make_csv_reader(LineReader lines, const DumpOptions& o, std::string path) {
  return std::make_unique<CsvReader>(std::move(lines), o, std::move(path));
}

}  // namespace lovelorn::detail
