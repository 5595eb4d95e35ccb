// durations — unit-anchored search for durations, then role from context.
//
// The scan is a single pass over the folded text that only looks at words
// that could be time units (first letter d h m n s w y f). At a unit, the
// duration grammar (grammar/duration_ast.hpp) is run from each of the few
// word starts before it, farthest first, and the longest parse that ends with
// this unit wins. Context rules (frequencies, idioms, ordinals) then drop the
// false friends, and the words around the span decide the role. Nothing here
// allocates except the output vector and the Duration strings.
#include "durations.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <string_view>

#include "grammar/duration_ast.hpp"
#include "swar.hpp"

namespace lovelorn::detail {
namespace {

using grammar::DurationForm;
using grammar::DurationMatch;
using grammar::Hedge;
using grammar::Prefix;
using grammar::QuantityKind;
using grammar::UnitKind;

constexpr bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(unsigned char c) { return is_lower(c) || is_digit(c); }
// Bytes that belong to words for the context rules (apostrophes kept:
// "haven't"; non-ASCII letters kept: "fiancé").
constexpr bool is_word_byte(unsigned char c) { return is_alnum(c) || c == '\'' || c >= 0x80; }

// Bytes that end a clause for the role rules.
constexpr bool is_clause_break(unsigned char c) {
  return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == ':';
}
constexpr bool is_sentence_break(unsigned char c) { return c == '.' || c == '!' || c == '?' || c == '\n'; }

// First letters of the unit words (grammar/unit_def.hpp).
constexpr std::array<bool, 256> make_unit_initials() {
  std::array<bool, 256> t{};
  for (char c : std::string_view("dfhmnswy")) t[static_cast<unsigned char>(c)] = true;
  return t;
}
constexpr std::array<bool, 256> kUnitInitial = make_unit_initials();

// First two letters of the unit words: most words starting with a unit
// initial ("she", "was", "my") never reach the unit grammar.
constexpr std::array<bool, 26 * 26> make_unit_bigrams() {
  std::array<bool, 26 * 26> t{};
  for (std::string_view b : {"se", "mi", "mo", "mt", "mn", "ho", "hr", "da", "dy", "ni", "we", "wk", "fo", "ye",
                             "yr", "ya", "ys", "de"})
    t[static_cast<std::size_t>((b[0] - 'a') * 26 + (b[1] - 'a'))] = true;
  return t;
}
constexpr std::array<bool, 26 * 26> kUnitBigram = make_unit_bigrams();

// Byte classes of the candidate scan: 0 letter (or UTF-8 byte), 1 other, 2 digit.
constexpr std::array<std::uint8_t, 256> make_prev_class() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[static_cast<std::size_t>(c)] = is_lower(static_cast<unsigned char>(c)) || c >= 0x80 ? 0 : is_digit(static_cast<unsigned char>(c)) ? 2 : 1;
  return t;
}
constexpr std::array<std::uint8_t, 256> kPrevClass = make_prev_class();
// 1..8 for the unit initials, 0 otherwise; 1..26 for letters, 0 otherwise.
constexpr std::string_view kInitials = "dfhmnswy";
constexpr std::array<std::uint8_t, 256> make_initial_index() {
  std::array<std::uint8_t, 256> t{};
  for (std::size_t i = 0; i < kInitials.size(); ++i) t[static_cast<unsigned char>(kInitials[i])] = static_cast<std::uint8_t>(i + 1);
  return t;
}
constexpr std::array<std::uint8_t, 256> kInitialIndex = make_initial_index();
constexpr std::array<std::uint8_t, 256> make_second_index() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - 'a' + 1);
  return t;
}
constexpr std::array<std::uint8_t, 256> kSecondIndex = make_second_index();
constexpr std::array<bool, 9 * 27> make_bigram() {
  std::array<bool, 9 * 27> t{};
  for (std::size_t c0 = 0; c0 < 26; ++c0)
    for (std::size_t c1 = 0; c1 < 26; ++c1) {
      if (!kUnitBigram[c0 * 26 + c1]) continue;
      const std::size_t first = kInitials.find(static_cast<char>('a' + c0));
      if (first != std::string_view::npos) t[(first + 1) * 27 + c1 + 1] = true;
    }
  return t;
}
constexpr std::array<bool, 9 * 27> kBigram = make_bigram();


bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}

bool starts_with(const char* p, const char* end, std::string_view w) {
  return p != nullptr && static_cast<std::size_t>(end - p) >= w.size() && std::string_view(p, w.size()) == w;
}

