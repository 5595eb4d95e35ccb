#include "features.hpp"

#include "scratch.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>

namespace lovelorn::detail {
namespace {

constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;

// murmur3's 64-bit finaliser: every input bit reaches every output bit.
constexpr std::uint64_t fmix64(std::uint64_t k) noexcept {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ull;
  k ^= k >> 33;
  return k;
}

// The n <= 8 bytes at p as a little-endian number, whatever the machine, so
// a model hashes the same everywhere. Never reads outside [p, p + n).
inline std::uint64_t load_le(const char* p, std::size_t n) noexcept {
  auto le32 = [](const char* q) {
    std::uint32_t v;
    std::memcpy(&v, q, 4);
    if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap32(v);
    return static_cast<std::uint64_t>(v);
  };
  if (n >= 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
    return v;
  }
  if (n >= 4) return le32(p) | le32(p + n - 4) << (8 * (n - 4));  // two overlapping loads
  if (n == 0) return 0;
  const auto b = [p](std::size_t k) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[k])); };
  return b(0) | b(n / 2) << (8 * (n / 2)) | b(n - 1) << (8 * (n - 1));  // n = 1..3
}

// A word's hash, eight bytes per step: computed once per token, then
// combined for its unigram and both bigrams it is part of.
inline std::uint64_t hash_text(std::string_view s) noexcept {
  std::uint64_t h = s.size() * kMul;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) h = std::rotl((h ^ load_le(s.data() + i, 8)) * kMul, 29);
  if (i < s.size()) h = std::rotl((h ^ load_le(s.data() + i, s.size() - i)) * kMul, 29);
  return h;
}

// The three feature families hash into one space under different keys.
struct FamilyKeys {
  std::uint64_t word, bigram, named;
  explicit FamilyKeys(std::uint32_t seed) noexcept
      : word(fmix64(seed * kMul + 'w')), bigram(fmix64(seed * kMul + 'b')), named(fmix64(seed * kMul + 'f')) {}
};

// [0, 2^32) -> [0, buckets) by multiplication (Lemire's reduction), no division.
inline std::uint32_t to_bucket(std::uint64_t key, std::uint32_t buckets) noexcept {
  return static_cast<std::uint32_t>(((key >> 32) * buckets) >> 32);
}

inline std::uint32_t unigram_id(const FamilyKeys& k, std::uint64_t w, std::uint32_t buckets) noexcept {
  return to_bucket(fmix64(w ^ k.word), buckets);
}
// Order matters ("he ghosted" is not "ghosted he"): the first word is rotated.
inline std::uint32_t bigram_id(const FamilyKeys& k, std::uint64_t a, std::uint64_t b, std::uint32_t buckets) noexcept {
  return to_bucket(fmix64((std::rotl(a, 31) ^ k.bigram) * kMul + b), buckets);
}
inline std::uint32_t named_id(const FamilyKeys& k, std::string_view name, std::uint32_t buckets) noexcept {
  return to_bucket(fmix64(hash_text(name) ^ k.named), buckets);
}

// What a token contributes to the n-grams; empty = dropped (breaks bigrams).
std::string_view feature_text(const Tok& t) {
  switch (t.kind) {
    case TokenKind::word:
    case TokenKind::emoji:
    case TokenKind::hashtag: return t.norm;
    case TokenKind::number: return "<num>";
    case TokenKind::url: return "<url>";
    case TokenKind::email: return "<email>";
    case TokenKind::mention: return "<mention>";
    case TokenKind::punctuation:
      if (!t.norm.empty() && (t.norm[0] == '?' || t.norm[0] == '!')) return t.norm.substr(0, 1);
      return {};
  }
  return {};
}

// Only words starting with 'i', 'm' or 'y' can match: most tokens are
// rejected by their first byte.
bool is_first_person(std::string_view w) {
  if (w[0] != 'i' && w[0] != 'm') return false;
  return w == "i" || w == "me" || w == "my" || w == "mine" || w == "myself" || w == "i'm" || w == "i've" ||
         w == "i'd" || w == "i'll";
}
bool is_second_person(std::string_view w) {
  if (w[0] != 'y') return false;
  return w == "you" || w == "your" || w == "yours" || w == "yourself" || w == "you're" || w == "you've" ||
         w == "you'd" || w == "you'll";
}

