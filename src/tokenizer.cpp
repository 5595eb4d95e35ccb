#include "tokenizer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace lovelorn::detail {
namespace {

// Byte classes for the ASCII scanner.
enum Class : std::uint8_t { kSpace, kAlpha, kDigit, kApos, kPunct, kHigh };

constexpr std::array<std::uint8_t, 256> make_classes() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    std::uint8_t k = kPunct;
    if (c >= 0x80) k = kHigh;
    else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') k = kSpace;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') k = kAlpha;
    else if (c >= '0' && c <= '9') k = kDigit;
    else if (c == '\'') k = kApos;
    t[static_cast<std::size_t>(c)] = k;
  }
  return t;
}
constexpr auto kClass = make_classes();

inline std::uint8_t cls(char c) { return kClass[static_cast<std::uint8_t>(c)]; }
inline bool is_word_char(char c) { const auto k = cls(c); return k == kAlpha || k == kDigit; }

// Informal spellings and their spelled-out forms, sorted by the first column.
constexpr std::pair<std::string_view, std::string_view> kSpellings[] = {
    {"arent", "aren't"},   {"bc", "because"},        {"bf", "boyfriend"},    {"cant", "can't"},
    {"couldnt", "couldn't"}, {"cuz", "because"},     {"didnt", "didn't"},    {"doesnt", "doesn't"},
    {"dont", "don't"},     {"gf", "girlfriend"},     {"hadnt", "hadn't"},    {"hasnt", "hasn't"},
    {"havent", "haven't"}, {"im", "i'm"},            {"isnt", "isn't"},      {"ive", "i've"},
    {"ppl", "people"},     {"shes", "she's"},        {"shouldnt", "shouldn't"}, {"thats", "that's"},
    {"theyre", "they're"}, {"tho", "though"},        {"u", "you"},           {"ur", "your"},
    {"wasnt", "wasn't"},   {"werent", "weren't"},    {"whats", "what's"},    {"wouldnt", "wouldn't"},
    {"youre", "you're"},
};

// Bit L of kSpellingMask[c] is set when some informal spelling starts with
// c and has length L.
constexpr std::array<std::uint16_t, 256> make_spelling_mask() {
  std::array<std::uint16_t, 256> m{};
  for (const auto& e : kSpellings) m[static_cast<std::uint8_t>(e.first[0])] |= static_cast<std::uint16_t>(1u << e.first.size());
  return m;
}
constexpr auto kSpellingMask = make_spelling_mask();

bool starts_with(std::string_view s, std::size_t i, std::string_view p) { return s.substr(i, p.size()) == p; }

}  // namespace

std::string_view spell_out(std::string_view word) noexcept {
  // Most words cannot be informal spellings: a (first letter, length) mask
  // rejects them before the search.
  if (word.empty() || word.size() > 8) return word;
  if (!(kSpellingMask[static_cast<std::uint8_t>(word[0])] & (1u << word.size()))) return word;
  const auto* it = std::lower_bound(std::begin(kSpellings), std::end(kSpellings), word,
                                    [](const auto& e, std::string_view w) { return e.first < w; });
  return (it != std::end(kSpellings) && it->first == word) ? it->second : word;
}

Tokenizer::Tokenizer() {
  UErrorCode status = U_ZERO_ERROR;
  prototype_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) prototype_.reset();  // non-ASCII runs then fall back to the byte scanner
}

Tokenizer::State::~State() {
  if (utext_ != nullptr) utext_close(utext_);
}

Tokenizer::State Tokenizer::make_state() const {
  State s;
  if (prototype_) s.words_.reset(prototype_->clone());
  return s;
}

