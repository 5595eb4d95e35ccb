// lexicon — every word list the contact and fact extractors use, in one place.
//
// The extractors never compare against string literals scattered through
// their code: they look each folded word up here once (lookup() is one hash
// probe) and then reason over the word classes and trigger lemmas it returns.
// The tables themselves are constexpr arrays in lexicon.cpp, one per concept,
// written to be read and extended by someone who is not a C++ programmer.
//
// Also here: scan(), the small ASCII word scanner shared by contacts.cpp,
// facts.cpp and time_anchors.cpp (words, numbers and clause punctuation of
// the folded text, each word already looked up), and the "is this comment
// advice to someone else" heuristic contacts and facts need (counted during
// the scan).
//
// Thread-safety: the tables are immutable after first use (the hash index is
// a function-local static), so all functions are thread-safe; a Scanned is
// thread-compatible (one per Workspace).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lovelorn/analysis.hpp"

namespace lovelorn::detail::lexicon {

// Word classes (bit flags; one word can belong to several, "her" is both an
// object pronoun and a possessive).
enum Class : std::uint64_t {
  kI = 1ull << 0,            // i, i'm, i've ... (subject, the writer)
  kMe = 1ull << 1,           // me, myself
  kMy = 1ull << 2,           // my
  kWe = 1ull << 3,           // we, we're, we've ...
  kUs = 1ull << 4,           // us
  kOur = 1ull << 5,          // our
  kHe = 1ull << 6,           // he, she, they (+ contractions): the counterpart as subject
  kHim = 1ull << 7,          // him, her, them
  kHis = 1ull << 8,          // his, her, their
  kYou = 1ull << 9,          // you (+ contractions)
  kYour = 1ull << 10,        // your
  kPartnerNoun = 1ull << 11, // boyfriend, ex, husband, guy, crush ...
  kThirdNoun = 1ull << 12,   // friend(s), mom, family, therapist ... (not the couple)
  kDet = 1ull << 13,         // a, an, the, this, any, some ...
  kAux = 1ull << 14,         // be/have/do forms, modals
  kAdv = 1ull << 15,         // just, still, even, really ... (skipped between subject and verb)
  kCatenative = 1ull << 16,  // try to, start, keep, continue ... (skipped)
  kNeg = 1ull << 17,         // not, never, n't forms, stopped, barely ...
  kIntent = 1ull << 18,      // will, gonna, want to, should, plan to ...
  kCond = 1ull << 19,        // if, unless, whether
  kNo = 1ull << 20,          // no (absence determiner)
  kBreak = 1ull << 21,       // but, because, so, although ... (clause boundaries)
  kImperative = 1ull << 22,  // verbs that start advice sentences ("call him", "sit down")
  kSend = 1ull << 23,        // light verbs of sending: send, leave, write, drop ...
  kReceive = 1ull << 24,     // light verbs of receiving: get, got, receive, had ...
  kNounMod = 1ull << 25,     // adjectives seen inside channel noun phrases ("missed calls")
  kOuting = 1ull << 26,      // beach, movies, dinner ... ("we went to the beach")
  kTimeUnit = 1ull << 27,    // day, week, night ... (for frequencies)
  kParticle = 1ull << 28,    // back, up, out, over, again (after a contact verb)
  kShould = 1ull << 29,      // should, shall (questions "should I" ask about acting)
  kWould = 1ull << 30,       // would, 'd
  kNumber = 1ull << 31,      // one, two, ten, dozen ... (value in Word::number)
  kPlural = 1ull << 32,      // plural noun form ("friends", "texts")
  kRequest = 1ull << 33,     // advice, help, suggestions ... (asks_question)
  kQuestionWord = 1ull << 34,// what, why, how, should, can, do ... (sentence openers of questions)
  kEnded = 1ull << 35,       // dumped, left, broke (up) ... (facts: who ended it)
  kHabit = 1ull << 36,       // whenever, everytime (habits: "would" is not an intention)
  kSpeech = 1ull << 37,      // told, said, asked ... content-carrying speech verbs
  kStatus = 1ull << 38,      // married, divorced, broke (up), dumped ... (facts: status and endings)
};

// Contact-event trigger lemmas. Each surface form of the tables maps to one.
enum class Lemma : std::uint8_t {
  none,
  // text
  text, message, sms, imessage, whatsapp, emoji,
  // call
  call, phone, voicemail, ring,
  // video
  facetime, skype, zoom,
  // email / letters
  email, letter, note,
  // social
  facebook, instagram, snapchat, snap, dm, social_post, comment, story, viewer, unfriend, unfollow, follow,
  // in person
  see, meet, visit, date, hang, come, show, stand, go, spend, stay, pick, face, together,
  // any
  talk, speak, chat, conversation, contact, touch, reach, hear, reply, respond, answer,
  ignore, avoid, ghost, block, delete_, unanswered, ask, say, write, send, discuss, confront,
  communicate, check, silence, nothing,
};

// Properties of a lemma (bit flags in LemmaInfo::props).
enum LemmaProp : std::uint16_t {
  kVerbish = 1 << 0,        // can be a verb ("text him")
  kNounish = 1 << 1,        // can be a noun ("a text")
  kNeedsPerson = 1 << 2,    // only an event with a person object ("see him", not "see if")
  kReplyLike = 1 << 3,      // the counterpart answers by default (reply, respond, hear back)
  kAbsentByMeaning = 1 << 4,// ignoring/avoiding/ghosting: absent from its actor
  kChannelWord = 1 << 5,    // names a channel when it follows another contact verb ("talk on facebook")
  kDateLike = 1 << 6,       // a date or outing: annotated with an unknown actor unless a verb carries it
  kSpeechOnly = 1 << 7,     // speech verb: an event only when intended or hypothetical
};

struct LemmaInfo {
  Lemma lemma;
  Channel channel;
  std::uint16_t props;
};

// Word forms of a trigger lemma.
enum class Form : std::uint8_t { base, third, past, ing, noun, plural };

struct Word {
  std::string_view text;
  std::uint64_t classes = 0;
  Lemma lemma = Lemma::none;
  Form form = Form::base;
  std::uint16_t number = 0;  // value of number words ("ten" -> 10, "twice" -> 2)
};

// The entry for a folded word, or nullptr. One hash probe, no allocation.
const Word* lookup(std::string_view word) noexcept;

// Channel and properties of a trigger lemma.
const LemmaInfo& info(Lemma lemma) noexcept;

// --- the shared word scanner ---------------------------------------------------

enum class TokKind : std::uint8_t { word, number, punct };

struct Tok {
  std::uint32_t begin = 0;  // offsets into NormalizedText::text
  std::uint32_t end = 0;
  TokKind kind = TokKind::word;
  char punct = 0;           // the character of a punct token ('\n' for line breaks)
  // A word or number that is exactly one run of [a-z0-9'] bytes: no capital
  // or UTF-8 letters, no hyphen join, no decimal part (time_anchors.cpp
  // reads such tokens as its own words without rescanning them).
  bool simple = false;
  const Word* word = nullptr;
  std::uint32_t value = 0;  // digits of a number token (saturating)
  std::uint64_t classes() const noexcept { return word ? word->classes : 0; }
  Lemma lemma() const noexcept { return word ? word->lemma : Lemma::none; }
};

// The words, numbers and clause punctuation of a folded text, plus the
// "advice to someone else" verdict.
//
// Words are [a-z0-9'] runs and non-ASCII bytes, each looked up in the
// lexicon; punctuation tokens are . , ; : ! ? " ( ) - / * and line breaks;
// everything else separates. Time anchors, contacts, facts and
// asks_question all read the same scan: the Analyzer scans a comment once
// into its Workspace and hands the result to each of them.
class Scanned {
 public:
  std::span<const Tok> tokens() const noexcept { return {toks_.data(), count_}; }
  // True when the comment reads as advice to someone else (a columnist's or
  // a reader's reply): mostly second person and never "my boyfriend"-style
  // first-person partner mentions. In replies the gold convention makes the
  // letter writer and her partner both `other`.
  bool reply() const noexcept { return reply_; }

 private:
  friend void scan(std::string_view folded, Scanned& out);
  std::string text_;  // scratch: the scanned text, then 8 zero bytes
  std::vector<Tok> toks_;
  std::size_t count_ = 0;
  bool reply_ = false;
};

// Replaces `out` with the scan of `folded`, reusing its buffers. Token
// offsets index `folded`. Never fails.
void scan(std::string_view folded, Scanned& out);

}  // namespace lovelorn::detail::lexicon
