#include "lovelorn/writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "normalize.hpp"

namespace lovelorn {
namespace {

bool wanted(const WriterOptions& o, std::string_view field) {
  return o.fields.empty() || std::find(o.fields.begin(), o.fields.end(), field) != o.fields.end();
}

// Writes `"key":` with a leading comma when needed.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  std::string& key(std::string_view k) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += k;
    out_ += "\":";
    return out_;
  }
  void close() { out_ += '}'; }

 private:
  std::string& out_;
  bool first_ = true;
};

void append_optional_number(const std::optional<double>& v, std::string& out) {
  if (v) append_json_number(*v, out);
  else out += "null";
}

void append_int(std::uint64_t v, std::string& out) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

double round4(double v) { return std::round(v * 10000.0) / 10000.0; }

void write_durations(const std::vector<Duration>& ds, std::string& out) {
  out += '[';
  for (std::size_t i = 0; i < ds.size(); ++i) {
    const Duration& d = ds[i];
    if (i) out += ',';
    ObjectWriter o(out);
    append_json_string(d.text, o.key("text"));
    append_int(d.begin, o.key("begin"));
    append_int(d.end, o.key("end"));
    append_optional_number(d.days, o.key("days"));
    append_optional_number(d.low, o.key("low"));
    append_optional_number(d.high, o.key("high"));
    append_json_string(d.unit, o.key("unit"));
    if (d.hedge.empty()) o.key("hedge") += "null";
    else append_json_string(d.hedge, o.key("hedge"));
    append_json_string(duration_role_name(d.role), o.key("role"));
    o.close();
  }
  out += ']';
}

void write_contacts(const std::vector<ContactEvent>& cs, std::string& out) {
  out += '[';
  for (std::size_t i = 0; i < cs.size(); ++i) {
    const ContactEvent& c = cs[i];
    if (i) out += ',';
    ObjectWriter o(out);
    append_json_string(c.text, o.key("text"));
    append_int(c.begin, o.key("begin"));
    append_int(c.end, o.key("end"));
    append_json_string(channel_name(c.channel), o.key("channel"));
    append_json_string(party_name(c.actor), o.key("actor"));
    append_json_string(party_name(c.target), o.key("target"));
    append_json_string(polarity_name(c.polarity), o.key("polarity"));
    if (c.count) append_int(static_cast<std::uint64_t>(*c.count), o.key("count"));
    else o.key("count") += "null";
    if (c.frequency.empty()) o.key("frequency") += "null";
    else append_json_string(c.frequency, o.key("frequency"));
    o.close();
  }
  out += ']';
}

void write_anchors(const std::vector<TimeAnchor>& ts, std::string& out) {
  out += '[';
  for (std::size_t i = 0; i < ts.size(); ++i) {
    const TimeAnchor& t = ts[i];
    if (i) out += ',';
    ObjectWriter o(out);
    append_json_string(t.text, o.key("text"));
    append_int(t.begin, o.key("begin"));
    append_int(t.end, o.key("end"));
    if (t.resolved.empty()) o.key("resolved") += "null";
    else append_json_string(t.resolved, o.key("resolved"));
    o.key("relative") += t.relative ? "true" : "false";
    o.close();
  }
  out += ']';
}

void write_nullable_string(const std::string& s, std::string& out) {
  if (s.empty()) out += "null";
  else append_json_string(s, out);
}

}  // namespace

void append_json_number(double v, std::string& out) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[32];
  // Fast path for what a record is mostly made of (probabilities, days):
  // print the integer round(v * 10^4) with the decimal point put back. For
  // these magnitudes (8 significant digits at most) that is exactly the
  // shortest round-trip form to_chars gives; "0.000d" is left to to_chars,
  // which prints it shorter as "de-04".
  const double scaled = std::round(v * 10000.0);
  if (scaled < 1e8 && (scaled >= 10.0 || (scaled == 0.0 && !std::signbit(scaled)))) {
    const auto n = static_cast<std::uint32_t>(scaled);
    char* p = std::to_chars(buf, buf + sizeof buf, n / 10000).ptr;
    std::uint32_t frac = n % 10000;
    if (frac != 0) {
      *p++ = '.';
      for (std::uint32_t div = 1000; frac != 0; div /= 10) {
        *p++ = static_cast<char>('0' + frac / div);
        frac %= div;
      }
    }
    out.append(buf, p);
    return;
  }
  // Shortest round-trip form; huge magnitudes in exponent form, since many
  // JSON readers reject integers beyond 64 bits ("3333333333333333508096").
  const double x = round4(v);
  auto r = std::fabs(x) < 1e15 ? std::to_chars(buf, buf + sizeof buf, x)
                               : std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  out.append(buf, r.ptr);
}

