#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "lovelorn/dump.hpp"
#include "test_util.hpp"

namespace lovelorn {
namespace {

using test::read_all;
using test::TempDir;

const char* kBlogA =
    "A Guide To Waiting\n\nSome article text that is not a comment.\n\nMore of the article.\n\n"
    "Warm regards,\nThe Author\n\n"
    "First comment, newest top-level one.\n\nReply March 8, 2021, 3:14 pm\n\n\n"
    "Second top-level comment, older.\n\nReply March 6, 2021, 10:30 pm\n\n\n"
    "A reply to the second comment.\nWith two lines.\n\nReply March 7, 2021, 9:00 am\n\n\n"
    "Third top-level comment.\n\nReply February 1, 2021, 1:05 am\n\nFooter text of the page.\n";

TEST(BlogReader, ReplyLayoutSeparatesArticleAndInfersNesting) {
  TempDir dir;
  auto recs = read_all(dir.file("page.txt", kBlogA));
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[0].comment.text, "First comment, newest top-level one.");
  EXPECT_EQ(recs[0].comment.timestamp, "2021-03-08T15:14:00");
  EXPECT_EQ(recs[1].comment.timestamp, "2021-03-06T22:30:00");
  EXPECT_EQ(recs[2].comment.text, "A reply to the second comment.\nWith two lines.");
  EXPECT_EQ(recs[2].comment.parent, recs[1].comment.id);
  EXPECT_TRUE(recs[2].comment.parent_inferred);
  EXPECT_TRUE(recs[3].comment.parent.empty());
  for (const auto& r : recs) {
    EXPECT_FALSE(r.error.has_value());
    EXPECT_EQ(r.comment.text.find("article"), std::string::npos);
  }
}

TEST(BlogReader, NumberedLayoutWithIndentedReplies) {
  const char* page =
      "Article title\n\nThe article body.\n\n"
      "1. Jane\n   January 16, 2022 at 7:07 pm\n   My question about my boyfriend.\n   Reply\n"
      "      Staff Member: Kim\n      January 17, 2022 at 9:00 am\n      Our answer to Jane.\n      Reply\n"
      "         Jane\n         January 17, 2022 at 10:00 am\n         Thanks Kim!\n         Reply\n"
      "2. Lee\n   January 15, 2022 at 8:00 pm\n   Another top-level comment.\n   Reply\n";
  TempDir dir;
  auto recs = read_all(dir.file("page.txt", page));
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[0].comment.author, "Jane");
  EXPECT_EQ(recs[0].comment.timestamp, "2022-01-16T19:07:00");
  EXPECT_EQ(recs[0].comment.text, "My question about my boyfriend.");
  EXPECT_EQ(recs[1].comment.author, "Staff Member: Kim");
  EXPECT_EQ(recs[1].comment.parent, recs[0].comment.id);
  EXPECT_FALSE(recs[1].comment.parent_inferred);
  EXPECT_EQ(recs[2].comment.parent, recs[1].comment.id);
  EXPECT_EQ(recs[3].comment.author, "Lee");
  EXPECT_TRUE(recs[3].comment.parent.empty());
}

TEST(JsonlReader, CommentsSubmissionsTimesAndErrors) {
  const std::string data =
      "{\"id\":\"c1\",\"author\":\"a\",\"body\":\"he texted me\",\"created_utc\":1488986040,\"parent_id\":\"t3_x\"}\n"
      "{\"id\":\"s1\",\"title\":\"Title here\",\"selftext\":\"Body here\",\"created_utc\":\"1488986040\"}\n"
      "\n"
      "{\"id\":\"c2\",\"body\":\"[removed]\"}\n"
      "{\"id\":\"c3\",\"body\":\"cut off\n"
      "{\"id\":\"c4\",\"body\":42}\n"
      "[1,2]\n"
      "{\"id\":7,\"body\":\"numeric id\",\"timestamp\":\"2020-05-01T10:00:00\"}\n";
  TempDir dir;
  auto recs = read_all(dir.file("d.jsonl", data));
  ASSERT_EQ(recs.size(), 7u);
  EXPECT_EQ(recs[0].comment.text, "he texted me");
  EXPECT_EQ(recs[0].comment.timestamp, "2017-03-08T15:14:00");
  EXPECT_EQ(recs[0].comment.parent, "t3_x");
  EXPECT_EQ(recs[1].comment.text, "Title here\n\nBody here");
  EXPECT_EQ(recs[1].comment.timestamp, "2017-03-08T15:14:00");
  EXPECT_EQ(recs[2].error->code(), Errc::skipped_record);
  EXPECT_EQ(recs[3].error->code(), Errc::parse_error);
  EXPECT_NE(recs[3].error->message().find("d.jsonl:5"), std::string::npos);
  EXPECT_EQ(recs[4].error->code(), Errc::missing_field);
  EXPECT_EQ(recs[4].comment.id, "c4");
  EXPECT_EQ(recs[5].error->code(), Errc::parse_error);
  EXPECT_EQ(recs[6].comment.id, "7");
  EXPECT_EQ(recs[6].comment.timestamp, "2020-05-01T10:00:00");
}

