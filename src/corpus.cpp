#include "corpus.hpp"

#include "dump_formats.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "lovelorn/dump.hpp"

namespace lovelorn::detail {
namespace {

namespace fs = std::filesystem;

std::uint64_t fnv1a64(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : s) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// RFC 4180 rows of a whole (small) file; `lines[i]` is the 1-based line of row i.
bool parse_csv(const std::string& data, std::vector<std::vector<std::string>>& rows, std::vector<std::size_t>& lines,
               std::size_t& bad_line) {
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, was_quoted = false, any = false;
  std::size_t line = 1, row_line = 1;
  auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
    was_quoted = false;
  };
  for (std::size_t i = 0; i < data.size(); ++i) {
    const char c = data[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < data.size() && data[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = any = true;
    } else if (c == ',') {
      end_field();
      any = true;
    } else if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      if (any || !field.empty()) {
        end_field();
        rows.push_back(std::move(row));
        lines.push_back(row_line);
      }
      row.clear();
      any = false;
      ++line;
      row_line = line;
    } else {
      field += c;
      any = true;
    }
  }
  if (quoted) {
    bad_line = row_line;
    return false;
  }
  if (any || !field.empty()) {
    end_field();
    rows.push_back(std::move(row));
    lines.push_back(row_line);
  }
  return true;
}

// The id column of the known corpora (tools/annotate/sample.py CORPORA).
std::string id_column(const std::string& dataset, const std::string& file) {
  if (dataset == "reddit_breakups_2025") return "url";
  if (dataset == "relationship_advice_2019") return "ID";
  if (dataset == "relationship_advice_human_vs_ai_2023") return "";  // the unnamed row-number column
  if (dataset == "relationship_advice_qa_2025") return "post_id";
  (void)file;
  return "id";
}

// The base-36 post id in a Reddit permalink (".../comments/1abcd2/slug/"):
// label files keep the id, never the URL, whose slug repeats the title.
std::string post_id_from_url(const std::string& url) {
  const auto at = url.find("/comments/");
  if (at == std::string::npos) return url;
  const auto b = at + 10;
  const auto e = url.find('/', b);
  return url.substr(b, e == std::string::npos ? std::string::npos : e - b);
}

// "top_comments[3]" -> ("top_comments", 3); "title+body" -> ("title+body", -1).
std::pair<std::string, long> parse_field(const std::string& field) {
  const auto lb = field.find('[');
  if (lb != std::string::npos && !field.empty() && field.back() == ']') {
    try {
      return {field.substr(0, lb), std::stol(field.substr(lb + 1, field.size() - lb - 2))};
    } catch (...) {
    }
  }
  return {field, -1};
}

std::string dedup_key(std::string_view text) {
  std::string k;
  bool space = false;
  for (const char c : trim(text)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !k.empty()) k += ' ';
    space = false;
    k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return k;
}

void finish(Corpus& c, unsigned test_percent) {
  std::unordered_set<std::string> seen;
  std::vector<LabeledText> kept;
  std::set<std::string> labels;
  for (auto& item : c.items) {
    if (!seen.insert(dedup_key(item.text)).second) {
      c.warnings.push_back(item.name + ": duplicate text, kept once");
      continue;
    }
    item.test = in_test_split(item.split_key, test_percent);
    labels.insert(item.label);
    kept.push_back(std::move(item));
  }
  c.items = std::move(kept);
  c.labels = order_labels(std::vector<std::string>(labels.begin(), labels.end()));
}

DumpFormat format_for(const std::string& file) {
  if (file.ends_with(".csv")) return DumpFormat::csv;
  if (file.ends_with(".jsonl") || file.ends_with(".json") || file.ends_with(".jsonl.gz") ||
      file.ends_with(".jsonl.zst"))
    return DumpFormat::jsonl;
  return DumpFormat::automatic;
}

}  // namespace

bool in_test_split(std::string_view key, unsigned test_percent) noexcept {
  return fnv1a64(key) % 100 < test_percent;
}

