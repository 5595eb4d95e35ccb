#include "trainer.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <random>
#include <unordered_map>

namespace lovelorn::detail {
namespace {

struct LbfgsResult {
  std::uint32_t iterations = 0;
  double value = 0;
};

// Limited-memory BFGS with a backtracking (Armijo) line search. `f` is any
// functor double(const VectorXd&, VectorXd& grad).
template <typename Objective>
LbfgsResult minimize_lbfgs(const Objective& objective, Eigen::VectorXd& x, std::uint32_t history,
                           std::uint32_t max_iterations, double tolerance) {
  const auto f = [&](const Eigen::VectorXd& at, Eigen::VectorXd& grad) {
    grad.resize(at.size());
    return objective(std::span<const double>(at.data(), static_cast<std::size_t>(at.size())),
                     std::span<double>(grad.data(), static_cast<std::size_t>(grad.size())));
  };
  Eigen::VectorXd g(x.size()), g_new(x.size()), x_new(x.size()), d(x.size());
  double fx = f(x, g);
  std::deque<Eigen::VectorXd> s_hist, y_hist;
  std::deque<double> rho_hist;
  std::vector<double> alpha(history);
  LbfgsResult res;
  for (res.iterations = 0; res.iterations < max_iterations; ++res.iterations) {
    // Two-loop recursion: d = -H g.
    d = -g;
    const std::size_t m = s_hist.size();
    for (std::size_t i = m; i-- > 0;) {
      alpha[i] = rho_hist[i] * s_hist[i].dot(d);
      d -= alpha[i] * y_hist[i];
    }
    if (m > 0) d *= s_hist.back().dot(y_hist.back()) / y_hist.back().squaredNorm();
    for (std::size_t i = 0; i < m; ++i) {
      const double beta = rho_hist[i] * y_hist[i].dot(d);
      d += (alpha[i] - beta) * s_hist[i];
    }
    double dg = d.dot(g);
    if (!(dg < 0)) {  // not a descent direction: restart from steepest descent
      s_hist.clear();
      y_hist.clear();
      rho_hist.clear();
      d = -g;
      dg = -g.squaredNorm();
    }
    if (dg == 0) break;
    double step = m == 0 ? std::min(1.0, 1.0 / std::sqrt(g.squaredNorm())) : 1.0;
    double f_new = 0;
    bool accepted = false;
    for (int tries = 0; tries < 40; ++tries) {
      x_new = x + step * d;
      f_new = f(x_new, g_new);
      if (std::isfinite(f_new) && f_new <= fx + 1e-4 * step * dg) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    Eigen::VectorXd s = x_new - x;
    Eigen::VectorXd y = g_new - g;
    const double sy = s.dot(y);
    const double rel = (fx - f_new) / std::max(1.0, std::fabs(fx));
    x.swap(x_new);
    g.swap(g_new);
    fx = f_new;
    if (sy > 1e-12) {
      if (s_hist.size() == history) {
        s_hist.pop_front();
        y_hist.pop_front();
        rho_hist.pop_front();
      }
      s_hist.push_back(std::move(s));
      y_hist.push_back(std::move(y));
      rho_hist.push_back(1.0 / sy);
    }
    if (rel < tolerance) {
      ++res.iterations;
      break;
    }
  }
  res.value = fx;
  return res;
}

// Examples with bucket ids remapped to compact indices of the kept features.
struct Compact {
  std::vector<std::uint32_t> bucket_of;  // compact index -> bucket id (ascending)
  std::unordered_map<std::uint32_t, std::uint32_t> index_of;
};

Compact compact_features(const std::vector<Example>& ex, const std::vector<std::size_t>& subset,
                         std::uint32_t min_count) {
  std::unordered_map<std::uint32_t, std::uint32_t> df;
  for (const std::size_t i : subset)
    for (const std::uint32_t f : ex[i].features) ++df[f];
  Compact c;
  for (const auto& [f, n] : df)
    if (n >= min_count) c.bucket_of.push_back(f);
  std::sort(c.bucket_of.begin(), c.bucket_of.end());
  c.index_of.reserve(c.bucket_of.size());
  for (std::uint32_t i = 0; i < c.bucket_of.size(); ++i) c.index_of.emplace(c.bucket_of[i], i);
  return c;
}

struct Fit {
  Eigen::VectorXd w;  // (features + 1) x labels, row-major, last row = bias
  Compact compact;
  LbfgsResult opt;
};

Fit fit(const std::vector<Example>& ex, const std::vector<std::size_t>& subset, std::size_t num_labels,
        const TrainParams& p, double l2, bool unit_norm) {
  Fit out;
  out.compact = compact_features(ex, subset, p.min_count);
  std::vector<std::vector<std::uint32_t>> rows;
  std::vector<std::uint32_t> y;
  std::vector<double> scales;
  rows.reserve(subset.size());
  for (const std::size_t i : subset) {
    scales.push_back(unit_norm ? static_cast<double>(feature_scale(ex[i].features.size())) : 1.0);
    std::vector<std::uint32_t> r;
    for (const std::uint32_t f : ex[i].features) {
      auto it = out.compact.index_of.find(f);
      if (it != out.compact.index_of.end()) r.push_back(it->second);
    }
    rows.push_back(std::move(r));
    y.push_back(ex[i].label);
  }
  std::vector<double> count(num_labels, 0.0);
  for (const std::uint32_t l : y) count[l] += 1;
  std::vector<double> weight(y.size(), 1.0);
  if (p.class_weights) {
    std::size_t present = 0;
    for (const double c : count) present += c > 0;
    for (std::size_t i = 0; i < y.size(); ++i)
      weight[i] = std::pow(static_cast<double>(y.size()) / (static_cast<double>(present) * count[y[i]]),
                           p.class_weight_power);
  }
  const SoftmaxObjective objective(rows, scales, y, weight, out.compact.bucket_of.size(), num_labels, l2);
  out.w = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(objective.dimension()));
  out.opt = minimize_lbfgs(objective, out.w, p.history, p.max_iterations, p.tolerance);
  return out;
}

// Predicted label of example `e` under a compact fit.
std::uint32_t predict_fit(const Fit& f, const Example& e, std::size_t L, bool unit_norm, std::vector<double>& s) {
  const std::size_t F = f.compact.bucket_of.size();
  s.assign(L, 0.0);
  for (const std::uint32_t b : e.features) {
    auto it = f.compact.index_of.find(b);
    if (it == f.compact.index_of.end()) continue;
    for (std::size_t k = 0; k < L; ++k) s[k] += f.w[static_cast<Eigen::Index>(it->second * L + k)];
  }
  const double sc = unit_norm ? static_cast<double>(feature_scale(e.features.size())) : 1.0;
  for (std::size_t k = 0; k < L; ++k) s[k] = sc * s[k] + f.w[static_cast<Eigen::Index>(F * L + k)];
  return static_cast<std::uint32_t>(std::max_element(s.begin(), s.end()) - s.begin());
}

void fisher_yates(std::vector<std::size_t>& v, std::uint32_t seed) {
  std::mt19937_64 rng(seed);  // the engine's output is specified by the standard; distributions are not
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng() % i]);
}

}  // namespace

