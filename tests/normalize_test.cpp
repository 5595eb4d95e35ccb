#include "normalize.hpp"

#include <gtest/gtest.h>

namespace lovelorn::detail {
namespace {

struct Case {
  std::string in, folded;
  std::uint32_t invalid;
};

TEST(Normalize, FoldsCaseQuotesEntitiesAndRepairsUtf8) {
  const Case cases[] = {
      {"He Didn\xE2\x80\x99t CALL", "he didn't call", 0},
      {"don\xC2\xB4t", "don't", 0},
      {"\xE2\x80\x9CHi\xE2\x80\x9D", "\"hi\"", 0},
      {"me &amp; him &gt; you", "me & him > you", 0},
      {"zero&#x200B;width", "zerowidth", 0},
      {"nul\0byte", "nul byte", 0},
      {"bad \xC3 byte", "bad \xEF\xBF\xBD byte", 1},
      {"overlong \xC0\xAF", "overlong \xEF\xBF\xBD\xEF\xBF\xBD", 2},
      {"surrogate \xED\xA0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},
      {"stray \x80", "stray \xEF\xBF\xBD", 1},
      {"truncated \xE2\x80", "truncated \xEF\xBF\xBD", 1},
      {"\xEF\xBC\xA1" "BC", "abc", 0},  // fullwidth A (NFKC)
      {"\xC3\x89T\xC3\x89", "\xC3\xA9t\xC3\xA9", 0},
  };
  NormalizedText nt;
  for (const Case& c : cases) {
    std::string in = c.in;
    if (c.folded == "nul byte") in = std::string("nul\0byte", 8);
    normalize(in, nt);
    EXPECT_EQ(nt.text, c.folded) << c.in;
    EXPECT_EQ(nt.invalid_utf8, c.invalid) << c.in;
    ASSERT_EQ(nt.src_begin.size(), nt.text.size());
  }
}

TEST(Normalize, OffsetsPointIntoTheOriginal) {
  const std::string in = "I didn\xE2\x80\x99t reply &amp; he waited";
  NormalizedText nt;
  normalize(in, nt);
  const std::size_t b = nt.text.find("didn't");
  ASSERT_NE(b, std::string::npos);
  const std::size_t e = b + 6;
  EXPECT_EQ(in.substr(nt.orig_begin(b), nt.orig_end(b, e) - nt.orig_begin(b)), "didn\xE2\x80\x99t");
  const std::size_t amp = nt.text.find('&');
  EXPECT_EQ(in.substr(nt.orig_begin(amp), nt.orig_end(amp, amp + 1) - nt.orig_begin(amp)), "&amp;");
}

TEST(Normalize, Utf8Helpers) {
  EXPECT_TRUE(is_valid_utf8("plain \xE2\x80\x99 text"));
  EXPECT_FALSE(is_valid_utf8("bad \xFF"));
  std::uint32_t n = 0;
  EXPECT_EQ(repair_utf8("a\xFF" "b", &n), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(n, 1u);
}

}  // namespace
}  // namespace lovelorn::detail