// Word classes of the context rules, looked up once per word.
enum WordClass : std::uint32_t {
  kNegation = 1u << 0,      // not, never, hasn't ...
  kContactVerb = 1u << 1,   // heard, talked, texted ...
  kSilence = 1u << 2,       // nc, silence, ignored, blocked ...
  kRelWord = 1u << 3,       // dating, together, married ...
  kPartnerNoun = 1u << 4,   // boyfriend, wife, ex ...
  kPersonWord = 1u << 5,    // him, her, guy, someone ...
  kBreakupVerb = 1u << 6,   // left, split, broke ...
  kRelNoun = 1u << 7,       // relationship, marriage, anniversary ...
  kBreaker = 1u << 8,       // another subject or clause: he, she, but, when ...
  kFirstPerson = 1u << 9,   // i, we, my, our ...
  kOtherPerson = 1u << 10,  // he, she, they, you, his ...
  kKin = 1u << 11,          // friend, sister, mom ... (someone else's relationship)
  kSinceState = 1u << 12,   // divorced, separated, single, widowed
  kOtherLength = 1u << 13,  // known, friends, worked, lived: another kind of length
  kNotCouple = 1u << 14,    // words before "together" that are not a couple: worked, back, get ...
  kPrevious = 1u << 15,     // previous, prior, former, relationships
  kPastAdj = 1u << 16,      // failed, previous, old, last ... before a relationship noun
  kOwner = 1u << 17,        // her, his, their, your (possessive of someone else)
};

// A small open-addressing table of short words (FNV-1a): a lookup costs a
// few nanoseconds, which matters because every context word is looked up.
class WordTable {
 public:
  void add(std::string_view w, std::uint32_t flags) {
    std::size_t i = slot(w);
    while (slots_[i].flags != 0 && slots_[i].word != w) i = (i + 1) & (kSize - 1);
    slots_[i].word = w;
    slots_[i].flags |= flags;
  }
  std::uint32_t find(std::string_view w) const {
    if (w.empty() || w.size() > kMaxWord) return 0;
    for (std::size_t i = slot(w);; i = (i + 1) & (kSize - 1)) {
      if (slots_[i].flags == 0) return 0;
      if (slots_[i].word == w) return slots_[i].flags;
    }
  }

 private:
  static constexpr std::size_t kSize = 1024;  // power of two, at most half full
  static constexpr std::size_t kMaxWord = 16;
  static std::size_t slot(std::string_view w) {
    std::uint32_t h = 2166136261u;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h & (kSize - 1);
  }
  struct Slot {
    std::string_view word;
    std::uint32_t flags = 0;
  };
  std::array<Slot, kSize> slots_{};
};

std::uint32_t lexicon_flags(std::string_view w) {
  static const WordTable kLexicon = [] {
    WordTable m;
    auto add = [&m](std::uint32_t f, std::initializer_list<std::string_view> words) {
      for (std::string_view x : words) m.add(x, f);
    };
    add(kNegation, {"not", "no", "never", "without", "stopped", "nor", "barely", "hardly", "havent", "hasnt",
                    "didnt", "dont", "doesnt", "wont", "cant", "couldnt", "wouldnt", "hadnt", "isnt", "wasnt",
                    "werent", "arent"});
    add(kContactVerb, {"heard", "hear", "hearing", "talk", "talked", "talking", "spoke", "spoken", "speak",
                       "speaking", "text", "texted", "texting", "call", "called", "calling", "message", "messaged",
                       "messaging", "contact", "contacted", "contacting", "reply", "replied", "replying", "respond",
                       "responded", "responding", "answer", "answered", "seen", "see", "seeing", "saw", "hung",
                       "hang", "hanging", "chat", "chatted", "chatting", "communicate", "communicated",
                       "communicating", "email", "emailed", "dm", "dmed", "snapped", "facetimed", "met", "meet",
                       "visited", "reached"});
    add(kSilence, {"nc", "silence", "silent", "ghosted", "ghosting", "ignoring", "ignored", "blocked", "mia"});
    add(kRelWord, {"dating", "dated", "together", "married", "engaged", "relationship", "wed", "courting"});
    add(kPartnerNoun, {"boyfriend", "girlfriend", "bf", "gf", "husband", "hubby", "wife", "partner", "fiance",
                       "fiancé", "fiancee", "fiancée", "ex", "spouse", "relationship", "marriage", "so", "man",
                       "lover"});
    add(kPersonWord, {"him", "her", "guy", "girl", "man", "woman", "boy", "sweetheart", "someone", "somebody",
                      "person", "eachother", "them"});
    add(kBreakupVerb, {"left", "leave", "split", "broke", "ended", "end", "dumped", "divorced", "separated", "quit"});
    add(kRelNoun, {"relationship", "marriage", "anniversary", "ldr", "romance", "courtship", "engagement"});
    add(kBreaker, {"he", "she", "they", "it", "you", "he's", "she's", "they're", "you're", "as", "but", "so",
                   "because", "when", "if", "then", "that", "which", "who", "while", "until", "though",
                   "although", "whereas"});
    add(kFirstPerson, {"i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "we", "we're", "we've", "we'd",
                       "us", "our", "im", "ive"});
    add(kOtherPerson, {"he", "he's", "she", "she's", "they", "they're", "they've", "their", "his", "you",
                       "you're", "you've", "your", "you'd", "hes", "shes", "theyve", "youve"});
    add(kKin, {"friend", "sister", "brother", "mom", "mum", "mother", "dad", "father", "cousin", "roommate",
               "coworker", "colleague", "aunt", "uncle", "parents", "daughter", "son", "friends"});
    add(kSinceState, {"divorced", "separated", "single", "widowed"});
    add(kOtherLength, {"known", "friends", "worked", "lived"});
    add(kNotCouple, {"back", "get", "got", "getting", "worked", "work", "working", "studied", "played", "lived",
                     "living", "day", "time", "night", "trip", "vacation", "holiday", "spent"});
    add(kPrevious, {"previous", "prior", "former", "relationships"});
    add(kPastAdj, {"failed", "previous", "prior", "former", "past", "old", "last", "other", "first"});
    add(kOwner, {"her", "his", "their", "your"});
    return m;
  }();
  std::uint32_t f = kLexicon.find(w);
  if (w.size() > 3 && w.substr(w.size() - 3) == "n't") f |= kNegation;
  return f;
}

