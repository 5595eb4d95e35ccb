#include "timestamp.hpp"

#include <gtest/gtest.h>

namespace lovelorn::detail {
namespace {

TEST(Timestamp, AcceptedForms) {
  const std::pair<const char*, const char*> cases[] = {
      {"2017-03-08T15:14:00", "2017-03-08T15:14:00"},
      {"2017-03-08 15:14", "2017-03-08T15:14:00"},
      {"2017-03-08T15:14:00.250Z", "2017-03-08T15:14:00"},
      {"2017-03-08", "2017-03-08T00:00:00"},
      {"1488986040", "2017-03-08T15:14:00"},
      {"1488986040.0", "2017-03-08T15:14:00"},
      {"1488986040000", "2017-03-08T15:14:00"},
      {"March 8, 2017, 3:14 pm", "2017-03-08T15:14:00"},
      {"January 16, 2022 at 7:07 pm", "2022-01-16T19:07:00"},
      {"December 9, 2016, 12:34 am", "2016-12-09T00:34:00"},
      {"Mar 8, 2017", "2017-03-08T00:00:00"},
      {"  Sept 1, 2020, 11:05 AM ", "2020-09-01T11:05:00"},
  };
  for (const auto& [in, iso] : cases) {
    auto t = parse_timestamp(in);
    ASSERT_TRUE(t.has_value()) << in;
    EXPECT_EQ(to_iso(*t), iso) << in;
  }
}

TEST(Timestamp, Rejected) {
  for (const char* in : {"", "yesterday", "2017-13-01", "2017-02-30", "2019-02-29", "March 8 2017 pm", "8/3/2017x",
                         "March 32, 2017"}) {
    EXPECT_FALSE(parse_timestamp(in).has_value()) << in;
  }
}

TEST(Timestamp, CivilDays) {
  EXPECT_EQ(days_from_civil(Date{1970, 1, 1}), 0);
  EXPECT_EQ(to_iso(civil_from_days(days_from_civil(Date{2020, 2, 29}) + 1)), "2020-03-01");
  EXPECT_EQ(to_iso(civil_from_epoch(0)), "1970-01-01T00:00:00");
}

}  // namespace
}  // namespace lovelorn::detail
