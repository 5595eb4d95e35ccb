// Reddit / Pushshift JSON lines (plain, .gz, .zst), one object per line.
#include <simdjson.h>

#include <charconv>

#include "dump_formats.hpp"
#include "normalize.hpp"
#include "scratch.hpp"
#include "timestamp.hpp"

namespace lovelorn::detail {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

std::string_view type_name(element_type t) {
  switch (t) {
    case element_type::ARRAY: return "an array";
    case element_type::OBJECT: return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: return "a number";
    case element_type::STRING: return "a string";
    case element_type::BOOL: return "a boolean";
    case element_type::NULL_VALUE: return "null";
  }
  return "a value";
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The UTF-16 code unit of the escape "\uXXXX" at line[i], or -1.
long escaped_unit(std::string_view line, std::size_t i) {
  if (i + 6 > line.size() || line[i] != '\\' || line[i + 1] != 'u') return -1;
  long v = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    if (!is_hex(line[k])) return -1;
    v = v * 16 + (line[k] <= '9' ? line[k] - '0' : (line[k] | 0x20) - 'a' + 10);
  }
  return v;
}

// Copies `line` to `out` with every \u escape of a surrogate that is not
// part of a high+low pair replaced by \ufffd; returns how many were
// replaced (0: `out` is not to be used).
std::uint32_t repair_lone_surrogates(std::string_view line, std::string& out) {
  std::uint32_t replaced = 0;
  out.clear();
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) {
    if (line[i] != '\\' || i + 1 >= line.size()) {
      out += line[i++];
      continue;
    }
    const long unit = escaped_unit(line, i);
    if (unit < 0xD800 || unit > 0xDFFF) {  // not a surrogate (or another escape): copy both bytes
      out.append(line.substr(i, 2));
      i += 2;
      continue;
    }
    const long next = escaped_unit(line, i + 6);
    if (unit <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {  // a proper pair
      out.append(line.substr(i, 12));
      i += 12;
      continue;
    }
    out += "\\ufffd";
    ++replaced;
    i += 6;
  }
  return replaced;
}

// A scalar as text (strings as is, numbers in their shortest form).
bool scalar_text(element e, std::string& out) {
  switch (e.type()) {
    case element_type::STRING: out.assign(std::string_view(e.get_string().value_unsafe())); return true;
    case element_type::INT64: out = std::to_string(e.get_int64().value_unsafe()); return true;
    case element_type::UINT64: out = std::to_string(e.get_uint64().value_unsafe()); return true;
    case element_type::DOUBLE: {
      char buf[32];
      auto r = std::to_chars(buf, buf + sizeof buf, e.get_double().value_unsafe());
      out.assign(buf, r.ptr);
      return true;
    }
    case element_type::BOOL: out = e.get_bool().value_unsafe() ? "true" : "false"; return true;
    default: return false;
  }
}

class JsonlReader : public DumpReader::Impl {
 public:
  JsonlReader(LineReader lines, const DumpOptions& o, std::string path)
      : Impl(std::move(lines), o, std::move(path), DumpFormat::jsonl),
        text_fields_(split_fields(o.text_field)),
        id_names_(o.id_field.empty() ? std::vector<std::string>{"id", "name", "post_id"}
                                     : std::vector<std::string>{o.id_field}),
        time_names_(o.time_field.empty() ? std::vector<std::string>{"created_utc", "timestamp", "created", "date"}
                                         : std::vector<std::string>{o.time_field}) {}

  bool next(DumpRecord& out) override {
    for (;;) {
      std::string_view line;
      std::size_t skipped = 0;
      switch (lines_.next(line, &skipped)) {
        case LineReader::Status::end: return false;
        case LineReader::Status::error: return io_failure(out);
        case LineReader::Status::too_long:
          begin_record(out, lines_.line_number());
          fail(out, Errc::record_too_large,
               "line of " + std::to_string(skipped) + " bytes exceeds the limit of " +
                   std::to_string(options_.max_record_bytes) + " bytes");
          return true;
        case LineReader::Status::line: break;
      }
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // blank lines are not records
      begin_record(out, lines_.line_number());
      parse(line, out);
      // simdjson keeps buffers sized for the largest document it has parsed
      // (about 13x the line): after a gigantic line, start from a fresh parser.
      if (line.size() > kKeepScratchBytes) parser_ = simdjson::dom::parser();
      trim_scratch(repaired_line_, line.size());
      return true;
    }
  }