std::vector<std::string> order_labels(std::vector<std::string> labels) {
  static const char* const kSituation[] = {"ghosted",     "pulling_away", "not_ready", "breakup",       "no_contact",
                                           "ex_returned", "controlling",  "cheating",  "giving_advice", "general"};
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  std::vector<std::string> out;
  for (const char* l : kSituation)
    if (std::binary_search(labels.begin(), labels.end(), std::string(l))) out.emplace_back(l);
  for (const auto& l : labels)
    if (std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
  return out;
}

Result<std::vector<LabelRow>> read_label_files(const std::string& path) {
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::directory_iterator(path, ec))
      if (e.is_regular_file() && e.path().extension() == ".csv") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    if (files.empty()) return Error(Errc::io_error, "no *.csv label files in the directory", path);
  } else if (fs::is_regular_file(path, ec)) {
    files.push_back(path);
  } else {
    return Error(Errc::io_error, "no such label file or directory", path);
  }
  std::vector<LabelRow> out;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Error(Errc::io_error, "cannot open label file", f);
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lines;
    std::size_t bad = 0;
    if (!parse_csv(data, rows, lines, bad))
      return Error(Errc::parse_error, "unterminated quoted field", f + ":" + std::to_string(bad));
    if (rows.empty()) continue;
    const std::vector<std::string> want = {"dataset", "file", "record_id", "field", "label"};
    std::vector<int> col(want.size() + 1, -1);
    for (std::size_t i = 0; i < rows[0].size(); ++i) {
      for (std::size_t w = 0; w < want.size(); ++w)
        if (rows[0][i] == want[w]) col[w] = static_cast<int>(i);
      if (rows[0][i] == "note") col[want.size()] = static_cast<int>(i);
    }
    for (std::size_t w = 0; w < want.size(); ++w)
      if (col[w] < 0)
        return Error(Errc::parse_error, "the header has no column '" + want[w] + "'", f + ":1");
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const auto& row = rows[r];
      const std::string where = f + ":" + std::to_string(lines[r]);
      auto get = [&](int c) { return c >= 0 && static_cast<std::size_t>(c) < row.size() ? row[c] : std::string(); };
      if (row.size() < rows[0].size() - (col[want.size()] >= 0 ? 1 : 0))
        return Error(Errc::parse_error,
                     "expected " + std::to_string(rows[0].size()) + " fields, found " + std::to_string(row.size()),
                     where);
      LabelRow lr{get(col[0]), get(col[1]), get(col[2]), get(col[3]), std::string(trim(get(col[4]))),
                  get(col[5]),  where};
      if (lr.dataset.empty() || lr.file.empty() || lr.field.empty())
        return Error(Errc::parse_error, "empty dataset, file or field", where);
      out.push_back(std::move(lr));
    }
  }
  return out;
}

