#include "model_file.hpp"

#include <bit>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace lovelorn::detail {
namespace {

// PNG-style magic: a high byte (catches 7-bit transfers), "LLM", CR LF
// (catches newline conversion), ^Z, LF.
constexpr char kMagic[8] = {'\x89', 'L', 'L', 'M', '\r', '\n', '\x1a', '\n'};
constexpr char kSentinel[8] = {'L', 'L', 'M', '.', 'E', 'N', 'D', '\n'};
constexpr std::uint32_t kFlagBigrams = 1u << 0;
constexpr std::uint32_t kFlagFacts = 1u << 1;
constexpr std::uint32_t kFlagUnitNorm = 1u << 2;
constexpr std::uint32_t kWeightsF32 = 0;  // weight row storage: little-endian IEEE binary32
constexpr double kSelfTestTolerance = 1e-5;

}  // namespace

// Word-wise FNV-1a: eight times fewer serial multiplies than byte-wise FNV,
// so the shipped model loads in a few ms.
std::uint64_t model_checksum(std::string_view bytes) {
  constexpr std::uint64_t kPrime = 0x100000001b3ull;
  std::uint64_t h = 0xcbf29ce484222325ull;
  const std::size_t words = bytes.size() / 8;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (std::size_t i = 0; i < words; ++i, p += 8) {
    std::uint64_t w = 0;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&w, p, 8);
    } else {
      for (int b = 0; b < 8; ++b) w |= static_cast<std::uint64_t>(p[b]) << (8 * b);
    }
    h ^= w;
    h *= kPrime;
  }
  for (std::size_t i = words * 8; i < bytes.size(); ++i) {
    h ^= static_cast<std::uint8_t>(bytes[i]);
    h *= kPrime;
  }
  return h;
}

