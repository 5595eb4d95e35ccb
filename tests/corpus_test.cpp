#include "corpus.hpp"

#include <gtest/gtest.h>

#include "test_util.hpp"

namespace lovelorn::detail {
namespace {

class CorpusTest : public ::testing::Test {
 protected:
  std::string write(const std::string& rel, const std::string& content) const { return dir_.file(rel, content); }
  test::TempDir dir_;
};

TEST(Split, FixedAndRoughlyTwentyPercent) {
  EXPECT_EQ(in_test_split("a/b/c"), in_test_split("a/b/c"));
  int test = 0;
  for (int i = 0; i < 5000; ++i) test += in_test_split("ds/file.csv/" + std::to_string(i));
  EXPECT_GT(test, 850);
  EXPECT_LT(test, 1150);
  EXPECT_FALSE(in_test_split("anything", 0));
}

TEST(Labels, SituationOrderFirstThenSorted) {
  EXPECT_EQ(order_labels({"general", "zebra", "ghosted", "apple", "general"}),
            (std::vector<std::string>{"ghosted", "general", "apple", "zebra"}));
}

TEST_F(CorpusTest, ReadsLabelFilesWithQuotedNotes) {
  write("labels/b.csv", "dataset,file,record_id,field,label,note\n"
                        "set1,posts.csv,p2,title+body,general,\n");
  write("labels/a.csv", "dataset,file,record_id,field,label,note\r\n"
                        "set1,posts.csv,p1,title+body,breakup,\"a note, with a comma\nand a line\"\r\n"
                        "set1,posts.csv,p3,title+body,SKIP,bot\r\n");
  write("labels/ignore.txt", "not a csv");
  auto rows = read_label_files(dir_.path("labels"));
  ASSERT_TRUE(rows) << rows.error().message();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].record_id, "p1");  // a.csv before b.csv
  EXPECT_EQ((*rows)[0].note, "a note, with a comma\nand a line");
  EXPECT_EQ((*rows)[2].label, "general");
  EXPECT_NE((*rows)[0].source.find("a.csv:2"), std::string::npos);
}

TEST_F(CorpusTest, BadLabelFiles) {
  EXPECT_EQ(read_label_files(dir_.path("missing")).error().code(), Errc::io_error);
  const auto p = write("bad.csv", "dataset,file,record,field,label\nx,y,z,w,general\n");
  auto r = read_label_files(p);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::parse_error);
  EXPECT_NE(r.error().message().find("record_id"), std::string::npos);
}

TEST_F(CorpusTest, ResolvesFieldsAndTopComments) {
  write("data/set1/posts.csv",
        "id,title,body,top_comments\n"
        "p1,Lost my keys,\"  I looked everywhere.  \",First reply ||| Second reply ||| Third\n"
        "p2,Garden news,The roses bloomed.,\n");
  write("data/set2/qa.jsonl", "{\"post_id\": \"q1\", \"title\": \"Paint\", \"body\": \"Which blue?\", \"top_comment\": \"Try navy.\"}\n");
  std::vector<LabelRow> rows = {
      {"set1", "posts.csv", "p1", "title+body", "general", "", "l:2"},
      {"set1", "posts.csv", "p1", "top_comments[1]", "giving_advice", "", "l:3"},
      {"set1", "posts.csv", "p2", "title+body", "breakup", "", "l:4"},
      {"set2", "qa.jsonl", "q1", "top_comment", "giving_advice", "", "l:5"},
      {"set1", "posts.csv", "nope", "title+body", "general", "", "l:6"},
      {"set1", "posts.csv", "p2", "title+body", "general", "", "l:7"},  // labelled twice
      {"set1", "posts.csv", "p2", "body", "SKIP", "", "l:8"},
  };
  auto c = resolve_labels(rows, dir_.path("data"));
  ASSERT_TRUE(c) << c.error().message();
  ASSERT_EQ(c->items.size(), 4u);
  EXPECT_EQ(c->items[0].text, "Lost my keys\n\nI looked everywhere.");
  EXPECT_EQ(c->items[1].text, "Second reply");
  EXPECT_EQ(c->items[2].label, "breakup");
  EXPECT_EQ(c->items[3].text, "Try navy.");
  EXPECT_EQ(c->items[0].split_key, "set1/posts.csv/p1");
  EXPECT_EQ(c->skipped_rows, 1u);
  EXPECT_EQ(c->warnings.size(), 2u);  // not found + labelled twice
  EXPECT_EQ(c->labels, (std::vector<std::string>{"breakup", "giving_advice", "general"}));
}

TEST_F(CorpusTest, UsersOwnFileWithAnyLabels) {
  const auto p = write("mine.jsonl",
                       "{\"id\": \"a\", \"text\": \"The kettle whistled.\", \"topic\": \"kitchen\"}\n"
                       "{\"id\": \"b\", \"text\": \"The hedge needs trimming.\", \"topic\": \"garden\"}\n"
                       "{\"id\": \"c\", \"text\": \"No topic on this one.\"}\n"
                       "{\"id\": \"d\", \"text\": \"the KETTLE   whistled.\", \"topic\": \"kitchen\"}\n");
  auto c = load_labeled_file(p, "text", "topic", "id");
  ASSERT_TRUE(c) << c.error().message();
  ASSERT_EQ(c->items.size(), 2u);  // "d" duplicates "a" after folding
  EXPECT_EQ(c->skipped_rows, 1u);
  EXPECT_EQ(c->items[1].label, "garden");
  EXPECT_EQ(c->items[1].split_key, "b");
  EXPECT_EQ(c->labels, (std::vector<std::string>{"garden", "kitchen"}));
  EXPECT_FALSE(load_labeled_file(p, "text", "", "id"));
}

}  // namespace
}  // namespace lovelorn::detail