Result<Corpus> resolve_labels(const std::vector<LabelRow>& rows, const std::string& corpus_dir, unsigned test_percent) {
  Corpus corpus;
  // Group the wanted records by corpus file, keeping the first label of a
  // record that is labelled twice.
  std::map<std::pair<std::string, std::string>, std::vector<const LabelRow*>> by_file;
  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen_keys;
  std::vector<const LabelRow*> order;
  for (const auto& r : rows) {
    if (r.label.empty() || r.label == "SKIP") {
      ++corpus.skipped_rows;
      continue;
    }
    if (!seen_keys.emplace(r.dataset, r.file, r.record_id, r.field).second) {
      corpus.warnings.push_back(r.source + ": record labelled again; the first label is kept");
      continue;
    }
    by_file[{r.dataset, r.file}].push_back(&r);
    order.push_back(&r);
  }
  std::unordered_map<const LabelRow*, std::string> texts;
  for (const auto& [key, wanted] : by_file) {
    const auto& [dataset, file] = key;
    const std::string path = (fs::path(corpus_dir) / dataset / file).string();
    const std::string idc = id_column(dataset, file);
    std::vector<std::string> columns;  // extra fields: the id column, then every needed column
    columns.push_back(idc);
    std::unordered_set<std::string> ids;
    for (const LabelRow* r : wanted) {
      ids.insert(r->record_id);
      for (const auto& c : split_fields(parse_field(r->field).first))
        if (std::find(columns.begin() + 1, columns.end(), c) == columns.end()) columns.push_back(c);
    }
    DumpOptions opt;
    opt.format = format_for(file);
    opt.text_field = idc.empty() ? columns.size() > 1 ? columns[1] : std::string() : idc;
    opt.extra_fields = columns;
    auto reader = DumpReader::open(path, opt);
    if (!reader) return reader.error();
    // record id -> column values (first occurrence)
    std::unordered_map<std::string, std::vector<std::string>> values;
    DumpRecord rec;
    std::uint64_t ordinal = 0;
    while (reader->next(rec)) {
      std::string id = rec.comment.extra.empty() ? std::string() : rec.comment.extra[0];
      if (idc.empty() && id.empty()) id = std::to_string(ordinal);
      // Unknown corpora: fall back on the reader's own id detection
      // (id, ID, post_id, name).
      if (!idc.empty() && id.empty()) id = rec.comment.id;
      ++ordinal;
      id = std::string(trim(id));
      if (idc == "url") id = post_id_from_url(id);
      if (ids.count(id) == 0 || values.count(id) != 0) continue;
      if (rec.comment.extra.size() != columns.size()) continue;
      values.emplace(id, rec.comment.extra);
    }
    for (const LabelRow* r : wanted) {
      auto it = values.find(r->record_id);
      if (it == values.end()) {
        corpus.warnings.push_back(r->source + ": record " + r->record_id + " not found in " + path);
        continue;
      }
      const auto [spec, index] = parse_field(r->field);
      std::string text;
      if (index >= 0) {
        const std::string& all = it->second[static_cast<std::size_t>(
            std::find(columns.begin() + 1, columns.end(), spec) - columns.begin())];
        std::size_t b = 0;
        for (long i = 0; i < index && b != std::string::npos; ++i) {
          b = all.find(" ||| ", b);
          if (b != std::string::npos) b += 5;
        }
        if (b != std::string::npos) {
          const std::size_t e = all.find(" ||| ", b);
          text = std::string(trim(std::string_view(all).substr(b, e == std::string::npos ? e : e - b)));
        }
      } else {
        bool first = true;  // sample.py: "\n\n".join(value.strip() for each column).strip()
        for (const auto& c : split_fields(spec)) {
          const std::size_t ci =
              static_cast<std::size_t>(std::find(columns.begin() + 1, columns.end(), c) - columns.begin());
          if (!first) text += "\n\n";
          first = false;
          text += trim(it->second[ci]);
        }
        text = std::string(trim(text));
      }
      if (text.empty()) {
        corpus.warnings.push_back(r->source + ": field " + r->field + " of record " + r->record_id + " is empty");
        continue;
      }
      texts.emplace(r, std::move(text));
    }
  }
  for (const LabelRow* r : order) {
    auto it = texts.find(r);
    if (it == texts.end()) continue;
    LabeledText t;
    t.split_key = r->dataset + "/" + r->file + "/" + r->record_id;
    t.name = t.split_key + "/" + r->field;
    t.text = std::move(it->second);
    t.label = r->label;
    corpus.items.push_back(std::move(t));
  }
  finish(corpus, test_percent);
  return corpus;
}

Result<Corpus> load_labeled_file(const std::string& path, const std::string& text_field,
                                 const std::string& label_field, const std::string& id_field,
                                 const std::string& format, unsigned test_percent) {
  if (label_field.empty()) return Error(Errc::invalid_argument, "no label field given");
  DumpOptions opt;
  const auto f = parse_dump_format(format.empty() ? "auto" : format);
  if (!f || (*f != DumpFormat::automatic && *f != DumpFormat::jsonl && *f != DumpFormat::csv))
    return Error(Errc::invalid_argument, "format must be auto, jsonl or csv (got '" + format + "')");
  opt.format = *f == DumpFormat::automatic ? format_for(path) : *f;
  opt.text_field = text_field;
  opt.id_field = id_field;
  opt.extra_fields = {label_field};
  auto reader = DumpReader::open(path, opt);
  if (!reader) return reader.error();
  Corpus corpus;
  DumpRecord rec;
  while (reader->next(rec)) {
    if (rec.error) {
      corpus.warnings.push_back(rec.error->message());
      continue;
    }
    const std::string label(trim(rec.comment.extra.empty() ? std::string() : rec.comment.extra[0]));
    if (label.empty()) {
      ++corpus.skipped_rows;
      continue;
    }
    LabeledText t;
    t.split_key = rec.comment.id.empty() ? rec.source : rec.comment.id;
    t.name = rec.source;
    t.text = std::move(rec.comment.text);
    t.label = label;
    corpus.items.push_back(std::move(t));
  }
  finish(corpus, test_percent);
  if (corpus.items.empty()) return Error(Errc::missing_field, "no record has both a text and a label", path);
  return corpus;
}

}  // namespace lovelorn::detail
