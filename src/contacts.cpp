// contacts — rule-based contact-event extraction over the folded text.
//
// One pass over the words (lexicon::scan): every word is looked up once;
// only the few that are contact triggers (lexicon::Lemma) get context work:
//   1. shape   — lemma-specific checks and the words the event spans
//                ("see" needs a person: "see him", not "see if"; "call me
//                baby" is not a call), object and prepositional phrases;
//   2. subject — walk left over auxiliaries, adverbs, negators and
//                catenatives ("he just stopped texting") to the subject;
//   3. polarity — conditional > imperative advice > negation > intention;
//   4. count/frequency — "3 times", "twice", "every day" after the span.
// Conventions follow shared/gold/README.md (see lexicon.hpp for the lists).
#include "contacts.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lexicon.hpp"

namespace lovelorn::detail {
namespace {

using lexicon::Form;
using lexicon::Lemma;
using lexicon::Tok;
using lexicon::TokKind;
using namespace lexicon;  // class bits kI, kMe, ...

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Who a noun phrase or pronoun refers to.
enum class Who : std::uint8_t { none, self, mutual, partner, you, third, relay, thing };

struct Phrase {
  Who who = Who::none;
  std::size_t begin = kNone;  // token range [begin, end)
  std::size_t end = kNone;
};

// What the walk to the left of a verb found.
struct Chain {
  Phrase subject;
  std::size_t start = kNone;  // leftmost token that belongs to the event
  bool neg = false, intent = false, should = false, would = false, modal = false;
  bool coord = false;         // stopped at "and"/"or" without a subject
  bool subject_via_coord = false;  // the subject belongs to the verb before "and"
  bool waiting = false;            // "still waiting to hear back"
  bool went_to = false;            // "went to call her": about to
  std::size_t coord_at = kNone;
};

// One event being built.
struct Event {
  Lemma lemma = Lemma::none;
  std::size_t trigger = 0;
  std::size_t begin = 0, end = 0;  // token range
  Channel channel = Channel::any;
  Chain chain;
  Phrase object;        // who the act is aimed at
  Phrase source;        // "from X", "by X": the actor of received contact
  Who possessor = Who::none;  // "his calls", "my texts"
  bool received = false;      // "I got a text", "heard from": the subject is the target
  bool absent = false;        // "no calls", ignoring, unanswered ...
  bool default_partner = false;  // actor is the counterpart unless stated (replies, silences)
  bool date_like = false;
  bool speech_only = false;
  std::optional<int> count;
};

class Extractor {
 public:
  Extractor(std::string_view original, const NormalizedText& nt, const lexicon::Scanned& scanned,
            std::vector<ContactEvent>& out)
      : original_(original), nt_(nt), s_(nt.text), scanned_(scanned), t_(scanned.tokens()), n_(t_.size()), out_(out) {
    thread_local std::vector<std::uint32_t> sentence_starts;
    sentence_starts.resize(n_);
    std::uint32_t start = 0;
    for (std::size_t i = 0; i < n_; ++i) {
      sentence_starts[i] = start;
      if (sentence_end(i)) start = static_cast<std::uint32_t>(i + 1);
    }
    sent_ = sentence_starts.data();
  }

  void run() {
    for (std::size_t i = 0; i < n_; ++i) {
      if (i < covered_) continue;
      const Lemma lm = t_[i].lemma();
      if (lm == Lemma::none) continue;
      Event ev;
      ev.lemma = lm;
      ev.trigger = i;
      ev.begin = i;
      ev.end = i + 1;
      ev.channel = info(lm).channel;
      if (!shape(ev)) continue;
      finish(ev);
    }
  }

 private:
  // Whether the comment is advice to someone else; decided on first use.
  bool reply() const { return scanned_.reply(); }

  // ---- token helpers ----------------------------------------------------------
  bool ok(std::size_t i) const { return i < n_; }
  std::string_view w(std::size_t i) const {
    return ok(i) && t_[i].kind == TokKind::word ? s_.substr(t_[i].begin, t_[i].end - t_[i].begin)
                                                : std::string_view{};
  }
  bool is(std::size_t i, std::string_view word) const {
    if (!ok(i)) return false;
    const Tok& t = t_[i];
    return t.end - t.begin == word.size() && s_[t.begin] == word[0] &&
           std::char_traits<char>::compare(s_.data() + t.begin + 1, word.data() + 1, word.size() - 1) == 0;
  }
  std::uint64_t cls(std::size_t i) const { return ok(i) ? t_[i].classes() : 0; }
  Lemma lem(std::size_t i) const { return ok(i) ? t_[i].lemma() : Lemma::none; }
  bool punct(std::size_t i) const { return ok(i) && t_[i].kind == TokKind::punct; }
  bool punct_is(std::size_t i, char c) const { return punct(i) && t_[i].punct == c; }
  bool hard(std::size_t i) const {  // punctuation that ends a phrase
    return !ok(i) || (punct(i) && t_[i].punct != '-' && t_[i].punct != '*');
  }
  bool sentence_end(std::size_t i) const {
    if (!punct(i)) return false;
    const char c = t_[i].punct;
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == ';' || c == ':';
  }
  bool is_number(std::size_t i) const { return ok(i) && (t_[i].kind == TokKind::number || (cls(i) & kNumber)); }
  int number(std::size_t i) const {
    if (!ok(i)) return 0;
    if (t_[i].kind == TokKind::number) return static_cast<int>(t_[i].value);
    return t_[i].word ? t_[i].word->number : 0;
  }
  bool plain_word(std::size_t i) const { return ok(i) && t_[i].kind == TokKind::word; }
  bool unknown_word(std::size_t i) const {
    return plain_word(i) && (t_[i].word == nullptr || (t_[i].word->classes & (kNounMod)) != 0) &&
           lem(i) == Lemma::none;
  }
  std::size_t sentence_start(std::size_t i) const { return i < n_ ? sent_[i] : i; }
  // A channel named by a word: "phone", "facebook", "text" ...
  bool channel_word(std::size_t i, Channel& ch) const {
    const Lemma l = lem(i);
    if (l == Lemma::none) {
      if (is(i, "messenger") || is(i, "twitter") || is(i, "tiktok") || is(i, "social")) {
        ch = Channel::social;
        return true;
      }
      if (is(i, "video")) {
        ch = Channel::video;
        return true;
      }
      return false;
    }
    if (!(info(l).props & kChannelWord)) return false;
    ch = info(l).channel;
    return true;
  }

  // ---- people -----------------------------------------------------------------
  // A person at i: pronoun, "each other", or a noun phrase ending in a
  // partner/third-party noun ("my ex", "this guy", "one of his friends").
  Phrase person_at(std::size_t i) const {
    Phrase p;
    if (!plain_word(i)) return p;
    const std::uint64_t c = cls(i);
    if (is(i, "each") && is(i + 1, "other")) return {Who::mutual, i, i + 2};
    if (is(i, "one") && is(i + 1, "another")) return {Who::mutual, i, i + 2};
    if (c & kMe) return {Who::self, i, i + 1};
    if (c & kUs) return {Who::mutual, i, i + 1};
    if (is(i, "you") || is(i, "u")) return {Who::you, i, i + 1};
    if ((c & kHim) && !(c & kHis)) return {Who::partner, i, i + 1};
    // Noun phrase: determiners/possessives, up to two modifiers, a head noun.
    std::size_t j = i;
    std::uint64_t poss = 0;
    int mods = 0;
    while (ok(j) && j < i + 6) {
      const std::uint64_t cj = cls(j);
      if (cls(j) & (kPartnerNoun | kThirdNoun)) break;
      if (cj & (kMy | kHis | kYour | kOur)) {
        poss = cj;
        ++j;
        continue;
      }
      if ((cj & (kDet | kAdv)) && !(cj & (kI | kHe | kWe | kYou))) {
        ++j;
        continue;
      }
      if (unknown_word(j) && mods < 2 && j > i) {
        ++mods;
        ++j;
        continue;
      }
      break;
    }
    if (ok(j) && plain_word(j)) {
      const std::uint64_t ch = cls(j);
      std::size_t e = j + 1;
      // "my boyfriend's ex", "ex-husband"
      if ((ch & kPartnerNoun) && (cls(j + 1) & kThirdNoun)) return {Who::third, i, j + 2};  // "my guy friends"
      if (ch & kPartnerNoun) {
        if (!(ch & kPlural) || is(j, "exes")) return {Who::partner, i, e};
        return {Who::third, i, e};
      }
      if (ch & kThirdNoun) return {(poss & kHis) ? Who::relay : Who::third, i, e};
    }
    if (c & kHim) return {Who::partner, i, i + 1};  // "her" with no noun after it
    return p;
  }

  // A non-person object ("it", "the baby", "your feelings"): up to three words.
  std::size_t thing_at(std::size_t i) const {
    if (!plain_word(i)) return kNone;
    if (is(i, "it") || is(i, "this") || is(i, "that") || is(i, "things") || is(i, "everything") ||
        is(i, "something") || is(i, "anything"))
      return i + 1;
    std::size_t j = i;
    bool det = false;
    while (ok(j) && j < i + 2 && (cls(j) & (kDet | kMy | kHis | kYour | kOur))) {
      det = true;
      ++j;
    }
    if (!det) return kNone;
    int words = 0;
    while (ok(j) && words < 2 && unknown_word(j)) {
      ++j;
      ++words;
    }
    return words ? j : kNone;
  }

  // ---- walking left to the subject ---------------------------------------------------
  static Who who_of_subject(std::uint64_t c) {
    if (c & kI) return Who::self;
    if (c & kWe) return Who::mutual;
    if (c & kHe) return Who::partner;
    if (c & kYou) return Who::you;
    return Who::none;
  }

  // Subject noun phrase ending at j ("my ex", "the guy", "my friend").
  bool subject_np(std::size_t j, Chain& c) const {
    const std::uint64_t cl = cls(j);
    if (!(cl & (kPartnerNoun | kThirdNoun))) return false;
    std::size_t b = j;
    std::uint64_t poss = 0;
    while (b > 0 && (cls(b - 1) & (kDet | kMy | kHis | kYour | kOur)) && b + 3 > j) {
      poss |= cls(b - 1);
      --b;
    }
    Who who;
    if (cl & kPartnerNoun && !(cl & kPlural))
      who = Who::partner;
    else
      who = (poss & kHis) ? Who::relay : Who::third;
    if (b == j && who != Who::partner) return false;  // a bare plural noun is rarely the subject
    c.subject = {who, b, j + 1};
    c.start = b;
    return true;
  }