struct Word {
  std::string_view w;
  std::uint32_t b = 0, e = 0;
  std::uint32_t f = 0;  // WordClass bits
};

constexpr std::size_t kWindow = 12;

// Words around a span, nearest first, stopping at a clause (or sentence) break.
class Words {
 public:
  explicit Words(std::string_view s) : s_(s) {}

  std::size_t before(std::size_t p, Word* out, std::size_t max, bool sentence_only = false) const {
    std::size_t n = 0;
    std::size_t i = p;
    while (n < max && i > 0) {
      const auto c = static_cast<unsigned char>(s_[i - 1]);
      if (sentence_only ? is_sentence_break(c) && !decimal_point(i - 1) : is_clause_break(c) && !decimal_point(i - 1)) break;
      if (!is_word_byte(c)) { --i; continue; }
      std::size_t e = i;
      while (i > 0 && (is_word_byte(static_cast<unsigned char>(s_[i - 1])) || decimal_point(i - 1))) --i;
      out[n++] = make(i, e);
    }
    return n;
  }

  std::size_t after(std::size_t p, Word* out, std::size_t max) const {
    std::size_t n = 0;
    std::size_t i = p;
    while (n < max && i < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[i]);
      if (is_clause_break(c) && !decimal_point(i)) break;
      if (!is_word_byte(c)) { ++i; continue; }
      std::size_t b = i;
      while (i < s_.size() && (is_word_byte(static_cast<unsigned char>(s_[i])) || decimal_point(i))) ++i;
      out[n++] = make(b, i);
    }
    return n;
  }

 private:
  bool decimal_point(std::size_t i) const {
    return (s_[i] == '.' || s_[i] == ',') && i > 0 && i + 1 < s_.size() &&
           is_digit(static_cast<unsigned char>(s_[i - 1])) && is_digit(static_cast<unsigned char>(s_[i + 1]));
  }
  Word make(std::size_t b, std::size_t e) const {
    while (b < e && s_[b] == '\'') ++b;  // quotes written with apostrophes
    while (e > b && s_[e - 1] == '\'') --e;
    const std::string_view w = s_.substr(b, e - b);
    return Word{w, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), lexicon_flags(w)};
  }
  std::string_view s_;
};

// --- word classes used by the context rules ----------------------------------

bool is_number_word(std::string_view w) {
  if (!w.empty() && is_digit(static_cast<unsigned char>(w[0]))) return true;
  return in(w, {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few", "couple",
                "several", "many", "hundreds", "dozens", "thousands", "twelve", "twenty", "fifty", "hundred"});
}

bool has_digit(std::string_view w) {
  for (char c : w)
    if (is_digit(static_cast<unsigned char>(c))) return true;
  return false;
}

bool is_unit_word(std::string_view w) {
  if (w.empty() || !kUnitInitial[static_cast<unsigned char>(w[0])]) return false;
  const char* f = w.data();
  grammar::UnitMatch u;
  return grammar::parse_unit(f, w.data() + w.size(), u) && f == w.data() + w.size();
}







// "24m", "f19", "m", "30": age and gender tags written in parentheses.
bool is_age_tag(std::string_view w) {
  if (w.empty() || w.size() > 4) return false;
  std::size_t digits = 0, letters = 0;
  for (char c : w) {
    if (is_digit(static_cast<unsigned char>(c))) ++digits;
    else if (c == 'm' || c == 'f') ++letters;
    else return false;
  }
  return letters <= 1 && (digits > 0 || letters == 1);
}