Result<bool> TrainParams::check() const {
  auto bad = [](const std::string& what) { return Error(Errc::invalid_argument, what); };
  if (!(l2 >= 0) || !std::isfinite(l2)) return bad("l2 must be >= 0 and finite");
  for (const double v : l2_grid)
    if (!(v >= 0) || !std::isfinite(v)) return bad("l2_grid values must be >= 0 and finite");
  if (!l2_grid.empty() && cv_folds < 2) return bad("cv_folds must be >= 2 when l2_grid is set");
  if (max_iterations == 0) return bad("max_iterations must be > 0");
  if (!(tolerance >= 0) || !std::isfinite(tolerance)) return bad("tolerance must be >= 0 and finite");
  if (history == 0 || history > 100) return bad("history must be in 1..100");
  if (min_count == 0) return bad("min_count must be >= 1");
  if (!(class_weight_power >= 0) || class_weight_power > 4) return bad("class_weight_power must be in [0, 4]");
  if (self_tests > 1000) return bad("self_tests must be <= 1000");
  return true;
}

SoftmaxObjective::SoftmaxObjective(const std::vector<std::vector<std::uint32_t>>& rows,
                                   const std::vector<double>& scales, const std::vector<std::uint32_t>& labels,
                                   const std::vector<double>& example_weights, std::size_t num_features,
                                   std::size_t num_labels, double l2)
    : rows_(rows), scale_(scales), y_(labels), weight_(example_weights), features_(num_features), labels_(num_labels), l2_(l2),
      total_weight_(0) {
  for (const double w : weight_) total_weight_ += w;
  if (total_weight_ <= 0) total_weight_ = 1;
}

