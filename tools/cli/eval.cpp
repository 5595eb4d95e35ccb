// lovelorn eval --gold FILE: precision/recall/F1 of the extractors and the
// classifier against an annotated gold file (the format of
// shared/gold/dev.jsonl). The matching rules are exactly those of the
// reference scorer shared/tools/score_gold.py, so the figures agree:
//  - gold spans are located as the first unused occurrence of their text;
//  - durations match by byte overlap, values within 10% or inside low..high;
//  - contact events match by overlap, then channel, actor, polarity equal;
//  - relationship length within 10% (both absent counts as right);
//  - greedy one-to-one matching in gold order.
#include <simdjson.h>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "commands.hpp"
#include "corpus.hpp"
#include "lovelorn/lovelorn.hpp"

namespace lovelorn::cli {
namespace {

using Span = std::optional<std::pair<std::size_t, std::size_t>>;

struct GoldItem {
  Span span;
  std::optional<double> days;
  std::string channel, actor, polarity;
};

struct Prf {
  std::uint64_t tp = 0, fp = 0, fn = 0;
  double p() const { return tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0.0; }
  double r() const { return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0.0; }
  double f1() const { return p() + r() > 0 ? 2 * p() * r() / (p() + r()) : 0.0; }
};

bool overlap(const Span& a, const Span& b) { return a && b && a->first < b->second && b->first < a->second; }

bool close(std::optional<double> days, std::optional<double> g) {
  if (!days || !g) return false;
  return std::fabs(*days - *g) <= 0.1 * std::max(*g, 1e-9) + 1e-9;
}

// Byte spans of each text in body; each start position used once, in order.
std::vector<Span> locate(std::string_view body, const std::vector<std::string>& texts) {
  std::set<std::size_t> used;
  std::vector<Span> out;
  for (const auto& t : texts) {
    Span found;
    std::size_t pos = 0;
    while (!t.empty()) {
      const std::size_t i = body.find(t, pos);
      if (i == std::string_view::npos) break;
      if (!used.count(i)) {
        found = std::make_pair(i, i + t.size());
        used.insert(i);
        break;
      }
      pos = i + 1;
    }
    out.push_back(found);
  }
  return out;
}

template <typename G, typename P, typename Ok>
void greedy(const std::vector<G>& gold, const std::vector<P>& pred, Ok ok, Prf& m) {
  std::vector<bool> taken(pred.size(), false);
  std::uint64_t tp = 0;
  for (const auto& g : gold) {
    for (std::size_t j = 0; j < pred.size(); ++j) {
      if (!taken[j] && ok(g, pred[j])) {
        taken[j] = true;
        ++tp;
        break;
      }
    }
  }
  m.tp += tp;
  m.fp += pred.size() - tp;
  m.fn += gold.size() - tp;
}

std::optional<double> opt_number(simdjson::dom::element e) {
  if (e.is_null()) return std::nullopt;
  double v = 0;
  if (e.get_double().get(v) == simdjson::SUCCESS) return v;
  std::int64_t i = 0;
  if (e.get_int64().get(i) == simdjson::SUCCESS) return static_cast<double>(i);
  return std::nullopt;
}

std::string str(simdjson::dom::element obj, const char* key) {
  std::string_view v;
  if (obj[key].get_string().get(v) == simdjson::SUCCESS) return std::string(v);
  return {};
}

void print_prf(const char* name, const Prf& m) {
  std::printf("%-34s P %.3f  R %.3f  F1 %.3f   (tp %llu fp %llu fn %llu)\n", name, m.p(), m.r(), m.f1(),
              static_cast<unsigned long long>(m.tp), static_cast<unsigned long long>(m.fp),
              static_cast<unsigned long long>(m.fn));
}

// Per-label P/R/F1, accuracy, macro-F1 over the gold labels and the
// confusion matrix, from (gold, predicted) counts; adds sit_acc and
// sit_macro_f1 to `metrics`.
void print_situation(const std::map<std::pair<std::string, std::string>, std::uint64_t>& confusion,
                     const std::set<std::string>& labels, const std::vector<std::string>& columns,
                     std::map<std::string, double>& metrics) {
  std::uint64_t correct = 0, n = 0;
  double f1sum = 0;
  for (const auto& L : labels) {
    Prf m;
    for (const auto& [k, v] : confusion) {
      if (k.first == L && k.second == L) m.tp += v;
      else if (k.second == L) m.fp += v;
      else if (k.first == L) m.fn += v;
    }
    print_prf(("  " + L).c_str(), m);
    f1sum += m.f1();
  }
  for (const auto& [k, v] : confusion) {
    correct += k.first == k.second ? v : 0;
    n += v;
  }
  const double acc = n ? static_cast<double>(correct) / static_cast<double>(n) : 0.0;
  const double macro = labels.empty() ? 0.0 : f1sum / static_cast<double>(labels.size());
  std::printf("%-34s %.3f\n%-34s %.3f\n", "situation: accuracy", acc, "situation: macro-F1 (gold labels)", macro);
  metrics["sit_acc"] = acc;
  metrics["sit_macro_f1"] = macro;
  std::printf("\nconfusion (rows gold, columns predicted):\n%-14s", "");
  for (const auto& c : columns) std::printf(" %6.6s", c.c_str());
  std::printf("\n");
  for (const auto& L : labels) {
    std::printf("%-14s", L.c_str());
    for (const auto& c : columns) {
      auto it = confusion.find({L, c});
      std::printf(" %6llu", static_cast<unsigned long long>(it == confusion.end() ? 0 : it->second));
    }
    std::printf("\n");
  }
}

struct EvalArgs {
  std::string gold, model, field, labels, corpus = "../shared/data";
  unsigned test_percent = 20;
  double min = -1;
  bool no_model = false;
};

// The situation model on the test split of the project's labels (the same
// split `lovelorn train` holds out).
int run_eval_split(const EvalArgs& args, const Analyzer& analyzer) {
  auto rows = detail::read_label_files(args.labels);
  if (!rows) {
    std::cerr << "lovelorn: " << rows.error().message() << '\n';
    return kFatal;
  }
  auto corpus = detail::resolve_labels(*rows, args.corpus, args.test_percent);
  if (!corpus) {
    std::cerr << "lovelorn: " << corpus.error().message() << '\n';
    return kFatal;
  }
  std::map<std::pair<std::string, std::string>, std::uint64_t> confusion;
  std::set<std::string> labels;
  std::uint64_t n = 0;
  for (const auto& item : corpus->items) {
    if (!item.test) continue;
    const Analysis a = analyzer.analyze(item.text);
    ++confusion[{item.label, a.situation ? a.situation->label : ""}];
    labels.insert(item.label);
    ++n;
  }
  std::printf("test split of %s (%llu of %zu records; %u%% by record id)\n\nsituation (model %s):\n",
              args.labels.c_str(), static_cast<unsigned long long>(n), corpus->items.size(), args.test_percent,
              analyzer.model_path().c_str());
  std::map<std::string, double> metrics;
  print_situation(confusion, labels, analyzer.labels(), metrics);
  return kOk;
}

int run_eval(const EvalArgs& args) {
  AnalyzerOptions opt;
  opt.model_path = args.model;
  opt.load_model = !args.no_model;
  auto analyzer = Analyzer::create(opt);
  if (!analyzer) {
    std::cerr << "lovelorn: " << analyzer.error().message() << '\n';
    return kFatal;
  }
  if (!args.labels.empty()) {
    if (!analyzer->has_model()) {
      std::cerr << "lovelorn: invalid_argument: --labels needs a model\n";
      return kUsage;
    }
    const int rc = run_eval_split(args, *analyzer);
    if (rc != kOk || args.gold.empty()) return rc;
    std::printf("\n");
  }
  simdjson::dom::parser parser;
  simdjson::padded_string data;
  if (auto err = simdjson::padded_string::load(args.gold).get(data)) {
    std::cerr << "lovelorn: " << args.gold << ": io_error: " << simdjson::error_message(err) << '\n';
    return kFatal;
  }
  Prf dur_span, dur, ce_span, ce;
  std::uint64_t n = 0, rel_ok = 0, rel_gold = 0, rel_gold_ok = 0;
  std::map<std::pair<std::string, std::string>, std::uint64_t> confusion;
  std::set<std::string> labels;
  std::uint64_t line_no = 0;
  std::string_view all(data.data(), data.size());
  std::size_t b = 0;
  while (b < all.size()) {
    std::size_t e = all.find('\n', b);
    if (e == std::string_view::npos) e = all.size();
    std::string_view line = all.substr(b, e - b);
    b = e + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    simdjson::dom::element g;
    if (auto err = parser.parse(line.data(), line.size()).get(g)) {
      std::cerr << "lovelorn: " << args.gold << ":" << line_no << ": parse_error: " << simdjson::error_message(err) << '\n';
      return kFatal;
    }
    ++n;
    const std::string body = str(g, "text");
    std::string ts = str(g, "timestamp");
    const Analysis a = analyzer->analyze(body, ts);

    // Durations.
    std::vector<std::string> texts;
    std::vector<std::optional<double>> gdays;
    simdjson::dom::array arr;
    if (g["durations"].get_array().get(arr) == simdjson::SUCCESS) {
      for (auto d : arr) {
        texts.push_back(str(d, "text"));
        gdays.push_back(opt_number(d["days"].value_unsafe()));
      }
    }
    std::vector<GoldItem> G;
    auto spans = locate(body, texts);
    for (std::size_t i = 0; i < spans.size(); ++i) G.push_back(GoldItem{spans[i], gdays[i], {}, {}, {}});
    auto dspan = [](const Duration& d) { return Span(std::make_pair<std::size_t, std::size_t>(d.begin, d.end)); };
    greedy(G, a.durations, [&](const GoldItem& gi, const Duration& d) { return overlap(gi.span, dspan(d)); }, dur_span);
    greedy(G, a.durations, [&](const GoldItem& gi, const Duration& d) {
      if (!overlap(gi.span, dspan(d))) return false;
      if (!gi.days || close(d.days, gi.days)) return true;
      return d.low && d.high && *d.low <= *gi.days && *gi.days <= *d.high;
    }, dur);

    // Relationship length.
    std::optional<double> gl = opt_number(g["relationship_length_days"].value_unsafe());
    const auto& pl = a.relationship_length_days;
    if ((!gl && !pl) || close(pl, gl)) ++rel_ok;
    if (gl) {
      ++rel_gold;
      rel_gold_ok += close(pl, gl);
    }

    // Contact events.
    texts.clear();
    std::vector<GoldItem> C;
    std::vector<GoldItem> meta;
    if (g["contact_events"].get_array().get(arr) == simdjson::SUCCESS) {
      for (auto c : arr) {
        texts.push_back(str(c, "text"));
        meta.push_back(GoldItem{{}, {}, str(c, "channel"), str(c, "actor"), str(c, "polarity")});
      }
    }
    spans = locate(body, texts);
    for (std::size_t i = 0; i < spans.size(); ++i) {
      meta[i].span = spans[i];
      C.push_back(meta[i]);
    }
    auto cspan = [](const ContactEvent& c) { return Span(std::make_pair<std::size_t, std::size_t>(c.begin, c.end)); };
    greedy(C, a.contact_events, [&](const GoldItem& gi, const ContactEvent& c) { return overlap(gi.span, cspan(c)); }, ce_span);
    greedy(C, a.contact_events, [&](const GoldItem& gi, const ContactEvent& c) {
      return overlap(gi.span, cspan(c)) && gi.channel == channel_name(c.channel) && gi.actor == party_name(c.actor) &&
             gi.polarity == polarity_name(c.polarity);
    }, ce);

    // Situation.
    const std::string gold_label = str(g, "situation");
    const std::string pred_label = a.situation ? a.situation->label : "";
    if (!gold_label.empty()) labels.insert(gold_label);
    ++confusion[{gold_label, pred_label}];
  }

  std::printf("gold: %s (%llu records)\n\n", args.gold.c_str(), static_cast<unsigned long long>(n));
  print_prf("durations: span", dur_span);
  print_prf("durations: span + value (10%)", dur);
  std::printf("%-34s %.3f  (%llu/%llu; stated lengths found: %llu/%llu)\n", "relationship_length_days: accuracy",
              n ? static_cast<double>(rel_ok) / static_cast<double>(n) : 0.0, static_cast<unsigned long long>(rel_ok),
              static_cast<unsigned long long>(n), static_cast<unsigned long long>(rel_gold_ok),
              static_cast<unsigned long long>(rel_gold));
  print_prf("contact events: span", ce_span);
  print_prf("contact events: span+channel+actor+polarity", ce);

  std::map<std::string, double> metrics{{"dur_span_f1", dur_span.f1()}, {"dur_f1", dur.f1()},
                                        {"rel_acc", n ? static_cast<double>(rel_ok) / static_cast<double>(n) : 0.0},
                                        {"ce_span_f1", ce_span.f1()}, {"ce_f1", ce.f1()}};
  if (analyzer->has_model()) {
    std::printf("\nsituation (model %s):\n", analyzer->model_path().c_str());
    print_situation(confusion, labels, analyzer->labels(), metrics);
  }
  if (!args.field.empty()) {
    auto it = metrics.find(args.field);
    if (it == metrics.end()) {
      std::cerr << "lovelorn: invalid_argument: unknown metric '" << args.field << "'\n";
      return kUsage;
    }
    std::printf("\n%s = %.3f (bar %.3f)\n", args.field.c_str(), it->second, args.min);
    return it->second >= args.min ? kOk : kRecordErrors;
  }
  return kOk;
}

}  // namespace

void add_eval_command(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand("eval", "Precision/recall/F1 against an annotated gold file");
  cmd->add_option("--gold", args->gold, "Gold JSONL (format of shared/gold/dev.jsonl)");
  cmd->add_option("--labels", args->labels, "The situation model on the test split of these label files "
                                            "(models/situation/labels)");
  cmd->add_option("--corpus", args->corpus, "Folder the label files' datasets live in")->capture_default_str();
  cmd->add_option("--test-percent", args->test_percent, "Share of records in the test split (as in train)")
      ->capture_default_str();
  cmd->add_option("--model", args->model, "Situation model file (default: the bundled model)");
  cmd->add_flag("--no-model", args->no_model, "Extractors only");
  cmd->add_option("--field", args->field, "With --min: exit 1 when this metric is below the bar "
                                          "(dur_span_f1, dur_f1, rel_acc, ce_span_f1, ce_f1, sit_acc, sit_macro_f1)");
  cmd->add_option("--min", args->min, "The bar for --field");
  cmd->callback([args] {
    if (args->gold.empty() && args->labels.empty()) throw CLI::RequiredError("--gold or --labels");
    exit_code() = run_eval(*args);
  });
}

}  // namespace lovelorn::cli
