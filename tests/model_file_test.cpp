#include "model_file.hpp"

#include <gtest/gtest.h>

#include "test_util.hpp"

namespace lovelorn::detail {
namespace {

LinearModel sample_model() {
  FeatureConfig cfg;
  cfg.buckets = 64;
  cfg.seed = 42;
  cfg.bigrams = false;
  LinearModel m({"kettle", "teapot", "mug"}, cfg);
  for (std::uint32_t f = 0; f < 64; f += 5)
    for (std::size_t k = 0; k < 3; ++k) m.row(f)[k] = 0.1f * static_cast<float>(f) - 0.7f * static_cast<float>(k);
  m.bias()[2] = -0.5f;
  m.set_metadata("training_data", "made up by the test");
  m.set_metadata("test.macro_f1", "0.5000");
  for (const auto& f : std::vector<std::vector<std::uint32_t>>{{}, {5, 10}, {0, 35, 60}}) {
    LinearModel::SelfTest t;
    t.features = f;
    m.predict(t.features, t.probs);
    m.self_tests().push_back(t);
  }
  return m;
}

// Re-seals bytes after an edit: recomputes the checksum in the trailer.
void reseal(std::string& b) { b = test::reseal_model(std::move(b)); }

class ModelFileTest : public ::testing::Test {
 protected:
  std::string path(const std::string& name) const { return dir_.path(name); }
  std::string write_bytes(const std::string& name, const std::string& bytes) const { return dir_.file(name, bytes); }
  test::TempDir dir_;
};

TEST_F(ModelFileTest, RoundTrip) {
  const LinearModel m = sample_model();
  const std::string p = path("m.llm");
  ASSERT_TRUE(write_model_file(p, m));
  auto r = read_model_file(p);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->labels(), m.labels());
  EXPECT_EQ(r->config(), m.config());
  EXPECT_EQ(r->metadata(), m.metadata());
  EXPECT_EQ(r->self_tests().size(), 3u);
  for (std::uint32_t f = 0; f < 64; ++f)
    for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(r->weight(f, k), m.weight(f, k));
  EXPECT_EQ(r->bias()[2], -0.5f);
  // Writing what was read gives the same bytes.
  EXPECT_EQ(serialize_model(*r).value(), serialize_model(m).value());
}

TEST_F(ModelFileTest, MissingFileIsIoError) {
  auto r = read_model_file(path("nope.llm"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::io_error);
  EXPECT_NE(r.error().message().find("nope.llm"), std::string::npos);
}

TEST_F(ModelFileTest, WrongMagic) {
  for (const std::string bytes : {std::string("PK\x03\x04 this is a zip file, not a model"), std::string("{\"a\":1}")}) {
    auto r = read_model_file(write_bytes("zip.llm", bytes));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code(), Errc::bad_magic);
    EXPECT_NE(r.error().message().find("zip.llm"), std::string::npos);
  }
}

TEST_F(ModelFileTest, FutureVersion) {
  std::string b = serialize_model(sample_model()).value();
  b[8] = 3;  // format version, little-endian u32 after the 8-byte magic
  reseal(b);
  auto r = read_model_file(write_bytes("future.llm", b));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::unsupported_version);
  EXPECT_NE(r.error().message().find("future.llm"), std::string::npos);
  EXPECT_NE(r.error().what().find("version 3"), std::string::npos);
}

TEST_F(ModelFileTest, TooLargeToHoldIsRefusedBeforeAllocating) {
  FeatureConfig cfg;
  cfg.buckets = 64;
  const LinearModel five({"a", "b", "c", "d", "e"}, cfg);
  std::string b = serialize_model(five).value();
  // buckets (u32) follows magic, version, label count and the five labels
  const std::size_t at = 8 + 4 + 4 + 5 * (4 + 1);
  const std::uint32_t huge = 1u << 26;  // allowed by itself, but x 8 floats per row is 2 GiB
  for (int k = 0; k < 4; ++k) b[at + k] = static_cast<char>((huge >> (8 * k)) & 0xFF);
  reseal(b);
  auto r = read_model_file(write_bytes("huge.llm", b));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::parse_error);
  EXPECT_NE(r.error().what().find("too large"), std::string::npos) << r.error().what();
}

TEST_F(ModelFileTest, VersionOneAsksForARetrain) {
  std::string b = serialize_model(sample_model()).value();
  b[8] = 1;  // version 1 hashed features differently: reading it would score nonsense
  reseal(b);
  auto r = read_model_file(write_bytes("old.llm", b));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::unsupported_version);
  EXPECT_NE(r.error().what().find("retrain"), std::string::npos);
}

TEST_F(ModelFileTest, EveryTruncationIsRefused) {
  const std::string b = serialize_model(sample_model()).value();
  for (std::size_t n = 0; n < b.size(); ++n) {
    auto r = parse_model(std::string_view(b).substr(0, n), "cut.llm");
    ASSERT_FALSE(r) << n;
    EXPECT_EQ(r.error().code(), Errc::checksum_mismatch) << n;
  }
}

TEST_F(ModelFileTest, EveryBitFlipIsRefused) {
  const std::string b = serialize_model(sample_model()).value();
  for (std::size_t i = 0; i < b.size(); ++i) {
    for (int bit = 0; bit < 8; bit += 3) {
      std::string c = b;
      c[i] = static_cast<char>(c[i] ^ (1 << bit));
      auto r = parse_model(c, "flip.llm");
      ASSERT_FALSE(r) << "byte " << i << " bit " << bit;
      const Errc want = i < 8 ? Errc::bad_magic : i < 12 ? Errc::unsupported_version : Errc::checksum_mismatch;
      EXPECT_EQ(r.error().code(), want) << "byte " << i << " bit " << bit;
    }
  }
}

TEST_F(ModelFileTest, FailingSelfTestIsRefused) {
  LinearModel m = sample_model();
  m.self_tests()[1].probs = {0.9, 0.05, 0.05};  // not what the weights give
  const std::string b = serialize_model(m).value();
  auto r = parse_model(b, "selftest.llm");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::checksum_mismatch);
  EXPECT_NE(r.error().what().find("self-test"), std::string::npos);
}

TEST_F(ModelFileTest, InconsistentContentIsParseError) {
  std::string b = serialize_model(sample_model()).value();
  b[12] = 0;  // label count 3 -> 0, checksum recomputed
  reseal(b);
  auto r = parse_model(b, "weird.llm");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::parse_error);
}

TEST_F(ModelFileTest, WriteToMissingDirectoryFails) {
  auto r = write_model_file(path("no/such/dir/m.llm"), sample_model());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::io_error);
}

}  // namespace
}  // namespace lovelorn::detail
