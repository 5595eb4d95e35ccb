// Relationship facts and asks_question: table-driven cases written for these tests.
#include "facts.hpp"

#include <gtest/gtest.h>

#include <string>

#include "normalize.hpp"

namespace lovelorn::detail {
namespace {

RelationshipFacts facts_of(const std::string& text) {
  NormalizedText nt;
  normalize(text, nt);
  lexicon::Scanned scanned;
  lexicon::scan(nt.text, scanned);
  return extract_facts(nt, scanned);
}

bool asks(const std::string& text) {
  NormalizedText nt;
  normalize(text, nt);
  lexicon::Scanned scanned;
  lexicon::scan(nt.text, scanned);
  return asks_question(nt, scanned);
}

struct FactCase {
  const char* text;
  const char* partner_term;
  const char* status;
  const char* ended_by;
};

class Facts : public ::testing::TestWithParam<FactCase> {};
TEST_P(Facts, Extracts) {
  const FactCase& c = GetParam();
  const RelationshipFacts f = facts_of(c.text);
  EXPECT_EQ(f.partner_term, c.partner_term) << c.text;
  EXPECT_EQ(f.status, c.status) << c.text;
  EXPECT_EQ(f.ended_by, c.ended_by) << c.text;
}
INSTANTIATE_TEST_SUITE_P(
    All, Facts,
    ::testing::Values(
        FactCase{"My boyfriend broke up with me over dinner.", "boyfriend", "broken_up", "partner"},
        FactCase{"I dumped my husband after the holidays.", "husband", "broken_up", "self"},
        FactCase{"We split up in May and my ex still texts.", "ex", "broken_up", "mutual"},
        FactCase{"My fianc\u00e9 left me for his coworker.", "fianc\u00e9", "broken_up", "partner"},
        FactCase{"I was dumped by my gf on her birthday.", "girlfriend", "broken_up", "partner"},
        FactCase{"My wife passed away two winters ago.", "wife", "widowed", ""},
        FactCase{"We got divorced when the kids were small.", "", "divorced", "unknown"},
        FactCase{"My husband works nights and we barely talk.", "husband", "married", ""},
        FactCase{"We just got engaged and my fianc\u00e9 is nervous.", "fianc\u00e9", "engaged", ""},
        FactCase{"I've been dating this guy since spring.", "guy", "dating", ""},
        FactCase{"My bf and I have been together for years.", "boyfriend", "together", ""},
        FactCase{"The weather was lovely at the lake.", "", "", ""}));

struct QuestionCase {
  const char* text;
  bool asks;
};

class Questions : public ::testing::TestWithParam<QuestionCase> {};
TEST_P(Questions, Decides) {
  const QuestionCase& c = GetParam();
  EXPECT_EQ(asks(c.text), c.asks) << c.text;
}
INSTANTIATE_TEST_SUITE_P(
    All, Questions,
    ::testing::Values(
        QuestionCase{"He stopped replying on Monday. Should I text him?", true},
        QuestionCase{"My girlfriend is distant lately. Any advice?", true},
        QuestionCase{"I have no idea what to think. Please help.", true},
        QuestionCase{"I would appreciate any advice you can give me.", true},
        QuestionCase{"How do I stop thinking about her.", true},
        QuestionCase{"We had a great week together and I am happy.", false},
        QuestionCase{"It was a long summer, you know?", false},
        QuestionCase{"Why do people ghost? Because it is easy.", false},
        QuestionCase{"I texted him \"do you want to grab a drink?\" and he said yes.", false},
        // a reply: reflective questions are not questions to the reader...
        QuestionCase{"You deserve better. What is your goal here? Your boyfriend is not listening to you.", false},
        // ...but asking the person advised for missing facts is
        QuestionCase{"Something is missing. Have you told your boyfriend how you feel? You should.", true},
        QuestionCase{"", false}));

}  // namespace
}  // namespace lovelorn::detail