  void note_word(std::size_t j, Chain& c) const {
    const std::uint64_t cl = cls(j);
    if (cl & kNeg) c.neg = true;
    if (cl & kIntent) c.intent = true;
    if (cl & kShould) c.should = true;
    if (cl & kWould) c.would = true;
    if (is(j, "can") || is(j, "could") || is(j, "might") || is(j, "may") || is(j, "must")) c.modal = true;
    // "how to call him", "how do I reach out", "would like to"
    if (is(j, "how")) c.intent = true;
    if ((is(j, "like") || is(j, "love")) && is(j + 1, "to") && j > 0 && (cls(j - 1) & kWould)) c.intent = true;
    if (is(j, "waiting") || is(j, "wait") || is(j, "waited")) c.waiting = true;
    if (is(j, "went") && is(j + 1, "to")) c.went_to = true;
  }

  Chain walk_left(std::size_t k) const {
    Chain c;
    c.start = k;
    std::size_t j = k;
    for (int steps = 0; j > 0 && steps < 9; ++steps) {
      --j;
      if (punct(j)) break;
      const std::uint64_t cl = cls(j);
      const Who who = who_of_subject(cl);
      if (who != Who::none && !is(j, "you'd")) {
        c.subject = {who, j, j + 1};
        c.start = j;
        if (cl & kIntent) c.intent = true;
        if (cl & kWould) c.would = true;
        break;
      }
      if (subject_np(j, c)) break;
      if (is(j, "and") || is(j, "or") || is(j, "nor")) {
        c.coord = true;
        c.coord_at = j;
        if (is(j, "nor")) c.neg = true;
        // "she can talk and call", "I miss her and want to text her": the
        // subject of the first verb, a few words further left.
        for (std::size_t m = j, s = 0; m > 0 && s < 7; ++s) {
          --m;
          if (punct(m)) break;
          const Who w2 = who_of_subject(cls(m));
          if (w2 != Who::none) {
            c.subject = {w2, m, m + 1};
            c.subject_via_coord = true;
            // the first verb's auxiliaries apply to both: "she won't look at me or speak to me"
            for (std::size_t a = m + 1; a < j && (cls(a) & (kAux | kNeg | kAdv | kIntent | kWould | kShould)); ++a)
              note_word(a, c);
            break;
          }
        }
        break;
      }
      // "like" is skipped only in "would like to"
      if (is(j, "like") && !is(j + 1, "to")) break;
      // "has no time to call me"
      if ((cl & kDet) && (is(j + 1, "time") || is(j + 1, "chance"))) {
        c.start = j;
        continue;
      }
      if (cl & (kAux | kAdv | kCatenative | kNeg | kIntent | kShould | kWould | kNo)) {
        note_word(j, c);
        c.start = j;
        continue;
      }
      // "interested in meeting her"
      if (is(j, "in") && j > 0 && is(j - 1, "interested")) {
        c.intent = true;
        c.start = j - 1;
        --j;
        continue;
      }
      break;
    }
    // Inverted questions and "nor has he": auxiliaries just before the subject,
    // themselves at the start of a clause.
    if (c.subject.who != Who::none && c.subject.begin != kNone && !c.subject_via_coord) {
      std::size_t m = c.subject.begin;
      std::size_t first = kNone;
      for (int s = 0; m > 0 && s < 3; ++s) {
        --m;
        if (punct(m)) break;
        const std::uint64_t cl = cls(m);
        if (!(cl & (kAux | kNeg | kShould | kIntent | kWould | kQuestionWord)) || (cl & (kI | kHe | kWe | kYou)))
          break;
        first = m;
      }
      if (first != kNone && (first == 0 || !(cls(first - 1) & (kI | kHe | kWe | kYou | kPartnerNoun | kThirdNoun)))) {
        for (std::size_t a = first; a < c.subject.begin; ++a) {
          note_word(a, c);
          if (cls(a) & (kAux | kNeg | kShould | kWould)) c.start = std::min(c.start, a);
        }
      }
    }
    return c;
  }

  // A "no", "never" etc. right before the trigger's noun phrase.
  struct NounLeft {
    std::size_t start;
    bool no = false;
    Who poss = Who::none;
    std::optional<int> count;
    Channel mod_channel = Channel::any;
    bool has_mod_channel = false;
  };

  NounLeft noun_left(std::size_t k) const {
    NounLeft r;
    r.start = k;
    std::size_t j = k;
    for (int steps = 0; j > 0 && steps < 6; ++steps) {
      const std::size_t m = j - 1;
      if (punct_is(m, '-')) {  // "in-person date", "good-morning text"
        if (m > 0 && plain_word(m - 1)) {
          j = m;
          continue;
        }
        break;
      }
      if (!plain_word(m) && !(ok(m) && t_[m].kind == TokKind::number)) break;
      const std::uint64_t cl = cls(m);
      if (cl & kNo) {
        r.no = true;
        j = m;
        continue;
      }
      if (cl & kMy) { r.poss = Who::self; j = m; continue; }
      if (cl & kHis) { r.poss = Who::partner; j = m; continue; }
      if (cl & kYour) { r.poss = Who::you; j = m; continue; }
      if (cl & kOur) { r.poss = Who::mutual; j = m; continue; }
      if (is_number(m) && !is(m, "once") && !is(m, "twice") && !(is(m, "one") && is(m + 1, "of"))) {
        r.count = number(m);
        j = m;
        continue;
      }
      Channel ch;
      if (lem(m) != Lemma::none && lem(m) != Lemma::date && channel_word(m, ch)) {
        r.mod_channel = ch;
        r.has_mod_channel = true;
        j = m;
        continue;
      }
      if (is(m, "video")) {
        r.mod_channel = Channel::video;
        r.has_mod_channel = true;
        j = m;
        continue;
      }
      if (cl & (kDet | kNounMod)) {
        if (is(m, "few") || is(m, "couple") || is(m, "several")) r.count.reset();
        j = m;
        continue;
      }
      break;
    }
    r.start = j;
    return r;
  }

  // ---- what follows a verb -------------------------------------------------------
  struct Tail {
    std::size_t end;
    Phrase object, with, from, to;
    Channel channel = Channel::any;
    bool has_channel = false;
    bool back = false, up = false, out = false, over = false, by = false, into = false;
    bool thing = false;
  };

  // Channel phrase after "on/over/via/through/by": "on facebook", "over the phone".
  std::size_t channel_phrase(std::size_t j, Channel& ch) const {
    std::size_t m = j;
    if (cls(m) & (kDet | kMy | kHis | kYour)) ++m;
    if (channel_word(m, ch) || (lem(m) == Lemma::text && (ch = Channel::text, true))) return m + 1;
    return kNone;
  }

  Tail tail(std::size_t k, bool allow_thing) const {
    Tail r;
    r.end = k + 1;
    std::size_t j = k + 1;
    for (int steps = 0; ok(j) && steps < 6; ++steps) {
      if (punct(j)) break;
      const std::uint64_t cl = cls(j);
      if (cl & kParticle) {
        if (is(j, "back")) r.back = true;
        if (is(j, "up")) r.up = true;
        if (is(j, "out")) r.out = true;
        if (is(j, "over")) {
          Channel ch;
          const std::size_t e = channel_phrase(j + 1, ch);
          if (e != kNone) {
            r.channel = ch;
            r.has_channel = true;
            j = r.end = e;
            continue;
          }
          r.over = true;
        }
        if (is(j, "in") && !is(j + 1, "person")) {
          Channel ch;
          const std::size_t e = channel_phrase(j + 1, ch);
          if (e != kNone) {
            r.channel = ch;
            r.has_channel = true;
            j = r.end = e;
            continue;
          }
          break;
        }
        if (is(j, "in")) break;
        r.end = ++j;
        continue;
      }
      if (r.object.who == Who::none) {
        const Phrase p = person_at(j);
        if (p.who != Who::none) {
          r.object = p;
          j = r.end = p.end;
          continue;
        }
      }
      if (is(j, "to") || is(j, "with") || is(j, "from") || is(j, "by") || is(j, "into") || is(j, "at")) {
        const Phrase p = person_at(j + 1);
        if (p.who != Who::none) {
          if (is(j, "from") || is(j, "by")) r.from = p;
          else if (is(j, "with")) r.with = p;
          else r.to = p;
          if (is(j, "by")) r.by = true;
          if (is(j, "into")) r.into = true;
          j = r.end = p.end;
          continue;
        }
      }
      if (is(j, "on") || is(j, "over") || is(j, "via") || is(j, "through") || is(j, "by") || is(j, "in")) {
        Channel ch;
        const std::size_t e = channel_phrase(j + 1, ch);
        if (e != kNone) {
          r.channel = ch;
          r.has_channel = true;
          j = r.end = e;
          continue;
        }
      }
      if (allow_thing && !r.thing && r.object.who == Who::none) {
        const std::size_t e = thing_at(j);
        if (e != kNone) {
          r.thing = true;
          j = e;
          continue;  // the span grows only if a person follows
        }
      }
      break;
    }
    return r;
  }

  // "his calls and texts", "any of my texts or calls": a channel noun phrase.
  struct ChannelNp {
    std::size_t end = kNone;
    Channel channel = Channel::any;
    Who poss = Who::none;
  };
  ChannelNp channel_np(std::size_t j) const {
    ChannelNp r;
    std::size_t m = j;
    int unknown = 0;
    for (int s = 0; ok(m) && s < 5; ++s, ++m) {
      if (lem(m) != Lemma::none) break;
      const std::uint64_t cl = cls(m);
      if (cl & kMy) r.poss = Who::self;
      else if (cl & kHis) r.poss = Who::partner;
      else if (cl & kYour) r.poss = Who::you;
      else if (!(cl & (kDet | kNounMod | kOur)) && !is_number(m)) {
        if (!plain_word(m) || ++unknown > 2 || (cl & (kBreak | kI | kHe | kWe | kYou | kMe | kHim | kAux))) break;
      }
    }
    const Lemma l = lem(m);
    if (l == Lemma::none || !(info(l).props & kNounish)) {
      if (is(m, "phone")) {
        r.channel = Channel::call;
        r.end = m + 1;
      }
      return r;
    }
    if (info(l).channel == Channel::in_person) return r;
    if (l == Lemma::contact && m > 0 && is(m - 1, "eye")) return r;
    r.channel = info(l).channel;
    r.end = m + 1;
    if (l == Lemma::snap && (is(m + 1, "chat") || is(m + 1, "chats"))) r.end = m + 2;
    // coordinated: "calls and texts"
    if ((is(r.end, "and") || is(r.end, "or")) && lem(r.end + 1) != Lemma::none &&
        (info(lem(r.end + 1)).props & kNounish) && info(lem(r.end + 1)).channel != Channel::in_person)
      r.end += 2;
    return r;
  }

