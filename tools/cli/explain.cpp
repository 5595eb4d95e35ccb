// lovelorn explain "text": which features pushed a comment to its label.
//
// For the chosen label y, a feature f's effect is
//   s * (w[f][y] - sum_k p_k * w[f][k])
// (s = the model's per-feature scale, 1/sqrt(active features) under
// unit_norm): the first-order change of log p(y) due to f being present.
// Positive values argue for y, negative ones against it. The raw weight
// w[f][y] is shown next to it.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "features.hpp"
#include "linear_model.hpp"
#include "lovelorn/lovelorn.hpp"
#include "model_file.hpp"

namespace lovelorn::cli {
namespace {

struct ExplainArgs {
  std::vector<std::string> text;
  std::string model, label;
  std::size_t top = 10;
};

int run_explain(const ExplainArgs& a) {
  std::string text;
  for (const auto& t : a.text) text += (text.empty() ? "" : " ") + t;
  const std::string path = a.model.empty() ? detail::default_model_path() : a.model;
  if (path.empty()) {
    std::cerr << "lovelorn explain: no model found (give --model or set LOVELORN_MODEL)\n";
    return kFatal;
  }
  auto model = detail::read_model_file(path);
  if (!model) {
    std::cerr << "lovelorn explain: " << model.error().message() << '\n';
    return kFatal;
  }
  const detail::LinearModel& m = *model;
  // Facts from the extractors, exactly as Analyzer::analyze computes them.
  AnalyzerOptions o;
  o.load_model = false;
  const Analysis facts = Analyzer::create(o).value().analyze(text);

  detail::Featurizer fz;
  std::vector<std::uint32_t> ids;
  fz.featurize(text, facts, m.config(), ids);
  std::vector<std::pair<std::uint32_t, std::string>> named;
  fz.describe(text, facts, m.config(), named);
  std::vector<double> probs;
  m.predict(ids, probs);

  std::size_t y = detail::LinearModel::argmax(probs);
  if (!a.label.empty()) {
    auto it = std::find(m.labels().begin(), m.labels().end(), a.label);
    if (it == m.labels().end()) {
      std::cerr << "lovelorn explain: the model has no label '" << a.label << "'\n";
      return kUsage;
    }
    y = static_cast<std::size_t>(it - m.labels().begin());
  }
  std::printf("model: %s\nlabel: %s (p=%.3f)%s\nscores:", path.c_str(), m.labels()[y].c_str(), probs[y],
              a.label.empty() ? "" : " [requested]");
  std::vector<std::size_t> order(probs.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return probs[i] > probs[j]; });
  for (const std::size_t k : order) std::printf(" %s=%.3f", m.labels()[k].c_str(), probs[k]);
  std::printf("\n");

  // One entry per feature id (names that hash to the same bucket are joined).
  struct Row {
    std::uint32_t id;
    std::string name;
    double effect, weight;
  };
  std::vector<Row> rows;
  // Under unit_norm every active feature counts 1/sqrt(n) of its weight.
  const double scale = m.config().unit_norm ? static_cast<double>(detail::feature_scale(ids.size())) : 1.0;
  for (const auto& [id, name] : named) {
    if (!rows.empty() && rows.back().id == id) {
      rows.back().name += " | " + name;
      continue;
    }
    double expected = 0;
    for (std::size_t k = 0; k < probs.size(); ++k) expected += probs[k] * m.weight(id, k);
    const double w = m.weight(id, y);
    rows.push_back({id, name, scale * (w - expected), w});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.effect > b.effect; });
  auto print = [&](const char* title, auto begin, auto end) {
    std::printf("\n%s\n  %8s %8s  feature\n", title, "effect", "weight");
    std::size_t n = 0;
    for (auto it = begin; it != end && n < a.top; ++it, ++n) std::printf("  %+8.3f %+8.3f  %s\n", it->effect, it->weight, it->name.c_str());
  };
  std::string title_for = "for " + m.labels()[y] + ":";
  std::string title_against = "against " + m.labels()[y] + ":";
  auto pos_end = std::find_if(rows.begin(), rows.end(), [](const Row& r) { return r.effect <= 0; });
  print(title_for.c_str(), rows.begin(), pos_end);
  auto neg_begin = std::find_if(rows.rbegin(), rows.rend(), [](const Row& r) { return r.effect >= 0; });
  print(title_against.c_str(), rows.rbegin(), neg_begin);
  std::printf("\nbias %+.3f; %zu active features\n", static_cast<double>(m.bias()[y]),
              ids.size());
  return kOk;
}

}  // namespace

void add_explain_command(CLI::App& app) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd = app.add_subcommand("explain", "Show the features that pushed a text to its situation label");
  cmd->add_option("text", args->text, "The comment text (several words are joined by spaces)")->required();
  cmd->add_option("--model", args->model, "Model file (default: the bundled model)");
  cmd->add_option("--label", args->label, "Explain this label instead of the predicted one");
  cmd->add_option("-n,--top", args->top, "Features to list on each side")->capture_default_str();
  cmd->callback([args] { exit_code() = run_explain(*args); });
}

}  // namespace lovelorn::cli