bool is_start_word(std::string_view w) {
  static const WordTable kWords = [] {
    WordTable t;
    for (std::string_view x : {
      // numbers and amounts (grammar/number_def.hpp)
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
      "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
      "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety", "a", "an", "another", "half", "couple",
      "few", "several", "dozen", "between",
      // prefixes and modifiers (grammar/duration_def.hpp)
      "the", "these", "all", "so", "too", "many", "long", "endless", "countless", "numerous",
      // first words of hedges (grammar/hedge_def.hpp)
      "about", "around", "roughly", "approximately", "approx", "almost", "nearly", "close", "just", "slightly",
      "over", "well", "way", "more", "less", "under", "at", "only", "up", "like", "barely", "not", "exactly",
      "maybe", "probably"})
      t.add(x, 1);
    return t;
  }();
  return kWords.find(w) != 0;
}

// --- roles ---------------------------------------------------------------------

DurationRole role_from_right(const Word* r, std::size_t nr, bool in_closes, bool long_unit, bool& decided) {
  decided = true;
  if (nr == 0) { decided = false; return DurationRole::other; }
  const std::string_view r0 = r[0].w;
  const std::string_view r1 = nr > 1 ? r[1].w : std::string_view();
  if (in(r0, {"ago", "later", "back", "earlier", "after"})) return DurationRole::since_event;
  if (r0 == "since") {
    // "since we last spoke" is a silence; "since the breakup" an event.
    bool last = false, contact = false;
    for (std::size_t i = 1; i < nr && i < 6; ++i) {
      last = last || r[i].w == "last";
      contact = contact || (r[i].f & kContactVerb);
    }
    return last && contact ? DurationRole::no_contact : DurationRole::since_event;
  }
  if ((r0 == "living" || r0 == "lived") && r1 == "together") return DurationRole::other;
  if (in(r0, {"old", "pregnant", "along", "younger", "older", "apart", "away", "drive", "walk", "flight",
              "ride", "commute", "difference", "gap"}))
    return DurationRole::other;
  if (r0 == "of") {
    if (in(r1, {"dating", "marriage", "relationship", "togetherness", "courtship", "being"})) {
      if (r1 != "being") return DurationRole::relationship;
      const std::string_view r2 = nr > 2 ? r[2].w : std::string_view();
      if (in(r2, {"together", "married", "with", "in", "engaged", "exclusive"})) return DurationRole::relationship;
    }
    if (in(r1, {"no", "nc", "silence", "not", "radio", "zero"})) return DurationRole::no_contact;
    if (r1 == "age") return DurationRole::other;
  }
  if (r0 == "nc" || (r0 == "no" && r1 == "contact")) return DurationRole::no_contact;
  if (r0 == "into" || r0 == "in") {
    if (r1 == "nc" || r1 == "no") return DurationRole::no_contact;
    for (std::size_t i = 1; i < nr && i < 4; ++i)
      if ((r[i].f & kRelNoun) || r[i].w == "dating") return DurationRole::relationship;
    if (r0 == "in" && in_closes) return DurationRole::relationship;  // "(several months in)"
  }
  if ((r[0].f & kRelNoun) || (r0 == "together" && long_unit)) return DurationRole::relationship;
  if (in(r0, {"we", "we've", "we're", "i've"})) {  // "nearly 4 years we have been together"
    for (std::size_t i = 1; i < nr && i < 4; ++i)
      if (in(r[i].w, {"together", "dating", "dated", "married"})) return DurationRole::relationship;
  }
  if (r0 == "with" && long_unit) {  // "I spent 2 years with a guy who ..."
    for (std::size_t i = 1; i < nr && i < 4; ++i)
      if ((r[i].f & kPartnerNoun) || in(r[i].w, {"guy", "girl", "man", "woman"})) return DurationRole::relationship;
  }
  if (nr > 1 && (r[1].f & kRelNoun) &&
      in(r0, {"long", "exclusive", "serious", "committed", "happy", "on", "off", "open", "distance",
              "long-distance", "loving", "monogamous", "sexless", "toxic", "abusive"}))
    return DurationRole::relationship;
  if (nr > 2 && (r[2].f & kRelNoun) && in(r0, {"long", "on"}) && in(r1, {"distance", "and", "off"}))
    return DurationRole::relationship;
  decided = false;
  return DurationRole::other;
}

