#include "lovelorn/writer.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace lovelorn {
namespace {

TEST(Writer, JsonEscapingAndNumbers) {
  std::string s;
  append_json_string("a\"b\\c\nd\x01 \xFF", s);
  EXPECT_EQ(s, "\"a\\\"b\\\\c\\nd\\u0001 \xEF\xBF\xBD\"");
  s.clear();
  append_json_number(60.88, s);
  EXPECT_EQ(s, "60.88");
  s.clear();
  append_json_number(0.123456, s);
  EXPECT_EQ(s, "0.1235");
  s.clear();
  append_json_number(3333333333333333508096.0, s);  // beyond 64-bit integers: exponent form
  EXPECT_EQ(s, "3.3333333333333335e+21");
}

// The integer fast path must print what the shortest round-trip form of the
// value rounded to four decimals prints, for every magnitude it takes.
TEST(Writer, NumberFastPathMatchesShortestRoundTrip) {
  auto reference = [](double v) {
    const double x = std::round(v * 10000.0) / 10000.0;
    char buf[64];
    auto r = std::fabs(x) < 1e15 ? std::to_chars(buf, buf + sizeof buf, x)
                                 : std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
    return std::string(buf, r.ptr);
  };
  std::vector<double> values = {0.0, -0.0, 1e-5, -1e-5, 0.0001, 0.0009, 0.001, 0.00049999, 0.00095,
                                0.5, 1.0, 7.0, 60.88, 365.0, 1000.0, 9999.99995, 10000.0, 12345.6789,
                                99999.99, 100000.0, 1e6, 1234567.0, 9999.0001, -3.25, 0.9999999};
  std::uint64_t x = 12345;
  for (int i = 0; i < 20000; ++i) {  // probabilities and day counts, deterministic
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    const double u = static_cast<double>(x >> 11) / 9007199254740992.0;
    values.push_back(u);
    values.push_back(u * 20000.0);
    values.push_back(std::round(u * 1e6) / 1e4);
  }
  for (const double v : values) {
    std::string s;
    append_json_number(v, s);
    ASSERT_EQ(s, reference(v)) << "value " << v;
  }
}

TEST(Writer, ErrorRecordsAndAbsentParts) {
  DumpRecord r;
  r.comment.id = "x1";
  r.error = Error(Errc::parse_error, "invalid JSON", "f.jsonl:3");
  std::string line;
  write_json(r, nullptr, {}, line);
  EXPECT_EQ(line,
            "{\"id\":\"x1\",\"author\":null,\"timestamp\":null,\"parent\":null,"
            "\"error\":{\"code\":\"parse_error\",\"message\":\"f.jsonl:3: parse_error: invalid JSON\"}}");

  DumpRecord ok;
  ok.comment.id = "x2";
  Analysis a;
  a.token_count = 4;  // only tokens produced: no duration/contact/situation fields
  a.produced.tokens = true;
  line.clear();
  write_json(ok, &a, {}, line);
  EXPECT_EQ(line, "{\"id\":\"x2\",\"author\":null,\"timestamp\":null,\"parent\":null,\"tokens\":4,\"error\":null}");
  a.produced.tokens = false;  // not computed: left out, not printed as 0
  line.clear();
  write_json(ok, &a, {}, line);
  EXPECT_EQ(line, "{\"id\":\"x2\",\"author\":null,\"timestamp\":null,\"parent\":null,\"error\":null}");
}

TEST(Writer, DurationsAndSelectedFields) {
  DumpRecord r;
  r.comment.id = "d";
  Analysis a;
  a.produced.durations = true;
  a.relationship_length_days = 60.88;
  Duration d;
  d.text = "about two months";
  d.begin = 3;
  d.end = 19;
  d.days = d.low = d.high = 60.88;
  d.unit = "month";
  d.hedge = "about";
  d.role = DurationRole::relationship;
  a.durations.push_back(d);
  WriterOptions opt;
  opt.fields = {"id", "durations"};
  std::string line;
  write_json(r, &a, opt, line);
  EXPECT_EQ(line,
            "{\"id\":\"d\",\"durations\":[{\"text\":\"about two months\",\"begin\":3,\"end\":19,\"days\":60.88,"
            "\"low\":60.88,\"high\":60.88,\"unit\":\"month\",\"hedge\":\"about\",\"role\":\"relationship\"}]}");
}

TEST(Writer, CsvQuoting) {
  WriterOptions opt;
  opt.with_text = true;
  std::string out;
  write_csv_header(opt, out);
  DumpRecord r;
  r.comment.id = "c,1";
  r.comment.text = "say \"hi\"\nthen";
  write_csv(r, nullptr, opt, out);
  EXPECT_NE(out.find("\"c,1\""), std::string::npos);
  EXPECT_NE(out.find("\"say \"\"hi\"\"\nthen\""), std::string::npos);
}

}  // namespace
}  // namespace lovelorn