TEST(JsonlReader, LoneSurrogateEscapesBecomeReplacementCharacters) {
  const std::string data =
      "{\"id\":\"a\",\"body\":\"cut \\ud83d off\"}\n"             // high surrogate alone
      "{\"id\":\"b\",\"body\":\"\\ude00 first\"}\n"               // low surrogate alone
      "{\"id\":\"c\",\"body\":\"x\\ude00\\ud83d\"}\n"          // a pair in the wrong order
      "{\"id\":\"d\",\"body\":\"smile \\ud83d\\ude00, \\\\ud83d\"}\n"  // a real pair, an escaped backslash
      "{\"id\":\"e\",\"body\":\"still \\ud83d broken \"}\n";
  TempDir dir;
  auto recs = read_all(dir.file("s.jsonl", data));
  ASSERT_EQ(recs.size(), 5u);
  for (const auto& r : recs) EXPECT_FALSE(r.error) << r.comment.id << ": " << r.error->message();
  EXPECT_EQ(recs[0].comment.text, "cut \xEF\xBF\xBD off");
  EXPECT_EQ(recs[0].comment.repaired_utf8, 1u);
  EXPECT_EQ(recs[1].comment.text, "\xEF\xBF\xBD first");
  EXPECT_EQ(recs[2].comment.text, "x\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(recs[2].comment.repaired_utf8, 2u);
  EXPECT_EQ(recs[3].comment.text, "smile \xF0\x9F\x98\x80, \\ud83d");
  EXPECT_EQ(recs[3].comment.repaired_utf8, 0u);
}

TEST(JsonlReader, FieldOverridesAndExtraFields) {
  TempDir dir;
  DumpOptions opt;
  opt.text_field = "msg";
  opt.id_field = "key";
  opt.time_field = "when";
  opt.extra_fields = {"label", "absent"};
  auto recs = read_all(dir.file("d.jsonl", "{\"key\":\"k1\",\"msg\":\"hi\",\"when\":\"2019-01-02\",\"label\":\"general\"}\n"), opt);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].comment.id, "k1");
  EXPECT_EQ(recs[0].comment.text, "hi");
  EXPECT_EQ(recs[0].comment.timestamp, "2019-01-02T00:00:00");
  EXPECT_EQ(recs[0].comment.extra, (std::vector<std::string>{"general", ""}));
}

TEST(JsonlReader, CompressedAndTruncatedStreams) {
  TempDir dir;
  std::string data;
  for (int i = 0; i < 2000; ++i) data += "{\"id\":\"r" + std::to_string(i) + "\",\"body\":\"we talked for an hour\"}\n";
  const std::string plain = dir.file("d.jsonl", data);
  ASSERT_EQ(std::system(("gzip -k -f " + plain).c_str()), 0);
  ASSERT_EQ(std::system(("zstd -q -k -f " + plain + " -o " + plain + ".zst").c_str()), 0);
  EXPECT_EQ(read_all(plain + ".gz").size(), 2000u);
  EXPECT_EQ(read_all(plain + ".zst").size(), 2000u);
  // Cut the compressed files in half: the records before the cut survive,
  // then one error record reports the truncation.
  for (const std::string ext : {".gz", ".zst"}) {
    const std::string cut = plain + ".cut" + ext;
    ASSERT_EQ(std::system(("head -c 300 " + plain + ext + " > " + cut).c_str()), 0);
    auto recs = read_all(cut);
    ASSERT_FALSE(recs.empty()) << ext;
    ASSERT_TRUE(recs.back().error.has_value()) << ext;
    EXPECT_EQ(recs.back().error->code(), Errc::io_error) << ext;
    EXPECT_NE(recs.back().error->what().find("truncated"), std::string::npos) << recs.back().error->message();
  }
}

TEST(CsvReader, QuotedMultilineWrongColumnsUnbalanced) {
  const std::string data =
      "id,title,selftext,created_utc\n"
      "a1,Title one,\"Body with, comma\nand a second line\",1488986040\n"
      "a2,Title two,\"He said \"\"hi\"\"\",1488986040\n"
      "a3,too,few\n"
      "a4,Title four,\"never closed\n";
  TempDir dir;
  auto recs = read_all(dir.file("d.csv", data));
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[0].comment.text, "Title one\n\nBody with, comma\nand a second line");
  EXPECT_EQ(recs[0].comment.timestamp, "2017-03-08T15:14:00");
  EXPECT_EQ(recs[1].comment.text, "Title two\n\nHe said \"hi\"");
  EXPECT_EQ(recs[2].error->code(), Errc::parse_error);
  EXPECT_NE(recs[2].error->message().find("d.csv:5"), std::string::npos) << recs[2].error->message();
  EXPECT_EQ(recs[3].error->code(), Errc::parse_error);
  EXPECT_NE(recs[3].error->message().find("d.csv:6"), std::string::npos) << recs[3].error->message();
}

