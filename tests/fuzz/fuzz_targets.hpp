// fuzz_targets — the body of every libFuzzer target, one function per entry
// point, shared by the fuzzers (<target>_fuzz.cpp) and by the regression
// tests (tests/fuzz_regression_test.cpp), which replay the inputs kept in
// tests/fuzz/regressions/<target>/ through the same function in the normal
// and sanitizer builds.
//
// Each function accepts any bytes and aborts (LOVELORN_FUZZ_CHECK) when an
// invariant of the entry point does not hold; sanitizers catch the rest.
#pragma once

#include <simdjson.h>
#include <unistd.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.hpp"
#include "grammar/duration_ast.hpp"
#include "grammar/timestamp.hpp"
#include "lovelorn/analyzer.hpp"
#include "model_file.hpp"
#include "timestamp.hpp"
#include "tokenizer.hpp"

namespace lovelorn::fuzz {

namespace grammar = detail::grammar;
using Target = void (*)(const std::uint8_t* data, std::size_t size);

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// --- dump readers -----------------------------------------------------------

inline void dump_blog(const std::uint8_t* d, std::size_t n) { read_all(as_text(d, n), DumpFormat::blog); }
inline void dump_jsonl(const std::uint8_t* d, std::size_t n) { read_all(as_text(d, n), DumpFormat::jsonl); }
inline void dump_csv(const std::uint8_t* d, std::size_t n) { read_all(as_text(d, n), DumpFormat::csv); }
inline void dump_text(const std::uint8_t* d, std::size_t n) { read_all(as_text(d, n), DumpFormat::text); }

// DumpReader::open on a real file: format detection and the gzip / zstd
// decoders (bytes starting with their magic are decompressed).
inline void dump_auto(const std::uint8_t* d, std::size_t n) {
  struct TempFile {
    std::string path = "/tmp/lovelorn_fuzz_auto_" + std::to_string(::getpid()) + ".in";
    ~TempFile() { ::unlink(path.c_str()); }
  };
  static const TempFile tmp;
  const std::string& path = tmp.path;
  {
    std::ofstream o(path, std::ios::binary | std::ios::trunc);
    o.write(reinterpret_cast<const char*>(d), static_cast<std::streamsize>(n));
  }
  DumpOptions opt;
  opt.max_record_bytes = 4096;
  auto reader = DumpReader::open(path, opt);
  if (!reader) return;
  DumpRecord rec;
  std::string out;
  std::size_t records = 0;
  while (reader->next(rec)) {
    // Decompression expands the input, but a reader that never ends is a bug.
    LOVELORN_FUZZ_CHECK(++records <= 64 * (n + 1) + 1024 * 1024);
    out.clear();
    write_json(rec, nullptr, {}, out);
    check_rendered(out);
  }
}

// --- normalize + tokenizer -------------------------------------------------------

inline void tokenizer(const std::uint8_t* d, std::size_t size) {
  static const detail::Tokenizer tok;
  static detail::Tokenizer::State state = tok.make_state();
  static detail::NormalizedText nt;
  static std::vector<detail::Tok> toks;
  const std::string_view in = as_text(d, size);
  detail::normalize(in, nt);
  LOVELORN_FUZZ_CHECK(detail::is_valid_utf8(nt.text));
  LOVELORN_FUZZ_CHECK(nt.src_begin.size() == nt.text.size() && nt.src_end.size() == nt.text.size());
  LOVELORN_FUZZ_CHECK(nt.source_size == size);
  for (std::size_t i = 0; i < nt.text.size(); ++i)
    LOVELORN_FUZZ_CHECK(nt.src_begin[i] <= nt.src_end[i] && nt.src_end[i] <= size);
  if (!detail::is_valid_utf8(in)) LOVELORN_FUZZ_CHECK(nt.invalid_utf8 > 0);
  tok.tokenize(nt, state, toks);
  // In the folded text tokens never overlap; in the original they may share
  // bytes (NFKC expands U+3242 to "(", U+81EA, ")": three tokens of one
  // source character), but never go backwards.
  std::uint32_t prev_begin = 0, prev_nend = 0;
  for (const detail::Tok& t : toks) {
    LOVELORN_FUZZ_CHECK(t.begin <= t.end && t.end <= size);
    LOVELORN_FUZZ_CHECK(t.nbegin <= t.nend && t.nend <= nt.text.size());
    LOVELORN_FUZZ_CHECK(t.nbegin >= prev_nend && t.begin >= prev_begin);
    prev_begin = t.begin;
    prev_nend = t.nend;
  }
  LOVELORN_FUZZ_CHECK(detail::is_valid_utf8(detail::repair_utf8(in)));
}

// --- X3 grammars (src/grammar/duration_ast.hpp, timestamp.hpp) ----------------------

// Runs `parse` at every word start of a heap copy of exactly the input's
// size (so ASan sees any read before `first` or at `last`): a match stays
// inside [first, last) and moves `first` forward; a failure leaves it alone.
template <typename Parse>
void at_word_starts(const std::uint8_t* d, std::size_t size, Parse parse) {
  const std::vector<char> copy(d, d + size);
  const char* const begin = copy.data();
  const char* const last = begin + size;
  for (std::size_t i = 0; i <= size; ++i) {
    if (i > 0 && begin[i - 1] != ' ') continue;
    const char* first = begin + i;
    const char* const start = first;
    const bool ok = parse(first, last);
    if (ok) LOVELORN_FUZZ_CHECK(first >= start && first <= last);
    else LOVELORN_FUZZ_CHECK(first == start);
  }
}

inline void grammar_number(const std::uint8_t* d, std::size_t n) {
  at_word_starts(d, n, [](const char*& first, const char* last) {
    grammar::Quantity q;
    const bool ok = grammar::parse_number(first, last, q);
    if (ok) LOVELORN_FUZZ_CHECK(!std::isnan(q.value) && !std::isnan(q.low) && !std::isnan(q.high));
    return ok;
  });
}

inline void grammar_unit(const std::uint8_t* d, std::size_t n) {
  for (const bool glued : {false, true}) {
    at_word_starts(d, n, [glued](const char*& first, const char* last) {
      grammar::UnitMatch u;
      const bool ok = grammar::parse_unit(first, last, u, glued);
      if (ok) LOVELORN_FUZZ_CHECK(grammar::unit_days(u.kind) > 0 && !grammar::unit_name(u.kind).empty());
      return ok;
    });
  }
}

inline void grammar_hedge(const std::uint8_t* d, std::size_t n) {
  at_word_starts(d, n, [](const char*& first, const char* last) {
    grammar::Hedge h = grammar::Hedge::none;
    const bool ok = grammar::parse_hedge(first, last, h);
    if (ok) LOVELORN_FUZZ_CHECK(h != grammar::Hedge::none && !grammar::hedge_name(h).empty());
    return ok;
  });
}

inline void grammar_duration(const std::uint8_t* d, std::size_t n) {
  at_word_starts(d, n, [](const char*& first, const char* last) {
    const char* const start = first;
    grammar::DurationMatch m;
    const bool ok = grammar::parse_duration(first, last, m);
    if (ok) {
      LOVELORN_FUZZ_CHECK(m.begin == start && m.end == first && m.begin < m.end);
      if (m.unit_begin != nullptr)
        LOVELORN_FUZZ_CHECK(m.begin <= m.unit_begin && m.unit_begin <= m.unit_end && m.unit_end <= m.end);
      if (m.quantity_begin != nullptr) LOVELORN_FUZZ_CHECK(m.begin <= m.quantity_begin && m.quantity_begin <= m.end);
    }
    return ok;
  });
}

inline void grammar_timestamp(const std::uint8_t* d, std::size_t n) {
  const std::vector<char> copy(d, d + n);
  grammar::TimestampAst ast;
  grammar::parse_timestamp(copy.data(), copy.data() + n, ast);
  const std::optional<detail::CivilTime> t = detail::parse_timestamp(std::string_view(copy.data(), n));
  if (t) {
    LOVELORN_FUZZ_CHECK(t->date.month >= 1 && t->date.month <= 12);
    LOVELORN_FUZZ_CHECK(t->date.day >= 1 && t->date.day <= 31);
    LOVELORN_FUZZ_CHECK(t->hour >= 0 && t->hour <= 24 && t->minute >= 0 && t->minute <= 59);
    LOVELORN_FUZZ_CHECK(detail::civil_from_days(detail::days_from_civil(t->date)) == t->date);
    LOVELORN_FUZZ_CHECK(!detail::to_iso(*t).empty());
  }
}

// --- the whole analysis ------------------------------------------------------------

// An Analyzer with a small situation model, so features and scoring run too.
inline const Analyzer& fuzz_analyzer() {
  static const Analyzer a = [] {
    detail::FeatureConfig cfg;
    cfg.buckets = 1u << 12;
    detail::LinearModel m({"ghosted", "breakup", "general"}, cfg);
    for (std::uint32_t f = 0; f < cfg.buckets; f += 3)
      for (std::size_t k = 0; k < 3; ++k) m.row(f)[k] = 0.01f * static_cast<float>((f * 7 + k * 13) % 23) - 0.1f;
    const std::string path = "/tmp/lovelorn_fuzz_analyze_" + std::to_string(::getpid()) + ".llm";
    if (!detail::write_model_file(path, m)) std::abort();
    AnalyzerOptions opt;
    opt.model_path = path;
    opt.keep_tokens = true;
    Analyzer an(opt);
    ::unlink(path.c_str());
    return an;
  }();
  return a;
}

template <typename T>
void check_span(const T& x, std::string_view text) {
  LOVELORN_FUZZ_CHECK(x.begin <= x.end && x.end <= text.size());
  LOVELORN_FUZZ_CHECK(x.text == text.substr(x.begin, x.end - x.begin));
}

// Every span lies inside the text and matches its bytes, probabilities sum
// to 1, and the record renders to valid JSON.
inline void analyze(const std::uint8_t* d, std::size_t size) {
  static simdjson::dom::parser parser;
  const std::string text(as_text(d, size));  // heap copy of exactly the input
  // The first line, when short, doubles as the comment's timestamp, so
  // relative times get resolved against fuzzed dates too.
  std::string stamp = "2023-04-12T21:41:00";
  if (const auto nl = text.find('\n'); nl != std::string::npos && nl < 40) stamp = text.substr(0, nl);
  const Analysis a = fuzz_analyzer().analyze(text, stamp);
  LOVELORN_FUZZ_CHECK(a.bytes == size);
  for (const Token& t : a.tokens) LOVELORN_FUZZ_CHECK(t.begin <= t.end && t.end <= size);
  for (const Duration& du : a.durations) {
    check_span(du, text);
    if (du.days) LOVELORN_FUZZ_CHECK(!std::isnan(*du.days));
  }
  for (const TimeAnchor& t : a.time_anchors) check_span(t, text);
  for (const ContactEvent& c : a.contact_events) check_span(c, text);
  LOVELORN_FUZZ_CHECK(a.situation.has_value());
  double sum = 0;
  for (const double p : a.situation->scores) {
    LOVELORN_FUZZ_CHECK(p >= 0 && p <= 1);
    sum += p;
  }
  LOVELORN_FUZZ_CHECK(std::fabs(sum - 1) < 1e-6);

  DumpRecord rec;
  rec.comment.id = "fuzz";
  rec.comment.text = text;
  rec.comment.timestamp = stamp;
  rec.source = "fuzz:1";
  std::string out;
  write_json(rec, &a, {true, {}}, out);
  check_rendered(out);
  simdjson::dom::element doc;
  LOVELORN_FUZZ_CHECK(parser.parse(out).get(doc) == simdjson::SUCCESS);
}

// --- the model loader ------------------------------------------------------------------

// Either a model or one of the documented errors naming the file.
inline void check_model(std::string_view bytes) {
  auto m = detail::parse_model(bytes, "fuzz.llm");
  if (!m) {
    const Errc c = m.error().code();
    LOVELORN_FUZZ_CHECK(c == Errc::bad_magic || c == Errc::unsupported_version || c == Errc::checksum_mismatch ||
                        c == Errc::parse_error);
    LOVELORN_FUZZ_CHECK(m.error().message().find("fuzz.llm") != std::string::npos);
    return;
  }
  std::vector<double> p;
  m->predict({0, 1, 2}, p);
  LOVELORN_FUZZ_CHECK(p.size() == m->num_labels());
  LOVELORN_FUZZ_CHECK(detail::serialize_model(*m).has_value());
}

// Each input as is and re-sealed (valid checksum and sentinel), so
// mutations reach the content checks behind the checksum.
inline void model(const std::uint8_t* d, std::size_t n) {
  check_model(as_text(d, n));
  check_model(reseal_model(as_text(d, n)));
}

inline const std::map<std::string, Target>& targets() {
  static const std::map<std::string, Target> t = {
      {"dump_blog", dump_blog}, {"dump_jsonl", dump_jsonl}, {"dump_csv", dump_csv}, {"dump_text", dump_text},
      {"dump_auto", dump_auto}, {"tokenizer", tokenizer}, {"grammar_number", grammar_number},
      {"grammar_unit", grammar_unit}, {"grammar_hedge", grammar_hedge}, {"grammar_duration", grammar_duration},
      {"grammar_timestamp", grammar_timestamp}, {"analyze", analyze}, {"model", model},
  };
  return t;
}

}  // namespace lovelorn::fuzz