  bool recent_social(std::size_t k) const {
    for (std::size_t m = k, s = 0; m > 0 && s < 30; ++s) {
      --m;
      Channel ch;
      if (channel_word(m, ch) && ch == Channel::social) return true;
      if (lem(m) == Lemma::story) return true;
      if (is(m, "post") || is(m, "posts") || is(m, "picture") || is(m, "pictures") || is(m, "photo") ||
          is(m, "photos") || is(m, "pic") || is(m, "pics") || is(m, "status"))
        return true;
    }
    return false;
  }
  bool post_noun(std::size_t i) const {
    return is(i, "post") || is(i, "posts") || is(i, "photo") || is(i, "photos") || is(i, "picture") ||
           is(i, "pictures") || is(i, "pic") || is(i, "pics") || is(i, "status") || is(i, "tweet") ||
           is(i, "tweets") || is(i, "selfie") || is(i, "selfies") || is(i, "story") || is(i, "stories");
  }
  // The last channel noun before k ("I sent texts ... they went unanswered").
  Channel recent_channel(std::size_t k) const {
    for (std::size_t m = k, s = 0; m > 0 && s < 25; ++s) {
      --m;
      const Lemma l = lem(m);
      if (l != Lemma::none && (info(l).props & kChannelWord) && info(l).channel != Channel::any &&
          info(l).channel != Channel::in_person)
        return info(l).channel;
    }
    return Channel::any;
  }

  bool verb_context(std::size_t k) const {
    // The word before the trigger makes it a verb: subject, auxiliary, "to", negator.
    if (k == 0) return false;
    const std::uint64_t cl = cls(k - 1);
    return (cl & (kI | kWe | kHe | kYou | kAux | kNeg | kAdv | kCatenative | kIntent | kShould | kWould)) ||
           (cls(k - 1) & kPartnerNoun) || is(k - 1, "to");
  }

  // ---- lemma-specific shapes -------------------------------------------------------
  // Message-like lemmas: text, message, call, email, facetime, dm, snap ...
  bool shape_message(Event& ev) {
    const std::size_t k = ev.trigger;
    const Lemma l = ev.lemma;
    const Form f = t_[k].word->form;
    // Traps.
    if (l == Lemma::call) {
      if (is(k + 1, "it") || is(k + 1, "off") || is(k + 1, "for") || is(k + 1, "out") || is(k + 1, "into") ||
          is(k + 1, "names") || is(k + 1, "quits") || is(k + 1, "center") || is(k + 1, "centre") ||
          is(k + 1, "this") || is(k + 1, "that") || is(k + 1, "of") || is(k + 1, "attention") ||
          is(k + 1, "yourself") || is(k + 1, "himself") || is(k + 1, "herself") || is(k + 1, "myself") ||
          (is(k + 1, "the") && is(k + 2, "shots")))
        return false;
      if (k > 0 && (is(k - 1, "name") || is(k - 1, "so") || is(k - 1, "wake") || is(k - 1, "wake-up") ||
                    is(k - 1, "close") || is(k - 1, "judgment") || is(k - 1, "judgement") || is(k - 1, "on") ||
                    is(k - 1, "what") || is(k - 1, "roll") || is(k - 1, "tough") || is(k - 1, "up")))
        return false;
      if (k > 1 && punct_is(k - 1, '-') && (is(k - 2, "wake") || is(k - 2, "so"))) return false;
    }
    if (l == Lemma::phone && f == Form::base && !(cls(k + 1) & (kMe | kHim | kUs))) return false;
    if (l == Lemma::phone && f == Form::third) return false;
    if ((l == Lemma::text || l == Lemma::message) && (is(k + 1, "of") || is(k + 1, "board") || is(k + 1, "boards")))
      return false;
    if (l == Lemma::text && f == Form::base && k > 0 && is(k - 1, "of")) return false;  // "a wall of text"
    if (l == Lemma::message && k > 0 && (is(k - 1, "mixed") || (is(k - 1, "the") && (cls(k + 1) & kAux)))) return false;
    if (l == Lemma::snap && (is(k + 1, "at") || is(k + 1, "out") || is(k - 1, "oh"))) return false;
    if (l == Lemma::snap && is(k + 1, "chat")) ev.end = k + 2;
    if (l == Lemma::snap && is(k + 1, "chats")) ev.end = k + 2;
    if (l == Lemma::zoom && !(cls(k + 1) & (kMe | kHim)) && !is(k + 1, "call") && !is(k + 1, "calls")) return false;
    if ((l == Lemma::email || l == Lemma::letter) && reply() && k > 0 &&
        (cls(k - 1) & kYour || is(k - 1, "the")) && !verb_context(k))
      return false;  // "thanks for your email": the letter to the columnist
    if (l == Lemma::letter && (is(k + 1, "idea") || is(k - 1, "cover"))) return false;
    if (l == Lemma::emoji && !(cls(k - 1) & (kNounMod)) && !verb_context(k) && !(cls(k - 1) & kDet) &&
        lem(k - 1) == Lemma::none)
      return false;

    // Verb use: "he texts me", "I called", "to text him".
    const bool verb = (info(l).props & kVerbish) &&
                      (f == Form::past || f == Form::ing || verb_context(k) ||
                       (f != Form::plural && person_at(k + 1).who != Who::none &&
                        !(cls(k + 1) & (kMy | kHis | kYour | kOur))) ||
                       ((cls(k + 1) & (kMe | kHim | kUs)) && !(cls(k + 1) & kHis)) ||
                       (f == Form::base && sentence_start(k) == k));
    if (verb && !(f == Form::plural) && !(k > 0 && (cls(k - 1) & (kDet | kMy | kHis | kOur | kNo)) &&
                                          !(cls(k - 1) & (kAux | kI | kHe | kWe)))) {
      const Tail tl = tail(k, false);
      // "call me baby", "calling him my boyfriend": naming, not calling.
      if (l == Lemma::call && tl.object.who != Who::none) {
        const std::size_t a = tl.object.end;
        // "I'll call her 'B'": a quote right after the object names someone
        const std::size_t after = t_[tl.object.end - 1].end;
        const bool quoted = after + 1 < s_.size() && s_[after] == ' ' && (s_[after + 1] == '\'' || s_[after + 1] == '"');
        if (quoted || (cls(a) & (kMy | kHis | kYour)) || is(a, "baby") || is(a, "babe") || is(a, "honey") ||
            is(a, "names") || is(a, "crazy") || is(a, "psycho") || is(a, "stupid") || is(a, "sweetie") ||
            is(a, "darling") || is(a, "out") || is(a, "by") ||
            ((is(a, "a") || is(a, "an")) && !is(a + 1, "few") && !is(a + 1, "couple") && !is(a + 1, "lot") &&
             !is(a + 1, "bunch") && !is(a + 1, "dozen") && !is(a + 1, "million") && !is(a + 1, "hundred")))
          return false;
      }
      if (l == Lemma::call && is(k - 1, "got") && tl.object.who == Who::none) return false;  // got called into work
      ev.object = tl.object.who != Who::none ? tl.object : (tl.to.who != Who::none ? tl.to : tl.with);
      if (tl.from.who != Who::none) ev.source = tl.from;
      ev.end = std::max(ev.end, tl.end);
      if (tl.has_channel && (ev.channel == Channel::any)) ev.channel = tl.channel;
      // passive: "being messaged by her ex", "I was ghosted"
      if (f == Form::past && k > 0 && (is(k - 1, "was") || is(k - 1, "been") || is(k - 1, "being") ||
                                       is(k - 1, "were") || is(k - 1, "get") || is(k - 1, "got"))) {
        ev.received = true;
        ev.source = tl.from;
      }
      // a noun right after a sending verb belongs to this event: "texted her photos"
      const ChannelNp np = channel_np(ev.end);
      if (np.end != kNone && np.end <= ev.end + 4) ev.end = np.end;
      return true;
    }
    if (!(info(l).props & kNounish) && l != Lemma::imessage) return false;
    // Noun use: "a text", "no calls", "five missed calls", "his voicemail".
    const NounLeft nl = noun_left(k);
    if (nl.has_mod_channel) {
      if (nl.mod_channel == Channel::video || nl.mod_channel == Channel::social) ev.channel = nl.mod_channel;
    }
    if (l == Lemma::email || l == Lemma::letter || l == Lemma::note) {
      // "email" as an address or a document needs an act around it.
    }
    ev.begin = nl.start;
    ev.possessor = nl.poss;
    if (nl.no) ev.absent = true;
    if (nl.count) ev.count = nl.count;
    // a snap chat user / the message is clear
    if (l == Lemma::note && !is(k + 1, "of")) {
      // accepted only with a sending/receiving verb, checked below
    }
    // Light verb: "sent me an email", "I had five missed calls", "I left texts".
    std::size_t lv = kNone;
    std::size_t m = nl.start;
    if (m > 0 && (cls(m - 1) & (kMe | kHim | kUs)) && !(cls(m - 1) & kHis) && m > 1 &&
        ((cls(m - 2) & (kSend | kReceive)) || lem(m - 2) == Lemma::send || lem(m - 2) == Lemma::write)) {
      ev.object = person_at(m - 1);
      m -= 1;
    }
    if (m > 0 && ((cls(m - 1) & (kSend | kReceive)) || lem(m - 1) == Lemma::send || lem(m - 1) == Lemma::write))
      lv = m - 1;
    // "straight to voicemail", "went to voicemail"
    if (l == Lemma::voicemail && m > 0 && is(m - 1, "to")) {
      ev.absent = true;
      ev.default_partner = true;
      ev.begin = m - 1;
      if (m > 1 && (is(m - 2, "straight") || is(m - 2, "went") || is(m - 2, "goes") || is(m - 2, "go") ||
                    is(m - 2, "directly")))
        ev.begin = m - 2;
    }
    if (l == Lemma::note && lv == kNone && !is(k + 1, "of")) return false;
    // "the texts", "that email", "one of the messages": a message already told about
    if (lv == kNone && !nl.no && !nl.count && nl.poss == Who::none && nl.start < k &&
        (is(nl.start, "the") || is(nl.start, "that") || is(nl.start, "this") || is(nl.start, "those") ||
         is(nl.start, "these") || is(nl.start, "one")) &&
        !(nl.start > 0 && (is(nl.start - 1, "to") || is(nl.start - 1, "make") || is(nl.start - 1, "made"))))
      return false;
    if (is(ev.end, "user") || is(ev.end, "users") || is(ev.end, "account") || is(ev.end, "profile") ||
        is(ev.end, "app") || is(ev.end, "name") || is(ev.end, "page") || is(ev.end, "history") || is(ev.end, "log"))
      return false;
    if ((l == Lemma::answer) && !nl.no && lv == kNone) return false;
    if (is(ev.end, "of") && unknown_word(ev.end + 1)) ev.end += 2;  // "a card of thanks"
    Tail tl = tail(ev.end - 1, false);
    if (tl.from.who != Who::none) {
      ev.source = tl.from;
      ev.end = std::max(ev.end, tl.end);
    } else if (tl.to.who != Who::none) {
      ev.object = tl.to;
      ev.end = std::max(ev.end, tl.end);
    }
    if (lv != kNone) {
      const bool receive = (cls(lv) & kReceive) && !(cls(lv) & kSend && !is(lv, "had") && !is(lv, "have") &&
                                                      !is(lv, "has") && !is(lv, "having"));
      ev.chain = walk_left(lv);
      ev.chain.start = std::min(ev.chain.start, lv);
      ev.begin = std::min(ev.begin, ev.chain.start);
      if (receive && l != Lemma::conversation && l != Lemma::chat) ev.received = true;
    } else {
      // A bare noun: keep determiners in the span, subjects do not apply.
      ev.chain.start = ev.begin;
    }
    return true;
  }

