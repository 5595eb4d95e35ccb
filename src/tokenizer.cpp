#include "tokenizer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "swar.hpp"

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

// The end of the run of kAlpha bytes ([A-Za-z_]) starting at i. Eight bytes
// per step while eight remain: a byte loop mispredicts at the end of every
// word, this exits after one step for most words.
inline std::size_t letters_end(std::string_view s, std::size_t i) {
  if constexpr (swar::kEnabled) {
    for (; i + 8 <= s.size(); i += 8) {
      const std::uint64_t x = swar::load8(s.data() + i);
      const std::uint64_t alpha = swar::in_range(x | 0x2020202020202020ull, 'a', 'z') | swar::equal(x, '_');
      if (const std::uint64_t other = ~alpha & swar::kHigh) return i + swar::first(other);
    }
  }
  while (i < s.size() && cls(s[i]) == kAlpha) ++i;
  return i;
}

// Bytes after a word that may make it part of something longer: a non-ASCII
// chunk, an e-mail address, a mention ("u/name").
constexpr std::array<bool, 256> kMaybeJoined = [] {
  std::array<bool, 256> t{};
  for (int c = 0x80; c < 256; ++c) t[static_cast<std::size_t>(c)] = true;
  for (char c : std::string_view("@.+-/")) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

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

// Index of the first spelling starting with each byte (the table is sorted).
constexpr std::array<std::uint8_t, 256> make_spelling_start() {
  std::array<std::uint8_t, 256> m{};
  for (std::size_t k = std::size(kSpellings); k-- > 0;) m[static_cast<std::uint8_t>(kSpellings[k].first[0])] = static_cast<std::uint8_t>(k);
  return m;
}
constexpr auto kSpellingStart = make_spelling_start();

inline bool starts_with(std::string_view s, std::size_t i, std::string_view p) {
  if (s.size() - i < p.size()) return false;
  for (std::size_t k = 0; k < p.size(); ++k)
    if (s[i + k] != p[k]) return false;
  return true;
}

inline bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k] != b[k]) return false;
  return true;
}

// Most words cannot be informal spellings: a (first letter, length) mask
// rejects them, then only the few entries with that first letter are compared.
inline std::string_view spell_out_inline(std::string_view word) noexcept {
  if (word.empty() || word.size() > 8) return word;
  const auto first = static_cast<std::uint8_t>(word[0]);
  if (!(kSpellingMask[first] & (1u << word.size()))) return word;
  for (std::size_t k = kSpellingStart[first]; k < std::size(kSpellings) && kSpellings[k].first[0] == word[0]; ++k) {
    if (same(kSpellings[k].first, word)) return kSpellings[k].second;
  }
  return word;
}

}  // namespace