DurationRole role_from_left(const Word* w, std::size_t nw, bool& decided) {
  decided = true;
  if (nw > 0) {
    const std::string_view w0 = w[0].w;
    if (w0 == "after") {
      for (std::size_t i = 1; i < nw && i < 6; ++i)  // "he broke up with me after"
        if ((w[i].f & kBreakupVerb)) return DurationRole::relationship;
      return DurationRole::since_event;
    }
    if (w0 == "since") return DurationRole::since_event;
    if (w0 == "of") {  // "my boyfriend of 2 years", "my partner (24m) of 1.5 years"
      std::size_t i = 1;
      while (i < nw && is_age_tag(w[i].w)) ++i;
      if (i < nw && (w[i].f & kPartnerNoun)) return DurationRole::relationship;
    }
  }
  for (std::size_t k = 0; k < nw; ++k) {
    const std::string_view x = w[k].w;
    const std::string_view next = k + 1 < nw ? w[k + 1].w : std::string_view();  // the word before x
    if ((w[k].f & kSilence) || (x == "contact" && next == "no")) return DurationRole::no_contact;
    if ((w[k].f & kContactVerb)) {
      for (std::size_t i = k + 1; i < nw && i <= k + 3; ++i)
        if ((w[i].f & kNegation)) return DurationRole::no_contact;
      if ((x == "talking" || x == "seeing") && next == "been") return DurationRole::relationship;
      if (x == "seeing" && k > 0 && w[k - 1].w == "each") return DurationRole::relationship;
      continue;
    }
    if (x == "together" && k + 1 < nw && (w[k + 1].f & kNotCouple)) break;
    // "relationship" is a weak trigger: "in a relationship for 8 months", but
    // not "through our whole relationship he worked nights for 3 months".
    if ((w[k].f & kRelWord) && (x != "relationship" || k <= 4)) return DurationRole::relationship;
    // Another subject or clause between the trigger and the span ends the search:
    // "we were dating and he went away for 2 weeks".
    if (w[k].f & kBreaker) break;
    if (x == "with" && in(next, {"been", "being", "was", "were", "am", "is", "are", "stayed"})) {
      // "been with him for", "I was with my boyfriend for"; not "with my family"
      for (std::size_t i = 0; i < k; ++i)
        if ((w[i].f & kPartnerNoun) || (w[i].f & kPersonWord)) return DurationRole::relationship;
    }
    if (x == "off" && next == "and" && k + 2 < nw && w[k + 2].w == "on") return DurationRole::relationship;
    if (w[k].f & kSinceState) return DurationRole::since_event;
    if (x == "broken" && k > 0 && w[k - 1].w == "up") return DurationRole::since_event;
    if (x == "been") {
      std::size_t j = k + 1;  // "it's only been", "it has already been"
      while (j < nw && in(w[j].w, {"only", "just", "already", "now", "almost", "nearly", "literally"})) ++j;
      const std::string_view subject = j < nw ? w[j].w : std::string_view();
      if (in(subject, {"it's", "its", "it"})) return DurationRole::since_event;
      if (subject == "has" && j + 1 < nw && w[j + 1].w == "it") return DurationRole::since_event;
    }
    if (w[k].f & kOtherLength) break;  // another kind of length
  }
  decided = false;
  return DurationRole::other;
}

// --- the extractor ---------------------------------------------------------------

class Extractor {
 public:
  Extractor(std::string_view original, const NormalizedText& text, std::vector<Duration>& out)
      : original_(original), text_(text), s_(text.text), words_(text.text), out_(out) {}

  // Candidates: a byte starts a candidate when the byte before it is not a
  // letter and the byte pair is the start of a unit word ("we", "mo", "yr",
  // ...), or when it is a unit initial glued to a digit ("3d", "2wks").
  // Letters (a-z and UTF-8 bytes) are found eight bytes at a time, so only
  // word starts are examined one by one; only candidates reach the grammars.
  void run() {
    const auto* s = reinterpret_cast<const unsigned char*>(s_.data());  // s[size] is the string's NUL
    const std::size_t n = s_.size();
    std::size_t k = 0;
    if constexpr (swar::kEnabled) {
      std::uint64_t carry = 0;  // lane 0 set when the byte before the block is a letter
      for (; k + 8 <= n; k += 8) {
        const std::uint64_t x = swar::load8(s_.data() + k);
        const std::uint64_t letters = swar::in_range(x, 'a', 'z') | swar::high(x);
        std::uint64_t starts = letters & ~((letters << 8) | carry);
        carry = letters >> 56;
        while (starts != 0) {
          const std::size_t p = k + swar::first(starts);
          starts &= starts - 1;
          candidate(s, p);
        }
      }
    }
    for (; k < n; ++k) candidate(s, k);
  }

 private:
  void candidate(const unsigned char* s, std::size_t k) {
    const unsigned prev = kPrevClass[k > 0 ? s[k - 1] : ' '];
    const unsigned first = kInitialIndex[s[k]];
    if (prev == 0 || first == 0) return;
    if (!((prev == 2) || kBigram[first * 27 + kSecondIndex[s[k + 1]]])) return;
    if (k >= covered_) at_unit(k, prev == 2);
  }

  // After a duration, a relationship verb with a bare number later in the
  // same sentence may reuse its unit ("... for 6 years/married for 2").
  void after_duration(std::size_t e) {
    const std::size_t stop = std::min(s_.size(), e + 80);
    std::size_t i = e;
    while (i < stop) {
      const auto c = static_cast<unsigned char>(s_[i]);
      if (is_sentence_break(c) && c != '\n') return;
      if (!is_lower(c) || (i > 0 && is_alnum(static_cast<unsigned char>(s_[i - 1])))) { ++i; continue; }
      std::size_t j = i;
      while (j < s_.size() && is_alnum(static_cast<unsigned char>(s_[j]))) ++j;
      if (elided_unit(i, j)) return;
      i = j;
    }
  }

