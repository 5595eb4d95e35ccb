// Contact events: table-driven cases written for these tests (channels,
// actors, polarities, counts, traps).
#include "contacts.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "normalize.hpp"

namespace lovelorn::detail {
namespace {

using C = Channel;
using P = Party;
using Pol = Polarity;

// An expected event: a fragment its text must contain, and its fields.
struct Want {
  const char* fragment;
  Channel channel;
  Party actor;
  Polarity polarity;
  std::optional<int> count = std::nullopt;
  const char* frequency = nullptr;
};

struct Case {
  const char* text;
  std::vector<Want> want;  // in text order; exactly these events
};

std::vector<ContactEvent> run(const std::string& text) {
  NormalizedText nt;
  normalize(text, nt);
  lexicon::Scanned scanned;
  lexicon::scan(nt.text, scanned);
  std::vector<ContactEvent> out;
  extract_contacts(text, nt, scanned, out);
  return out;
}

std::string describe(const std::vector<ContactEvent>& got) {
  std::string s;
  for (const auto& e : got) {
    s += "  [" + e.text + "] " + std::string(channel_name(e.channel)) + " " + std::string(party_name(e.actor)) +
         "->" + std::string(party_name(e.target)) + " " + std::string(polarity_name(e.polarity));
    if (e.count) s += " count=" + std::to_string(*e.count);
    if (!e.frequency.empty()) s += " freq=" + e.frequency;
    s += "\n";
  }
  return s;
}

void check(const Case& c) {
  const std::string text = c.text;
  const auto got = run(text);
  SCOPED_TRACE(std::string("text: ") + c.text + "\ngot:\n" + describe(got));
  ASSERT_EQ(got.size(), c.want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    const ContactEvent& e = got[i];
    const Want& w = c.want[i];
    EXPECT_NE(e.text.find(w.fragment), std::string::npos) << "event " << i << " should contain '" << w.fragment << "'";
    EXPECT_EQ(text.substr(e.begin, e.end - e.begin), e.text) << "offsets must point into the original text";
    EXPECT_EQ(channel_name(e.channel), channel_name(w.channel)) << "event " << i;
    EXPECT_EQ(party_name(e.actor), party_name(w.actor)) << "event " << i;
    EXPECT_EQ(polarity_name(e.polarity), polarity_name(w.polarity)) << "event " << i;
    EXPECT_EQ(e.count, w.count) << "event " << i;
    if (w.frequency) EXPECT_EQ(e.frequency, w.frequency) << "event " << i;
  }
}

// ---- the example of the issue -------------------------------------------------------

TEST(Contacts, IssueExample) {
  const std::string text =
      "He FaceTimed me 3 times last week but since Sunday no calls, no messages. Should I text him?";
  const auto got = run(text);
  ASSERT_EQ(got.size(), 4u) << describe(got);
  EXPECT_EQ(got[0].channel, C::video);
  EXPECT_EQ(got[0].actor, P::partner);
  EXPECT_EQ(got[0].target, P::self);
  EXPECT_EQ(got[0].polarity, Pol::occurred);
  EXPECT_EQ(got[0].count, 3);
  EXPECT_EQ(got[0].text, "He FaceTimed me 3 times");
  EXPECT_EQ(got[1].text, "no calls");
  EXPECT_EQ(got[1].channel, C::call);
  EXPECT_EQ(got[1].actor, P::partner);
  EXPECT_EQ(got[1].polarity, Pol::absent);
  EXPECT_EQ(got[2].text, "no messages");
  EXPECT_EQ(got[2].channel, C::text);
  EXPECT_EQ(got[2].actor, P::partner);
  EXPECT_EQ(got[2].polarity, Pol::absent);
  EXPECT_EQ(got[3].channel, C::text);
  EXPECT_EQ(got[3].actor, P::self);
  EXPECT_EQ(got[3].target, P::partner);
  EXPECT_EQ(got[3].polarity, Pol::intended);
}

// ---- channels ------------------------------------------------------------------------

class Channels : public ::testing::TestWithParam<Case> {};
TEST_P(Channels, Extracts) { check(GetParam()); }
INSTANTIATE_TEST_SUITE_P(
    All, Channels,
    ::testing::Values(
        Case{"My girlfriend messaged me on WhatsApp at midnight.",
             {{"messaged me", C::text, P::partner, Pol::occurred}}},
        Case{"He texts me every day before work.",
             {{"He texts me", C::text, P::partner, Pol::occurred, std::nullopt, "every day"}}},
        Case{"I got a text from him at noon.", {{"got a text from him", C::text, P::partner, Pol::occurred}}},
        Case{"He rang me twice on Sunday.", {{"He rang me twice", C::call, P::partner, Pol::occurred, 2}}},
        Case{"She left a voicemail while I slept.", {{"left a voicemail", C::call, P::partner, Pol::occurred}}},
        Case{"We talk on the phone for hours.", {{"talk on the phone", C::call, P::mutual, Pol::occurred}}},
        Case{"We Skyped every night last summer.",
             {{"We Skyped", C::video, P::mutual, Pol::occurred, std::nullopt, "every night"}}},
        Case{"He sent me a long email about his feelings.", {{"sent me a long email", C::email, P::partner, Pol::occurred}}},
        Case{"He unfriended me on Facebook.", {{"unfriended me on Facebook", C::social, P::partner, Pol::occurred}}},
        Case{"My ex still watches my stories.", {{"watches my stories", C::social, P::partner, Pol::occurred}}},
        Case{"He DMed me a few times.", {{"DMed me a few times", C::social, P::partner, Pol::occurred, 3}}},
        Case{"I ran into my ex at the mall.", {{"ran into my ex", C::in_person, P::self, Pol::occurred}}},
        Case{"He came over on Friday night.", {{"came over", C::in_person, P::partner, Pol::occurred}}},
        Case{"We hung out once a week.",
             {{"hung out", C::in_person, P::mutual, Pol::occurred, std::nullopt, "once a week"}}},
        Case{"My husband showed up at my work.", {{"showed up", C::in_person, P::partner, Pol::occurred}}},
        Case{"I reached out to him last night.", {{"reached out to him", C::any, P::self, Pol::occurred}}},
        Case{"He blocked me on Instagram.", {{"blocked me on Instagram", C::social, P::partner, Pol::occurred}}},
        Case{"I deleted his number.", {{"deleted his number", C::any, P::self, Pol::occurred}}}));

// ---- actors ----------------------------------------------------------------------------

class Actors : public ::testing::TestWithParam<Case> {};
TEST_P(Actors, Resolves) { check(GetParam()); }
INSTANTIATE_TEST_SUITE_P(
    All, Actors,
    ::testing::Values(
        Case{"I called him after the game.", {{"I called him", C::call, P::self, Pol::occurred}}},
        Case{"My boyfriend called me from the airport.", {{"My boyfriend called me", C::call, P::partner, Pol::occurred}}},
        Case{"We texted until two in the morning.", {{"We texted", C::text, P::mutual, Pol::occurred}}},
        Case{"This guy FaceTimed me out of nowhere.", {{"FaceTimed me", C::video, P::partner, Pol::occurred}}},
        Case{"I was ghosted by a guy from the gym.", {{"I was ghosted", C::any, P::partner, Pol::absent}}},
        Case{"I heard nothing from him for two weeks.", {{"heard nothing from him", C::any, P::partner, Pol::absent}}},
        // a reply: the person advised and her partner are both "other"
        Case{"You should call him and say how you feel. Your boyfriend owes you that. "
             "If your boyfriend texts you, reply kindly.",
             {{"call him", C::call, P::other, Pol::hypothetical},
              {"your boyfriend texts you", C::text, P::other, Pol::hypothetical}}}));

// ---- polarity --------------------------------------------------------------------------

class Polarities : public ::testing::TestWithParam<Case> {};
TEST_P(Polarities, Decides) { check(GetParam()); }
INSTANTIATE_TEST_SUITE_P(
    All, Polarities,
    ::testing::Values(
        Case{"He hasn't texted me since Friday.", {{"hasn't texted me", C::text, P::partner, Pol::absent}}},
        Case{"She never answers my calls.", {{"never answers my calls", C::call, P::partner, Pol::absent}}},
        Case{"He ignored my texts for a week.", {{"ignored my texts", C::text, P::partner, Pol::absent}}},
        Case{"I haven't spoken to him in a month.", {{"haven't spoken to him", C::any, P::self, Pol::absent}}},
        Case{"Radio silence since Monday.", {{"Radio silence", C::any, P::partner, Pol::absent}}},
        Case{"Not a word from him since the party.", {{"Not a word from him", C::any, P::partner, Pol::absent}}},
        Case{"He stood me up again.", {{"stood me up", C::in_person, P::partner, Pol::absent}}},
        Case{"He just stopped texting.", {{"stopped texting", C::text, P::partner, Pol::absent}}},
        Case{"What if he contacts me again?", {{"he contacts me", C::any, P::partner, Pol::hypothetical}}},
        Case{"If she texts me, should I answer?",
             {{"she texts me", C::text, P::partner, Pol::hypothetical},
              {"should I answer", C::any, P::self, Pol::intended}}},
        Case{"I will email him tomorrow.", {{"I will email him", C::email, P::self, Pol::intended}}},
        Case{"I'm going to call him tonight.", {{"going to call him", C::call, P::self, Pol::intended}}},
        Case{"Should I reach out?", {{"Should I reach out", C::any, P::self, Pol::intended}}},
        Case{"I didn't want to text him first.", {{"didn't want to text him", C::text, P::self, Pol::absent}}},
        Case{"He said he would call me after practice.",
             {{"would call me", C::call, P::partner, Pol::intended}}}));

// ---- traps: no event, or not the obvious one ----------------------------------------------

class Traps : public ::testing::TestWithParam<Case> {};
TEST_P(Traps, Ignores) { check(GetParam()); }
INSTANTIATE_TEST_SUITE_P(
    All, Traps,
    ::testing::Values(
        Case{"He keeps calling me baby in public.", {}},
        Case{"He called for a break last month.", {}},
        Case{"We called it off in June.", {}},
        Case{"Losing my job was a wake-up call.", {}},
        Case{"He told me he loved me.", {}},
        Case{"My friend texted me about him.", {}},
        Case{"I talk to my sister every day.", {}},
        Case{"I see what you mean.", {}},
        Case{"We met online in 2019.", {}},
        Case{"The message was clear enough.", {}},
        Case{"Avoid eye contact with strangers.", {}},
        // the call happened; not caring about it does not negate it
        Case{"I didn't care that he called.", {{"he called", C::call, P::partner, Pol::occurred}}},
        Case{"His mom took away his phone.", {}}));

// ---- misc ----------------------------------------------------------------------------------

TEST(Contacts, OffsetsSurviveCurlyApostrophes) {
  const std::string text = "Honestly he hasn\u2019t called me in days.";
  const auto got = run(text);
  ASSERT_EQ(got.size(), 1u) << describe(got);
  EXPECT_EQ(got[0].text, "he hasn\u2019t called me");
  EXPECT_EQ(got[0].polarity, Pol::absent);
}

TEST(Contacts, AppendsInTextOrder) {
  std::vector<ContactEvent> out(1);  // existing content is kept
  const std::string text = "We texted, then he called, then we met up at the park.";
  NormalizedText nt;
  normalize(text, nt);
  lexicon::Scanned scanned;
  lexicon::scan(nt.text, scanned);
  extract_contacts(text, nt, scanned, out);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_LT(out[1].begin, out[2].begin);
  EXPECT_LT(out[2].begin, out[3].begin);
  EXPECT_EQ(out[3].channel, C::in_person);
}

TEST(Contacts, EmptyAndOddInput) {
  EXPECT_TRUE(run("").empty());
  EXPECT_TRUE(run("?!...,,,").empty());
  EXPECT_TRUE(run(std::string(5000, 'a')).empty());
  EXPECT_NO_THROW(run(std::string("call \xff\xfe me") + std::string(3, '\0') + " text"));
}

}  // namespace
}  // namespace lovelorn::detail
