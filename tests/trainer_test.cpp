#include "trainer.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "model_file.hpp"

namespace lovelorn::detail {
namespace {

// A toy problem written for this test: is a sentence about weather, food or
// transport? Each topic has its own words, so it is separable.
struct Toy {
  std::vector<std::string> labels{"weather", "food", "transport"};
  std::vector<Example> examples;
  FeatureConfig cfg;
  Toy() {
    cfg.buckets = 1u << 12;
    const std::vector<std::vector<std::string>> texts = {
        {"It rained all afternoon and the wind was cold.", "Tomorrow brings sunshine and a light breeze.",
         "Heavy snow closed the mountain pass overnight.", "The fog lifted before noon and it got warm.",
         "A thunderstorm rolled in with hail and lightning.", "Clouds gathered, then a drizzle started."},
        {"She baked bread with rosemary and olive oil.", "The soup needs more salt and some pepper.",
         "We grilled vegetables and ate them with rice.", "His pancakes came out fluffy with syrup.",
         "The curry was spicy, so we added yogurt.", "A bowl of noodles with garlic and ginger."},
        {"The train to the coast was delayed an hour.", "He cycled to work along the canal path.",
         "Our bus missed the stop near the station.", "The ferry crossing was smooth this morning.",
         "She parked the car and took the tram downtown.", "The flight landed early at the small airport."},
    };
    Featurizer fz;
    for (std::uint32_t k = 0; k < texts.size(); ++k) {
      for (const auto& t : texts[k]) {
        Example e;
        fz.featurize(t, Analysis{}, cfg, e.features);
        e.label = k;
        examples.push_back(std::move(e));
      }
    }
  }
};

TEST(TrainParams, CheckNamesTheBadField) {
  struct Case {
    void (*edit)(TrainParams&);
    const char* field;
  } cases[] = {
      {[](TrainParams& p) { p.l2 = -1; }, "l2"},
      {[](TrainParams& p) { p.l2 = NAN; }, "l2"},
      {[](TrainParams& p) { p.l2_grid = {1e-3, -2}; }, "l2_grid"},
      {[](TrainParams& p) { p.l2_grid = {1e-3}; p.cv_folds = 1; }, "cv_folds"},
      {[](TrainParams& p) { p.max_iterations = 0; }, "max_iterations"},
      {[](TrainParams& p) { p.history = 0; }, "history"},
      {[](TrainParams& p) { p.min_count = 0; }, "min_count"},
      {[](TrainParams& p) { p.tolerance = -1; }, "tolerance"},
  };
  EXPECT_TRUE(TrainParams{}.check());
  for (const auto& c : cases) {
    TrainParams p;
    c.edit(p);
    auto r = p.check();
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().code(), Errc::invalid_argument);
    EXPECT_EQ(r.error().what().rfind(c.field, 0), 0u) << r.error().what();
  }
}

TEST(Trainer, LearnsSeparableToyProblem) {
  Toy toy;
  TrainParams p;
  p.l2 = 1e-4;
  TrainReport rep;
  auto m = train_model(toy.examples, toy.labels, toy.cfg, p, &rep);
  ASSERT_TRUE(m) << m.error().message();
  EXPECT_GT(rep.features_used, 50u);
  std::vector<double> probs;
  for (const auto& e : toy.examples) {
    m->predict(e.features, probs);
    EXPECT_EQ(LinearModel::argmax(probs), e.label);
    EXPECT_GT(probs[e.label], 0.6);
  }
  // Unseen sentences with topic words.
  Featurizer fz;
  std::vector<std::uint32_t> f;
  fz.featurize("Snow and wind tonight, then fog and a thunderstorm with hail.", Analysis{}, toy.cfg, f);
  m->predict(f, probs);
  EXPECT_EQ(toy.labels[LinearModel::argmax(probs)], "weather");
  fz.featurize("The bus and the train to the station were delayed.", Analysis{}, toy.cfg, f);
  m->predict(f, probs);
  EXPECT_EQ(toy.labels[LinearModel::argmax(probs)], "transport");
}

TEST(Trainer, DeterministicForASeed) {
  Toy toy;
  TrainParams p;
  p.l2_grid = {1e-4, 1e-3};
  p.cv_folds = 3;
  p.seed = 11;
  auto a = train_model(toy.examples, toy.labels, toy.cfg, p);
  auto b = train_model(toy.examples, toy.labels, toy.cfg, p);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(serialize_model(*a).value(), serialize_model(*b).value());
  // The self-test samples are stored and pass on load.
  auto back = parse_model(serialize_model(*a).value(), "toy");
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(back->self_tests().size(), p.self_tests);
}

TEST(Trainer, RejectsBadInput) {
  Toy toy;
  EXPECT_FALSE(train_model({}, toy.labels, toy.cfg, TrainParams{}));
  EXPECT_FALSE(train_model(toy.examples, {"only"}, toy.cfg, TrainParams{}));
  auto bad = toy.examples;
  bad[0].label = 7;
  EXPECT_FALSE(train_model(bad, toy.labels, toy.cfg, TrainParams{}));
}

TEST(SoftmaxObjective, GradientMatchesFiniteDifferences) {
  const std::vector<std::vector<std::uint32_t>> rows = {{0, 2}, {1}, {0, 1, 3}, {}};
  const std::vector<double> scales = {1.0, 0.5, 1.0, 1.0};
  const std::vector<std::uint32_t> y = {0, 1, 2, 1};
  const std::vector<double> w8 = {1.0, 2.0, 0.5, 1.0};
  const SoftmaxObjective obj(rows, scales, y, w8, 4, 3, 0.1);
  std::vector<double> w(obj.dimension()), g(obj.dimension()), g2(obj.dimension());
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = std::sin(static_cast<double>(i) * 1.3) * 0.5;
  obj(w, g);
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto wp = w, wm = w;
    wp[i] += 1e-6;
    wm[i] -= 1e-6;
    const double num = (obj(wp, g2) - obj(wm, g2)) / 2e-6;
    EXPECT_NEAR(g[i], num, 1e-6) << i;
  }
}