  // "saw her for a second date": the date belongs to the verb's event.
  void extend_for_date(Event& ev) const {
    if (!is(ev.end, "for") && !is(ev.end, "on")) return;
    std::size_t j = ev.end + 1;
    while (ok(j) && j < ev.end + 4 && (cls(j) & (kDet | kNounMod | kOur | kMy | kHis))) ++j;
    if (lem(j) == Lemma::date) ev.end = j + 1;
  }

  bool shape(Event& ev) {
    const std::size_t k = ev.trigger;
    const Lemma l = ev.lemma;
    const Form f = t_[k].word->form;
    ev.speech_only = info(l).props & kSpeechOnly;
    switch (l) {
      case Lemma::text: case Lemma::message: case Lemma::sms: case Lemma::imessage: case Lemma::whatsapp:
      case Lemma::emoji: case Lemma::call: case Lemma::phone: case Lemma::voicemail: case Lemma::facetime:
      case Lemma::skype: case Lemma::zoom: case Lemma::email: case Lemma::letter: case Lemma::note:
      case Lemma::snapchat: case Lemma::snap: case Lemma::dm:
        return shape_message(ev);
      case Lemma::ring: {
        if (is(k + 1, "a") || is(k + 1, "the") || is(k + 1, "finger")) return false;
        Tail tl = tail(k, false);
        if (tl.object.who == Who::none) return false;
        ev.object = tl.object;
        ev.end = tl.end;
        break;
      }
      case Lemma::facebook: case Lemma::instagram:
        return false;  // channel words only
      case Lemma::social_post: {
        // "liked my post", "likes it" (with a post nearby)
        std::size_t j = k + 1;
        if (cls(j) & (kMy | kHis | kYour)) ++j;
        if (cls(j) & (kDet | kNounMod)) ++j;
        if (post_noun(j)) {
          ev.end = j + 1;
        } else if (is(k + 1, "it") && recent_social(k)) {
          ev.end = k + 2;
        } else {
          return false;
        }
        break;
      }
      case Lemma::comment: {
        if (!is(k + 1, "on")) return false;
        std::size_t j = k + 2;
        if (is(j, "all") || is(j, "every")) ++j;
        if (cls(j) & (kMy | kHis | kYour | kDet)) ++j;
        if (is(k + 2, "it") && recent_social(k)) {
          ev.end = k + 3;
        } else if (post_noun(j) || post_noun(j + 1)) {
          ev.end = post_noun(j) ? j + 1 : j + 2;
        } else {
          return false;
        }
        if (f == Form::third && !verb_context(k) && !(k > 0 && is(k - 1, "and"))) return false;
        break;
      }
      case Lemma::story: {
        // "watches my stories", "viewed her story"
        if (!(k > 0 && (cls(k - 1) & (kMy | kHis | kYour)))) return false;
        if (k < 2 || !plain_word(k - 2)) return false;
        const std::string_view v = w(k - 2);
        if (v.substr(0, 4) != "watc" && v.substr(0, 4) != "view" && v != "saw" && v != "sees" && v != "seen" &&
            v != "see" && v.substr(0, 4) != "look" && v.substr(0, 4) != "chec" && v != "likes" && v != "liked")
          return false;
        ev.begin = k - 2;
        ev.chain = walk_left(k - 2);
        break;
      }
      case Lemma::viewer: {
        if (!(recent_social(k) || is(k + 1, "of"))) return false;
        // "she is among the top viewers"
        std::size_t b = k;
        while (b > 0 && k - b < 4 && (cls(b - 1) & (kDet | kNounMod) || unknown_word(b - 1))) --b;
        ev.begin = b;
        ev.chain = walk_left(b);
        if (ev.chain.subject.who == Who::none) ev.chain.start = b;
        break;
      }
      case Lemma::unfriend: case Lemma::unfollow: {
        Tail tl = tail(k, false);
        ev.object = tl.object;
        ev.end = tl.end;
        break;
      }
      case Lemma::follow: {
        Tail tl = tail(k, false);
        if (tl.object.who == Who::none || !(tl.has_channel || tl.back)) return false;
        ev.object = tl.object;
        ev.end = tl.end;
        if (tl.has_channel) ev.channel = tl.channel;
        if (ev.channel == Channel::any || ev.channel == Channel::in_person) ev.channel = Channel::social;
        break;
      }
      default:
        break;
    }
    switch (l) {
      case Lemma::see: {
        if (is(k + 1, "if") || is(k + 1, "what") || is(k + 1, "where") || is(k + 1, "how") || is(k + 1, "that"))
          return false;
        Tail tl = tail(k, false);
        if (tl.object.who == Who::none || tl.object.who == Who::thing) return false;
        // "seeing someone" / "seeing a guy": dating, not a meeting
        if (f == Form::ing && (is(k + 1, "a") || is(k + 1, "someone") || is(k + 1, "other"))) return false;
        // "see him the same way", "see her in a new light": not a meeting
        if (is(tl.object.end, "together") || is(tl.object.end, "as") || is(tl.object.end, "differently") ||
            (is(tl.object.end, "the") && is(tl.object.end + 1, "same")) ||
            (is(tl.object.end, "in") && (is(tl.object.end + 1, "a") || is(tl.object.end + 1, "the"))))
          return false;
        ev.object = tl.object;
        ev.end = tl.end;
        if (is(ev.end, "in") && is(ev.end + 1, "person")) ev.end += 2;
        extend_for_date(ev);
        break;
      }
      case Lemma::meet: {
        Tail tl = tail(k, false);
        if (f == Form::noun) break;  // "meetup"
        if (tl.object.who == Who::none && !tl.up && tl.with.who == Who::none) return false;
        if (tl.object.who != Who::none && (is(tl.object.begin, "a") || is(tl.object.begin, "an") ||
                                           is(tl.object.begin, "this") || is(tl.object.begin, "one")))
          return false;  // "met a girl", "met this guy online": how they met
        for (std::size_t j = tl.end; !tl.up && j < tl.end + 2 && ok(j) && !hard(j); ++j)
          if (is(j, "online") || is(j, "on") || is(j, "through") || is(j, "via") || is(j, "at") || is(j, "in") ||
              is(j, "while") || is(j, "when"))
            return false;
        ev.object = tl.object.who != Who::none ? tl.object : tl.with;
        ev.end = tl.end;
        break;
      }
      case Lemma::visit: {
        Tail tl = tail(k, false);
        if (f == Form::plural) return false;
        if (tl.object.who == Who::none && plain_word(k + 1) && !(cls(k + 1) & (kAdv | kBreak | kParticle)))
          return false;
        ev.object = tl.object;
        ev.end = tl.end;
        break;
      }
      case Lemma::date: {
        if (k > 0 && (is(k - 1, "to") || is(k - 1, "due") || is(k - 1, "release") || is(k - 1, "birth") ||
                      is(k - 1, "wedding") || is(k - 1, "exact") || is(k - 1, "same") || is(k - 1, "this") ||
                      is(k - 1, "that") || is(k - 1, "end") || is(k - 1, "start") || is(k - 1, "expiration") ||
                      is(k - 1, "up")))
          return false;
        if (is(k + 1, "of") || is(k + 1, "with")) return false;
        if (person_at(k + 1).who != Who::none) return false;  // "let her date boys": the verb
        const NounLeft nl = noun_left(k);
        if (nl.start == k && !(k > 0 && is(k - 1, "on")) && !is(k + 1, "night") && !is(k + 1, "nights") &&
            !is(k + 1, "number"))
          return false;
        ev.begin = nl.start;
        if (nl.has_mod_channel && nl.mod_channel == Channel::video) ev.channel = Channel::video;
        if (is(k + 1, "number") && is_number(k + 2)) ev.end = k + 3;
        if (is(k + 1, "night") || is(k + 1, "nights")) ev.end = k + 2;
        ev.date_like = true;
        // "went on date number 3", "had date night": the verb joins the event
        std::size_t m = nl.start;
        if (m > 0 && is(m - 1, "on") && m > 1 && lem(m - 2) == Lemma::go) {
          ev.begin = m - 2;
          ev.chain = walk_left(m - 2);
        } else if (m > 0 && (is(m - 1, "have") || is(m - 1, "had") || is(m - 1, "having"))) {
          ev.begin = m - 1;
          ev.chain = walk_left(m - 1);
        } else {
          ev.chain.start = ev.begin;
        }
        return true;
      }
      case Lemma::hang: {
        if (f != Form::noun && !is(k + 1, "out")) return false;
        Tail tl = tail(k, false);
        ev.object = tl.object.who != Who::none ? tl.object : tl.with;
        ev.end = tl.end;
        break;
      }
      case Lemma::come: {
        const std::string_view v = w(k);
        const bool stopdrop = v[0] == 's' || v[0] == 'd';
        if (is(k + 1, "over") || is(k + 1, "by")) {
          if (stopdrop && !is(k + 1, "by")) return false;
          Tail tl = tail(k, false);
          ev.end = tl.end;
          ev.object = tl.to.who != Who::none ? tl.to : tl.object;
        } else if (!stopdrop && is(k + 1, "to") &&
                   (cls(k + 2) & (kMy | kHis)) &&
                   (is(k + 3, "house") || is(k + 3, "place") || is(k + 3, "apartment") || is(k + 3, "door") ||
                    is(k + 3, "work") || is(k + 3, "room") || is(k + 3, "dorm"))) {
          ev.end = k + 4;
        } else {
          return false;
        }
        break;
      }
      case Lemma::show: {
        if (!is(k + 1, "up")) return false;
        Tail tl = tail(k, false);
        ev.end = tl.end;
        if (is(ev.end, "at") && (cls(ev.end + 1) & (kMy | kHis | kDet))) ev.end = std::min(n_, ev.end + 3);
        break;
      }
      case Lemma::stand: {
        Tail tl = tail(k, false);
        if (tl.object.who == Who::none || !tl.up) return false;
        ev.object = tl.object;
        ev.end = tl.end;
        ev.absent = true;
        break;
      }
      case Lemma::go: {
        const std::string_view v = w(k);
        if (v == "run" || v == "ran") {
          if (!is(k + 1, "into")) return false;
          const Phrase p = person_at(k + 2);
          if (p.who == Who::none) return false;
          ev.object = p;
          ev.end = p.end;
          break;
        }
        // go out (...) with X
        if (is(k + 1, "out")) {
          std::size_t j = k + 2;
          while (ok(j) && j < k + 6 && !is(j, "with") && !hard(j)) ++j;
          if (!is(j, "with")) return false;
          const Phrase p = person_at(j + 1);
          if (p.who == Who::none) return false;
          ev.object = p;
          ev.end = p.end;
          break;
        }
        // go on a date / a walk (with X); go to the beach (with X)
        if (is(k + 1, "on") || is(k + 1, "to")) {
          std::size_t j = k + 2;
          while (ok(j) && j < k + 5 && (cls(j) & (kDet | kMy | kOur | kHis | kNounMod)) && !(cls(j) & kOuting)) ++j;
          if (!(cls(j) & kOuting)) return false;
          if (lem(j) == Lemma::date) return false;  // the date noun takes it
          ev.end = j + 1;
          if (is(j + 1, "with")) {
            const Phrase p = person_at(j + 2);
            if (p.who != Who::none) {
              ev.object = p;
              ev.end = p.end;
            }
          }
          const Chain c = walk_left(k);
          if (ev.object.who == Who::none && c.subject.who != Who::mutual) return false;
          break;
        }
        return false;
      }
      case Lemma::spend: {
        std::size_t j = k + 1;
        while (ok(j) && j < k + 6 && !is(j, "with") && !hard(j)) ++j;
        if (!is(j, "with")) return false;
        const Phrase p = person_at(j + 1);
        if (p.who == Who::none) return false;
        ev.object = p;
        ev.end = p.end;
        break;
      }
      case Lemma::stay: {
        if (is(k + 1, "the") && is(k + 2, "night")) {
          ev.end = k + 3;
          if ((is(k + 3, "at") || is(k + 3, "with")) && (cls(k + 4) & (kHis | kMy | kHim))) {
            ev.end = k + 5;
            if (cls(k + 4) & kHis && plain_word(k + 5)) ev.end = k + 6;
          }
        } else if (is(k + 1, "over")) {
          ev.end = k + 2;
        } else {
          return false;
        }
        break;
      }
      case Lemma::pick: {
        Tail tl = tail(k, false);
        if (tl.object.who != Who::none && tl.up) {
          ev.object = tl.object;
          ev.end = tl.end;
        } else if (is(k + 1, "up") && is(k + 2, "the") && is(k + 3, "phone")) {
          ev.channel = Channel::call;
          ev.end = k + 4;
        } else if (is(k + 1, "up") && (hard(k + 2) || is(k + 2, "when") || is(k + 2, "my") || is(k + 2, "his"))) {
          ev.channel = Channel::call;
          ev.end = k + 2;
        } else {
          return false;
        }
        break;
      }
      case Lemma::face: {
        if (is(k + 1, "to") && is(k + 2, "face")) {
          ev.end = k + 3;
          if (k > 0 && is(k - 1, "face") ) return false;
        } else if (k > 1 && is(k - 2, "to") && (cls(k - 1) & (kHis | kMy))) {
          ev.begin = k - 2;
        } else {
          return false;
        }
        break;
      }
      case Lemma::together: {
        if (f == Form::base && is(k + 1, "together")) {
          ev.end = k + 2;
          if (is(k + 2, "with")) {
            const Phrase p = person_at(k + 3);
            if (p.who != Who::none) ev.end = p.end, ev.object = p;
          }
        } else if (is(k + 1, "in") && is(k + 2, "touch")) {
          ev.channel = Channel::any;
          ev.end = k + 3;
          if (is(k + 3, "with")) {
            const Phrase p = person_at(k + 4);
            if (p.who != Who::none) ev.end = p.end, ev.object = p;
          }
        } else if ((is(k + 1, "hold") || (is(k + 1, "a") && is(k + 2, "hold"))) ) {
          const std::size_t j = is(k + 1, "a") ? k + 3 : k + 2;
          if (!is(j, "of")) return false;
          const Phrase p = person_at(j + 1);
          if (p.who == Who::none) return false;
          ev.channel = Channel::any;
          ev.object = p;
          ev.end = p.end;
        } else if (is(k + 1, "back") && is(k + 2, "to") && (cls(k + 3) & (kMe | kHim))) {
          ev.channel = Channel::any;
          ev.end = k + 4;
          ev.object = person_at(k + 3);
        } else {
          return false;
        }
        break;
      }
      case Lemma::talk: case Lemma::speak: case Lemma::chat: case Lemma::communicate: {
        if (l == Lemma::chat && k > 0 && lem(k - 1) == Lemma::snap) return false;
        if (l == Lemma::speak && (is(k + 1, "up") || is(k + 1, "out"))) return false;
        if (l == Lemma::talk && k > 0 && (is(k - 1, "small") || is(k - 1, "pillow") || is(k - 1, "pep"))) return false;
        Tail tl = tail(k, true);
        if (l == Lemma::communicate && tl.to.who == Who::none && tl.with.who == Who::none &&
            tl.object.who == Who::none)
          return false;
        ev.object = tl.object.who != Who::none ? tl.object : (tl.to.who != Who::none ? tl.to : tl.with);
        ev.end = tl.end;
        if (tl.has_channel) ev.channel = tl.channel;
        if (is(ev.end, "about") && (cls(ev.end + 1) & (kHim | kHis | kPartnerNoun | kMe))) ev.end += 2;
        // noun chat: "have a chat"
        if (l == Lemma::chat && k > 0 && (cls(k - 1) & kDet)) {
          const NounLeft nl = noun_left(k);
          ev.begin = nl.start;
          if (nl.start > 0 && (cls(nl.start - 1) & kSend)) {
            ev.chain = walk_left(nl.start - 1);
            ev.begin = std::min(ev.begin, ev.chain.start);
            return true;
          }
          ev.chain.start = ev.begin;
          return true;
        }
        break;
      }
      case Lemma::conversation: {
        const NounLeft nl = noun_left(k);
        ev.begin = nl.start;
        if (nl.no) ev.absent = true;
        Tail tl = tail(k, false);
        if (tl.with.who != Who::none) ev.object = tl.with, ev.end = tl.end;
        std::size_t m = nl.start;
        if (m > 0 && ((cls(m - 1) & (kSend | kReceive)) || is(m - 1, "start") || is(m - 1, "started"))) {
          ev.chain = walk_left(m - 1);
          ev.begin = std::min(ev.begin, std::min(ev.chain.start, m - 1));
        } else {
          ev.chain.start = ev.begin;
        }
        if (punct_is(k + 1, '-') && plain_word(k + 2)) ev.end = std::min(n_, k + 5);
        return true;
      }
      case Lemma::contact: {
        if (k > 0 && is(k - 1, "eye")) return false;
        if (is(k + 1, "info") || is(k + 1, "information") || is(k + 1, "details") || is(k + 1, "list") ||
            is(k + 1, "lens") || is(k + 1, "lenses") || is(k + 1, "number"))
          return false;
        const NounLeft nl = noun_left(k);
        if (nl.start < k && !verb_context(k)) {  // noun: "no contact", "any contact"
          ev.begin = nl.start;
          if (nl.no) ev.absent = true;
          Tail tl = tail(k, false);
          if (tl.with.who != Who::none) ev.object = tl.with, ev.end = tl.end;
          std::size_t m = nl.start;
          if (m > 0 && (is(m - 1, "went") || is(m - 1, "go") || is(m - 1, "going") || is(m - 1, "make") ||
                        is(m - 1, "made") || is(m - 1, "making") || is(m - 1, "doing") || is(m - 1, "started") ||
                        is(m - 1, "had") || is(m - 1, "have"))) {
            ev.chain = walk_left(m - 1);
            ev.begin = std::min(ev.begin, std::min(ev.chain.start, m - 1));
            if (is(m - 1, "had") || is(m - 1, "have")) ev.chain.subject = {};
          } else {
            ev.chain.start = ev.begin;
          }
          return true;
        }
        if (k > 0 && is(k - 1, "in") ) {  // "in contact with"
          ev.begin = k - 1;
        }
        Tail tl = tail(k, false);
        ev.object = tl.object.who != Who::none ? tl.object : tl.with;
        ev.end = tl.end;
        break;
      }
      case Lemma::touch: {
        if (!(k > 0 && is(k - 1, "in"))) return false;
        ev.begin = k - 1;
        if (k > 1 && (is(k - 2, "keep") || is(k - 2, "kept") || is(k - 2, "stay") || is(k - 2, "stayed") ||
                      is(k - 2, "get") || is(k - 2, "got") || is(k - 2, "getting") || is(k - 2, "be") ||
                      is(k - 2, "been") || is(k - 2, "are") || is(k - 2, "were") || is(k - 2, "keeping")))
          ev.begin = k - 2;
        if (is(k + 1, "with")) {
          const Phrase p = person_at(k + 2);
          if (p.who != Who::none) ev.object = p, ev.end = p.end;
        }
        ev.chain = walk_left(ev.begin);
        ev.begin = std::min(ev.begin, ev.chain.start);
        return true;
      }
      case Lemma::reach: {
        Tail tl = tail(k, false);
        if (!tl.out && tl.object.who == Who::none) return false;
        ev.object = tl.object.who != Who::none ? tl.object : tl.to;
        ev.end = tl.end;
        if (tl.has_channel) ev.channel = tl.channel;
        break;
      }
      case Lemma::hear: {
        Tail tl = tail(k, false);
        std::size_t e = tl.end;
        bool nothing = false;
        if (tl.from.who == Who::none && !tl.back) {
          // "heard nothing from him", "heard anything from her"
          std::size_t j = k + 1;
          if (is(j, "nothing") || is(j, "anything") || (is(j, "a") && (is(j + 1, "word") || is(j + 1, "peep")))) {
            nothing = is(j, "nothing");
            j += is(j, "a") ? 2 : 1;
            if (is(j, "back")) ++j;
            if (is(j, "from")) {
              const Phrase p = person_at(j + 1);
              if (p.who == Who::none) return false;
              tl.from = p;
              e = p.end;
            } else if (!hard(j) && !nothing) {
              return false;
            } else {
              e = j;
            }
          } else {
            return false;
          }
        }
        if (tl.from.who == Who::third || tl.from.who == Who::you) return false;
        ev.source = tl.from;
        ev.end = e;
        ev.received = true;
        ev.default_partner = true;
        if (nothing) ev.absent = true;
        break;
      }
      case Lemma::reply: case Lemma::respond: case Lemma::answer: {
        if (f == Form::noun || (f == Form::base && k > 0 && (cls(k - 1) & (kDet | kNo | kHis | kMy)) &&
                                !(cls(k - 1) & kAux))) {
          const NounLeft nl = noun_left(k);
          if (!nl.no) {
            std::size_t m = nl.start;
            if (!(m > 0 && (cls(m - 1) & kReceive) && !(cls(m - 1) & kSend))) return false;
            ev.chain = walk_left(m - 1);
            ev.received = true;
            ev.begin = std::min(ev.chain.start, m - 1);
          } else {
            ev.begin = nl.start;
            ev.absent = true;
            ev.chain.start = ev.begin;
          }
          Tail tl = tail(k, false);
          if (tl.from.who != Who::none) ev.source = tl.from, ev.end = tl.end;
          ev.default_partner = true;
          return true;
        }
        if (f == Form::base && !verb_context(k) && !(cls(k + 1) & (kMe | kHim | kUs)) && !is(k + 1, "to") &&
            !is(k + 1, "back") && sentence_start(k) != k)
          return false;
        if (l == Lemma::answer && ((is(k + 1, "the") && (is(k + 2, "question") || is(k + 2, "door"))) ||
                                   is(k + 1, "questions") || is(k + 1, "that") || is(k + 1, "this") ||
                                   is(k + 1, "honestly") || is(k + 1, "is")))
          return false;
        Tail tl = tail(k, false);
        ev.object = tl.object.who != Who::none ? tl.object : tl.to;
        ev.end = tl.end;
        const ChannelNp np = channel_np(ev.end);
        if (np.end != kNone) {
          ev.channel = np.channel;
          ev.end = np.end;
        } else if (tl.has_channel) {
          ev.channel = tl.channel;
        }
        if (is(ev.end, "a") && is(ev.end + 1, "lot")) ev.end += 2;
        if (is(ev.end, "with") && (is(ev.end + 1, "the") || is(ev.end + 1, "a") || is(ev.end + 1, "his"))) {
          std::size_t j = ev.end + 2;
          if (is(j, "reaction") || is(j, "heart") || is(j, "like") || is(j, "likes")) ev.channel = Channel::social;
        }
        ev.default_partner = true;
        break;
      }
      case Lemma::ignore: case Lemma::avoid: {
        if (l == Lemma::avoid && !(f == Form::past || f == Form::ing || f == Form::base || f == Form::third))
          return false;
        Tail tl = tail(k, false);
        const ChannelNp np = channel_np(k + 1);
        if (np.end != kNone) {
          ev.channel = np.channel;
          ev.end = np.end;
          ev.possessor = np.poss;
        } else if (tl.object.who == Who::partner || tl.object.who == Who::self || tl.object.who == Who::you) {
          ev.object = tl.object;
          ev.end = tl.end;
        } else if (l == Lemma::ignore && f == Form::past && k > 0 && (is(k - 1, "was") || is(k - 1, "got") || is(k - 1, "been"))) {
          ev.received = true;  // "I was ignored"
          ev.default_partner = true;
        } else {
          return false;
        }
        if (l == Lemma::avoid && np.end == kNone) return false;  // "avoid him" is rarely contact talk
        ev.absent = true;
        if (f == Form::past && k > 0 && (is(k - 1, "was") || is(k - 1, "been") || is(k - 1, "being") || is(k - 1, "got"))) {
          ev.received = true;
        }
        break;
      }
      case Lemma::ghost: {
        Tail tl = tail(k, false);
        const bool passive = k > 0 && (is(k - 1, "was") || is(k - 1, "been") || is(k - 1, "being") ||
                                       is(k - 1, "got") || is(k - 1, "get") || is(k - 1, "were"));
        if (tl.object.who == Who::none && !passive && !verb_context(k)) return false;
        ev.object = tl.object;
        ev.end = tl.end;
        ev.absent = true;
        if (passive) ev.received = true, ev.source = tl.from, ev.default_partner = true;
        break;
      }
      case Lemma::block: {
        Tail tl = tail(k, false);
        if (tl.object.who == Who::none) {
          const ChannelNp np = channel_np(k + 1);
          if (!(is(k + 1, "my") || is(k + 1, "his") || is(k + 1, "her")) || !(is(k + 2, "number") || np.end != kNone))
            return false;
          ev.end = k + 3;
        } else {
          if (tl.object.who == Who::thing) return false;
          ev.object = tl.object;
          ev.end = tl.end;
        }
        if (tl.has_channel) ev.channel = tl.channel;
        // "blocked me from everything", "blocked me on instagram"
        std::size_t j = ev.end;
        if (is(j, "off") || is(j, "from")) {
          std::size_t e = j + 1;
          if (is(e, "of")) ++e;
          Channel ch;
          const std::size_t ce = channel_phrase(e, ch);
          if (ce != kNone) ev.channel = ch, ev.end = ce;
          else if (is(e, "everything")) ev.end = e + 1;
        } else if (is(j, "on")) {
          Channel ch;
          const std::size_t ce = channel_phrase(j + 1, ch);
          if (ce != kNone) ev.channel = ch, ev.end = ce;
          else if (is(j + 1, "everything")) ev.end = j + 2;
        }
        break;
      }
      case Lemma::delete_: {
        std::size_t j = k + 1;
        if (cls(j) & (kMy | kHis)) ++j;
        if (is(j, "number") || is(j, "contact") || is(j, "messages") || is(j, "texts")) {
          ev.end = j + 1;
        } else {
          Tail tl = tail(k, false);
          if (tl.object.who != Who::partner) return false;
          if (!(is(tl.end, "from") || is(tl.end, "on") || is(tl.end, "off"))) return false;
          ev.object = tl.object;
          Channel ch;
          const std::size_t ce = channel_phrase(tl.end + 1, ch);
          ev.end = ce != kNone ? ce : tl.end;
          if (ce != kNone) ev.channel = ch;
        }
        break;
      }
      case Lemma::unanswered: {
        if (!(k > 0 && (is(k - 1, "left") || is(k - 1, "go") || is(k - 1, "went") || is(k - 1, "goes") ||
                        is(k - 1, "going") || is(k - 1, "remain") || is(k - 1, "remained") || is(k - 1, "were") ||
                        is(k - 1, "was") || is(k - 1, "are") || is(k - 1, "is"))))
          return false;
        ev.channel = recent_channel(k);
        ev.absent = true;
        ev.default_partner = true;
        ev.chain = walk_left(k - 1);
        ev.chain.start = std::min(ev.chain.start, k - 1);
        ev.chain.subject = {};
        ev.begin = ev.chain.start;
        // "they were left unanswered": the pronoun subject is the messages
        if (ev.begin > 0 && (cls(ev.begin - 1) & kHe) && !(cls(ev.begin - 1) & kAux)) --ev.begin;
        return true;
      }
      case Lemma::ask: {
        Tail tl = tail(k, false);
        const bool worth = k > 1 && is(k - 1, "worth");
        if (tl.object.who != Who::partner && !worth) return false;
        ev.object = tl.object;
        ev.end = tl.end;
        if (is(ev.end, "if") || is(ev.end, "whether")) ev.end = std::min(n_, ev.end + 4);
        ev.speech_only = true;
        break;
      }
      case Lemma::say: {
        // "never said a word to me", "say something to your wife"
        std::size_t j = k + 1;
        if (is(j, "a") && is(j + 1, "word")) {
          j += 2;
        } else if (is(j, "something") || is(j, "anything") || is(j, "nothing")) {
          ++j;
        } else {
          return false;
        }
        if (is(j, "to")) {
          const Phrase p = person_at(j + 1);
          if (p.who == Who::none || p.who == Who::third) return false;
          ev.object = p;
          j = p.end;
        } else if (!is(k + 2, "word")) {
          return false;
        }
        ev.end = j;
        break;
      }
      case Lemma::write: {
        Tail tl = tail(k, false);
        const ChannelNp np = channel_np(tl.end);
        if (np.end != kNone) {
          ev.channel = np.channel;
          ev.end = np.end;
          ev.object = tl.object;
        } else if (tl.object.who != Who::none || tl.to.who != Who::none) {
          if (tl.object.who == Who::thing) return false;
          ev.object = tl.object.who != Who::none ? tl.object : tl.to;
          ev.end = tl.end;
        } else if (tl.back) {
          ev.end = tl.end;
        } else {
          return false;
        }
        if (ev.channel == Channel::text && (lem(ev.end - 1) == Lemma::letter || lem(ev.end - 1) == Lemma::note))
          ev.channel = Channel::any;
        break;
      }
      case Lemma::send: {
        Tail tl = tail(k, false);
        std::size_t j = tl.end;
        if (is(j, "each") && is(j + 1, "other")) j += 2;
        const ChannelNp np = channel_np(j);
        if (np.end != kNone) {
          ev.channel = np.channel;
          ev.end = np.end;
          ev.object = tl.object;
          if (np.channel == Channel::any && lem(np.end - 1) != Lemma::letter && lem(np.end - 1) != Lemma::note)
            ev.channel = Channel::any;
        } else {
          // pictures, screenshots: shared on a social channel
          std::size_t m = j;
          while (ok(m) && m < j + 3 && (cls(m) & (kDet | kNounMod | kMy | kHis))) ++m;
          if (!(is(m, "pictures") || is(m, "pics") || is(m, "photos") || is(m, "screenshots") ||
                is(m, "screenshot") || is(m, "nudes") || is(m, "selfies") || is(m, "memes") || is(m, "picture") ||
                is(m, "photo")))
            return false;
          if (tl.object.who == Who::none) return false;
          ev.object = tl.object;
          ev.channel = Channel::social;
          ev.end = m + 1;
          if (is(ev.end, "and") && plain_word(ev.end + 1)) ev.end += 2;
        }
        if (ev.end > 0 && lem(ev.end - 1) == Lemma::emoji) ev.channel = Channel::text;
        break;
      }
      case Lemma::discuss: {
        Tail tl = tail(k, true);
        if (tl.with.who == Who::none && tl.object.who == Who::none && !tl.thing) return false;
        ev.object = tl.with.who != Who::none ? tl.with : tl.object;
        ev.end = tl.end;
        if (tl.thing && tl.with.who == Who::none) {
          std::size_t e = k + 1;
          while (ok(e) && e < k + 4 && plain_word(e) && (cls(e) & (kDet | kMy | kHis | kYour) || unknown_word(e))) ++e;
          ev.end = e;
        }
        break;
      }
      case Lemma::confront: {
        Tail tl = tail(k, false);
        if (tl.object.who == Who::none) return false;
        ev.object = tl.object;
        ev.end = tl.end;
        if (is(ev.end, "about") && plain_word(ev.end + 1)) ev.end += 2;
        break;
      }
      case Lemma::check: {
        std::size_t j = k + 1;
        if (is(j, "up") || is(j, "in")) ++j;
        if (!is(j, "on") && !is(j, "with")) return false;
        const Phrase p = person_at(j + 1);
        if (p.who == Who::none) return false;
        ev.object = p;
        ev.end = p.end;
        break;
      }
      case Lemma::silence: {
        if (w(k) == "word") {
          // "not a word from him", "without a word"
          if (!(k > 1 && (is(k - 1, "a") || is(k - 1, "one")) &&
                (is(k - 2, "not") || is(k - 2, "never") || is(k - 2, "without") || is(k - 2, "no"))))
            return false;
          if (k > 2 && (lem(k - 3) != Lemma::none)) return false;  // "didn't say a word": the verb has it
          ev.begin = k - 2;
          ev.absent = true;
          ev.default_partner = true;
          Tail tl = tail(k, false);
          if (tl.from.who != Who::none) ev.source = tl.from, ev.end = tl.end;
          ev.chain.start = ev.begin;
          return true;
        }
        if (!(k > 0 && (is(k - 1, "radio") || is(k - 1, "complete") || is(k - 1, "total") || is(k - 1, "dead") ||
                        is(k - 1, "utter"))))
          return false;
        ev.begin = k - 1;
        ev.absent = true;
        ev.default_partner = true;
        ev.chain.start = ev.begin;
        return true;
      }
      case Lemma::nothing: {
        // "then nothing.", "still nothing", "nothing back"
        if (!(k > 0 && (is(k - 1, "then") || is(k - 1, "still") || is(k - 1, "and") || is(k - 1, "but"))) &&
            !is(k + 1, "back"))
          return false;
        if (!(hard(k + 1) || is(k + 1, "back"))) return false;
        if (!(k < 2 || hard(k - 2) || is(k - 2, "and") || is(k - 2, "but"))) return false;
        ev.begin = k > 0 && !is(k + 1, "back") ? k - 1 : k;
        if (is(k + 1, "back")) ev.end = k + 2;
        ev.absent = true;
        ev.default_partner = true;
        ev.chain.start = ev.begin;
        return true;
      }
      default:
        break;
    }
    return true;
  }