TEST(CsvReader, MissingTextColumnReportsEveryRow) {
  TempDir dir;
  DumpOptions opt;
  opt.text_field = "comment_text";
  auto recs = read_all(dir.file("d.csv", "id,body\n1,hello\n2,there\n"), opt);
  ASSERT_EQ(recs.size(), 2u);
  for (const auto& r : recs) {
    ASSERT_TRUE(r.error.has_value());
    EXPECT_EQ(r.error->code(), Errc::missing_field);
    EXPECT_NE(r.error->what().find("comment_text"), std::string::npos);
  }
}

TEST(TextReader, LinesAndBlocks) {
  TempDir dir;
  auto lines = read_all(dir.file("a.txt", "one comment\nanother comment\n\xFF invalid byte\n"));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[2].comment.text, "\xFF invalid byte");  // repaired by analysis, not by the reader
  auto blocks = read_all(dir.file("b.txt", "first block\nstill first\n\n\nsecond block\n"));
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].comment.text, "first block\nstill first");
  EXPECT_EQ(blocks[1].source.substr(blocks[1].source.size() - 2), ":5");
}

TEST(BadInput, GiganticLineBecomesOneErrorRecord) {
  TempDir dir;
  std::string data = "{\"id\":\"before\",\"body\":\"fine\"}\n{\"id\":\"huge\",\"body\":\"";
  data.append(50u << 20, 'x');
  data += "\"}\n{\"id\":\"after\",\"body\":\"fine too\"}\n";
  auto recs = read_all(dir.file("big.jsonl", data));
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_FALSE(recs[0].error.has_value());
  ASSERT_TRUE(recs[1].error.has_value());
  EXPECT_EQ(recs[1].error->code(), Errc::record_too_large);
  EXPECT_NE(recs[1].error->message().find("big.jsonl:2"), std::string::npos);
  EXPECT_EQ(recs[2].comment.id, "after");
}

TEST(BadInput, NulBytesEmptyMissingAndDirectory) {
  TempDir dir;
  auto nul = read_all(dir.file("n.txt", std::string("a\0b\nc\n", 6)));
  ASSERT_EQ(nul.size(), 2u);
  EXPECT_EQ(nul[0].comment.text, std::string("a\0b", 3));
  EXPECT_TRUE(read_all(dir.file("empty.jsonl", "")).empty());
  auto missing = DumpReader::open(dir.path("nope.jsonl"));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), Errc::io_error);
  EXPECT_NE(missing.error().message().find("nope.jsonl"), std::string::npos);
  auto directory = DumpReader::open(dir.path(""));
  ASSERT_FALSE(directory.has_value());
  EXPECT_EQ(directory.error().code(), Errc::io_error);
}

TEST(DumpFormat, DetectionAndNames) {
  TempDir dir;
  auto r = DumpReader::open(dir.file("x.data", "{\"body\":\"hi\"}\n"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->format(), DumpFormat::jsonl);
  EXPECT_EQ(DumpReader::open(dir.file("p.txt", kBlogA))->format(), DumpFormat::blog);
  EXPECT_EQ(DumpReader::open(dir.file("t.txt", "just text\n"))->format(), DumpFormat::text);
  EXPECT_EQ(parse_dump_format("csv"), DumpFormat::csv);
  EXPECT_FALSE(parse_dump_format("xml").has_value());
}

// A pipe is read as its data arrives: a record is returned once its line is
// there (the format detected from what arrived), and would_block() says when
// the next record has not arrived yet. Regular files never block.
TEST(JsonlReader, PipeRecordsArriveOneByOne) {
  TempDir dir;
  auto file = DumpReader::open(dir.file("a.jsonl", "{\"id\":\"a\",\"body\":\"hi\"}\n"));
  ASSERT_TRUE(file.has_value());
  EXPECT_FALSE(file->would_block());

  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  auto send = [&](const std::string& line) {
    ASSERT_EQ(::write(fds[1], line.data(), line.size()), static_cast<ssize_t>(line.size()));
  };
  send("{\"id\":\"p1\",\"body\":\"first\"}\n");
  auto reader = DumpReader::open("/dev/fd/" + std::to_string(fds[0]));  // format detection included
  ::close(fds[0]);
  ASSERT_TRUE(reader.has_value()) << reader.error().message();
  EXPECT_EQ(reader->format(), DumpFormat::jsonl);
  DumpRecord r;
  ASSERT_TRUE(reader->next(r));
  EXPECT_EQ(r.comment.id, "p1");
  EXPECT_TRUE(reader->would_block());
  send("{\"id\":\"p2\",\"body\":\"second\"}\n");
  EXPECT_FALSE(reader->would_block());
  ASSERT_TRUE(reader->next(r));
  EXPECT_EQ(r.comment.id, "p2");
  ::close(fds[1]);
  EXPECT_FALSE(reader->would_block());  // the end is there: next() returns at once
  EXPECT_FALSE(reader->next(r));
}

}  // namespace
}  // namespace lovelorn
