// trainer — fit a LinearModel: multinomial logistic regression with L2 on
// hashed binary features, minimised with L-BFGS in Eigen, plus the metrics
// used to judge it (accuracy, per-label P/R/F1, macro-F1, confusion matrix).
//
//   TrainParams p;  p.seed = 7;  p.l2_grid = {1e-4, 1e-3, 1e-2};
//   Result<LinearModel> m = train_model(examples, labels, feature_config, p);
//
// The objective is the class-weighted mean negative log-likelihood
//   (1 / sum_i c_yi) * sum_i c_yi * -log softmax(W x_i + b)_yi  +  l2/2 * |W|^2
// with c_k = (n / (K * n_k))^class_weight_power (inverse label frequency)
// when class_weights is set; the bias is not regularised. Training is full-batch and
// single-threaded, so the same examples, parameters and seed give the same
// weights bit for bit (and therefore the same model file).
//
// Thread-safety: thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "features.hpp"
#include "linear_model.hpp"
#include "lovelorn/result.hpp"

namespace lovelorn::detail {

struct Example {
  std::vector<std::uint32_t> features;  // unique bucket ids (extract_features)
  std::uint32_t label = 0;              // index into the label list
};

struct TrainParams {
  double l2 = 1e-3;              // L2 strength on the feature weights
  std::vector<double> l2_grid;   // non-empty: pick l2 by k-fold cross-validated macro-F1 on the training examples
  std::uint32_t cv_folds = 5;    // folds for l2_grid (>= 2)
  std::uint32_t max_iterations = 300;
  double tolerance = 1e-7;       // stop when the objective improves by less than this (relative)
  std::uint32_t history = 10;    // L-BFGS memory
  bool class_weights = true;     // weight examples by inverse label frequency
  double class_weight_power = 1.0;  // c_k = (n / (K * n_k))^power; 0.5 = square-root balancing
  std::uint32_t min_count = 1;   // drop features active in fewer training examples
  std::uint32_t seed = 1;        // fold assignment and self-test choice
  std::uint32_t self_tests = 8;  // samples stored in the model and re-scored on load

  // invalid_argument naming the first bad field ("l2 must be >= 0 and finite").
  Result<bool> check() const;
};

struct TrainReport {
  double l2 = 0;                                     // the l2 used for the final fit
  std::vector<std::pair<double, double>> cv_scores;  // (l2, cross-validated macro-F1) per grid value
  std::uint32_t iterations = 0;
  double loss = 0;              // final objective value
  std::size_t features_used = 0;  // distinct feature ids kept (after min_count)
};

// Fits a model over `labels` (examples' label indices must be < labels.size()).
// Fails with invalid_argument on bad parameters or empty data.
Result<LinearModel> train_model(const std::vector<Example>& examples, const std::vector<std::string>& labels,
                                const FeatureConfig& cfg, const TrainParams& params, TrainReport* report = nullptr);

// The L2-regularised, class-weighted softmax loss as a functor for the
// optimiser. Parameters are a (features + 1) x labels row-major matrix flattened
// into a vector; the last row is the bias.
class SoftmaxObjective {
 public:
  // `rows[i]` are compact feature indices (< num_features) of example i,
  // each counting `scales[i]` (1, or 1/sqrt(n) under unit_norm).
  SoftmaxObjective(const std::vector<std::vector<std::uint32_t>>& rows, const std::vector<double>& scales,
                   const std::vector<std::uint32_t>& labels, const std::vector<double>& example_weights,
                   std::size_t num_features, std::size_t num_labels, double l2);
  std::size_t dimension() const noexcept { return (features_ + 1) * labels_; }
  // Objective value at `w`; writes the gradient into `grad`. Both have
  // dimension() elements.
  double operator()(std::span<const double> w, std::span<double> grad) const;

 private:
  const std::vector<std::vector<std::uint32_t>>& rows_;
  const std::vector<double>& scale_;
  const std::vector<std::uint32_t>& y_;
  const std::vector<double>& weight_;
  std::size_t features_, labels_;
  double l2_, total_weight_;
};

// --- evaluation ----------------------------------------------------------------

struct Metrics {
  std::vector<std::string> labels;
  std::vector<std::vector<std::size_t>> confusion;  // [gold][predicted]
  std::vector<double> precision, recall, f1;
  std::vector<std::size_t> support;  // gold count per label
  std::size_t n = 0;
  double accuracy = 0;
  // Mean F1 over the labels that occur in the gold or the predictions
  // (a label absent from both is left out, not counted as 0).
  double macro_f1 = 0;
};

Metrics compute_metrics(const std::vector<std::string>& labels, const std::vector<std::uint32_t>& gold,
                        const std::vector<std::uint32_t>& predicted);
// Per-label table, accuracy, macro-F1 and the confusion matrix as text.
std::string format_metrics(const Metrics& m);

}  // namespace lovelorn::detail