namespace {

class Writer {
 public:
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  void f32(float v) { u32(std::bit_cast<std::uint32_t>(v)); }
  void f64(double v) { u64(std::bit_cast<std::uint64_t>(v)); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void raw(const char* p, std::size_t n) { out_.append(p, n); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  bool ok() const { return ok_; }
  std::size_t remaining() const { return b_.size() - pos_; }
  std::uint32_t u32() {
    if (!need(4)) return 0;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(b_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return v;
  }
  std::uint64_t u64() {
    if (!need(8)) return 0;
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(b_[pos_ + i])) << (8 * i);
    pos_ += 8;
    return v;
  }
  float f32() { return std::bit_cast<float>(u32()); }
  // n consecutive f32 values.
  void f32s(float* out, std::size_t n) {
    if (!need(4 * n)) return;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(out, b_.data() + pos_, 4 * n);
      pos_ += 4 * n;
    } else {
      for (std::size_t i = 0; i < n; ++i) out[i] = f32();
    }
  }
  double f64() { return std::bit_cast<double>(u64()); }
  std::string str() {
    const std::uint32_t n = u32();
    if (!need(n)) return {};
    std::string s(b_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // Guards counts read from the file before allocating for them.
  bool plausible(std::uint64_t count, std::uint64_t min_bytes_each) {
    if (count * min_bytes_each > remaining()) ok_ = false;
    return ok_;
  }

 private:
  bool need(std::size_t n) {
    if (!ok_ || remaining() < n) ok_ = false;
    return ok_;
  }
  std::string_view b_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

Error corrupt(const std::string& name, std::string what) {
  return Error(Errc::checksum_mismatch, std::move(what), name);
}

}  // namespace

Result<std::string> serialize_model(const LinearModel& m) {
  const std::size_t L = m.num_labels();
  const FeatureConfig& cfg = m.config();
  if (L == 0) return Error(Errc::invalid_argument, "the model has no labels");
  if (cfg.buckets == 0 || m.bias().size() != L)
    return Error(Errc::invalid_argument, "the weights do not match the labels and feature configuration");
  Writer w;
  w.raw(kMagic, sizeof kMagic);
  w.u32(kModelFormatVersion);
  w.u32(static_cast<std::uint32_t>(L));
  for (const std::string& l : m.labels()) w.str(l);
  w.u32(cfg.buckets);
  w.u32(cfg.seed);
  w.u32((cfg.bigrams ? kFlagBigrams : 0u) | (cfg.facts ? kFlagFacts : 0u) | (cfg.unit_norm ? kFlagUnitNorm : 0u));
  w.u32(static_cast<std::uint32_t>(m.metadata().size()));
  for (const auto& [k, v] : m.metadata()) {
    w.str(k);
    w.str(v);
  }
  for (const Real b : m.bias()) w.f32(b);
  w.u32(kWeightsF32);
  w.u32(static_cast<std::uint32_t>(m.nonzero_rows()));
  for (std::uint32_t r = 0; r < cfg.buckets; ++r) {
    if (m.row_is_zero(r)) continue;
    w.u32(r);
    for (const Real v : m.row(r)) w.f32(v);
  }
  w.u32(static_cast<std::uint32_t>(m.self_tests().size()));
  for (const auto& t : m.self_tests()) {
    if (t.probs.size() != L) return Error(Errc::invalid_argument, "a self-test sample has the wrong number of labels");
    w.u32(static_cast<std::uint32_t>(t.features.size()));
    for (const std::uint32_t f : t.features) w.u32(f);
    for (const double p : t.probs) w.f64(p);
  }
  w.u64(model_checksum(w.bytes()));
  w.raw(kSentinel, sizeof kSentinel);
  return std::move(w.bytes());
}

Result<LinearModel> parse_model(std::string_view bytes, const std::string& name) {
  const std::size_t n = bytes.size();
  if (n < sizeof kMagic) {
    if (std::memcmp(bytes.data(), kMagic, n) == 0)
      return corrupt(name, "truncated model file (" + std::to_string(n) + " bytes)");
    return Error(Errc::bad_magic, "not a lovelorn model file (wrong magic bytes)", name);
  }
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    return Error(Errc::bad_magic, "not a lovelorn model file (wrong magic bytes)", name);
  if (n < sizeof kMagic + 4) return corrupt(name, "truncated model file (no format version)");
  const std::uint32_t version = Reader(bytes.substr(sizeof kMagic)).u32();
  if (version == 1)
    return Error(Errc::unsupported_version,
                 "model format version 1 hashes features the way lovelorn did before version 2; "
                 "retrain it with `lovelorn train`",
                 name);
  if (version < kOldestModelFormatVersion || version > kModelFormatVersion)
    return Error(Errc::unsupported_version,
                 "model format version " + std::to_string(version) + "; this lovelorn reads version " +
                     std::to_string(kModelFormatVersion),
                 name);
  constexpr std::size_t kTrailer = 8 + sizeof kSentinel;
  if (n < sizeof kMagic + 4 + kTrailer ||
      std::memcmp(bytes.data() + n - sizeof kSentinel, kSentinel, sizeof kSentinel) != 0)
    return corrupt(name, "truncated or corrupt model file (end sentinel missing)");
  const std::string_view body = bytes.substr(0, n - kTrailer);
  const std::uint64_t stored = Reader(bytes.substr(n - kTrailer, 8)).u64();
  if (stored != model_checksum(body)) return corrupt(name, "checksum mismatch: the model file is corrupt");

  Reader r(body.substr(sizeof kMagic + 4));
  auto inconsistent = [&](const std::string& what) { return Error(Errc::parse_error, what, name); };
  const std::uint32_t L = r.u32();
  if (!r.plausible(L, 4) || L == 0) return inconsistent("bad label count");
  std::vector<std::string> labels;
  for (std::uint32_t k = 0; k < L; ++k) labels.push_back(r.str());
  FeatureConfig cfg;
  cfg.buckets = r.u32();
  cfg.seed = r.u32();
  const std::uint32_t flags = r.u32();
  cfg.bigrams = (flags & kFlagBigrams) != 0;
  cfg.facts = (flags & kFlagFacts) != 0;
  cfg.unit_norm = (flags & kFlagUnitNorm) != 0;
  if (!r.ok() || cfg.buckets == 0 || cfg.buckets > (1u << 26) || (flags & ~(kFlagBigrams | kFlagFacts | kFlagUnitNorm)) != 0)
    return inconsistent("bad feature configuration");
  if (static_cast<std::uint64_t>(cfg.buckets) * LinearModel::row_stride(L) > kMaxModelWeights)
    return inconsistent("model too large: " + std::to_string(cfg.buckets) + " buckets x " + std::to_string(L) +
                        " labels exceed " + std::to_string(kMaxModelWeights / (1u << 20) * sizeof(Real)) +
                        " MiB of weights in memory");
  LinearModel m(std::move(labels), cfg);
  const std::uint32_t nmeta = r.u32();
  if (!r.plausible(nmeta, 8)) return inconsistent("bad metadata count");
  for (std::uint32_t i = 0; i < nmeta; ++i) {
    std::string k = r.str();
    std::string v = r.str();
    m.set_metadata(std::move(k), std::move(v));
  }
  for (std::uint32_t k = 0; k < L; ++k) m.bias()[k] = r.f32();
  const std::uint32_t storage = r.u32();
  if (storage != kWeightsF32) return inconsistent("unknown weight storage " + std::to_string(storage));
  const std::uint32_t rows = r.u32();
  if (!r.plausible(rows, 4ull + 4ull * L)) return inconsistent("bad weight row count");
  std::int64_t prev = -1;
  std::vector<float> row(L);
  for (std::uint32_t i = 0; i < rows; ++i) {
    const std::uint32_t id = r.u32();
    if (static_cast<std::int64_t>(id) <= prev || id >= cfg.buckets)
      return inconsistent("weight row ids out of order or out of range");
    prev = id;
    r.f32s(row.data(), L);
    const auto dst = m.row(id);
    for (std::uint32_t k = 0; k < L; ++k) {
      if (!std::isfinite(row[k])) return inconsistent("non-finite weight");
      dst[k] = static_cast<Real>(row[k]);
    }
  }
  const std::uint32_t ntests = r.u32();
  if (!r.plausible(ntests, 4ull + 8ull * L)) return inconsistent("bad self-test count");
  std::vector<double> probs;
  for (std::uint32_t i = 0; i < ntests; ++i) {
    LinearModel::SelfTest t;
    const std::uint32_t nf = r.u32();
    if (!r.plausible(nf, 4)) return inconsistent("bad self-test feature count");
    t.features.resize(nf);
    for (auto& f : t.features) f = r.u32();
    t.probs.resize(L);
    for (auto& p : t.probs) p = r.f64();
    m.self_tests().push_back(std::move(t));
  }
  if (!r.ok()) return inconsistent("model content ends early");
  if (r.remaining() != 0) return inconsistent("unexpected bytes after the self-test samples");
  for (std::size_t i = 0; i < m.self_tests().size(); ++i) {
    const auto& t = m.self_tests()[i];
    m.predict(t.features, probs);
    for (std::size_t k = 0; k < L; ++k) {
      if (!(std::fabs(probs[k] - t.probs[k]) <= kSelfTestTolerance))
        return corrupt(name, "self-test sample " + std::to_string(i) + " scores " + std::to_string(probs[k]) +
                                 " for '" + m.labels()[k] + "', expected " + std::to_string(t.probs[k]));
    }
  }
  return m;
}

Result<LinearModel> read_model_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Error(Errc::io_error, "is a directory, not a model file", path);
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Error(Errc::io_error, std::string("cannot open model file: ") + std::strerror(errno), path);
  const std::streamoff size = in.tellg();
  if (size < 0) return Error(Errc::io_error, "cannot read model file", path);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  in.read(bytes.data(), size);
  if (in.gcount() != size) return Error(Errc::io_error, "cannot read model file", path);
  return parse_model(bytes, path);
}

Result<bool> write_model_file(const std::string& path, const LinearModel& model) {
  Result<std::string> bytes = serialize_model(model);
  if (!bytes) return Error(bytes.error().code(), bytes.error().what(), path);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Error(Errc::io_error, std::string("cannot create model file: ") + std::strerror(errno), path);
    out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
    out.flush();
    if (!out) return Error(Errc::io_error, "cannot write model file", path);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Error(Errc::io_error, "cannot move model file into place: " + ec.message(), path);
  return true;
}

std::string default_model_path() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("LOVELORN_MODEL"); env != nullptr && *env != '\0') return env;
#ifdef LOVELORN_SOURCE_MODEL_DIR
  if (fs::is_regular_file(fs::path(LOVELORN_SOURCE_MODEL_DIR) / "situation.llm", ec))
    return (fs::path(LOVELORN_SOURCE_MODEL_DIR) / "situation.llm").string();
#endif
#ifdef LOVELORN_INSTALL_MODEL_DIR
  if (fs::is_regular_file(fs::path(LOVELORN_INSTALL_MODEL_DIR) / "situation.llm", ec))
    return (fs::path(LOVELORN_INSTALL_MODEL_DIR) / "situation.llm").string();
#endif
  return {};
}

}  // namespace lovelorn::detail
