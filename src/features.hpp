// features — the situation model's input: hashed word n-grams plus named
// features built from the extracted facts (DESIGN.md §7).
//
// Every feature is a bucket id in [0, FeatureConfig::buckets). Three
// families share one hashed space, told apart by a prefix that is part of
// the hashed string:
//   w:<token>            unigram of Tok::norm ("w:ghosted")
//   b:<token> <token>    bigram of adjacent tokens, shown as "b:he_ghosted"
//   f:<name>             a named feature: "role=relationship:log_days_bucket=3",
//                        "contact:partner:text:absent", "asks_question", ...
// Numbers, URLs, e-mails and mentions are replaced by a class token
// ("<num>", "<url>", "<email>", "<mention>"); punctuation other than '?' and
// '!' is dropped and breaks the bigram chain, as does a sentence start.
// Each token's text is hashed once (64-bit, eight bytes per step); a unigram
// id is that hash under the family key, a bigram id combines the two tokens'
// hashes, a named feature hashes its name. The murmur3 finaliser spreads the
// key and Lemire's multiply-shift reduces it to [0, buckets). The seed picks
// the family keys; bucket count and seed are stored in the model file
// (format version 2 and later hash this way), so a model always hashes the
// way it was trained.
//
// Features are binary: each id appears at most once per comment (the output
// keeps first occurrences, in text order). With FeatureConfig::unit_norm the
// model weighs each of a comment's n active features by 1/sqrt(n).
//
// Analyzer::analyze and `lovelorn train` compute features the same way:
// normalize -> Tokenizer -> extract_features(tokens, the extractors'
// Analysis, model config). A model trained with facts must be fed facts.
//
// Thread-safety: extract_features/describe_features are thread-safe (pure);
// a Featurizer is thread-compatible (one per thread, it carries scratch).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lovelorn/analysis.hpp"
#include "normalize.hpp"
#include "tokenizer.hpp"

namespace lovelorn::detail {

struct FeatureConfig {
  std::uint32_t buckets = 1u << 18;  // size of the hashed space (rows of the weight matrix)
  std::uint32_t seed = 1;            // hash seed
  bool bigrams = true;               // add word bigrams
  bool facts = true;                 // add named features (facts, length, pronoun balance)
  // Scale a comment's feature vector to unit L2 length (each active feature
  // counts 1/sqrt(n) instead of 1), so long posts do not get larger scores
  // just by being long. Applied by LinearModel::predict and the trainer.
  bool unit_norm = true;

  friend bool operator==(const FeatureConfig&, const FeatureConfig&) = default;
};

// Replaces `out` with the unique feature ids of one comment, in order of
// first occurrence; its capacity is reused, so there is no heap allocation
// per token. `facts` may be an empty Analysis (no extractors run): absent
// facts simply add no features.
void extract_features(const std::vector<Tok>& tokens, const Analysis& facts, const FeatureConfig& cfg,
                      std::vector<std::uint32_t>& out);

// The same features as extract_features, each with a readable name
// ("w:ghosted", "b:he_ghosted", "role=relationship:log_days_bucket=3"),
// sorted by id and unique by (id, name). For explain; allocates freely.
void describe_features(const std::vector<Tok>& tokens, const Analysis& facts, const FeatureConfig& cfg,
                       std::vector<std::pair<std::uint32_t, std::string>>& out);

// The bucket of a named feature as extract_features hashes it
// (e.g. feature_id(cfg, "asks_question")).
std::uint32_t named_feature_id(const FeatureConfig& cfg, std::string_view name);

// The log-days bucket of a duration: floor(log2(days)) clamped to [0, 15]
// (0 = up to 2 days, 3 = 8..15 days, 8 = 256..511 days).
int log_days_bucket(double days) noexcept;

// Text -> features in one call: normalize, tokenize, extract_features.
// `facts` comes from the caller (an Analyzer's Analysis, or an empty one).
class Featurizer {
 public:
  Featurizer();
  void featurize(std::string_view text, const Analysis& facts, const FeatureConfig& cfg,
                 std::vector<std::uint32_t>& out);
  void describe(std::string_view text, const Analysis& facts, const FeatureConfig& cfg,
                std::vector<std::pair<std::uint32_t, std::string>>& out);
  // Tokens of the last text featurized (valid until the next call).
  const std::vector<Tok>& tokens() const noexcept { return tokens_; }

 private:
  void tokenize(std::string_view text);
  Tokenizer tokenizer_;
  Tokenizer::State state_;
  NormalizedText normalized_;
  std::vector<Tok> tokens_;
};

}  // namespace lovelorn::detail
