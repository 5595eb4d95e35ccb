// Reads the real blog page in ../shared/seeds at run time (never copied into
// the project); skipped when the shared folder is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "lovelorn/dump.hpp"
#include "test_util.hpp"

namespace lovelorn {
namespace {

TEST(SeedPage, NineteenTimestampedCommentsWithoutArticleText) {
  const std::filesystem::path seeds = std::filesystem::path(LOVELORN_SHARED_DIR) / "seeds";
  if (!std::filesystem::is_directory(seeds)) GTEST_SKIP() << "no " << seeds;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    if (entry.path().extension() != ".txt") continue;
    DumpOptions opt;
    opt.format = DumpFormat::automatic;
    auto reader = DumpReader::open(entry.path().string(), opt);
    ASSERT_TRUE(reader.has_value());
    EXPECT_EQ(reader->format(), DumpFormat::blog);
    auto recs = test::read_all(entry.path().string());
    ASSERT_EQ(recs.size(), 19u);
    EXPECT_EQ(recs.front().comment.timestamp, "2017-03-08T15:14:00");
    int replies = 0;
    for (const auto& r : recs) {
      EXPECT_FALSE(r.error.has_value());
      EXPECT_EQ(r.comment.timestamp.size(), 19u);
      EXPECT_EQ(r.comment.text.find("Lots of love"), std::string::npos);
      EXPECT_EQ(r.comment.text.find("Previous page"), std::string::npos);
      replies += !r.comment.parent.empty();
    }
    EXPECT_GE(replies, 5);
  }
}

}  // namespace
}  // namespace lovelorn