  // ---- polarity, parties, output ---------------------------------------------------
  bool conditional_before(std::size_t b) const {
    for (std::size_t m = b, s = 0; m > 0 && s < 14; ++s) {
      --m;
      if (hard(m)) return false;
      const std::uint64_t cl = cls(m);
      if (cl & kCond) {
        if (is(m, "case")) return m > 0 && is(m - 1, "in");
        return true;
      }
      if ((cl & kBreak) && !is(m, "and") && !is(m, "or") && !is(m, "then") && !is(m, "even") && !is(m, "also") &&
          !is(m, "that"))
        return false;
    }
    return false;
  }

  // "he said he would call": a reported promise.
  bool speech_before(std::size_t b) const {
    for (std::size_t m = sentence_start(b); m < b; ++m)
      if (cls(m) & kSpeech) return true;
    return false;
  }

  bool habit_before(std::size_t b) const {
    const std::size_t s0 = sentence_start(b);
    for (std::size_t m = s0; m < b; ++m)
      if (is(m, "whenever") || is(m, "everytime") || (is(m, "every") && is(m + 1, "time")) ||
          (is(m, "each") && is(m + 1, "time")) || is(m, "used"))
        return true;
    return false;
  }

  bool imperative(const Event& ev) const {
    if (ev.chain.subject.who != Who::none) return false;
    const std::size_t b = std::min(ev.chain.start == kNone ? ev.begin : ev.chain.start, ev.begin);
    std::size_t s0 = sentence_start(b);
    // skip fillers and clause-opening words
    while (s0 < b && (is(s0, "so") || is(s0, "then") || is(s0, "just") || is(s0, "please") || is(s0, "first") ||
                      is(s0, "and") || is(s0, "but") || is(s0, "now") || is(s0, "also") || is(s0, "maybe") ||
                      is(s0, "ok") || is(s0, "okay") || is(s0, "simply") || is(s0, "instead") ||
                      is(s0, "otherwise") || is(s0, "definitely") || is(s0, "honestly") || is(s0, "again") ||
                      punct(s0)))
      ++s0;
    // A comma-introduced clause can be the imperative ("If he refuses, tell him ...").
    const bool cond_sentence = is(s0, "if") || is(s0, "when") || is(s0, "unless") || is(s0, "once") ||
                               is(s0, "after") || is(s0, "before");
    for (std::size_t m = b; cond_sentence && m > s0; --m) {
      if (punct_is(m - 1, ',')) {
        std::size_t c0 = m;
        while (c0 < b && (is(c0, "just") || is(c0, "then") || is(c0, "please") || is(c0, "so"))) ++c0;
        if (c0 <= b && ((cls(c0) & kImperative) || c0 == ev.trigger) && !(cls(c0) & (kI | kHe | kWe | kYou)) &&
            (c0 != ev.trigger || t_[c0].word->form == Form::base)) {
          s0 = c0;
        }
        break;
      }
    }
    {
      std::size_t c0 = ev.chain.start == kNone ? ev.trigger : ev.chain.start;
      if ((is(c0, "don't") || is(c0, "dont") || is(c0, "never") || (is(c0, "do") && is(c0 + 1, "not"))) &&
          (c0 == 0 || hard(c0 - 1) || is(c0 - 1, "and") || is(c0 - 1, "but") || is(c0 - 1, "so") ||
           is(c0 - 1, "just") || is(c0 - 1, "then")) &&
          t_[ev.trigger].word->form == Form::base)
        return true;
    }
    if (!(cls(s0) & kImperative) && s0 != ev.trigger) return false;
    if (s0 == ev.trigger && t_[s0].word->form != Form::base) return false;
    if (is(s0, "be") || (is(s0, "have") && !(is(s0 + 1, "a") || is(s0 + 1, "the")))) return false;
    for (std::size_t m = s0; m < ev.trigger; ++m)
      if (cls(m) & (kI | kHe | kWe | kYou)) {
        if (cls(m) & (kMe | kHim | kUs)) continue;
        if (is(m, "you") && m > s0 && (cls(m - 1) & (kImperative | kSend))) continue;  // "let you know", "tell you"
        return false;
      }
    return true;
  }