// A small fixed buffer for named features (they are short).
class NameBuf {
 public:
  NameBuf& operator<<(std::string_view s) {
    const std::size_t n = std::min(s.size(), sizeof(buf_) - len_);
    std::copy_n(s.data(), n, buf_ + len_);
    len_ += n;
    return *this;
  }
  NameBuf& operator<<(char c) { return *this << std::string_view(&c, 1); }
  NameBuf& operator<<(int v) {
    auto r = std::to_chars(buf_ + len_, buf_ + sizeof(buf_), v);
    if (r.ec == std::errc()) len_ = static_cast<std::size_t>(r.ptr - buf_);
    return *this;
  }
  std::string_view view() const { return {buf_, len_}; }

 private:
  char buf_[160];
  std::size_t len_ = 0;
};

// Walks every feature of a comment, calling the sink's unigram/bigram/named.
template <typename Sink>
void visit(const std::vector<Tok>& tokens, const Analysis& a, const FeatureConfig& cfg, Sink& sink) {
  std::string_view prev;
  std::uint64_t prev_hash = 0;
  int first = 0, second = 0, kept = 0;
  for (const Tok& t : tokens) {
    const std::string_view w = feature_text(t);
    if (t.sentence_start) prev = {};
    if (w.empty()) {
      prev = {};
      continue;
    }
    ++kept;
    const std::uint64_t h = hash_text(w);
    sink.unigram(w, h);
    if (cfg.bigrams && !prev.empty()) sink.bigram(prev, prev_hash, w, h);
    prev = w;
    prev_hash = h;
    if (t.kind == TokenKind::word) {
      first += is_first_person(w);
      second += is_second_person(w);
    }
  }
  if (!cfg.facts) return;

  {
    NameBuf n;
    n << "len:log2_tokens=" << std::clamp(static_cast<int>(std::log2(kept + 1.0)), 0, 12);
    sink.named(n.view());
  }
  if (first + second > 0) sink.named(second > first ? "pron:you_gt_i" : "pron:i_ge_you");

  for (const Duration& d : a.durations) {
    NameBuf n;
    n << "role=" << duration_role_name(d.role) << ":log_days_bucket=";
    if (d.days) n << log_days_bucket(*d.days);
    else n << "none";
    sink.named(n.view());
    NameBuf r;
    r << "role=" << duration_role_name(d.role);
    sink.named(r.view());
  }
  if (a.relationship_length_days) {
    NameBuf n;
    n << "relationship_length:log_days_bucket=" << log_days_bucket(*a.relationship_length_days);
    sink.named(n.view());
  }
  for (const ContactEvent& e : a.contact_events) {
    NameBuf n;
    n << "contact:" << party_name(e.actor) << ':' << channel_name(e.channel) << ':' << polarity_name(e.polarity);
    sink.named(n.view());
    NameBuf any;  // channel-independent roll-up ("contact:partner:*:absent")
    any << "contact:" << party_name(e.actor) << ":*:" << polarity_name(e.polarity);
    sink.named(any.view());
  }
  if (a.asks_question) sink.named("asks_question");
  if (!a.facts.status.empty()) {
    NameBuf n;
    n << "status=" << a.facts.status;
    sink.named(n.view());
  }
  if (!a.facts.partner_term.empty()) {
    NameBuf n;
    n << "partner_term=" << a.facts.partner_term;
    sink.named(n.view());
  }
  if (!a.facts.ended_by.empty()) {
    NameBuf n;
    n << "ended_by=" << a.facts.ended_by;
    sink.named(n.view());
  }
}

struct IdSink {
  FamilyKeys keys;
  std::uint32_t buckets;
  std::vector<std::uint32_t>* out;
  void unigram(std::string_view, std::uint64_t w) { out->push_back(unigram_id(keys, w, buckets)); }
  void bigram(std::string_view, std::uint64_t a, std::string_view, std::uint64_t b) {
    out->push_back(bigram_id(keys, a, b, buckets));
  }
  void named(std::string_view name) { out->push_back(named_id(keys, name, buckets)); }
};

