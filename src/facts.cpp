// facts — partner term, relationship status, who ended it, and whether the
// comment asks the reader something. Word lists: lexicon.{hpp,cpp}.
#include "facts.hpp"

#include <span>
#include <string_view>
#include <vector>

#include "lexicon.hpp"

namespace lovelorn::detail {
namespace {

using lexicon::Tok;
using lexicon::TokKind;
using namespace lexicon;  // class bits

class Reader {
 public:
  Reader(std::string_view s, std::span<const Tok> t) : s_(s), t_(t), n_(t.size()) {}

  bool ok(std::size_t i) const { return i < n_; }
  std::string_view w(std::size_t i) const {
    return ok(i) && t_[i].kind == TokKind::word ? s_.substr(t_[i].begin, t_[i].end - t_[i].begin)
                                                : std::string_view{};
  }
  bool is(std::size_t i, std::string_view word) const { return ok(i) && w(i) == word; }
  std::uint64_t cls(std::size_t i) const { return ok(i) ? t_[i].classes() : 0; }
  bool punct(std::size_t i, char c) const { return ok(i) && t_[i].kind == TokKind::punct && t_[i].punct == c; }
  bool sentence_end(std::size_t i) const {
    return ok(i) && t_[i].kind == TokKind::punct &&
           (t_[i].punct == '.' || t_[i].punct == '!' || t_[i].punct == '?' || t_[i].punct == '\n');
  }
  std::size_t size() const { return n_; }

 private:
  std::string_view s_;
  std::span<const Tok> t_;
  std::size_t n_;
};

// ---- asks_question ----------------------------------------------------------------

// Words that only tag a statement: "..., you know?", "right?"
bool tag_word(const Reader& r, std::size_t i) {
  return r.is(i, "you") || r.is(i, "know") || r.is(i, "right") || r.is(i, "ok") || r.is(i, "okay") ||
         r.is(i, "huh") || r.is(i, "no") || r.is(i, "yeah") || r.is(i, "eh") || r.is(i, "lol") || r.is(i, "see") ||
         r.is(i, "agree") || r.is(i, "wouldn't") || r.is(i, "isn't") || r.is(i, "it") || r.is(i, "don't");
}

struct Sentence {
  std::size_t begin, end;  // word tokens [begin, end), end = the closing punctuation
  bool question = false;
};

bool first_person(const Reader& r, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e; ++i)
    if (r.cls(i) & (kI | kMe | kMy | kWe | kUs | kOur)) return true;
  return false;
}

bool request(const Reader& r, std::size_t b, std::size_t e) {
  // sentence openers that ask for a way forward even without "?"
  std::size_t s = b;
  while (s < e && (r.is(s, "so") || r.is(s, "but") || r.is(s, "and") || r.is(s, "now") || r.is(s, "please"))) ++s;
  if ((r.is(s, "how") && (r.is(s + 1, "do") || r.is(s + 1, "can") || r.is(s + 1, "should")) &&
       (r.cls(s + 2) & (kI | kWe))) ||
      ((r.is(s, "what") || r.is(s, "where")) && (r.is(s + 1, "should") || r.is(s + 1, "do") || r.is(s + 1, "can")) &&
       (r.cls(s + 2) & (kI | kWe))) ||
      (r.is(s, "should") && (r.cls(s + 1) & (kI | kWe))))
    return true;
  for (std::size_t i = b; i < e; ++i) {
    if (!(r.cls(i) & kRequest)) continue;
    if (r.is(i, "help") && (r.is(i + 1, "me") || r.is(i + 1, "us") || r.is(i - 1, "please") || r.is(i - 1, "need") ||
                            r.is(i - 1, "needs") || r.is(i + 1, "please") || (i + 1 == e && i == b)))
      return true;
    if (r.is(i, "help")) continue;
    for (std::size_t j = b; j < e; ++j)
      if (r.is(j, "any") || r.is(j, "please") || r.is(j, "need") || r.is(j, "appreciate") || r.is(j, "want") ||
          r.is(j, "looking") || r.is(j, "some") || r.is(j, "your") || r.is(j, "welcome") || r.is(j, "give"))
        return true;
  }
  return false;
}

}  // namespace

