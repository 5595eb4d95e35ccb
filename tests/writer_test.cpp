#include "lovelorn/writer.hpp"

#include <gtest/gtest.h>

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
  a.token_count = 4;  // nothing produced: no duration/contact/situation fields
  line.clear();
  write_json(ok, &a, {}, line);
  EXPECT_EQ(line, "{\"id\":\"x2\",\"author\":null,\"timestamp\":null,\"parent\":null,\"tokens\":4,\"error\":null}");
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