struct NameSink {
  IdSink ids;
  std::vector<std::pair<std::uint32_t, std::string>>* out;
  std::vector<std::uint32_t> scratch;
  std::uint32_t last() const { return scratch.back(); }
  void unigram(std::string_view w, std::uint64_t h) {
    ids.unigram(w, h);
    out->emplace_back(last(), "w:" + std::string(w));
  }
  void bigram(std::string_view a, std::uint64_t ha, std::string_view b, std::uint64_t hb) {
    ids.bigram(a, ha, b, hb);
    out->emplace_back(last(), "b:" + std::string(a) + "_" + std::string(b));
  }
  void named(std::string_view name) {
    ids.named(name);
    out->emplace_back(last(), std::string(name));
  }
};

// Drops repeated ids, keeping each id's first occurrence in place. A comment
// has a few hundred ids: one small open-addressing table beats sorting them.
// The table (reused per thread) has bit_ceil(2n) 4-byte slots, so it stays in
// L1 for typical comments; clearing it per comment costs less than tagging
// its slots (a few KB of memset against a wider probe per id).
void keep_first_occurrences(std::vector<std::uint32_t>& ids, std::uint32_t buckets) {
  constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;  // never an id: ids are < buckets <= 2^32 - 1
  thread_local std::vector<std::uint32_t> table;
  // At most `buckets` distinct ids, however long the comment.
  const std::size_t cap = std::bit_ceil(std::max<std::size_t>(64, std::min<std::size_t>(ids.size(), buckets) * 2));
  trim_scratch(table, cap * sizeof(std::uint32_t));
  if (table.size() < cap) table.resize(cap);
  std::fill_n(table.begin(), cap, kEmpty);
  const int shift = 64 - std::countr_zero(cap);
  std::size_t kept = 0;
  for (const std::uint32_t id : ids) {
    for (std::size_t i = static_cast<std::size_t>((static_cast<std::uint64_t>(id) * kMul) >> shift);;
         i = (i + 1) & (cap - 1)) {
      const std::uint32_t v = table[i];
      if (v == id) break;  // seen in this comment
      if (v == kEmpty) {
        table[i] = id;
        ids[kept++] = id;
        break;
      }
    }
  }
  ids.resize(kept);
}

}  // namespace

int log_days_bucket(double days) noexcept {
  if (!(days >= 1.0)) return 0;  // also NaN
  return static_cast<int>(std::min(std::floor(std::log2(days)), 15.0));  // clamped before the cast (days may be inf)
}

std::uint32_t named_feature_id(const FeatureConfig& cfg, std::string_view name) {
  return named_id(FamilyKeys(cfg.seed), name, cfg.buckets);
}

void extract_features(const std::vector<Tok>& tokens, const Analysis& facts, const FeatureConfig& cfg,
                      std::vector<std::uint32_t>& out) {
  out.clear();
  IdSink sink{FamilyKeys(cfg.seed), cfg.buckets, &out};
  visit(tokens, facts, cfg, sink);
  keep_first_occurrences(out, cfg.buckets);
}

void describe_features(const std::vector<Tok>& tokens, const Analysis& facts, const FeatureConfig& cfg,
                       std::vector<std::pair<std::uint32_t, std::string>>& out) {
  out.clear();
  NameSink sink{IdSink{FamilyKeys(cfg.seed), cfg.buckets, nullptr}, &out, {}};
  sink.ids.out = &sink.scratch;
  visit(tokens, facts, cfg, sink);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

Featurizer::Featurizer() : state_(tokenizer_.make_state()) {}

void Featurizer::tokenize(std::string_view text) {
  normalize(text, normalized_);
  tokenizer_.tokenize(normalized_, state_, tokens_);
}

void Featurizer::featurize(std::string_view text, const Analysis& facts, const FeatureConfig& cfg,
                           std::vector<std::uint32_t>& out) {
  tokenize(text);
  extract_features(tokens_, facts, cfg, out);
}

void Featurizer::describe(std::string_view text, const Analysis& facts, const FeatureConfig& cfg,
                          std::vector<std::pair<std::uint32_t, std::string>>& out) {
  tokenize(text);
  describe_features(tokens_, facts, cfg, out);
}

}  // namespace lovelorn::detail
