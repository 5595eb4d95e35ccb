// time_anchors_test — calendar dates and relative times, resolved against the
// comment's date. Every sentence is written for this test.
#include "time_anchors.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize.hpp"

namespace lovelorn::detail {
namespace {

// Wednesday 8 March 2017, the date of the comments below.
const Date kNow{2017, 3, 8};

std::vector<TimeAnchor> anchors(const std::string& text, const std::optional<Date>& now = kNow) {
  NormalizedText nt;
  normalize(text, nt);
  lexicon::Scanned scanned;
  lexicon::scan(nt.text, scanned);
  std::vector<TimeAnchor> out;
  extract_time_anchors(text, nt, scanned, now, out);
  return out;
}

std::string dump(const std::vector<TimeAnchor>& as) {
  std::string s;
  for (const auto& a : as) s += "[" + a.text + " -> " + a.resolved + "] ";
  return s;
}

struct Case {
  const char* text;
  const char* span;
  const char* resolved;
  bool relative;
};

class AnchorCase : public ::testing::TestWithParam<Case> {};

TEST_P(AnchorCase, SpanAndResolution) {
  const Case& c = GetParam();
  const auto as = anchors(c.text);
  const TimeAnchor* found = nullptr;
  for (const auto& a : as)
    if (a.text == c.span) found = &a;
  ASSERT_NE(found, nullptr) << c.text << " -> " << dump(as);
  EXPECT_EQ(found->resolved, c.resolved) << c.text;
  EXPECT_EQ(found->relative, c.relative) << c.text;
  EXPECT_EQ(std::string(c.text).substr(found->begin, found->end - found->begin), found->text);
}

INSTANTIATE_TEST_SUITE_P(Calendar, AnchorCase, ::testing::Values(
    Case{"We moved to Leeds in 2015 with the kids.", "2015", "2015", false},
    Case{"The shop opened in March 2016 downtown.", "March 2016", "2016-03", false},
    Case{"The letter is dated March 8, 2017 and signed.", "March 8, 2017", "2017-03-08", false},
    Case{"The party was on 12 May 2014 at noon.", "12 May 2014", "2014-05-12", false},
    Case{"Her birthday is the 3rd of February.", "the 3rd of February", "2017-02-03", false},
    Case{"The form says 3/30/2016 at the top.", "3/30/2016", "2016-03-30", false},
    Case{"The receipt says 2016-02-29 in small print.", "2016-02-29", "2016-02-29", false},
    Case{"Rent is due on the 3rd as usual.", "the 3rd", "2017-03-03", false},
    Case{"The garden was planted in June.", "June", "2016-06", false},
    Case{"Prices went up on December 24.", "December 24", "2016-12-24", false}));

INSTANTIATE_TEST_SUITE_P(Relative, AnchorCase, ::testing::Values(
    Case{"Yesterday the heating broke.", "Yesterday", "2017-03-07", true},
    Case{"The plumber comes tomorrow morning.", "tomorrow", "2017-03-09", true},
    Case{"The bakery closed last week.", "last week", "2017-03-01", true},
    Case{"The town fair is next month.", "next month", "2017-04", true},
    Case{"Our roof was fixed last year.", "last year", "2016", true},
    Case{"I painted the fence last weekend.", "last weekend", "2017-03-04", true},
    Case{"The boiler failed last Wednesday.", "last Wednesday", "2017-03-01", true},
    Case{"The car was serviced on Saturday.", "Saturday", "2017-03-04", true},
    Case{"It snowed last night for hours.", "last night", "2017-03-07", true},
    Case{"This past September the pond froze early.", "This past September", "2016-09", true},
    Case{"The gym reopens next Monday.", "next Monday", "2017-03-13", true},
    Case{"The shed burned down two days ago.", "two days ago", "2017-03-06", true},
    Case{"The flood happened about three weeks ago.", "about three weeks ago", "2017-02-15", true},
    Case{"The bridge reopened 2 months ago.", "2 months ago", "2017-01", true},
    Case{"The school was built 10 years ago.", "10 years ago", "2007", true},
    // No date for amounts no calendar holds (the fuzzer found the overflow).
    Case{"The comet passed 333333333333333333333 weeks ago.", "333333333333333333333 weeks ago", "", true},
    Case{"The mountain rose 5000000 years ago.", "5000000 years ago", "", true},
    Case{"A month later the roof leaked again.", "A month later", "", true},
    Case{"The next day the power came back.", "The next day", "", true}));

TEST(TimeAnchors, WithoutTimestampRelativesStayUnresolved) {
  const auto as = anchors("Yesterday I repaired the bike I bought in 2015, three days ago it broke.", std::nullopt);
  ASSERT_EQ(as.size(), 3u) << dump(as);
  EXPECT_EQ(as[0].text, "Yesterday");
  EXPECT_EQ(as[0].resolved, "");
  EXPECT_EQ(as[1].resolved, "2015");  // calendar dates need no timestamp
  EXPECT_EQ(as[2].text, "three days ago");
  EXPECT_EQ(as[2].resolved, "");
}

class NotAnchor : public ::testing::TestWithParam<const char*> {};

TEST_P(NotAnchor, FindsNothing) {
  const auto as = anchors(GetParam());
  EXPECT_TRUE(as.empty()) << GetParam() << " -> " << dump(as);
}

INSTANTIATE_TEST_SUITE_P(Negatives, NotAnchor, ::testing::Values(
    "I have 2000 photos on my phone.",
    "She paid $2015 for the sofa.",
    "The last week of the course was hard.",
    "May I ask for advice? Mark said no.",
    "He is available 24/7 for his friends.",
    "I am 25 and my brother is 31."));

TEST(TimeAnchors, InTextOrder) {
  const auto as = anchors("Two days ago, after the storm in 2016 and before Friday, it rained.");
  ASSERT_EQ(as.size(), 3u) << dump(as);
  EXPECT_LT(as[0].begin, as[1].begin);
  EXPECT_LT(as[1].begin, as[2].begin);
}

}  // namespace
}  // namespace lovelorn::detail
