#include "features.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace lovelorn::detail {
namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ull;

// Incremental seeded FNV-1a over string pieces; no allocation.
class Hasher {
 public:
  explicit Hasher(std::uint32_t seed) : h_(kFnvOffset ^ (static_cast<std::uint64_t>(seed) * 0x9e3779b97f4a7c15ull)) {}
  void add(std::string_view s) {
    for (const char c : s) {
      h_ ^= static_cast<std::uint8_t>(c);
      h_ *= kFnvPrime;
    }
  }
  std::uint32_t bucket(std::uint32_t buckets) const {
    std::uint64_t k = h_;  // murmur3 fmix64
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 33;
    return static_cast<std::uint32_t>(k % (buckets == 0 ? 1 : buckets));
  }

 private:
  std::uint64_t h_;
};

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

bool is_first_person(std::string_view w) {
  return w == "i" || w == "me" || w == "my" || w == "mine" || w == "myself" || w == "i'm" || w == "i've" ||
         w == "i'd" || w == "i'll";
}
bool is_second_person(std::string_view w) {
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
  int first = 0, second = 0, kept = 0;
  for (const Tok& t : tokens) {
    const std::string_view w = feature_text(t);
    if (t.sentence_start) prev = {};
    if (w.empty()) {
      prev = {};
      continue;
    }
    ++kept;
    sink.unigram(w);
    if (cfg.bigrams && !prev.empty()) sink.bigram(prev, w);
    prev = w;
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
  std::uint32_t seed, buckets;
  std::vector<std::uint32_t>* out;
  void unigram(std::string_view w) {
    Hasher h(seed);
    h.add("w:");
    h.add(w);
    out->push_back(h.bucket(buckets));
  }
  void bigram(std::string_view a, std::string_view b) {
    Hasher h(seed);
    h.add("b:");
    h.add(a);
    h.add(" ");
    h.add(b);
    out->push_back(h.bucket(buckets));
  }
  void named(std::string_view name) {
    Hasher h(seed);
    h.add("f:");
    h.add(name);
    out->push_back(h.bucket(buckets));
  }
};

struct NameSink {
  IdSink ids;
  std::vector<std::pair<std::uint32_t, std::string>>* out;
  std::vector<std::uint32_t> scratch;
  std::uint32_t last() const { return scratch.back(); }
  void unigram(std::string_view w) {
    ids.unigram(w);
    out->emplace_back(last(), "w:" + std::string(w));
  }
  void bigram(std::string_view a, std::string_view b) {
    ids.bigram(a, b);
    out->emplace_back(last(), "b:" + std::string(a) + "_" + std::string(b));
  }
  void named(std::string_view name) {
    ids.named(name);
    out->emplace_back(last(), std::string(name));
  }
};

}  // namespace

int log_days_bucket(double days) noexcept {
  if (!(days >= 1.0)) return 0;  // also NaN
  return std::clamp(static_cast<int>(std::floor(std::log2(days))), 0, 15);
}

std::uint32_t named_feature_id(const FeatureConfig& cfg, std::string_view name) {
  Hasher h(cfg.seed);
  h.add("f:");
  h.add(name);
  return h.bucket(cfg.buckets);
}

void extract_features(const std::vector<Tok>& tokens, const Analysis& facts, const FeatureConfig& cfg,
                      std::vector<std::uint32_t>& out) {
  out.clear();
  IdSink sink{cfg.seed, cfg.buckets, &out};
  visit(tokens, facts, cfg, sink);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

void describe_features(const std::vector<Tok>& tokens, const Analysis& facts, const FeatureConfig& cfg,
                       std::vector<std::pair<std::uint32_t, std::string>>& out) {
  out.clear();
  NameSink sink{IdSink{cfg.seed, cfg.buckets, nullptr}, &out, {}};
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
