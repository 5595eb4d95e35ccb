// tokenizer — words, numbers, punctuation, emoji, URLs, e-mails, mentions and
// hashtags, with sentence starts, over a NormalizedText.
//
// Most relationship comments are ASCII, so ASCII runs go through a byte-class
// scanner; only runs that contain non-ASCII bytes are handed to an ICU word
// BreakIterator (opened on the UTF-8 bytes with utext_openUTF8, so boundaries
// are byte offsets without any UTF-16 copy).
//
// Thread-safety: a Tokenizer is immutable and thread-safe; each thread owns a
// Tokenizer::State (a cloned ICU iterator) and reuses it for every comment.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "lovelorn/analysis.hpp"
#include "normalize.hpp"

namespace lovelorn::detail {

struct Tok {
  std::uint32_t begin = 0, end = 0;    // original byte offsets
  std::uint32_t nbegin = 0, nend = 0;  // offsets into NormalizedText::text
  TokenKind kind = TokenKind::word;
  bool sentence_start = false;
  std::string_view norm;               // folded form (into the text, or a static spelling table)
};

class Tokenizer {
 public:
  Tokenizer();

  // Per-thread scratch: the cloned ICU iterator and its UText.
  class State {
   public:
    State() = default;
    State(State&&) noexcept = default;
    State& operator=(State&&) noexcept = default;
    ~State();

   private:
    friend class Tokenizer;
    std::unique_ptr<icu::BreakIterator> words_;
    UText* utext_ = nullptr;
  };
  State make_state() const;

  // Replaces `out` with the tokens of `text`. Never fails.
  void tokenize(const NormalizedText& text, State& state, std::vector<Tok>& out) const;

 private:
  std::unique_ptr<icu::BreakIterator> prototype_;
};

// The spelled-out form of an informal spelling ("im" -> "i'm", "u" -> "you",
// "wasnt" -> "wasn't"), or the word itself.
std::string_view spell_out(std::string_view word) noexcept;

}  // namespace lovelorn::detail
