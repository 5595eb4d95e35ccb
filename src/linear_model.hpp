// linear_model — the situation classifier: multinomial logistic regression
// over hashed binary features (DESIGN.md §7).
//
// Scoring a comment is the sum of the weight rows of its active features
// (times 1/sqrt(n) when the feature configuration has unit_norm) plus the
// bias, followed by a numerically stable softmax:
//
//   LinearModel m = read_model_file("situation.llm").value();
//   std::vector<double> p;
//   m.predict(feature_ids, p);   // p[k] = P(label k | comment), sums to 1
//
// The weights are a dense buckets x labels row-major matrix in memory, each
// row padded so that it never straddles a 64-byte cache line (2^18 rows x 64
// bytes = 16 MB for the shipped model's 10 labels); the file stores only the
// rows that are not all zero.
// Scoring touches one row per active feature: a plain loop that prefetches
// rows a few features ahead (they are scattered over those 10 MB).
//
// Thread-safety: a LinearModel is thread-compatible; its const members
// (predict, weight) are safe to call from any number of threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "features.hpp"

namespace lovelorn::detail {

// The one place the model's floating-point type is chosen.
using Real = float;

// The most weights (floats, rows padded to their stride) a model may hold
// in memory: 1 GiB. Reading a file that asks for more is refused rather than
// allocated.
inline constexpr std::uint64_t kMaxModelWeights = std::uint64_t{1} << 28;

// The factor each of `active` features is multiplied by under unit_norm.
Real feature_scale(std::size_t active) noexcept;

class LinearModel {
 public:
  // A recorded input and the probabilities the model gave for it; checked
  // when a model file is loaded.
  struct SelfTest {
    std::vector<std::uint32_t> features;
    std::vector<double> probs;
  };

  LinearModel() = default;
  // All-zero weights for `labels` over cfg.buckets features.
  LinearModel(std::vector<std::string> labels, const FeatureConfig& cfg);

  const std::vector<std::string>& labels() const noexcept { return labels_; }
  std::size_t num_labels() const noexcept { return labels_.size(); }
  const FeatureConfig& config() const noexcept { return config_; }

  std::size_t buckets() const noexcept { return config_.buckets; }
  // Floats per row in memory: the label count rounded up to a power of two
  // up to 16 (a row never straddles a 64-byte cache line), then to whole
  // lines of 16 floats.
  static std::size_t row_stride(std::size_t labels) noexcept;
  // Row `feature` of the buckets x labels weight matrix: that feature's
  // contribution to each label score. Precondition: feature < buckets().
  std::span<Real> row(std::uint32_t feature) noexcept {
    return {weights_.data() + static_cast<std::size_t>(feature) * stride_, labels_.size()};
  }
  std::span<const Real> row(std::uint32_t feature) const noexcept {
    return {weights_.data() + static_cast<std::size_t>(feature) * stride_, labels_.size()};
  }
  std::span<Real> bias() noexcept { return bias_; }
  std::span<const Real> bias() const noexcept { return bias_; }
  // True when every weight of the row is zero (not stored in the file).
  bool row_is_zero(std::uint32_t feature) const noexcept;

  // Weight of `feature` for label index `label` (0 for an out-of-range feature).
  Real weight(std::uint32_t feature, std::size_t label) const noexcept;

  // Probabilities of every label (model order) for a set of active
  // features; ids >= buckets are ignored. Duplicated ids count twice, so pass
  // extract_features' deduplicated output.
  void predict(const std::vector<std::uint32_t>& features, std::vector<double>& probs) const;
  // Raw scores (logits) before the softmax.
  void scores(const std::vector<std::uint32_t>& features, std::vector<double>& out) const;
  // Index of the largest probability (first one on ties).
  static std::size_t argmax(const std::vector<double>& probs) noexcept;

  // Free-form metadata (training data, seed, metrics), in insertion order.
  const std::vector<std::pair<std::string, std::string>>& metadata() const noexcept { return metadata_; }
  // Sets (or replaces) a key.
  void set_metadata(std::string key, std::string value);
  // The value of `key`, or "" when absent.
  std::string_view metadata_value(std::string_view key) const noexcept;

  std::vector<SelfTest>& self_tests() noexcept { return self_tests_; }
  const std::vector<SelfTest>& self_tests() const noexcept { return self_tests_; }

  // Rows with at least one non-zero weight.
  std::size_t nonzero_rows() const;

 private:
  std::vector<std::string> labels_;
  FeatureConfig config_;
  // Zeroed floats, 64-byte aligned; buffers of 2 MB and more are aligned to
  // 2 MB and asked to be backed by huge pages (Linux madvise), so the
  // scattered row reads of scoring do not miss the TLB on every feature.
  class RowStorage {
   public:
    RowStorage() = default;
    explicit RowStorage(std::size_t n);
    RowStorage(const RowStorage& other);
    RowStorage& operator=(const RowStorage& other);
    RowStorage(RowStorage&& other) noexcept
        : data_(std::move(other.data_)), size_(std::exchange(other.size_, 0)) {}
    RowStorage& operator=(RowStorage&& other) noexcept {
      data_ = std::move(other.data_);
      size_ = std::exchange(other.size_, 0);
      return *this;
    }
    Real* data() noexcept { return data_.get(); }
    const Real* data() const noexcept { return data_.get(); }

   private:
    struct Free {
      void operator()(Real* p) const noexcept;
    };
    std::unique_ptr<Real[], Free> data_;
    std::size_t size_ = 0;
  };

  // buckets rows of `stride_` floats (row_stride), row-major, so scoring a
  // feature touches one cache line per 16 labels. Padding floats stay zero.
  RowStorage weights_;
  std::size_t stride_ = 0;
  std::vector<Real> bias_;
  std::vector<std::pair<std::string, std::string>> metadata_;
  std::vector<SelfTest> self_tests_;
};

}  // namespace lovelorn::detail
