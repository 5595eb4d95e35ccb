// lovelorn train: fit the situation model from labelled records and store it.
//
//   lovelorn train --labels models/situation/labels --corpus ../shared/data --seed 1
//                  --out models/situation/situation.llm [--gold ../shared/gold/dev.jsonl]
//   lovelorn train --input my.jsonl --text-field body --label-field label --out my.llm
//
// Prints the split, the chosen L2 strength, and per-label P/R/F1, accuracy,
// macro-F1 and the confusion matrix on the fixed test split (and on a gold
// file when given — evaluated only, never trained on); the numbers are also
// stored in the model's metadata. Same labels + options + seed => the same
// model file, byte for byte.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "commands.hpp"
#include "corpus.hpp"
#include "features.hpp"
#include "linear_model.hpp"
#include "lovelorn/lovelorn.hpp"
#include "model_file.hpp"
#include "trainer.hpp"

namespace lovelorn::cli {
namespace {

struct TrainArgs {
  std::string labels, corpus = "../shared/data", input, text_field, label_field = "label", id_field,
                      input_format = "auto", out, gold, dump_split;
  std::uint32_t seed = 1, buckets = 1u << 18, min_count = 2, test_percent = 20, max_iterations = 300;
  std::vector<double> l2;
  double class_weight_power = 1.5;
  bool no_bigrams = false, no_facts = false, no_unit_norm = false, no_analyzer = false, quiet = false;
};

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

// Turns texts into feature ids with the analyzer's facts, the same way
// Analyzer::analyze does.
class Pipeline {
 public:
  Pipeline(const detail::FeatureConfig& cfg, bool use_analyzer) : cfg_(cfg) {
    if (use_analyzer) {
      AnalyzerOptions o;
      o.load_model = false;
      analyzer_.emplace(Analyzer::create(o).value());
    }
  }
  void features(const std::string& text, std::vector<std::uint32_t>& out) {
    facts_ = Analysis{};
    if (analyzer_) analyzer_->analyze(text, {}, ws_, facts_);
    featurizer_.featurize(text, facts_, cfg_, out);
  }
  // The normalized tokens of the last text, space-separated (fastText input).
  std::string token_line() const {
    std::string s;
    for (const auto& t : featurizer_.tokens()) {
      if (t.norm.empty()) continue;
      if (!s.empty()) s += ' ';
      for (const char c : t.norm) s += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    return s;
  }

 private:
  detail::FeatureConfig cfg_;
  std::optional<Analyzer> analyzer_;
  Workspace ws_;
  Analysis facts_;
  detail::Featurizer featurizer_;
};

std::string label_counts(const std::vector<std::string>& labels, const std::vector<detail::Example>& ex) {
  std::vector<std::size_t> n(labels.size(), 0);
  for (const auto& e : ex) ++n[e.label];
  std::string s;
  for (std::size_t k = 0; k < labels.size(); ++k) s += (s.empty() ? "" : ",") + labels[k] + ":" + std::to_string(n[k]);
  return s;
}

void store_metrics(detail::LinearModel& m, const std::string& prefix, const detail::Metrics& mt) {
  m.set_metadata(prefix + ".n", std::to_string(mt.n));
  m.set_metadata(prefix + ".accuracy", fmt(mt.accuracy));
  m.set_metadata(prefix + ".macro_f1", fmt(mt.macro_f1));
  std::string per, conf;
  for (std::size_t k = 0; k < mt.labels.size(); ++k) {
    per += (per.empty() ? "" : ",") + mt.labels[k] + ":" + fmt(mt.precision[k]) + "/" + fmt(mt.recall[k]) + "/" +
           fmt(mt.f1[k]) + "/" + std::to_string(mt.support[k]);
    for (std::size_t j = 0; j < mt.labels.size(); ++j)
      conf += std::to_string(mt.confusion[k][j]) + (j + 1 < mt.labels.size() ? " " : "");
    if (k + 1 < mt.labels.size()) conf += ";";
  }
  m.set_metadata(prefix + ".per_label_p/r/f1/support", per);
  m.set_metadata(prefix + ".confusion", conf);
}

int run_train(const TrainArgs& a) {
  if (a.labels.empty() == a.input.empty()) {
    std::cerr << "lovelorn train: give either --labels (with --corpus) or --input (with --text-field/--label-field)\n";
    return kUsage;
  }
  if (a.out.empty() && a.dump_split.empty()) {
    std::cerr << "lovelorn train: --out is required\n";
    return kUsage;
  }
  // 1. The labelled texts.
  Result<detail::Corpus> corpus = Error(Errc::invalid_argument, "no data");
  std::string source;
  if (!a.labels.empty()) {
    auto rows = detail::read_label_files(a.labels);
    if (!rows) {
      std::cerr << "lovelorn train: " << rows.error().message() << '\n';
      return kFatal;
    }
    corpus = detail::resolve_labels(*rows, a.corpus, a.test_percent);
    source = "labels=" + a.labels + " corpus=" + a.corpus;
  } else {
    corpus = detail::load_labeled_file(a.input, a.text_field, a.label_field, a.id_field, a.input_format,
                                       a.test_percent);
    source = "input=" + a.input + " text_field=" + a.text_field + " label_field=" + a.label_field;
  }
  if (!corpus) {
    std::cerr << "lovelorn train: " << corpus.error().message() << '\n';
    return kFatal;
  }
  if (!a.quiet)
    for (const auto& w : corpus->warnings) std::cerr << "warning: " << w << '\n';
  const std::vector<std::string>& labels = corpus->labels;
  if (labels.size() < 2) {
    std::cerr << "lovelorn train: need at least two labels, found " << labels.size() << '\n';
    return kFatal;
  }
  std::map<std::string, std::uint32_t> index;
  for (std::size_t k = 0; k < labels.size(); ++k) index[labels[k]] = static_cast<std::uint32_t>(k);

  // 2. Features.
  detail::FeatureConfig cfg;
  cfg.buckets = a.buckets;
  cfg.seed = a.seed;
  cfg.bigrams = !a.no_bigrams;
  // Without the extractors the named features are left out altogether, so
  // the model scores the same text the same way under Analyzer (which would
  // otherwise add fact features the model never saw).
  cfg.facts = !a.no_facts && !a.no_analyzer;
  cfg.unit_norm = !a.no_unit_norm;
  Pipeline pipe(cfg, !a.no_analyzer);
  std::vector<detail::Example> train, test;
  std::vector<std::string> train_lines, test_lines;
  std::uint64_t test_bytes = 0;
  for (const auto& item : corpus->items) {
    detail::Example e;
    pipe.features(item.text, e.features);
    e.label = index.at(item.label);
    if (!a.dump_split.empty()) (item.test ? test_lines : train_lines).push_back(pipe.token_line());
    if (item.test) test_bytes += item.text.size();
    (item.test ? test : train).push_back(std::move(e));
  }
  std::cout << "data: " << corpus->items.size() << " labelled texts (" << train.size() << " train, " << test.size()
            << " test; split: FNV-1a-64(dataset/file/record_id) mod 100 < " << a.test_percent << " is test)";
  if (corpus->skipped_rows) std::cout << ", " << corpus->skipped_rows << " SKIP rows left out";
  if (!corpus->warnings.empty()) std::cout << ", " << corpus->warnings.size() << " warnings";
  std::cout << "\ntrain counts: " << label_counts(labels, train) << "\ntest counts:  " << label_counts(labels, test)
            << '\n';

  // 3. Train.
  detail::TrainParams p;
  p.seed = a.seed;
  p.min_count = a.min_count;
  p.max_iterations = a.max_iterations;
  p.class_weight_power = a.class_weight_power;
  if (a.l2.size() == 1) p.l2 = a.l2[0];
  else if (a.l2.size() > 1) p.l2_grid = a.l2;
  else p.l2_grid = {5e-5, 1e-4, 2e-4, 3e-4, 5e-4};
  if (auto ok = p.check(); !ok) {
    std::cerr << "lovelorn train: " << ok.error().message() << '\n';
    return kUsage;
  }
  detail::TrainReport rep;
  auto model = detail::train_model(train, labels, cfg, p, &rep);
  if (!model) {
    std::cerr << "lovelorn train: " << model.error().message() << '\n';
    return kFatal;
  }
  for (const auto& [l2, f1] : rep.cv_scores) std::cout << "cv: l2=" << l2 << " macro-F1=" << fmt(f1) << '\n';
  std::cout << "fit: l2=" << rep.l2 << ", " << rep.features_used << " features, " << rep.iterations
            << " L-BFGS iterations, loss " << fmt(rep.loss) << '\n';

  // 4. Evaluate on the test split (and the gold file).
  std::vector<double> probs;
  std::vector<std::uint32_t> gold, pred;
  for (const auto& e : test) {
    model->predict(e.features, probs);
    gold.push_back(e.label);
    pred.push_back(static_cast<std::uint32_t>(detail::LinearModel::argmax(probs)));
  }
  const detail::Metrics mt = detail::compute_metrics(labels, gold, pred);
  std::cout << "\ntest split:\n" << detail::format_metrics(mt);

  detail::LinearModel& m = *model;
  m.set_metadata("created_by", std::string("lovelorn train ") + lovelorn::version());
  m.set_metadata("training_data", source);
  m.set_metadata("split", "test = FNV-1a-64(dataset/file/record_id or record id) mod 100 < " +
                              std::to_string(a.test_percent));
  m.set_metadata("train.n", std::to_string(train.size()));
  m.set_metadata("train.counts", label_counts(labels, train));
  m.set_metadata("test.counts", label_counts(labels, test));
  m.set_metadata("seed", std::to_string(a.seed));
  m.set_metadata("facts_from_analyzer", a.no_analyzer ? "no" : "yes");
  m.set_metadata("trainer", "softmax regression, L2, class weights (1/frequency)^power, L-BFGS");
  std::ostringstream l2s;
  l2s << rep.l2;
  m.set_metadata("l2", l2s.str());
  m.set_metadata("min_count", std::to_string(a.min_count));
  {
    std::ostringstream cw;
    cw << a.class_weight_power;
    m.set_metadata("class_weight_power", cw.str());
  }
  std::string cv;
  for (const auto& [l2, f1] : rep.cv_scores) {
    std::ostringstream o;
    o << l2 << ":" << fmt(f1);
    cv += (cv.empty() ? "" : ",") + o.str();
  }
  if (!cv.empty()) m.set_metadata("cv_macro_f1", cv);
  m.set_metadata("features_used", std::to_string(rep.features_used));
  store_metrics(m, "test", mt);

  std::vector<std::uint32_t> gold_pred;
  std::vector<std::string> gold_lines, gold_names;
  if (!a.gold.empty()) {
    auto g = detail::load_labeled_file(a.gold, "text", "situation", "id", "jsonl", 0);
    if (!g) {
      std::cerr << "lovelorn train: " << g.error().message() << '\n';
      return kFatal;
    }
    std::vector<std::uint32_t> ggold, gpred;
    std::vector<std::uint32_t> f;
    for (const auto& item : g->items) {
      auto it = index.find(item.label);
      if (it == index.end()) {
        std::cerr << "warning: " << item.name << ": gold label '" << item.label << "' is not a model label\n";
        continue;
      }
      pipe.features(item.text, f);
      model->predict(f, probs);
      ggold.push_back(it->second);
      gpred.push_back(static_cast<std::uint32_t>(detail::LinearModel::argmax(probs)));
      gold_lines.push_back("__label__" + item.label + " " + pipe.token_line());
    }
    gold_pred = gpred;
    const detail::Metrics gm = detail::compute_metrics(labels, ggold, gpred);
    std::cout << "\ngold (" << a.gold << ", evaluation only):\n" << detail::format_metrics(gm);
    m.set_metadata("gold.file", std::filesystem::path(a.gold).filename().string());
    store_metrics(m, "gold", gm);
  }

  // 5. Throughput of the whole text -> situation path on the test texts.
  if (!test.empty()) {
    std::vector<std::uint32_t> f;
    const auto t0 = std::chrono::steady_clock::now();
    std::size_t reps = 0;
    std::uint64_t bytes = 0;
    do {
      for (const auto& item : corpus->items) {
        if (!item.test) continue;
        pipe.features(item.text, f);
        model->predict(f, probs);
      }
      bytes += test_bytes;
      ++reps;
    } while (std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(500));
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("\npredict throughput: %.2f MB/s (%zu passes over %zu test texts; %s + features + predict, one thread)\n",
                static_cast<double>(bytes) / secs / 1e6, reps, test.size(),
                a.no_analyzer ? "normalize + tokenize" : "full analysis");
  }

  if (!a.dump_split.empty()) {
    std::filesystem::create_directories(a.dump_split);
    auto write = [&](const std::string& name, const std::vector<std::string>& lines) {
      std::ofstream o(std::filesystem::path(a.dump_split) / name);
      for (const auto& l : lines) o << l << '\n';
    };
    std::vector<std::string> tr, te, pte, pg;
    std::size_t i_tr = 0, i_te = 0;
    for (const auto& item : corpus->items) {
      if (item.test) te.push_back("__label__" + item.label + " " + test_lines[i_te++]);
      else tr.push_back("__label__" + item.label + " " + train_lines[i_tr++]);
    }
    for (const auto l : pred) pte.push_back(labels[l]);
    for (const auto l : gold_pred) pg.push_back(labels[l]);
    write("train.txt", tr);
    write("test.txt", te);
    write("lovelorn_test.pred", pte);
    if (!a.gold.empty()) {
      write("gold.txt", gold_lines);
      write("lovelorn_gold.pred", pg);
    }
    std::cout << "split written to " << a.dump_split << '\n';
  }

  if (!a.out.empty()) {
    auto w = detail::write_model_file(a.out, m);
    if (!w) {
      std::cerr << "lovelorn train: " << w.error().message() << '\n';
      return kFatal;
    }
    std::cout << "model written to " << a.out << " (" << std::filesystem::file_size(a.out) << " bytes, "
              << m.nonzero_rows() << " weight rows)\n";
  }
  return kOk;
}

}  // namespace

void add_train_command(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* cmd = app.add_subcommand("train", "Train a situation model from labelled records");
  cmd->add_option("--labels", args->labels, "Label CSV file or directory (dataset,file,record_id,field,label,note)");
  cmd->add_option("--corpus", args->corpus, "Folder the label files' datasets live in")->capture_default_str();
  cmd->add_option("--input", args->input, "Your own labelled JSONL or CSV instead of --labels");
  cmd->add_option("--text-field", args->text_field, "Text field/column of --input ('title+body' joins fields)");
  cmd->add_option("--label-field", args->label_field, "Label field/column of --input")->capture_default_str();
  cmd->add_option("--id-field", args->id_field, "Record id field/column of --input (the split hashes it)");
  cmd->add_option("--input-format", args->input_format, "auto|jsonl|csv")->capture_default_str();
  cmd->add_option("-o,--out", args->out, "Model file to write");
  cmd->add_option("--seed", args->seed, "Hash seed and training seed")->capture_default_str();
  cmd->add_option("--buckets", args->buckets, "Hashed feature space size")->capture_default_str()->check(
      CLI::Range(1u << 10, 1u << 24));
  cmd->add_option("--l2", args->l2, "L2 strength; several values = choose by 5-fold CV on the training split")
      ->delimiter(',');
  cmd->add_option("--class-weight-power", args->class_weight_power,
                  "Class weights (1/frequency)^power; 0 = unweighted (1.5 won 5-fold CV over 1 and 2 on the situation labels)")
      ->capture_default_str();
  cmd->add_option("--min-count", args->min_count, "Drop features seen in fewer training texts")->capture_default_str();
  cmd->add_option("--max-iterations", args->max_iterations, "L-BFGS iteration limit")->capture_default_str();
  cmd->add_option("--test-percent", args->test_percent, "Share of records in the test split")
      ->capture_default_str()
      ->check(CLI::Range(0, 90));
  cmd->add_option("--gold", args->gold, "Also evaluate on this gold JSONL (text, situation); never trained on");
  cmd->add_flag("--no-bigrams", args->no_bigrams, "Word unigrams only");
  cmd->add_flag("--no-facts", args->no_facts, "No named features (facts, length, pronouns)");
  cmd->add_flag("--no-unit-norm", args->no_unit_norm, "Binary features without scaling by 1/sqrt(active features)");
  cmd->add_flag("--no-analyzer", args->no_analyzer, "Do not run the extractors (implies --no-facts)");
  cmd->add_option("--dump-split", args->dump_split,
                  "Write train/test (and gold) texts in fastText format plus lovelorn's predictions to DIR")
      ->group("");
  cmd->add_flag("-q,--quiet", args->quiet, "No warnings on stderr");
  cmd->callback([args] { exit_code() = run_train(*args); });
}

}  // namespace lovelorn::cli