bool asks_question(const NormalizedText& text, const lexicon::Scanned& scanned) {
  const Reader r(text.text, scanned.tokens());
  const bool reply = scanned.reply();

  bool in_quote = false;
  std::size_t b = 0;
  thread_local std::vector<Sentence> sentences;
  sentences.clear();
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r.punct(i, '"')) {
      in_quote = !in_quote;
      continue;
    }
    if (r.punct(i, '\n') && in_quote) in_quote = false;  // an unbalanced quote ends with the line
    if (!r.sentence_end(i)) continue;
    if (i > b) sentences.push_back({b, i, r.punct(i, '?') && !in_quote});
    b = i + 1;
  }
  if (b < r.size()) sentences.push_back({b, r.size(), false});

  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const Sentence& s = sentences[k];
    std::size_t sb = s.begin;
    while (sb < s.end && !r.ok(sb)) ++sb;
    if (s.question) {
      // tag questions: "..., you know?", "right?"
      std::size_t last_comma = s.begin;
      for (std::size_t i = s.begin; i < s.end; ++i)
        if (r.punct(i, ',')) last_comma = i + 1;
      bool tag = true;
      for (std::size_t i = last_comma; i < s.end; ++i)
        if (!tag_word(r, i) && !r.punct(i, ',')) tag = false;
      if (tag) continue;
      // self-answered: "Why? Because ..."
      if (k + 1 < sentences.size() && (r.is(sentences[k + 1].begin, "because") || r.is(sentences[k + 1].begin, "cause")))
        continue;
      if (reply) {
        // a reply asking for missing facts: "Have you asked him ...?"
        if ((r.is(sb, "have") || r.is(sb, "did") || r.is(sb, "has") || r.is(sb, "were") || r.is(sb, "was")) &&
            (r.cls(sb + 1) & (kYou | kHe)))
          return true;
        continue;
      }
      // "Why do they always ...?" with nobody of the writer's in it: rhetorical
      if (r.is(sb, "why") && !first_person(r, s.begin, s.end)) continue;
      return true;
    }
    if (!reply && request(r, s.begin, s.end)) return true;
  }
  return false;
}

// ---- relationship facts --------------------------------------------------------------

namespace {

std::string_view canonical_partner(std::string_view w) {
  if (w == "boyfriend" || w == "bf") return "boyfriend";
  if (w == "girlfriend" || w == "gf") return "girlfriend";
  if (w == "husband" || w == "hubby") return "husband";
  if (w == "wife") return "wife";
  if (w == "ex" || w == "ex's" || w.substr(0, 3) == "ex-") return "ex";
  if (w.substr(0, 5) == "fianc") return "fiancé";
  if (w == "guy" || w == "man" || w == "boy") return "guy";
  if (w == "crush") return "crush";
  if (w == "partner" || w == "spouse") return w;
  return {};
}

enum Status { kNoStatus, kDating, kTogether, kEngaged, kMarried, kBrokenUp, kDivorced, kWidowed };
constexpr std::string_view kStatusName[] = {"", "dating", "together", "engaged", "married", "broken_up", "divorced", "widowed"};

}  // namespace