void Tokenizer::tokenize(const NormalizedText& nt, State& state, std::vector<Tok>& out) const {
  out.clear();
  const std::string_view s = nt.text;
  const std::size_t n = s.size();
  bool sentence_start = true;
  auto emit = [&](std::size_t b, std::size_t e, TokenKind kind) {
    Tok t;
    t.nbegin = static_cast<std::uint32_t>(b);
    t.nend = static_cast<std::uint32_t>(e);
    t.begin = nt.orig_begin(b);
    t.end = nt.orig_end(b, e);
    t.kind = kind;
    t.norm = s.substr(b, e - b);
    if (kind == TokenKind::word) t.norm = spell_out(t.norm);
    t.sentence_start = sentence_start && kind != TokenKind::punctuation;
    if (t.sentence_start) sentence_start = false;
    out.push_back(t);
  };
  std::size_t i = 0;
  while (i < n) {
    const char c = s[i];
    const std::uint8_t k = cls(c);
    if (k == kSpace) {
      // A blank line ends a sentence even without punctuation.
      if (c == '\n' && i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r')) sentence_start = true;
      ++i;
      continue;
    }
    // The end of the current whitespace-delimited chunk.
    std::size_t chunk_end = i;
    bool high = false, has_at = false;
    while (chunk_end < n) {
      const char ch = s[chunk_end];
      const std::uint8_t kc = cls(ch);
      if (kc == kSpace) break;
      high |= kc == kHigh;
      has_at |= ch == '@';
      ++chunk_end;
    }

    if ((c == 'h' || c == 'w') &&
        (starts_with(s, i, "http://") || starts_with(s, i, "https://") || starts_with(s, i, "www."))) {
      std::size_t e = chunk_end;
      while (e > i && (s[e - 1] == '.' || s[e - 1] == ',' || s[e - 1] == ')' || s[e - 1] == '!' || s[e - 1] == '?')) --e;
      emit(i, e, TokenKind::url);
      i = e;
      continue;
    }
    if (!high) {
      // An e-mail: word chars, '@', host with a dot.
      const std::size_t at = has_at ? s.substr(0, chunk_end).find('@', i) : std::string_view::npos;
      if (at != std::string_view::npos && at > i && is_word_char(s[i])) {
        std::size_t e = at + 1;
        bool dot = false;
        while (e < chunk_end && (is_word_char(s[e]) || s[e] == '.' || s[e] == '-')) dot |= s[e++] == '.';
        while (e > at + 1 && s[e - 1] == '.') --e;
        bool local_ok = true;
        for (std::size_t j = i; j < at; ++j) local_ok &= is_word_char(s[j]) || s[j] == '.' || s[j] == '+' || s[j] == '-';
        if (dot && local_ok && e > at + 1) {
          emit(i, e, TokenKind::email);
          i = e;
          continue;
        }
      }
    }
    if ((c == '@' || c == '#') && i + 1 < n && is_word_char(s[i + 1])) {
      std::size_t e = i + 1;
      while (e < n && (is_word_char(s[e]) || s[e] == '-')) ++e;
      emit(i, e, c == '@' ? TokenKind::mention : TokenKind::hashtag);
      i = e;
      continue;
    }
    if ((c == 'u' || c == 'r' || (c == '/' && i + 2 < n && (s[i + 1] == 'u' || s[i + 1] == 'r'))) &&
        (i == 0 || cls(s[i - 1]) == kSpace || s[i - 1] == '(')) {
      const std::size_t slash = c == '/' ? i + 2 : i + 1;
      if (slash < n && s[slash] == '/' && slash + 1 < n && is_word_char(s[slash + 1])) {
        std::size_t e = slash + 1;
        while (e < n && (is_word_char(s[e]) || s[e] == '-')) ++e;
        emit(i, e, TokenKind::mention);
        i = e;
        continue;
      }
    }
    if (high && state.words_) {
      // Hand the whole chunk to ICU; it knows scripts, emoji and combining marks.
      UErrorCode status = U_ZERO_ERROR;
      state.utext_ = utext_openUTF8(state.utext_, s.data() + i, static_cast<std::int64_t>(chunk_end - i), &status);
      if (U_SUCCESS(status)) {
        state.words_->setText(state.utext_, status);
      }
      if (U_SUCCESS(status)) {
        std::int32_t b = state.words_->first();
        for (std::int32_t e = state.words_->next(); e != icu::BreakIterator::DONE; b = e, e = state.words_->next()) {
          const std::int32_t status_tag = state.words_->getRuleStatus();
          const std::size_t tb = i + static_cast<std::size_t>(b), te = i + static_cast<std::size_t>(e);
          TokenKind kind = TokenKind::word;
          if (status_tag >= UBRK_WORD_NUMBER && status_tag < UBRK_WORD_NUMBER_LIMIT) {
            kind = TokenKind::number;
          } else if (status_tag < UBRK_WORD_NONE_LIMIT) {
            UChar32 cp = 0;
            std::int32_t off = 0;
            U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data() + tb), off, static_cast<std::int32_t>(te - tb), cp);
            if (cp >= 0 && u_isUWhiteSpace(cp)) continue;
            kind = (cp >= 0 && u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC)) ? TokenKind::emoji
                                                                                    : TokenKind::punctuation;
            if (kind == TokenKind::punctuation && te - tb == 1 && (s[tb] == '.' || s[tb] == '!' || s[tb] == '?')) {
              emit(tb, te, kind);
              sentence_start = true;
              continue;
            }
          }
          emit(tb, te, kind);
        }
        i = chunk_end;
        continue;
      }
    }
    // The ASCII scanner.
    if (k == kAlpha || k == kDigit || k == kHigh) {
      std::size_t e = i;
      bool all_digits = true;
      while (e < chunk_end) {
        const std::uint8_t ke = cls(s[e]);
        if (ke == kAlpha || ke == kHigh) { all_digits = false; ++e; continue; }
        if (ke == kDigit) { ++e; continue; }
        // Inner apostrophes ("didn't"), and separators between digits ("1.5", "10,000").
        if (ke == kApos && e + 1 < chunk_end && cls(s[e + 1]) == kAlpha && !all_digits) { ++e; continue; }
        if ((s[e] == '.' || s[e] == ',') && all_digits && e + 1 < chunk_end && cls(s[e + 1]) == kDigit) { ++e; continue; }
        break;
      }
      emit(i, e, all_digits ? TokenKind::number : TokenKind::word);
      i = e;
      continue;
    }
    // Punctuation: a run of the same character is one token ("...", "?!" stays two).
    std::size_t e = i + 1;
    while (e < chunk_end && s[e] == c) ++e;
    emit(i, e, TokenKind::punctuation);
    if (c == '.' || c == '!' || c == '?') sentence_start = true;
    i = e;
  }
}

}  // namespace lovelorn::detail