  Polarity polarity(const Event& ev) const {
    const Chain& c = ev.chain;
    const std::size_t b = std::min(c.start == kNone ? ev.begin : c.start, ev.begin);
    if (conditional_before(b + 1) || (c.subject.begin != kNone && conditional_before(c.subject.begin + 1)))
      return Polarity::hypothetical;
    if (imperative(ev)) return Polarity::hypothetical;
    if (c.neg || ev.absent) return Polarity::absent;
    if (c.waiting && (info(ev.lemma).props & kReplyLike)) return Polarity::absent;
    const bool habit = habit_before(b);
    const bool would_intent = c.would && !habit && (reply() || speech_before(b));
    const bool went_to = c.went_to && (info(ev.lemma).props & kChannelWord);
    if (c.intent || c.should || would_intent || went_to) {
      if (reply()) return Polarity::hypothetical;
      if (c.subject.who == Who::you) return Polarity::hypothetical;
      return Polarity::intended;
    }
    // In a reply, what "you" do and what nobody in particular does is advice.
    if (reply() && !ev.received && (c.subject.who == Who::none || c.subject.who == Who::you)) return Polarity::hypothetical;
    return Polarity::occurred;
  }

  Party party(Who who) const {
    switch (who) {
      case Who::self: return Party::self;
      case Who::mutual: return Party::mutual;
      case Who::partner: return Party::partner;
      case Who::you: return Party::self;  // a letter's generic/self "you"
      case Who::third: case Who::relay: return Party::other;
      default: return Party::unknown;
    }
  }