 private:
  void parse(std::string_view line, DumpRecord& out) {
    element doc;
    auto err = parser_.parse(line.data(), line.size()).get(doc);
    if (err == simdjson::UTF8_ERROR) {
      // Invalid UTF-8 inside strings: repair it (U+FFFD) rather than lose
      // the record, as for every other format.
      std::uint32_t repaired = 0;
      repaired_line_ = repair_utf8(line, &repaired);
      line = repaired_line_;
      err = parser_.parse(line.data(), line.size()).get(doc);
      out.comment.repaired_utf8 = repaired;
    }
    if (err == simdjson::STRING_ERROR) {
      // Lone UTF-16 surrogate escapes ("\ud83d" from an emoji cut in half,
      // common in Reddit dumps) are not valid JSON text: make them U+FFFD
      // and keep the record.
      std::string fixed;
      if (const std::uint32_t n = repair_lone_surrogates(line, fixed)) {
        repaired_line_ = std::move(fixed);
        err = parser_.parse(repaired_line_.data(), repaired_line_.size()).get(doc);
        out.comment.repaired_utf8 += n;
      }
    }
    if (err) {
      fail(out, Errc::parse_error, std::string("invalid JSON: ") + simdjson::error_message(err));
      return;
    }
    if (!doc.is_object()) {
      fail(out, Errc::parse_error, std::string("expected a JSON object, got ") + std::string(type_name(doc.type())));
      return;
    }
    auto field = [&](std::string_view name, element& e) { return doc[name].get(e) == simdjson::SUCCESS; };
    element e;
    // id first, so that later errors carry it.
    for (const std::string& name : id_names_) {
      if (field(name, e) && scalar_text(e, out.comment.id)) break;
    }
    if (out.comment.id.empty()) out.comment.id = out.source;  // no usable id: name the line
    if (field("author", e)) scalar_text(e, out.comment.author);
    if (field("parent_id", e)) scalar_text(e, out.comment.parent);
    for (std::size_t i = 0; i < options_.extra_fields.size(); ++i) {
      if (field(options_.extra_fields[i], e)) scalar_text(e, out.comment.extra[i]);
    }
    read_time(doc, out);
    if (!read_text(doc, out)) return;
    skip_unanalysable(out);
  }

  void read_time(element doc, DumpRecord& out) {
    element e;
    for (const std::string& name : time_names_) {
      if (doc[name].get(e) != simdjson::SUCCESS || e.is_null()) continue;
      std::string raw;
      if (!scalar_text(e, raw)) continue;
      if (auto t = parse_timestamp(raw)) out.comment.timestamp = to_iso(*t);
      return;
    }
  }

  bool read_text(element doc, DumpRecord& out) {
    element e;
    auto append = [&](std::string_view name, bool required) {
      if (doc[name].get(e) != simdjson::SUCCESS || e.is_null()) {
        if (required) fail(out, Errc::missing_field, "no field '" + std::string(name) + "'");
        return !required;
      }
      if (!e.is_string()) {
        fail(out, Errc::missing_field,
             "field '" + std::string(name) + "' is " + std::string(type_name(e.type())) + ", expected a string");
        return false;
      }
      std::string_view v = e.get_string().value_unsafe();
      if (v.empty()) return true;
      if (!out.comment.text.empty()) out.comment.text += "\n\n";
      out.comment.text += v;
      return true;
    };
    if (!text_fields_.empty()) {
      for (const auto& f : text_fields_) {
        if (!append(f, true)) return false;
      }
      return true;
    }
    if (doc["body"].get(e) == simdjson::SUCCESS) return append("body", true);
    if (doc["selftext"].get(e) == simdjson::SUCCESS) {
      // A [removed] submission body is reported even when the title survives.
      if (e.is_string()) {
        std::string_view v = e.get_string().value_unsafe();
        if (v == "[removed]" || v == "[deleted]") {
          out.comment.text.assign(v);
          return true;
        }
      }
      return append("title", false) && append("selftext", true);
    }
    if (doc["title"].get(e) == simdjson::SUCCESS) return append("title", true);
    return append("text", true);
  }

  simdjson::dom::parser parser_;
  std::string repaired_line_;
  std::vector<std::string> text_fields_, id_names_, time_names_;
};

}  // namespace

std::unique_ptr<DumpReader::Impl> make_jsonl_reader(LineReader lines, const DumpOptions& o, std::string path) {
  return std::make_unique<JsonlReader>(std::move(lines), o, std::move(path));
}

}  // namespace lovelorn::detail