void append_json_string(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  // Invalid UTF-8 would make the whole line invalid JSON: repair first.
  std::string repaired;
  if (!detail::is_valid_utf8(s)) {
    repaired = detail::repair_utf8(s);
    s = repaired;
  }
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void write_json(const DumpRecord& r, const Analysis* a, const WriterOptions& opt, std::string& out) {
  ObjectWriter o(out);
  const Comment& c = r.comment;
  if (wanted(opt, "id")) append_json_string(c.id, o.key("id"));
  if (wanted(opt, "author")) write_nullable_string(c.author, o.key("author"));
  if (wanted(opt, "timestamp")) write_nullable_string(c.timestamp, o.key("timestamp"));
  if (wanted(opt, "parent")) {
    write_nullable_string(c.parent, o.key("parent"));
    if (c.parent_inferred) o.key("parent_inferred") += "true";
  }
  if (opt.with_text) append_json_string(c.text, o.key("text"));
  if (a != nullptr && r.error == std::nullopt) {
    if (a->produced.situation && a->situation && wanted(opt, "situation")) {
      const Situation& s = *a->situation;
      std::string& k = o.key("situation");
      ObjectWriter so(k);
      append_json_string(s.label, so.key("label"));
      append_json_number(s.p, so.key("p"));
      std::string& sc = so.key("scores");
      ObjectWriter sco(sc);
      for (std::size_t i = 0; i < s.labels.size() && i < s.scores.size(); ++i) append_json_number(s.scores[i], sco.key(s.labels[i]));
      sco.close();
      so.close();
    }
    if (a->produced.durations) {
      if (wanted(opt, "relationship_length_days")) append_optional_number(a->relationship_length_days, o.key("relationship_length_days"));
      if (wanted(opt, "durations")) write_durations(a->durations, o.key("durations"));
    }
    if (a->produced.time_anchors && wanted(opt, "time_anchors")) write_anchors(a->time_anchors, o.key("time_anchors"));
    if (a->produced.contact_events && wanted(opt, "contact_events")) write_contacts(a->contact_events, o.key("contact_events"));
    if (a->produced.facts) {
      if (wanted(opt, "facts")) {
        std::string& k = o.key("facts");
        ObjectWriter fo(k);
        write_nullable_string(a->facts.partner_term, fo.key("partner_term"));
        write_nullable_string(a->facts.status, fo.key("status"));
        write_nullable_string(a->facts.ended_by, fo.key("ended_by"));
        fo.close();
      }
      if (wanted(opt, "asks_question")) o.key("asks_question") += a->asks_question ? "true" : "false";
    }
    if (a->produced.tokens && wanted(opt, "tokens")) append_int(a->token_count, o.key("tokens"));
    const std::uint64_t invalid = invalid_utf8_of(r, *a);
    if (invalid > 0 && wanted(opt, "invalid_utf8")) append_int(invalid, o.key("invalid_utf8"));
  }
  if (wanted(opt, "error")) {
    std::string& k = o.key("error");
    if (r.error) {
      ObjectWriter eo(k);
      append_json_string(errc_name(r.error->code()), eo.key("code"));
      append_json_string(r.error->message(), eo.key("message"));
      eo.close();
    } else {
      k += "null";
    }
  }
  o.close();
}

namespace {

constexpr std::string_view kCsvColumns[] = {"id", "author", "timestamp", "parent", "label", "p",
                                            "relationship_length_days", "durations", "contact_events",
                                            "asks_question", "tokens", "error"};

void csv_field(std::string_view s, std::string& out) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

}  // namespace

void write_csv_header(const WriterOptions& opt, std::string& out) {
  bool first = true;
  for (std::string_view col : kCsvColumns) {
    if (!wanted(opt, col) && !(col == "label" || col == "p") ) continue;
    if ((col == "label" || col == "p") && !wanted(opt, "situation")) continue;
    if (!first) out += ',';
    first = false;
    out += col;
  }
  if (opt.with_text) out += first ? "text" : ",text";
  out += '\n';
}

void write_csv(const DumpRecord& r, const Analysis* a, const WriterOptions& opt, std::string& out) {
  const bool ok = a != nullptr && !r.error;
  bool first = true;
  std::string cell;
  for (std::string_view col : kCsvColumns) {
    if ((col == "label" || col == "p") ? !wanted(opt, "situation") : !wanted(opt, col)) continue;
    cell.clear();
    if (col == "id") cell = r.comment.id;
    else if (col == "author") cell = r.comment.author;
    else if (col == "timestamp") cell = r.comment.timestamp;
    else if (col == "parent") cell = r.comment.parent;
    else if (ok && col == "label" && a->situation) cell = a->situation->label;
    else if (ok && col == "p" && a->situation) append_json_number(a->situation->p, cell);
    else if (ok && col == "relationship_length_days" && a->relationship_length_days) append_json_number(*a->relationship_length_days, cell);
    else if (ok && col == "durations" && a->produced.durations) cell = std::to_string(a->durations.size());
    else if (ok && col == "contact_events" && a->produced.contact_events) cell = std::to_string(a->contact_events.size());
    else if (ok && col == "asks_question" && a->produced.facts) cell = a->asks_question ? "true" : "false";
    else if (ok && col == "tokens" && a->produced.tokens) cell = std::to_string(a->token_count);
    else if (col == "error" && r.error) cell = r.error->message();
    if (!first) out += ',';
    first = false;
    csv_field(cell, out);
  }
  if (opt.with_text) {
    if (!first) out += ',';
    csv_field(r.comment.text, out);
  }
  out += '\n';
}

}  // namespace lovelorn