  void finish(Event& ev) {
    const bool verb_event = ev.chain.start == kNone;  // no noun phrase shaped it
    if (verb_event) ev.chain = walk_left(ev.trigger);
    Chain& c = ev.chain;
    std::size_t b = std::min(ev.begin, c.start == kNone ? ev.begin : c.start);
    // Merge "texted her to meet", "call and try to talk to her", "grab the phone and talk to him"
    // into the event just before when this one has no subject of its own.
    if (verb_event && last_verb_ && !last_counted_ && !out_.empty() && last_end_ != kNone &&
        (c.subject.who == Who::none || c.subject_via_coord) &&
        b >= last_end_ && b <= last_end_ + 4 && last_out_ == out_.size()) {
      bool joined = true;
      bool has_link = false;
      for (std::size_t m = last_end_; m < ev.trigger; ++m) {
        if (punct(m)) { joined = false; break; }
        if (is(m, "then")) { joined = false; break; }  // "and then": a new act
        if (is(m, "and") || is(m, "to")) { has_link = true; continue; }
        if (cls(m) & (kAdv | kCatenative)) continue;
        joined = false;
        break;
      }
      if (is(last_end_, "or")) joined = false;
      if (joined && has_link && !ev.date_like) {
        ContactEvent& prev = out_.back();
        const std::uint32_t e = nt_.orig_end(t_[ev.end - 1].begin, t_[ev.end - 1].end);
        prev.end = e;
        prev.text.assign(original_.substr(prev.begin, prev.end - prev.begin));
        if (prev.channel == Channel::any && ev.channel != Channel::any) prev.channel = ev.channel;
        last_end_ = ev.end;
        covered_ = ev.end;
        return;
      }
    }
    // Inherit negation across "or": "barely finds time to ring me or come round".
    bool inherited_neg = false;
    if (c.coord && c.coord_at != kNone && is(c.coord_at, "or") && last_end_ == c.coord_at && last_absent_ &&
        c.subject.who == Who::none)
      inherited_neg = true;

    // Parties.
    Who actor_w = Who::none, target_w = ev.object.who;
    const Who subj = c.subject.who;
    const bool ignoring = ev.lemma == Lemma::ignore || ev.lemma == Lemma::avoid;
    if (ev.received) {
      actor_w = ev.source.who != Who::none ? ev.source.who : Who::partner;
      target_w = subj;
    } else if (subj != Who::none) {
      actor_w = subj;
    } else if (ev.source.who != Who::none) {
      actor_w = ev.source.who;
    } else if (ignoring && ev.possessor != Who::none) {
      // "avoided his calls": the writer; "ignored my texts": the counterpart
      actor_w = ev.possessor == Who::partner ? Who::self : Who::partner;
      target_w = ev.possessor;
    } else if (ev.possessor != Who::none && ev.possessor != Who::mutual && !ev.date_like) {
      actor_w = ev.possessor;
      if (ev.lemma == Lemma::story) {
        target_w = ev.possessor;
        actor_w = Who::partner;
      }
    } else if (ev.default_partner) {
      actor_w = Who::partner;
    } else if (!reply() && ev.object.who == Who::self) {
      actor_w = Who::partner;  // "... to call me": someone calling the writer is the counterpart
    } else if (!reply() && ev.object.who == Who::partner && !ev.date_like) {
      actor_w = Who::self;
    }
    if (ev.date_like && subj != Who::mutual) actor_w = Who::none;
    if (ev.lemma == Lemma::viewer && actor_w == Who::none) actor_w = Who::partner;
    if (ev.lemma == Lemma::unanswered || ev.lemma == Lemma::silence || ev.lemma == Lemma::nothing) actor_w = Who::partner;
    if (ev.absent && !ev.received && subj == Who::none && ev.possessor == Who::none && ev.source.who == Who::none &&
        ev.lemma != Lemma::contact && ev.lemma != Lemma::conversation && ev.lemma != Lemma::chat && !ev.date_like)
      actor_w = Who::partner;  // "no calls, no messages": silence from the counterpart

    // Contact with unrelated people is not an event; the counterpart's own
    // contact with others counts when it is remote or with the writer's child.
    if (actor_w == Who::third) return;
    if (target_w == Who::third) {
      if (actor_w != Who::partner) return;
      const std::size_t h = ev.object.end - 1;
      const bool child = is(h, "daughter") || is(h, "son") || is(h, "kids") || is(h, "kid") || is(h, "children") ||
                         is(h, "child") || is(h, "baby");
      if (ev.channel == Channel::in_person && !child) return;
    }
    if (target_w == Who::relay && actor_w == Who::mutual) return;

    Polarity pol = polarity(ev);
    if (inherited_neg && pol == Polarity::occurred) pol = Polarity::absent;
    if (ev.speech_only && pol == Polarity::occurred) return;
    if (ev.lemma == Lemma::say && pol == Polarity::occurred) return;
    // Intentions and questions about acting are the writer's own.
    if (!reply() && actor_w == Who::none && (pol == Polarity::intended || ev.lemma == Lemma::ask)) actor_w = Who::self;
    // A bare verb with nobody on either side ("the courage to call") is not an event.
    if (verb_event && actor_w == Who::none && target_w == Who::none && ev.source.who == Who::none &&
        (info(ev.lemma).props & kChannelWord) && pol != Polarity::hypothetical && pol != Polarity::absent)
      return;

    // Count and frequency right after the span.
    std::string frequency;
    std::size_t e = ev.end;
    count_after(ev, e, frequency);

    ContactEvent out;
    out.channel = ev.channel;
    out.actor = party(actor_w);
    out.target = party(target_w);
    if (reply()) {
      if (out.actor != Party::unknown || true) out.actor = Party::other;
      if (out.target != Party::unknown) out.target = Party::other;
    }
    out.polarity = pol;
    out.count = ev.count;
    out.frequency = std::move(frequency);
    const std::size_t bt = b;
    out.begin = nt_.orig_begin(t_[bt].begin);
    out.end = nt_.orig_end(t_[e - 1].begin, t_[e - 1].end);
    if (out.end < out.begin) out.end = out.begin;
    out.text.assign(original_.substr(out.begin, out.end - out.begin));
    out_.push_back(std::move(out));
    covered_ = std::max(covered_, e);
    last_end_ = e;
    last_out_ = out_.size();
    last_absent_ = pol == Polarity::absent;
    last_verb_ = verb_event;
    last_counted_ = out_.back().count.has_value() || !out_.back().frequency.empty();
  }