  // A unit word at [ub, ue): find the duration that ends with it.
  void at_unit(std::size_t ub, bool glued) {
    if (ub < covered_) return;
    {
      // The unit grammar matches whole [a-z0-9] runs only: test the run first.
      std::size_t ue = ub;
      while (ue < s_.size() && is_alnum(static_cast<unsigned char>(s_[ue]))) ++ue;
      if (!grammar::is_unit_word(s_.substr(ub, ue - ub), glued)) return;
      const char* f = s_.data() + ub;
      grammar::UnitMatch u;
      if (!grammar::parse_unit(f, s_.data() + s_.size(), u, glued)) return;
    }
    // Candidate starts: word starts before the unit in the same clause.
    std::array<std::size_t, 9> starts{};
    std::size_t ns = 0;
    std::size_t i = ub;
    if (glued) {
      while (i > 0 && (is_digit(static_cast<unsigned char>(s_[i - 1])) || s_[i - 1] == '.' || s_[i - 1] == ','))
        --i;
      starts[ns++] = i;
    } else {
      starts[ns++] = ub;
    }
    while (ns < starts.size() && i > covered_) {
      const auto c = static_cast<unsigned char>(s_[i - 1]);
      const bool number_punct = (c == '.' || c == ',') && i >= 2 && i < s_.size() &&
                                is_digit(static_cast<unsigned char>(s_[i - 2])) &&
                                is_digit(static_cast<unsigned char>(s_[i]));
      if ((is_clause_break(c) || c == ',') && !number_punct) break;
      if (!is_alnum(c) && !number_punct) { --i; continue; }
      while (i > covered_) {
        const auto d = static_cast<unsigned char>(s_[i - 1]);
        const bool np = (d == '.' || d == ',') && i >= 2 && is_digit(static_cast<unsigned char>(s_[i - 2])) &&
                        is_digit(static_cast<unsigned char>(s_[i]));
        if (!is_alnum(d) && !np) break;
        --i;
      }
      if (i >= covered_ && starts[ns - 1] != i) starts[ns++] = i;
    }
    for (std::size_t k = ns; k-- > 0;) {
      if (k > 0 && !could_start(starts[k])) continue;
      const char* f = s_.data() + starts[k];
      DurationMatch m;
      if (grammar::parse_duration(f, s_.data() + s_.size(), m) && m.unit_begin == s_.data() + ub) {
        if (accept(m)) emit(m);
        return;
      }
    }
  }

  // Only words that can begin a duration are worth a parse: digits, number
  // words, hedges and prefixes.
  bool could_start(std::size_t p) const {
    const auto c = static_cast<unsigned char>(s_[p]);
    if (is_digit(c)) return true;
    std::size_t e = p;
    while (e < s_.size() && is_lower(static_cast<unsigned char>(s_[e]))) ++e;
    return is_start_word(s_.substr(p, e - p));
  }