TEST(Metrics, HandComputed) {
  const std::vector<std::string> labels = {"a", "b", "c"};
  // gold a a b b c ; predicted a b b b a
  const auto m = compute_metrics(labels, {0, 0, 1, 1, 2}, {0, 1, 1, 1, 0});
  EXPECT_DOUBLE_EQ(m.accuracy, 0.6);
  EXPECT_DOUBLE_EQ(m.precision[0], 0.5);
  EXPECT_DOUBLE_EQ(m.recall[0], 0.5);
  EXPECT_NEAR(m.f1[1], 0.8, 1e-12);  // P 2/3, R 1
  EXPECT_DOUBLE_EQ(m.f1[2], 0.0);
  EXPECT_NEAR(m.macro_f1, (0.5 + 0.8 + 0.0) / 3, 1e-12);
  EXPECT_EQ(m.confusion[2][0], 1u);
  EXPECT_NE(format_metrics(m).find("macro-F1 0.4333"), std::string::npos);
}

}  // namespace
}  // namespace lovelorn::detail

// The CLI end to end on a user's own JSONL with its own label set.
namespace lovelorn::detail {
namespace {

TEST(TrainCli, OwnFileTrainExplainAndReproduce) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("lovelorn_train_cli_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream o(dir / "mine.jsonl");
    const char* words[3][4] = {{"kettle", "teapot", "mug", "saucer"},
                               {"hedge", "tulips", "rake", "lawn"},
                               {"ferry", "tram", "platform", "ticket"}};
    const char* tags[3] = {"kitchen", "garden", "travel"};
    for (int i = 0; i < 60; ++i) {
      const int k = i % 3;
      o << "{\"id\": \"r" << i << "\", \"text\": \"Note " << i << ": the " << words[k][i % 4] << " and the "
        << words[k][(i / 3) % 4] << " again.\", \"tag\": \"" << tags[k] << "\"}\n";
    }
  }
  const std::string cli = LOVELORN_CLI;
  auto run = [&](const std::string& args) {
    return std::system((cli + " " + args + " > " + (dir / "out.txt").string() + " 2>&1").c_str());
  };
  auto output = [&] {
    std::ifstream in(dir / "out.txt");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  const std::string base = "train --input " + (dir / "mine.jsonl").string() +
                           " --text-field text --label-field tag --id-field id --l2 0.0001 --seed 3 --out ";
  ASSERT_EQ(run(base + (dir / "a.llm").string()), 0) << output();
  const std::string log = output();
  EXPECT_NE(log.find("macro-F1"), std::string::npos) << log;
  EXPECT_NE(log.find("confusion matrix"), std::string::npos) << log;
  ASSERT_EQ(run(base + (dir / "b.llm").string()), 0) << output();
  auto bytes = [&](const char* name) {
    std::ifstream in(dir / name, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  EXPECT_EQ(bytes("a.llm"), bytes("b.llm"));  // same data + seed => same file
  auto m = read_model_file((dir / "a.llm").string());
  ASSERT_TRUE(m) << m.error().message();
  EXPECT_EQ(m->labels(), (std::vector<std::string>{"garden", "kitchen", "travel"}));
  EXPECT_FALSE(m->metadata_value("test.macro_f1").empty());

  ASSERT_EQ(run("explain --model " + (dir / "a.llm").string() + " \"the teapot and the mug\""), 0) << output();
  const std::string ex = output();
  EXPECT_NE(ex.find("label: kitchen"), std::string::npos) << ex;
  EXPECT_NE(ex.find("w:teapot"), std::string::npos) << ex;

  EXPECT_NE(run("explain --model " + (dir / "mine.jsonl").string() + " hello"), 0);
  EXPECT_NE(output().find("bad_magic"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace lovelorn::detail
