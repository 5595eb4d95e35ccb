#include "linear_model.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>

namespace lovelorn::detail {
namespace {

using RowVector = Eigen::Matrix<Real, 1, Eigen::Dynamic>;
using ConstRowMap = Eigen::Map<const RowVector>;

}  // namespace

Real feature_scale(std::size_t active) noexcept {
  return active == 0 ? Real(1) : static_cast<Real>(1.0 / std::sqrt(static_cast<double>(active)));
}

LinearModel::LinearModel(std::vector<std::string> labels, const FeatureConfig& cfg)
    : labels_(std::move(labels)), config_(cfg) {
  weights_.assign(static_cast<std::size_t>(cfg.buckets) * labels_.size(), Real(0));
  bias_.assign(labels_.size(), Real(0));
}

Real LinearModel::weight(std::uint32_t feature, std::size_t label) const noexcept {
  if (feature >= config_.buckets || label >= labels_.size()) return Real(0);
  return weights_[static_cast<std::size_t>(feature) * labels_.size() + label];
}

bool LinearModel::row_is_zero(std::uint32_t feature) const noexcept {
  const auto r = row(feature);
  return std::all_of(r.begin(), r.end(), [](Real v) { return v == Real(0); });
}

void LinearModel::scores(const std::vector<std::uint32_t>& features, std::vector<double>& out) const {
  const auto L = static_cast<Eigen::Index>(labels_.size());
  RowVector s = RowVector::Zero(L);
  for (const std::uint32_t f : features)
    if (f < config_.buckets) s += ConstRowMap(weights_.data() + static_cast<std::size_t>(f) * labels_.size(), L);
  if (config_.unit_norm && !features.empty()) s *= feature_scale(features.size());
  s += ConstRowMap(bias_.data(), L);
  out.resize(labels_.size());
  for (Eigen::Index k = 0; k < L; ++k) out[static_cast<std::size_t>(k)] = static_cast<double>(s[k]);
}

void LinearModel::predict(const std::vector<std::uint32_t>& features, std::vector<double>& probs) const {
  scores(features, probs);
  if (probs.empty()) return;
  const double mx = *std::max_element(probs.begin(), probs.end());
  double sum = 0.0;
  for (double& p : probs) {
    p = std::exp(p - mx);
    sum += p;
  }
  for (double& p : probs) p /= sum;
}

std::size_t LinearModel::argmax(const std::vector<double>& probs) noexcept {
  return probs.empty() ? 0
                       : static_cast<std::size_t>(std::max_element(probs.begin(), probs.end()) - probs.begin());
}

void LinearModel::set_metadata(std::string key, std::string value) {
  for (auto& kv : metadata_) {
    if (kv.first == key) {
      kv.second = std::move(value);
      return;
    }
  }
  metadata_.emplace_back(std::move(key), std::move(value));
}

std::string_view LinearModel::metadata_value(std::string_view key) const noexcept {
  for (const auto& kv : metadata_)
    if (kv.first == key) return kv.second;
  return {};
}

std::size_t LinearModel::nonzero_rows() const {
  std::size_t n = 0;
  for (std::uint32_t r = 0; r < config_.buckets; ++r) n += row_is_zero(r) ? 0 : 1;
  return n;
}

}  // namespace lovelorn::detail