  // False friends: frequencies, idioms, ordinals, money.
  bool accept(const DurationMatch& m) const {
    const std::size_t b = static_cast<std::size_t>(m.begin - s_.data());
    const std::size_t e = static_cast<std::size_t>(m.end - s_.data());
    Word w[3], r[2];
    const std::size_t nw = words_.before(b, w, 3);
    const std::size_t nr = words_.after(e, r, 2);
    const std::string_view w0 = nw > 0 ? w[0].w : std::string_view();
    const std::string_view r0 = nr > 0 ? r[0].w : std::string_view();
    const std::string_view r1 = nr > 1 ? r[1].w : std::string_view();

    if (in(w0, {"every", "each", "per", "how"})) return false;  // "every two weeks", "how many years"
    if (b > 0 && (s_[b - 1] == '$' || s_[b - 1] == '#')) return false;
    // "3:15", "10/12": clock times and dates, but not "walk/4 minute drive"
    if (b > 1 && (s_[b - 1] == ':' || s_[b - 1] == '/') && is_digit(static_cast<unsigned char>(s_[b - 2]))) return false;
    if (b > 1 && s_[b - 1] == ' ' && s_[b - 2] == '$') return false;

    const auto& q = m.quantity;
    const bool quantified = m.form == DurationForm::quantified;
    const bool plain = m.hedge == Hedge::none && m.prefix == Prefix::none && !m.adjective;
    if (m.form == DurationForm::bare) {
      return in(w0, {"for", "in", "after", "over", "within", "been", "took", "take", "takes", "taking", "spent",
                     "spend", "spending", "wait", "waited", "waiting", "lasted", "lasts", "like"}) ||
             in(r0, {"ago", "later", "earlier", "back"}) || (r0 == "on" && r1 == "end") ||
             (r0 == "and" && r1 == std::string_view(m.unit_begin, static_cast<std::size_t>(m.unit_end - m.unit_begin)));
    }
    if (quantified && plain && q.kind == QuantityKind::article && !m.unit.plural && m.extra_units == 0 &&
        !m.range_tail) {
      // "twice a week", "3 times a day", "2 hours a day", "50 texts a day"
      if (in(w0, {"times", "time", "once", "twice", "thrice", "per", "x"})) return false;
      if (has_digit(w0) || is_unit_word(w0)) return false;  // "50 a day", "£45k a year"
      if (w0.size() > 2 && w0.back() == 's' && nw > 1 && is_number_word(w[1].w)) return false;
    }
    const bool one_word = starts_with(m.quantity_begin, m.end, "one ");
    const bool one = one_word || starts_with(m.quantity_begin, m.end, "a ") ||
                     starts_with(m.quantity_begin, m.end, "an ");
    const bool idiom_hedge = m.hedge == Hedge::none || m.hedge == Hedge::maybe;  // "maybe one day"
    if (quantified && idiom_hedge && m.prefix == Prefix::none && !m.adjective && q.value == 1 && one &&
        !m.unit.plural && m.extra_units == 0 && !m.range_tail) {
      // "one day he just stopped", "a second date", "a night out", "one night stand"
      if (m.unit.kind == UnitKind::second && !r0.empty() && is_lower(static_cast<unsigned char>(r0[0])) &&
          !in(r0, {"ago", "later", "and", "or", "before", "after", "too", "longer", "more", "then"}))
        return false;
      const bool idiom_unit = m.unit.kind == UnitKind::night || m.unit.kind == UnitKind::weekend ||
                              (m.unit.kind == UnitKind::day && one_word);
      if (idiom_unit &&
          !in(w0, {"for", "in", "within", "after", "than", "only", "just", "about", "over", "under", "least",
                   "spent", "spend", "took", "takes", "take", "whole", "entire", "been"}) &&
          !in(r0, {"ago", "later", "before", "after", "earlier", "of", "or", "longer", "into"}))
        return false;
    }
    if (quantified && q.kind == QuantityKind::article && m.prefix == Prefix::none && !m.unit.plural &&
        (m.unit.kind == UnitKind::day || m.unit.kind == UnitKind::night) &&
        starts_with(m.quantity_begin, m.end, "another ")) {
      // "just another day", "plans for another day"; but "wait another day"
      if (!in(w0, {"wait", "waited", "waiting", "stay", "stayed", "spend", "spent", "give", "gave", "took",
                   "take", "lasted", "last", "survive", "survived"}) &&
          !in(r0, {"later", "or", "of"}))
        return false;
    }
    return true;
  }

  void emit(const DurationMatch& m) {
    const std::size_t b = static_cast<std::size_t>(m.begin - s_.data());
    const std::size_t e = static_cast<std::size_t>(m.end - s_.data());
    covered_ = e;
    Duration d;
    d.begin = text_.orig_begin(b);
    d.end = text_.orig_end(b, e);
    if (d.end > original_.size() || d.begin > d.end) return;
    d.text.assign(original_.substr(d.begin, d.end - d.begin));
    d.unit = grammar::unit_name(m.unit.kind);
    Hedge h = m.hedge;
    if (h == Hedge::none && m.quantity.plus) h = Hedge::over;
    d.hedge = grammar::hedge_name(h);
    if (m.form == DurationForm::quantified || m.form == DurationForm::whole) {
      const double ud = grammar::unit_days(m.unit.kind);
      const auto& q = m.quantity;
      d.days = round6((q.value + m.extra_units) * ud + m.extra_days);
      d.low = round6((q.low + m.extra_units) * ud + m.extra_days);
      d.high = round6((q.high + m.extra_units) * ud + m.extra_days);
    }
    d.role = role_of(b, e, m.prefix, grammar::unit_days(m.unit.kind) >= 28);
    out_.push_back(std::move(d));
    last_unit_ = m.unit.kind;
    last_end_ = e;
    have_last_ = true;
    after_duration(e);
  }

  DurationRole role_of(std::size_t b, std::size_t e, Prefix prefix, bool long_unit) const {
    Word r[6], w[kWindow];
    const std::size_t nr = words_.after(e, r, 6);
    bool decided = false;
    // "(several months in)": "in" closing a parenthesis or a clause.
    bool in_closes = false;
    if (nr > 0 && r[0].w == "in") {
      std::size_t i = r[0].e;
      while (i < s_.size() && s_[i] == ' ') ++i;
      in_closes = i == s_.size() || s_[i] == ')' || s_[i] == ',' || is_clause_break(static_cast<unsigned char>(s_[i]));
    }
    DurationRole role = role_from_right(r, nr, in_closes, long_unit, decided);
    if (decided) return role;
    const std::size_t nw = words_.before(b, w, kWindow);
    role = role_from_left(w, nw, decided);
    if (decided) return role;
    if ((prefix == Prefix::the_past || prefix == Prefix::the_last || prefix == Prefix::these_past) && nw > 0 &&
        w[0].w == "for")
      return DurationRole::since_event;
    return DurationRole::other;
  }