std::string_view spell_out(std::string_view word) noexcept { return spell_out_inline(word); }

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
  const char* const nul_terminated = nt.text.c_str();
  out.reserve(n / 4 + 16);  // a token per five bytes is typical; emplace_back grows the rest
  const bool identity = nt.identity;
  bool sentence_start = true;
  auto emit = [&](std::size_t b, std::size_t e, TokenKind kind) {
    Tok& t = out.emplace_back();
    t.nbegin = static_cast<std::uint32_t>(b);
    t.nend = static_cast<std::uint32_t>(e);
    if (identity) {
      t.begin = t.nbegin;
      t.end = t.nend;
    } else {
      t.begin = nt.orig_begin(b);
      t.end = nt.orig_end(b, e);
    }
    t.kind = kind;
    t.norm = std::string_view(s.data() + b, e - b);
    if (kind == TokenKind::word) t.norm = spell_out_inline(t.norm);
    t.sentence_start = sentence_start && kind != TokenKind::punctuation;
    if (t.sentence_start) sentence_start = false;
  };

  auto chunk_end_from = [&](std::size_t i) {
    while (i < n && cls(s[i]) != kSpace) ++i;
    return i;
  };
  // ICU for a chunk with non-ASCII bytes: it knows scripts, emoji, marks.
  auto icu_chunk = [&](std::size_t i, std::size_t chunk_end) {
    UErrorCode status = U_ZERO_ERROR;
    state.utext_ = utext_openUTF8(state.utext_, s.data() + i, static_cast<std::int64_t>(chunk_end - i), &status);
    if (U_SUCCESS(status)) state.words_->setText(state.utext_, status);
    if (U_FAILURE(status)) return false;
    std::int32_t b = state.words_->first();
    for (std::int32_t e = state.words_->next(); e != icu::BreakIterator::DONE; b = e, e = state.words_->next()) {
      const std::int32_t tag = state.words_->getRuleStatus();
      const std::size_t tb = i + static_cast<std::size_t>(b), te = i + static_cast<std::size_t>(e);
      TokenKind kind = TokenKind::word;
      if (tag >= UBRK_WORD_NUMBER && tag < UBRK_WORD_NUMBER_LIMIT) {
        kind = TokenKind::number;
      } else if (tag < UBRK_WORD_NONE_LIMIT) {
        UChar32 cp = 0;
        std::int32_t off = 0;
        U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data() + tb), off, static_cast<std::int32_t>(te - tb), cp);
        if (cp >= 0 && u_isUWhiteSpace(cp)) continue;
        kind = (cp >= 0 && u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC)) ? TokenKind::emoji : TokenKind::punctuation;
        if (kind == TokenKind::punctuation && te - tb == 1 && (s[tb] == '.' || s[tb] == '!' || s[tb] == '?')) {
          emit(tb, te, kind);
          sentence_start = true;
          continue;
        }
      }
      emit(tb, te, kind);
    }
    return true;
  };
  // An e-mail address starting at i, or 0.
  auto email_end = [&](std::size_t i) -> std::size_t {
    const std::size_t chunk_end = chunk_end_from(i);
    const std::size_t at = s.substr(0, chunk_end).find('@', i);
    if (at == std::string_view::npos || at == i) return 0;
    for (std::size_t j = i; j < at; ++j) {
      if (!(is_word_char(s[j]) || s[j] == '.' || s[j] == '+' || s[j] == '-')) return 0;
    }
    std::size_t e = at + 1;
    bool dot = false;
    while (e < chunk_end && (is_word_char(s[e]) || s[e] == '.' || s[e] == '-')) dot |= s[e++] == '.';
    while (e > at + 1 && s[e - 1] == '.') --e;
    return (dot && e > at + 1 && s.substr(at + 1, e - at - 1).find('.') != std::string_view::npos) ? e : 0;
  };
  auto name_end = [&](std::size_t e) {  // the rest of a mention/hashtag name
    while (e < n && (is_word_char(s[e]) || s[e] == '-')) ++e;
    return e;
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
    if (k == kHigh && state.words_) {
      const std::size_t ce = chunk_end_from(i);
      if (icu_chunk(i, ce)) {
        i = ce;
        continue;
      }
    }
    if (k == kAlpha || k == kDigit) {
      if (((c == 'h' && nul_terminated[i + 1] == 't') || (c == 'w' && nul_terminated[i + 1] == 'w')) &&
          (starts_with(s, i, "http://") || starts_with(s, i, "https://") || starts_with(s, i, "www."))) {
        std::size_t e = chunk_end_from(i);
        while (e > i && (s[e - 1] == '.' || s[e - 1] == ',' || s[e - 1] == ')' || s[e - 1] == '!' || s[e - 1] == '?')) --e;
        emit(i, e, TokenKind::url);
        i = e;
        continue;
      }
      // A word or number: letters and digits, inner apostrophes ("didn't"),
      // separators between digits ("1.5", "10,000").
      std::size_t e = i;
      bool all_digits = true;
      if (k == kAlpha) {  // most words are letters only: take those first
        all_digits = false;
        e = letters_end(s, e + 1);
      }
      while (e < n) {
        const std::uint8_t ke = cls(s[e]);
        if (ke == kAlpha) { all_digits = false; ++e; continue; }
        if (ke == kDigit) { ++e; continue; }
        if (ke == kApos && e + 1 < n && cls(s[e + 1]) == kAlpha && !all_digits) { ++e; continue; }
        if ((s[e] == '.' || s[e] == ',') && all_digits && e + 1 < n && cls(s[e + 1]) == kDigit) { ++e; continue; }
        break;
      }
      if (e < n && kMaybeJoined[static_cast<std::uint8_t>(s[e])]) {
        const char next = s[e];
        if (cls(next) == kHigh && state.words_) {  // "café": the whole chunk goes to ICU
          const std::size_t ce = chunk_end_from(i);
          if (icu_chunk(i, ce)) {
            i = ce;
            continue;
          }
        }
        if (next == '@' || ((next == '.' || next == '+' || next == '-') && e + 1 < n && is_word_char(s[e + 1]))) {
          if (const std::size_t ee = email_end(i)) {
            emit(i, ee, TokenKind::email);
            i = ee;
            continue;
          }
        }
        if (next == '/' && e == i + 1 && (c == 'u' || c == 'r') && (i == 0 || cls(s[i - 1]) == kSpace || s[i - 1] == '(') &&
            e + 1 < n && is_word_char(s[e + 1])) {
          const std::size_t ee = name_end(e + 1);
          emit(i, ee, TokenKind::mention);
          i = ee;
          continue;
        }
      }
      emit(i, e, all_digits ? TokenKind::number : TokenKind::word);
      i = e;
      continue;
    }
    if (c == '/' && i + 3 < n && (s[i + 1] == 'u' || s[i + 1] == 'r') && s[i + 2] == '/' && is_word_char(s[i + 3]) &&
        (i == 0 || cls(s[i - 1]) == kSpace || s[i - 1] == '(')) {
      const std::size_t ee = name_end(i + 3);
      emit(i, ee, TokenKind::mention);
      i = ee;
      continue;
    }
    if ((c == '@' || c == '#') && i + 1 < n && is_word_char(s[i + 1])) {
      const std::size_t ee = name_end(i + 1);
      emit(i, ee, c == '@' ? TokenKind::mention : TokenKind::hashtag);
      i = ee;
      continue;
    }
    // Punctuation (or a non-ASCII chunk when ICU is unavailable): a run of
    // the same byte is one token ("...", "!!!").
    std::size_t e = i + 1;
    if (k == kHigh) {
      while (e < n && cls(s[e]) == kHigh) ++e;
      emit(i, e, TokenKind::word);
      i = e;
      continue;
    }
    while (e < n && s[e] == c) ++e;
    emit(i, e, TokenKind::punctuation);
    if (c == '.' || c == '!' || c == '?') sentence_start = true;
    i = e;
  }
}

}  // namespace lovelorn::detail