  // "3 times", "twice", "a few times" (count); "every day", "once a week" (frequency).
  void count_after(Event& ev, std::size_t& e, std::string& frequency) const {
    std::size_t j = e;
    // allow a short gap: "called me up at 4", "texted him again"
    for (int s = 0; ok(j) && s < 5 && !hard(j); ++s) {
      std::size_t m = j;
      std::optional<int> cnt;
      if (is_number(m) && is(m + 1, "times") && !is(m, "once")) {
        cnt = number(m);
        m += 2;
      } else if (is(m, "once") || is(m, "twice") || is(m, "thrice")) {
        cnt = number(m);
        m += 1;
      } else if ((is(m, "a") && is(m + 1, "few") && is(m + 2, "times"))) {
        cnt = 3;
        m += 3;
      } else if (is(m, "a") && is(m + 1, "couple") && (is(m + 2, "times") || (is(m + 2, "of") && is(m + 3, "times")))) {
        cnt = 2;
        m += is(m + 2, "of") ? 4 : 3;
      } else if ((is(m, "several") || is(m, "multiple") || is(m, "many") || is(m, "few")) && is(m + 1, "times")) {
        m += 2;
        cnt = std::nullopt;
        if (!(is(m, "a") || is(m, "per") || is(m, "every"))) {
          e = m;
          return;
        }
        cnt = -1;
      } else if (is(m, "everyday") || is(m, "daily") || is(m, "nightly") || is(m, "weekly") || is(m, "constantly") ||
                 (is(m, "every") && (cls(m + 1) & (kTimeUnit | kNumber) || is_number(m + 1))) ||
                 (is(m, "all") && is(m + 1, "the") && is(m + 2, "time")) || (is(m, "all") && is(m + 1, "day"))) {
        std::size_t f = m + 1;
        if (is(m, "every")) {
          while (ok(f) && f < m + 4 && (is_number(f) || is(f, "other") || is(f, "single") || is(f, "few") ||
                                        is(f, "couple") || is(f, "of"))) ++f;
          if (cls(f) & kTimeUnit) ++f;
        } else if (is(m, "all")) {
          f = is(m + 1, "the") ? m + 3 : m + 2;
        }
        frequency = text_of(m, f);
        e = f;
        return;
      }
      if (cnt) {
        // a rate: "once a week", "3 times a day"
        if ((is(m, "a") || is(m, "per") || is(m, "every") || is(m, "each")) && (cls(m + 1) & kTimeUnit)) {
          const std::size_t start = (*cnt >= 0 && !is(j, "once") && !is(j, "twice") && !is(j, "thrice")) ? j : j;
          frequency = text_of(start, m + 2);
          e = m + 2;
          return;
        }
        if (*cnt > 0) ev.count = *cnt;
        e = m;
        return;
      }
      // skip small words between the act and the count
      const std::uint64_t cl = cls(j);
      if (plain_word(j) && (cl & (kParticle | kAdv | kMe | kHim)) && !(cl & kBreak)) {
        ++j;
        continue;
      }
      if (is(j, "in") && is(j + 1, "person")) { j += 2; continue; }
      break;
    }
  }

  std::string text_of(std::size_t b, std::size_t e) const {
    const std::uint32_t ob = nt_.orig_begin(t_[b].begin);
    const std::uint32_t oe = nt_.orig_end(t_[e - 1].begin, t_[e - 1].end);
    std::string r(original_.substr(ob, oe - ob));
    for (char& ch : r)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return r;
  }

  std::string_view original_;
  const NormalizedText& nt_;
  std::string_view s_;
  const lexicon::Scanned& scanned_;
  std::span<const Tok> t_;
  std::size_t n_;
  std::vector<ContactEvent>& out_;
  const std::uint32_t* sent_ = nullptr;  // sentence start of each token
  std::size_t covered_ = 0;
  std::size_t last_end_ = kNone;
  std::size_t last_out_ = 0;
  bool last_absent_ = false;
  bool last_verb_ = false;
  bool last_counted_ = false;  // a count or frequency closes an event
};

}  // namespace

void extract_contacts(std::string_view original, const NormalizedText& text, const lexicon::Scanned& scanned,
                      std::vector<ContactEvent>& out) {
  const auto toks = scanned.tokens();
  if (std::none_of(toks.begin(), toks.end(), [](const Tok& t) { return t.lemma() != Lemma::none; })) return;
  Extractor(original, text, scanned, out).run();
}

}  // namespace lovelorn::detail
