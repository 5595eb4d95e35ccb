#include "linear_model.hpp"

#if __has_include(<sys/mman.h>)
#include <sys/mman.h>  // madvise
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>

namespace lovelorn::detail {

namespace {
constexpr std::size_t kHugePage = std::size_t{2} << 20;
std::size_t storage_alignment(std::size_t bytes) noexcept { return bytes >= kHugePage ? kHugePage : 64; }
std::size_t storage_bytes(std::size_t bytes) noexcept {
  const std::size_t a = storage_alignment(bytes);
  return bytes == 0 ? a : (bytes + a - 1) / a * a;
}
}  // namespace

LinearModel::RowStorage::RowStorage(std::size_t n) : size_(n) {
  const std::size_t bytes = storage_bytes(n * sizeof(Real));
  void* p = std::aligned_alloc(storage_alignment(n * sizeof(Real)), bytes);
  if (p == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  if (bytes >= kHugePage) madvise(p, bytes, MADV_HUGEPAGE);  // a hint; without huge pages it still works
#endif
  std::memset(p, 0, bytes);
  data_.reset(static_cast<Real*>(p));
}

LinearModel::RowStorage::RowStorage(const RowStorage& other) : RowStorage(other.size_) {
  if (size_ != 0) std::memcpy(data_.get(), other.data_.get(), size_ * sizeof(Real));
}

LinearModel::RowStorage& LinearModel::RowStorage::operator=(const RowStorage& other) {
  if (this != &other) *this = RowStorage(other);
  return *this;
}

void LinearModel::RowStorage::Free::operator()(Real* p) const noexcept { std::free(p); }

Real feature_scale(std::size_t active) noexcept {
  return active == 0 ? Real(1) : static_cast<Real>(1.0 / std::sqrt(static_cast<double>(active)));
}

LinearModel::LinearModel(std::vector<std::string> labels, const FeatureConfig& cfg)
    : labels_(std::move(labels)), config_(cfg) {
  stride_ = row_stride(labels_.size());
  weights_ = RowStorage(static_cast<std::size_t>(cfg.buckets) * stride_);
  bias_.assign(labels_.size(), Real(0));
}

std::size_t LinearModel::row_stride(std::size_t labels) noexcept {
  constexpr std::size_t kLine = 64 / sizeof(Real);
  if (labels <= kLine) return std::bit_ceil(std::max<std::size_t>(labels, 1));
  return (labels + kLine - 1) / kLine * kLine;
}

Real LinearModel::weight(std::uint32_t feature, std::size_t label) const noexcept {
  if (feature >= config_.buckets || label >= labels_.size()) return Real(0);
  return row(feature)[label];
}

bool LinearModel::row_is_zero(std::uint32_t feature) const noexcept {
  const auto r = row(feature);
  return std::all_of(r.begin(), r.end(), [](Real v) { return v == Real(0); });
}

void LinearModel::scores(const std::vector<std::uint32_t>& features, std::vector<double>& out) const {
  const std::size_t L = labels_.size();
  // Sum whole padded rows, 16 floats at a time (a cache line; the compiler
  // vectorises the fixed-size inner loop), on the stack when they fit.
  constexpr std::size_t kLine = 64 / sizeof(Real), kStackLabels = 4 * kLine;
  alignas(64) std::array<Real, kStackLabels> stack{};
  std::vector<Real> heap(stride_ > kStackLabels ? stride_ : 0, Real(0));
  Real* s = stride_ > kStackLabels ? heap.data() : stack.data();
  // The rows are scattered over megabytes: ask for the row a few features
  // ahead so the loads overlap instead of queueing.
  constexpr std::size_t kAhead = 32;  // measured: 8 and 128 were slower
  const std::size_t n = features.size();
  const Real* w = weights_.data();
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kAhead < n && features[i + kAhead] < config_.buckets)
      __builtin_prefetch(w + static_cast<std::size_t>(features[i + kAhead]) * stride_);
    const std::uint32_t f = features[i];
    if (f >= config_.buckets) continue;
    const Real* r = w + static_cast<std::size_t>(f) * stride_;
    if (stride_ >= kLine) {
      for (std::size_t c = 0; c < stride_; c += kLine)
        for (std::size_t k = 0; k < kLine; ++k) s[c + k] += r[c + k];
    } else {
      for (std::size_t k = 0; k < stride_; ++k) s[k] += r[k];
    }
  }
  const Real scale = config_.unit_norm && n > 0 ? feature_scale(n) : Real(1);
  out.resize(L);
  for (std::size_t k = 0; k < L; ++k) out[k] = static_cast<double>(s[k] * scale + bias_[k]);
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
