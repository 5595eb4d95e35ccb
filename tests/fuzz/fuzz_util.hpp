// fuzz_util — shared by the libFuzzer targets (tests/fuzz/*_fuzz.cpp) and
// their regression tests (tests/fuzz_regression_test.cpp): feeding bytes to
// the dump readers without touching the file system, the invariants every
// target checks, and the model re-sealing transform.
//
// Invariant violations call std::abort(), so libFuzzer (and GoogleTest, as a
// death of the test program) reports them like a crash.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "dump_formats.hpp"
#include "input_stream.hpp"
#include "model_file.hpp"
#include "lovelorn/dump.hpp"
#include "lovelorn/writer.hpp"
#include "normalize.hpp"

namespace lovelorn::fuzz {

#define LOVELORN_FUZZ_CHECK(cond)                                                        \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

// A ByteSource over bytes in memory, handed out in small uneven pieces so
// the LineReader's buffer refills land everywhere.
class MemorySource : public detail::ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  std::size_t read(char* buf, std::size_t n) override {
    const std::size_t piece = 1 + (pos_ * 7 + 13) % 97;
    const std::size_t k = std::min({n, piece, bytes_.size() - pos_});
    std::memcpy(buf, bytes_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  const std::string& error() const override { return err_; }
  std::uint64_t consumed() const override { return pos_; }
  bool would_block(int) const override { return false; }  // every piece is there at once

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::string err_;
};

// Every rendered record must be one line of valid UTF-8 (the JSON validity
// itself is checked by the targets that link simdjson).
inline void check_rendered(const std::string& line) {
  LOVELORN_FUZZ_CHECK(!line.empty());
  LOVELORN_FUZZ_CHECK(line.front() == '{' && line.back() == '}');
  LOVELORN_FUZZ_CHECK(line.find('\n') == std::string::npos);
  LOVELORN_FUZZ_CHECK(detail::is_valid_utf8(line));
}

// Reads every record of `bytes` with the reader for `format`; returns the
// number of records. Checks that each record is either readable or carries
// an error with a location, and that it renders to one valid JSON line.
inline std::size_t read_all(std::string_view bytes, DumpFormat format) {
  DumpOptions opt;
  opt.format = format;
  opt.max_record_bytes = 1024;  // small, so the too-long path is reached
  if (format == DumpFormat::jsonl || format == DumpFormat::csv) opt.extra_fields = {"score", "subreddit"};
  detail::LineReader lines(std::make_unique<MemorySource>(bytes), opt.max_record_bytes);
  std::unique_ptr<DumpReader::Impl> reader;
  const std::string name = "fuzz.in";
  switch (format) {
    case DumpFormat::blog: reader = detail::make_blog_reader(std::move(lines), opt, name); break;
    case DumpFormat::jsonl: reader = detail::make_jsonl_reader(std::move(lines), opt, name); break;
    case DumpFormat::csv: reader = detail::make_csv_reader(std::move(lines), opt, name); break;
    default: reader = detail::make_text_reader(std::move(lines), opt, name); break;
  }
  std::size_t lines_in = 1;
  for (const char c : bytes) lines_in += c == '\n';
  DumpRecord rec;
  std::size_t n = 0;
  std::string out;
  while (reader->next(rec)) {
    ++n;
    // A reader never yields more records than there are lines.
    LOVELORN_FUZZ_CHECK(n <= lines_in);
    LOVELORN_FUZZ_CHECK(!rec.source.empty());
    if (rec.error) LOVELORN_FUZZ_CHECK(rec.error->code() != Errc::ok);
    out.clear();
    write_json(rec, nullptr, {}, out);
    check_rendered(out);
  }
  return n;
}

// The model bytes with a valid trailer (checksum over everything before it
// and the end sentinel), so mutations reach the content checks behind the
// checksum. Inputs shorter than magic + version + trailer are returned as is.
inline std::string reseal_model(std::string_view in) {
  std::string b(in);
  if (b.size() < 28) return b;
  std::memcpy(b.data() + b.size() - 8, "LLM.END\n", 8);
  const std::uint64_t h = detail::model_checksum(std::string_view(b).substr(0, b.size() - 16));
  for (int i = 0; i < 8; ++i) b[b.size() - 16 + i] = static_cast<char>((h >> (8 * i)) & 0xff);
  return b;
}

}  // namespace lovelorn::fuzz