RelationshipFacts extract_facts(const NormalizedText& text, const lexicon::Scanned& scanned) {
  const Reader r(text.text, scanned.tokens());
  const bool reply = scanned.reply();
  const std::uint64_t own = reply ? kYour : kMy;
  const std::uint64_t own_subject = reply ? kYou : kI;

  RelationshipFacts f;
  std::string_view fallback;
  int status = kNoStatus;
  bool my_ex = false;
  std::string ended_by;
  auto raise = [&](int st) {
    if (st > status) status = st;
  };

  for (std::size_t i = 0; i < r.size(); ++i) {
    const std::uint64_t c = r.cls(i);
    if (!(c & (kPartnerNoun | kStatus))) continue;
    const std::string_view w = r.w(i);
    if ((c & kPartnerNoun) && !(c & kPlural)) {
      const std::string_view term = canonical_partner(w);
      if (!term.empty()) {
        const bool owned = i > 0 && (r.cls(i - 1) & own);
        if (owned && f.partner_term.empty()) f.partner_term = std::string(term);
        if (!owned && fallback.empty() && term == "guy" && i > 0 && (r.is(i - 1, "this") || r.is(i - 1, "a")))
          fallback = term;
        if (owned && term == "ex") my_ex = true;
        if (owned && (term == "husband" || term == "wife")) raise(kMarried);
        if (owned && term == "fiancé") raise(kEngaged);
        if (owned && (term == "boyfriend" || term == "girlfriend" || term == "partner")) raise(kTogether);
        if (owned && w.substr(0, 3) == "ex-" && (w.find("husband") != std::string_view::npos || w.find("wife") != std::string_view::npos))
          raise(kDivorced);
      }
    }
    if (w == "widow" || w == "widowed" || w == "widower" || (w == "passed" && r.is(i + 1, "away"))) raise(kWidowed);
    if (w == "divorced" || w == "divorce" || w == "divorcing") raise(kDivorced);
    if (w == "engaged") raise(kEngaged);
    if (w == "married") raise(kMarried);
    if (w == "dating" || (w == "seeing" && r.is(i + 1, "each") && r.is(i + 2, "other"))) raise(kDating);
    if (w == "together" && i > 0 && (r.cls(i - 1) & kAux)) raise(kTogether);

    // Endings: "he broke up with me", "I dumped him", "we split up", "she left me".
    bool ending = false;
    std::size_t verb = i;
    if ((w == "broke" || w == "break" || w == "breaking" || w == "broken") && r.is(i + 1, "up")) ending = true;
    if (w == "breakup" || w == "break-up") status = status < kBrokenUp ? kBrokenUp : status;
    if (w == "split" && (r.is(i + 1, "up") || r.is(i + 1, "with") || (i > 0 && (r.cls(i - 1) & (kWe | kI | kHe | kAux))))) ending = true;
    if ((w == "dumped" || w == "dump" || w == "dumps") ) ending = true;
    if ((w == "left" || w == "leaving" || w == "leaves") && (r.cls(i + 1) & (kMe | kHim | kUs)) && !(r.cls(i + 1) & kHis)) ending = true;
    if ((w == "ended" || w == "end") && (r.is(i + 1, "it") || r.is(i + 1, "things") || (r.is(i + 1, "the") && r.is(i + 2, "relationship"))))
      ending = true;
    if ((w == "called" || w == "call") && r.is(i + 2, "off") && (r.is(i + 1, "it") || (r.cls(i + 1) & kOur))) ending = true;
    if (!ending) continue;
    if (w == "breaking" || w == "break" || w == "end") {
      // "thinking of breaking up": not (yet) an ending
      bool plan = false;
      for (std::size_t m = i; m > 0 && i - m < 4; --m)
        if (r.cls(m - 1) & (kIntent | kShould | kCond)) plan = true;
      if (plan) continue;
    }
    raise(kBrokenUp);
    // the agent: the subject to the left, or the passive "I was dumped"
    std::string who = "unknown";
    const bool passive = verb > 0 && (r.is(verb - 1, "was") || r.is(verb - 1, "got") || r.is(verb - 1, "been"));
    for (std::size_t m = verb, s = 0; m > 0 && s < 6; ++s) {
      --m;
      const std::uint64_t cm = r.cls(m);
      if (cm & own_subject) {
        who = passive ? "partner" : "self";
        break;
      }
      if (cm & kWe) {
        who = "mutual";
        break;
      }
      if ((cm & kHe) || (cm & (kPartnerNoun | kThirdNoun))) {
        who = "partner";
        // "my boyfriend and I broke up"
        if (m > 0 && r.is(m - 1, "and")) who = "mutual";
        break;
      }
      if (!(cm & (kAux | kAdv | kNeg | kCatenative)) || r.sentence_end(m)) break;
    }
    // "X and I broke up"
    if (who == "self" && verb > 1) {
      for (std::size_t m = verb; m > 0 && verb - m < 5; --m)
        if (r.is(m - 1, "and") && m > 1 && (r.cls(m - 2) & (kPartnerNoun | kHim | kHe))) who = "mutual";
    }
    if (ended_by.empty() || ended_by == "unknown") ended_by = who;
  }
  if (my_ex) raise(kBrokenUp);
  if (f.partner_term.empty() && !fallback.empty()) f.partner_term = std::string(fallback);
  f.status = std::string(kStatusName[status]);
  if (status == kBrokenUp || status == kDivorced) f.ended_by = ended_by.empty() ? "unknown" : ended_by;
  return f;
}

}  // namespace lovelorn::detail
