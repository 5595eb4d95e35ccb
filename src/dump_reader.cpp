#include <algorithm>
#include <cctype>

#include "dump_formats.hpp"
#include "timestamp.hpp"

namespace lovelorn {

std::string_view dump_format_name(DumpFormat f) noexcept {
  switch (f) {
    case DumpFormat::automatic: return "auto";
    case DumpFormat::blog: return "blog";
    case DumpFormat::jsonl: return "jsonl";
    case DumpFormat::csv: return "csv";
    case DumpFormat::text: return "text";
  }
  return "auto";
}

std::optional<DumpFormat> parse_dump_format(std::string_view name) noexcept {
  for (DumpFormat f : {DumpFormat::automatic, DumpFormat::blog, DumpFormat::jsonl, DumpFormat::csv, DumpFormat::text}) {
    if (dump_format_name(f) == name) return f;
  }
  return std::nullopt;
}

std::string DumpReader::Impl::where(std::uint64_t line) const {
  return (path_ == "-" ? std::string("<stdin>") : path_) + ":" + std::to_string(line);
}

void DumpReader::Impl::begin_record(DumpRecord& out, std::uint64_t line) const {
  out.comment.id.clear();
  out.comment.author.clear();
  out.comment.timestamp.clear();
  out.comment.parent.clear();
  out.comment.parent_inferred = false;
  out.comment.text.clear();
  out.comment.repaired_utf8 = 0;
  out.comment.extra.assign(options_.extra_fields.size(), std::string());
  out.error.reset();
  out.source = where(line);
}

void DumpReader::Impl::fail(DumpRecord& out, Errc code, std::string what) const {
  out.error = Error(code, std::move(what), out.source);
  if (out.comment.id.empty()) out.comment.id = out.source;
}

bool DumpReader::Impl::io_failure(DumpRecord& out) {
  if (failed_) return false;
  failed_ = true;
  begin_record(out, lines_.line_number() + 1);
  fail(out, Errc::io_error, lines_.error());
  return true;
}

bool DumpReader::Impl::skip_unanalysable(DumpRecord& out) const {
  std::string_view t = out.comment.text;
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  if (t == "[removed]" || t == "[deleted]") {
    fail(out, Errc::skipped_record, "body is " + std::string(t) + "; not analysed");
    return true;
  }
  if (t.empty()) {
    fail(out, Errc::skipped_record, "empty text; not analysed");
    return true;
  }
  return false;
}

namespace detail {

std::vector<std::string> split_fields(const std::string& spec) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b <= spec.size()) {
    std::size_t e = spec.find('+', b);
    if (e == std::string::npos) e = spec.size();
    if (e > b) out.push_back(spec.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A line that closes a comment on blog pages, or heads one.
bool looks_like_blog(std::string_view sample) {
  std::size_t b = 0;
  int hits = 0;
  while (b < sample.size()) {
    std::size_t e = sample.find('\n', b);
    if (e == std::string_view::npos) e = sample.size();
    std::string_view line = sample.substr(b, e - b);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.substr(0, 6) == "Reply ") line.remove_prefix(6);
    if (line.size() < 40 && parse_timestamp(line)) ++hits;
    b = e + 1;
  }
  return hits >= 1;
}

DumpFormat detect(const std::string& path, std::string_view head) {
  std::string p = path;
  for (std::string_view z : {".gz", ".zst", ".zstd"}) {
    if (ends_with(p, z)) p.resize(p.size() - z.size());
  }
  std::transform(p.begin(), p.end(), p.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ends_with(p, ".jsonl") || ends_with(p, ".ndjson") || ends_with(p, ".json")) return DumpFormat::jsonl;
  if (ends_with(p, ".csv") || ends_with(p, ".tsv")) return DumpFormat::csv;
  std::string_view h = head;
  while (!h.empty() && std::isspace(static_cast<unsigned char>(h.front()))) h.remove_prefix(1);
  if (!h.empty() && h.front() == '{') return DumpFormat::jsonl;
  if (looks_like_blog(head)) return DumpFormat::blog;
  return DumpFormat::text;
}

}  // namespace
}  // namespace detail

Result<DumpReader> DumpReader::open(const std::string& path, const DumpOptions& options) {
  if (options.max_record_bytes == 0) return Error(Errc::invalid_argument, "max_record_bytes must be positive");
  auto src = detail::open_source(path);
  if (!src) return src.error();
  detail::LineReader lines(std::move(*src), options.max_record_bytes);
  DumpFormat format = options.format;
  if (format == DumpFormat::automatic) format = detail::detect(path, lines.peek(64 << 10));
  std::unique_ptr<Impl> impl;
  switch (format) {
    case DumpFormat::blog: impl = detail::make_blog_reader(std::move(lines), options, path); break;
    case DumpFormat::jsonl: impl = detail::make_jsonl_reader(std::move(lines), options, path); break;
    case DumpFormat::csv: impl = detail::make_csv_reader(std::move(lines), options, path); break;
    case DumpFormat::text:
    case DumpFormat::automatic: impl = detail::make_text_reader(std::move(lines), options, path); break;
  }
  return DumpReader(std::move(impl));
}

DumpReader::DumpReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DumpReader::DumpReader(DumpReader&&) noexcept = default;
DumpReader& DumpReader::operator=(DumpReader&&) noexcept = default;
DumpReader::~DumpReader() = default;

bool DumpReader::next(DumpRecord& out) { return impl_->next(out); }
DumpFormat DumpReader::format() const noexcept { return impl_->format(); }
std::uint64_t DumpReader::bytes_read() const noexcept { return impl_->bytes_read(); }
bool DumpReader::would_block() const { return impl_->would_block(); }
const std::string& DumpReader::path() const noexcept { return impl_->path(); }

}  // namespace lovelorn