double SoftmaxObjective::operator()(std::span<const double> w_in, std::span<double> grad_out) const {
  const std::size_t L = labels_, F = features_;
  const Eigen::Map<const Eigen::VectorXd> w(w_in.data(), static_cast<Eigen::Index>(w_in.size()));
  Eigen::Map<Eigen::VectorXd> grad(grad_out.data(), static_cast<Eigen::Index>(grad_out.size()));
  grad.setZero();
  const auto nw = static_cast<Eigen::Index>(F * L);
  double value = 0.5 * l2_ * w.head(nw).squaredNorm();
  grad.head(nw) = l2_ * w.head(nw);
  std::vector<double> s(L);
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const double sc = scale_[i];
    std::fill(s.begin(), s.end(), 0.0);
    for (const std::uint32_t f : rows_[i])
      for (std::size_t k = 0; k < L; ++k) s[k] += w[static_cast<Eigen::Index>(f * L + k)];
    for (std::size_t k = 0; k < L; ++k) s[k] = sc * s[k] + w[static_cast<Eigen::Index>(F * L + k)];
    const double mx = *std::max_element(s.begin(), s.end());
    double z = 0;
    for (std::size_t k = 0; k < L; ++k) z += std::exp(s[k] - mx);
    const double lse = mx + std::log(z);
    const double c = weight_[i] / total_weight_;
    value += c * (lse - s[y_[i]]);
    for (std::size_t k = 0; k < L; ++k) s[k] = c * (std::exp(s[k] - lse) - (k == y_[i] ? 1.0 : 0.0));
    for (std::size_t k = 0; k < L; ++k) grad[static_cast<Eigen::Index>(F * L + k)] += s[k];
    for (std::size_t k = 0; k < L; ++k) s[k] *= sc;
    for (const std::uint32_t f : rows_[i])
      for (std::size_t k = 0; k < L; ++k) grad[static_cast<Eigen::Index>(f * L + k)] += s[k];
  }
  return value;
}

