#include "tokenizer.hpp"

#include <gtest/gtest.h>

namespace lovelorn::detail {
namespace {

struct Expected {
  std::string text;
  TokenKind kind;
  std::string norm;
};

std::vector<Tok> tokenize(const std::string& s, NormalizedText& nt) {
  static const Tokenizer tokenizer;
  static thread_local Tokenizer::State state = tokenizer.make_state();
  normalize(s, nt);
  std::vector<Tok> out;
  tokenizer.tokenize(nt, state, out);
  return out;
}

void expect_tokens(const std::string& s, const std::vector<Expected>& want) {
  NormalizedText nt;
  auto toks = tokenize(s, nt);
  ASSERT_EQ(toks.size(), want.size()) << s;
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(s.substr(toks[i].begin, toks[i].end - toks[i].begin), want[i].text) << s << " #" << i;
    EXPECT_EQ(toks[i].kind, want[i].kind) << s << " #" << i;
    EXPECT_EQ(std::string(toks[i].norm), want[i].norm) << s << " #" << i;
  }
}

TEST(Tokenizer, WordsNumbersPunctuation) {
  expect_tokens("He waited 1.5 years... right?",
                {{"He", TokenKind::word, "he"}, {"waited", TokenKind::word, "waited"},
                 {"1.5", TokenKind::number, "1.5"}, {"years", TokenKind::word, "years"},
                 {"...", TokenKind::punctuation, "..."}, {"right", TokenKind::word, "right"},
                 {"?", TokenKind::punctuation, "?"}});
}

TEST(Tokenizer, ContractionsAndInformalSpellings) {
  expect_tokens("I didn\xE2\x80\x99t know, im sure u wasnt", {{"I", TokenKind::word, "i"},
                                                              {"didn\xE2\x80\x99t", TokenKind::word, "didn't"},
                                                              {"know", TokenKind::word, "know"},
                                                              {",", TokenKind::punctuation, ","},
                                                              {"im", TokenKind::word, "i'm"},
                                                              {"sure", TokenKind::word, "sure"},
                                                              {"u", TokenKind::word, "you"},
                                                              {"wasnt", TokenKind::word, "wasn't"}});
  expect_tokens("don\xC2\xB4t go", {{"don\xC2\xB4t", TokenKind::word, "don't"}, {"go", TokenKind::word, "go"}});
}

TEST(Tokenizer, UrlsEmailsMentionsHashtags) {
  expect_tokens("see https://example.org/a?b=1, mail me@example.com @sam #nc u/someone",
                {{"see", TokenKind::word, "see"},
                 {"https://example.org/a?b=1", TokenKind::url, "https://example.org/a?b=1"},
                 {",", TokenKind::punctuation, ","},
                 {"mail", TokenKind::word, "mail"},
                 {"me@example.com", TokenKind::email, "me@example.com"},
                 {"@sam", TokenKind::mention, "@sam"},
                 {"#nc", TokenKind::hashtag, "#nc"},
                 {"u/someone", TokenKind::mention, "u/someone"}});
}

TEST(Tokenizer, NonAsciiRunsUseIcu) {
  NormalizedText nt;
  const std::string s = "Caf\xC3\xA9 \xF0\x9F\x98\x94 na\xC3\xAFve";
  auto toks = tokenize(s, nt);
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_EQ(s.substr(toks[0].begin, toks[0].end - toks[0].begin), "Caf\xC3\xA9");
  EXPECT_EQ(toks[0].kind, TokenKind::word);
  EXPECT_EQ(toks[1].kind, TokenKind::emoji);
  EXPECT_EQ(std::string(toks[2].norm), "na\xC3\xAFve");
}

TEST(Tokenizer, SentenceStarts) {
  NormalizedText nt;
  auto toks = tokenize("He left. I stayed!\n\nthen what", nt);
  std::vector<std::string> starts;
  for (const auto& t : toks) {
    if (t.sentence_start) starts.emplace_back(t.norm);
  }
  EXPECT_EQ(starts, (std::vector<std::string>{"he", "i", "then"}));
}

TEST(Tokenizer, InvalidBytesDoNotCrash) {
  NormalizedText nt;
  auto toks = tokenize(std::string("a\xFF\xFE b\0c", 7), nt);
  EXPECT_GE(toks.size(), 2u);
  EXPECT_EQ(nt.invalid_utf8, 2u);
}

}  // namespace
}  // namespace lovelorn::detail

namespace lovelorn::detail {
namespace {

TEST(Tokenizer, SpellsOutInformalForms) {
  EXPECT_EQ(spell_out("im"), "i'm");
  EXPECT_EQ(spell_out("u"), "you");
  EXPECT_EQ(spell_out("ur"), "your");
  EXPECT_EQ(spell_out("youre"), "you're");
  EXPECT_EQ(spell_out("shouldnt"), "shouldn't");  // eight bytes: the longest key
  EXPECT_EQ(spell_out("bf"), "boyfriend");
  // Words that share a first letter and a length with an entry stay as they are.
  for (const char* w : {"is", "it", "in", "the", "too", "date", "does", "when", "shouldnt'", "shouldnts", "a", "i", ""})
    EXPECT_EQ(spell_out(w), w) << w;
}

}  // namespace
}  // namespace lovelorn::detail