  // "we were friends for 6 years/engaged for 2": a bare number
  // after a relationship verb takes the unit of the duration just before it.
  bool elided_unit(std::size_t b, std::size_t e) {
    const std::string_view w = s_.substr(b, e - b);
    if (!in(w, {"married", "together", "dating", "dated", "engaged"})) return false;
    if (!have_last_ || b < last_end_ || b - last_end_ > 80) return false;
    for (std::size_t i = last_end_; i < b; ++i)
      if (is_sentence_break(static_cast<unsigned char>(s_[i])) && s_[i] != '\n') return false;
    if (last_unit_ != UnitKind::year && last_unit_ != UnitKind::month) return false;
    std::size_t i = e;
    while (i < s_.size() && s_[i] == ' ') ++i;
    if (s_.compare(i, 4, "for ") == 0) i += 4;
    while (i < s_.size() && s_[i] == ' ') ++i;
    const char* f = s_.data() + i;
    grammar::Quantity q;
    if (!grammar::parse_number(f, s_.data() + s_.size(), q)) return false;
    if (q.kind != QuantityKind::exact || q.value < 1 || q.value > 80) return false;
    const std::size_t qe = static_cast<std::size_t>(f - s_.data());
    Word r[1];
    const std::size_t nr = words_.after(qe, r, 1);
    if (nr > 0 && !in(r[0].w, {"now", "and", "but", "so", "already", "yet"})) return false;
    Duration d;
    d.begin = text_.orig_begin(i);
    d.end = text_.orig_end(i, qe);
    if (d.end > original_.size() || d.begin > d.end) return false;
    d.text.assign(original_.substr(d.begin, d.end - d.begin));
    const double ud = grammar::unit_days(last_unit_);
    d.days = d.low = d.high = round6(q.value * ud);
    d.unit = grammar::unit_name(last_unit_);
    Word v[1];
    const bool cohabiting = words_.before(b, v, 1) == 1 && in(v[0].w, {"living", "lived", "live", "worked", "working"});
    d.role = cohabiting ? DurationRole::other : DurationRole::relationship;
    out_.push_back(std::move(d));
    covered_ = std::max(covered_, qe);
    return true;
  }

  static double round6(double v) { return std::round(v * 1e6) / 1e6; }

  std::string_view original_;
  const NormalizedText& text_;
  std::string_view s_;
  Words words_;
  std::vector<Duration>& out_;
  std::size_t covered_ = 0;
  UnitKind last_unit_ = UnitKind::day;
  std::size_t last_end_ = 0;
  bool have_last_ = false;
};

// Normalised offset of an original byte offset (src_begin is non-decreasing).
std::size_t folded_offset(const NormalizedText& text, std::uint32_t orig) {
  auto it = std::lower_bound(text.src_begin.begin(), text.src_begin.end(), orig);
  return static_cast<std::size_t>(it - text.src_begin.begin());
}

}  // namespace

void extract_durations(std::string_view original, const NormalizedText& text, std::vector<Duration>& out) {
  Extractor(original, text, out).run();
}

std::optional<double> relationship_length_days(const NormalizedText& text, const std::vector<Duration>& durations) {
  const std::string_view s = text.text;
  const Words words(s);
  std::optional<double> unattributed;
  for (const Duration& d : durations) {
    if (d.role != DurationRole::relationship || !d.days) continue;
    const std::size_t b = folded_offset(text, d.begin);
    Word w[24];
    const std::size_t nw = words.before(b, w, 24, true);
    // Whose relationship: the nearest subject-like pronoun before the span.
    int who = 0;  // 1 the writer, -1 someone else
    for (std::size_t k = 0; k < nw && who == 0; ++k) {
      const std::uint32_t f = w[k].f;
      const std::uint32_t owner = k + 1 < nw ? w[k + 1].f : 0;
      // "her husband", "their marriage", "my sister ... dated": someone else's
      if (((f & kPartnerNoun) && (owner & kOwner)) ||
          ((f & kKin) && ((owner & (kOwner | kFirstPerson)) || w[k + 1 < nw ? k + 1 : k].w == "a"))) {
        who = -1;
        break;
      }
      if (f & kFirstPerson) who = 1;
      else if (f & kOtherPerson) who = -1;
    }
    if (who < 0) continue;
    // Not a previous relationship: "in my first two relationships ...".
    bool previous = false;
    Word all[48];
    const std::size_t na = words.before(b, all, 48, true);
    for (std::size_t k = 0; k < na && !previous; ++k) previous = (all[k].f & kPrevious) != 0;
    // "a failed 3 month relationship", "my previous 2 year relationship"
    for (std::size_t k = 0; k < nw && k < 2 && !previous; ++k) previous = (w[k].f & kPastAdj) != 0;
    if (previous) continue;
    if (who == 1) return d.days;
    if (!unattributed) unattributed = d.days;  // "For context, dated for 8 months"
  }
  return unattributed;
}

}  // namespace lovelorn::detail