Result<LinearModel> train_model(const std::vector<Example>& examples, const std::vector<std::string>& labels,
                                const FeatureConfig& cfg, const TrainParams& params, TrainReport* report) {
  if (auto ok = params.check(); !ok) return ok.error();
  if (labels.size() < 2) return Error(Errc::invalid_argument, "training needs at least two labels");
  if (examples.empty()) return Error(Errc::invalid_argument, "no training examples");
  if (cfg.buckets == 0) return Error(Errc::invalid_argument, "buckets must be > 0");
  for (const Example& e : examples) {
    if (e.label >= labels.size()) return Error(Errc::invalid_argument, "an example's label index is out of range");
    for (const std::uint32_t f : e.features)
      if (f >= cfg.buckets) return Error(Errc::invalid_argument, "an example's feature id is >= buckets");
  }
  const std::size_t L = labels.size();
  TrainReport rep;
  double l2 = params.l2;
  if (!params.l2_grid.empty()) {
    std::vector<std::size_t> order(examples.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    fisher_yates(order, params.seed);
    std::vector<std::uint32_t> fold(examples.size());
    for (std::size_t i = 0; i < order.size(); ++i) fold[order[i]] = static_cast<std::uint32_t>(i % params.cv_folds);
    double best = -1;
    std::vector<double> s;
    for (const double candidate : params.l2_grid) {
      std::vector<std::uint32_t> gold, pred;
      for (std::uint32_t k = 0; k < params.cv_folds; ++k) {
        std::vector<std::size_t> train, held;
        for (std::size_t i = 0; i < examples.size(); ++i) (fold[i] == k ? held : train).push_back(i);
        if (train.empty() || held.empty()) continue;
        const Fit f = fit(examples, train, L, params, candidate, cfg.unit_norm);
        for (const std::size_t i : held) {
          gold.push_back(examples[i].label);
          pred.push_back(predict_fit(f, examples[i], L, cfg.unit_norm, s));
        }
      }
      const double score = compute_metrics(labels, gold, pred).macro_f1;
      rep.cv_scores.emplace_back(candidate, score);
      if (score > best) {  // first best wins on ties: deterministic
        best = score;
        l2 = candidate;
      }
    }
  }
  std::vector<std::size_t> all(examples.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  const Fit f = fit(examples, all, L, params, l2, cfg.unit_norm);

  LinearModel model(labels, cfg);
  const std::size_t F = f.compact.bucket_of.size();
  for (std::size_t j = 0; j < F; ++j) {
    const auto row = model.row(f.compact.bucket_of[j]);
    for (std::size_t k = 0; k < L; ++k) row[k] = static_cast<Real>(f.w[static_cast<Eigen::Index>(j * L + k)]);
  }
  for (std::size_t k = 0; k < L; ++k) model.bias()[k] = static_cast<Real>(f.w[static_cast<Eigen::Index>(F * L + k)]);

  // Self-test samples: the empty input plus a seeded choice of examples,
  // scored by the stored (float) weights.
  std::vector<std::size_t> pick = all;
  fisher_yates(pick, params.seed ^ 0x5e1f7e57u);
  if (params.self_tests > 0) {
    LinearModel::SelfTest empty;
    model.predict(empty.features, empty.probs);
    model.self_tests().push_back(std::move(empty));
  }
  for (std::size_t i = 0; i + 1 < params.self_tests && i < pick.size(); ++i) {
    LinearModel::SelfTest t;
    t.features = examples[pick[i]].features;
    model.predict(t.features, t.probs);
    model.self_tests().push_back(std::move(t));
  }
  rep.l2 = l2;
  rep.iterations = f.opt.iterations;
  rep.loss = f.opt.value;
  rep.features_used = F;
  if (report != nullptr) *report = std::move(rep);
  return model;
}

Metrics compute_metrics(const std::vector<std::string>& labels, const std::vector<std::uint32_t>& gold,
                        const std::vector<std::uint32_t>& predicted) {
  Metrics m;
  const std::size_t L = labels.size();
  m.labels = labels;
  m.confusion.assign(L, std::vector<std::size_t>(L, 0));
  m.precision.assign(L, 0);
  m.recall.assign(L, 0);
  m.f1.assign(L, 0);
  m.support.assign(L, 0);
  m.n = std::min(gold.size(), predicted.size());
  std::size_t correct = 0;
  for (std::size_t i = 0; i < m.n; ++i) {
    if (gold[i] >= L || predicted[i] >= L) continue;
    ++m.confusion[gold[i]][predicted[i]];
    ++m.support[gold[i]];
    correct += gold[i] == predicted[i];
  }
  m.accuracy = m.n ? static_cast<double>(correct) / static_cast<double>(m.n) : 0.0;
  double sum = 0;
  std::size_t counted = 0;
  for (std::size_t k = 0; k < L; ++k) {
    std::size_t pred_k = 0;
    for (std::size_t g = 0; g < L; ++g) pred_k += m.confusion[g][k];
    const double tp = static_cast<double>(m.confusion[k][k]);
    m.precision[k] = pred_k ? tp / static_cast<double>(pred_k) : 0.0;
    m.recall[k] = m.support[k] ? tp / static_cast<double>(m.support[k]) : 0.0;
    const double pr = m.precision[k] + m.recall[k];
    m.f1[k] = pr > 0 ? 2 * m.precision[k] * m.recall[k] / pr : 0.0;
    if (m.support[k] > 0 || pred_k > 0) {
      sum += m.f1[k];
      ++counted;
    }
  }
  m.macro_f1 = counted ? sum / static_cast<double>(counted) : 0.0;
  return m;
}

std::string format_metrics(const Metrics& m) {
  std::string out;
  char buf[256];
  std::size_t w = 5;
  for (const auto& l : m.labels) w = std::max(w, l.size());
  std::snprintf(buf, sizeof buf, "%-*s %9s %9s %9s %8s\n", static_cast<int>(w), "label", "precision", "recall", "f1",
                "support");
  out += buf;
  for (std::size_t k = 0; k < m.labels.size(); ++k) {
    std::snprintf(buf, sizeof buf, "%-*s %9.3f %9.3f %9.3f %8zu\n", static_cast<int>(w), m.labels[k].c_str(),
                  m.precision[k], m.recall[k], m.f1[k], m.support[k]);
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "accuracy %.4f  macro-F1 %.4f  (n=%zu)\n", m.accuracy, m.macro_f1, m.n);
  out += buf;
  out += "confusion matrix (rows = gold, columns = predicted):\n";
  std::snprintf(buf, sizeof buf, "%-*s", static_cast<int>(w), "");
  out += buf;
  for (std::size_t k = 0; k < m.labels.size(); ++k) {
    std::snprintf(buf, sizeof buf, " %5.5s", m.labels[k].c_str());
    out += buf;
  }
  out += '\n';
  for (std::size_t g = 0; g < m.labels.size(); ++g) {
    std::snprintf(buf, sizeof buf, "%-*s", static_cast<int>(w), m.labels[g].c_str());
    out += buf;
    for (std::size_t k = 0; k < m.labels.size(); ++k) {
      std::snprintf(buf, sizeof buf, " %5zu", m.confusion[g][k]);
      out += buf;
    }
    out += '\n';
  }
  return out;
}

}  // namespace lovelorn::detail
