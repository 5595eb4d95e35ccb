#include "linear_model.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace lovelorn::detail {
namespace {

LinearModel small_model(bool unit_norm) {
  FeatureConfig cfg;
  cfg.buckets = 16;
  cfg.unit_norm = unit_norm;
  LinearModel m({"sun", "rain", "snow"}, cfg);
  m.row(3)[0] = 2.0f;
  m.row(3)[1] = -1.0f;
  m.row(7)[2] = 1.5f;
  m.bias()[1] = 0.25f;
  return m;
}

std::vector<double> softmax(std::vector<double> s) {
  const double mx = *std::max_element(s.begin(), s.end());
  double z = 0;
  for (double& v : s) z += (v = std::exp(v - mx));
  for (double& v : s) v /= z;
  return s;
}

TEST(LinearModel, ZeroModelIsUniform) {
  FeatureConfig cfg;
  cfg.buckets = 8;
  const LinearModel m({"a", "b", "c", "d"}, cfg);
  std::vector<double> p;
  m.predict({1, 2, 5}, p);
  ASSERT_EQ(p.size(), 4u);
  for (const double v : p) EXPECT_DOUBLE_EQ(v, 0.25);
}

TEST(LinearModel, SumOfRowsPlusBias) {
  const LinearModel m = small_model(false);
  std::vector<double> p;
  m.predict({3, 7}, p);
  const auto want = softmax({2.0, -1.0 + 0.25, 1.5});
  for (std::size_t k = 0; k < 3; ++k) EXPECT_NEAR(p[k], want[k], 1e-6);
  EXPECT_EQ(LinearModel::argmax(p), 0u);
  EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-12);
}

TEST(LinearModel, CopiesAndMovesKeepTheWeights) {
  const LinearModel original = small_model(false);
  LinearModel copy = original;
  copy.row(3)[0] = 5.0f;  // a deep copy: the original keeps its row
  EXPECT_EQ(original.weight(3, 0), 2.0f);
  EXPECT_EQ(copy.weight(7, 2), 1.5f);
  LinearModel moved = std::move(copy);
  EXPECT_EQ(moved.weight(3, 0), 5.0f);
  LinearModel again = small_model(false);
  again = moved;  // copy-assign over a model that has weights
  EXPECT_EQ(again.weight(3, 0), 5.0f);
  EXPECT_EQ(again.weight(3, 1), -1.0f);
}

TEST(LinearModel, ManyLabelsSpanSeveralCacheLines) {
  FeatureConfig cfg;
  cfg.buckets = 4;
  cfg.unit_norm = false;
  std::vector<std::string> labels;
  for (int k = 0; k < 70; ++k) labels.push_back("label" + std::to_string(k));  // rows of five 16-float lines, summed on the heap
  LinearModel m(labels, cfg);
  for (std::size_t k = 0; k < labels.size(); ++k) m.row(2)[k] = static_cast<Real>(k) / 10;
  std::vector<double> scores;
  m.scores({2}, scores);
  ASSERT_EQ(scores.size(), labels.size());
  for (std::size_t k = 0; k < labels.size(); ++k) EXPECT_NEAR(scores[k], static_cast<double>(k) / 10, 1e-6);
  m.scores({1, 3}, scores);  // untouched rows (and the padding after row 2) are zero
  for (const double v : scores) EXPECT_EQ(v, 0.0);
}

TEST(LinearModel, RowsOfEveryWidthScoreTheirOwnWeights) {
  FeatureConfig cfg;
  cfg.buckets = 8;
  cfg.unit_norm = false;
  for (const std::size_t n : {1, 2, 3, 5, 8, 9, 16, 17}) {
    std::vector<std::string> labels;
    for (std::size_t k = 0; k < n; ++k) labels.push_back("l" + std::to_string(k));
    LinearModel m(labels, cfg);
    for (std::uint32_t f = 0; f < 8; ++f)
      for (std::size_t k = 0; k < n; ++k) m.row(f)[k] = static_cast<Real>(f * 100 + k);
    std::vector<double> scores;
    m.scores({3, 5}, scores);
    ASSERT_EQ(scores.size(), n);
    for (std::size_t k = 0; k < n; ++k) EXPECT_EQ(scores[k], static_cast<double>(800 + 2 * k)) << n << " labels";
    EXPECT_LE(LinearModel::row_stride(n), n < 16 ? 2 * n : n + 15);
  }
}

TEST(LinearModel, UnitNormScalesFeaturesNotBias) {
  const LinearModel m = small_model(true);
  std::vector<double> s;
  m.scores({3, 7}, s);
  const double c = 1.0 / std::sqrt(2.0);
  EXPECT_NEAR(s[0], 2.0 * c, 1e-6);
  EXPECT_NEAR(s[1], -1.0 * c + 0.25, 1e-6);
  EXPECT_NEAR(s[2], 1.5 * c, 1e-6);
}

TEST(LinearModel, OutOfRangeFeaturesAreIgnored) {
  const LinearModel m = small_model(false);
  std::vector<double> a, b;
  m.scores({3}, a);
  m.scores({3, 16, 1000000}, b);
  EXPECT_EQ(a, b);
  EXPECT_EQ(m.weight(1000000, 0), 0.0f);
  EXPECT_EQ(m.weight(3, 0), 2.0f);
  EXPECT_EQ(m.weight(3, 99), 0.0f);
}

TEST(LinearModel, StableSoftmaxWithHugeScores) {
  FeatureConfig cfg;
  cfg.buckets = 4;
  cfg.unit_norm = false;
  LinearModel m({"x", "y"}, cfg);
  m.row(0)[0] = 5e4f;
  m.row(1)[1] = 4.99e4f;
  std::vector<double> p;
  m.predict({0, 1}, p);
  ASSERT_TRUE(std::isfinite(p[0]) && std::isfinite(p[1]));
  EXPECT_NEAR(p[0], 1.0, 1e-9);
}

TEST(LinearModel, MetadataAndRows) {
  LinearModel m = small_model(false);
  m.set_metadata("seed", "1");
  m.set_metadata("note", "first");
  m.set_metadata("seed", "2");
  ASSERT_EQ(m.metadata().size(), 2u);
  EXPECT_EQ(m.metadata_value("seed"), "2");
  EXPECT_EQ(m.metadata_value("missing"), "");
  EXPECT_EQ(m.nonzero_rows(), 2u);
  EXPECT_TRUE(m.row_is_zero(0));
  EXPECT_FALSE(m.row_is_zero(7));
}

}  // namespace
}  // namespace lovelorn::detail
