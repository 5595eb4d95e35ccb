// lovelorn/analysis.hpp — the value types an analysis returns.
//
// Everything here owns its data (no string_views into the caller's text), so
// an Analysis can outlive the text it came from. Every `begin`/`end` pair is
// a half-open range of *byte offsets into the original comment text*, exactly
// as it was passed to Analyzer::analyze(), even when the text contained
// invalid UTF-8 or curly quotes that analysis normalised internally.
//
// Thread-safety: plain value types (thread-compatible).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lovelorn {

// --- tokens ----------------------------------------------------------------

enum class TokenKind : std::uint8_t {
  word,         // letters, digits inside words, apostrophes ("didn't", "25f")
  number,       // digits with optional , . separators ("3", "1.5", "10,000")
  punctuation,  // one punctuation or symbol character ("?", "...", "-")
  emoji,        // one emoji (with its modifiers and joiners)
  url,          // http(s)://... or www....
  email,        // name@host.tld
  mention,      // @name, u/name, r/name
  hashtag,      // #word
};
std::string_view token_kind_name(TokenKind kind) noexcept;

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the original text
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::word;
  bool sentence_start = false;  // first token of a sentence
  // Normalised form: case-folded, apostrophes unified to ', informal
  // spellings spelled out ("im" -> "i'm", "u" -> "you", "wasnt" -> "wasn't").
  std::string norm;
};

// --- durations ---------------------------------------------------------------

// What a duration measures (DESIGN.md §4).
enum class DurationRole : std::uint8_t {
  relationship,  // length of a dating relationship / marriage
  since_event,   // time elapsed since something ("3 weeks ago", "since the breakup")
  no_contact,    // length of a period without contact between the two people
  other,         // ages and distances written with a unit, anything else
};
std::string_view duration_role_name(DurationRole role) noexcept;

struct Duration {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string text;            // the original bytes [begin, end)
  std::optional<double> days;  // central value; absent for unquantified plurals ("for months")
  std::optional<double> low;   // interval for ranges and vague amounts ("a few" -> 2..4)
  std::optional<double> high;
  std::string unit;            // "second" ... "year", "decade", "weekend", "night"
  std::string hedge;           // "" or the normalised hedge ("about", "almost", "a little over", ...)
  DurationRole role = DurationRole::other;
};

// A calendar date or a relative time ("in 2015", "last week", "two days ago").
struct TimeAnchor {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string text;
  // Resolved ISO date ("2017-03-06", "2015", "2016-03") when the text or the
  // comment timestamp allows it; empty otherwise.
  std::string resolved;
  bool relative = false;  // "yesterday", "two days ago" (vs. a calendar date)
};

// --- contact events ----------------------------------------------------------

enum class Channel : std::uint8_t { text, call, video, email, social, in_person, any };
enum class Party : std::uint8_t { self, partner, mutual, other, unknown };
enum class Polarity : std::uint8_t { occurred, absent, hypothetical, intended };
std::string_view channel_name(Channel c) noexcept;
std::string_view party_name(Party p) noexcept;
std::string_view polarity_name(Polarity p) noexcept;

struct ContactEvent {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string text;
  Channel channel = Channel::any;
  Party actor = Party::unknown;
  Party target = Party::unknown;
  Polarity polarity = Polarity::occurred;
  std::optional<int> count;  // "3 times" -> 3, "twice" -> 2
  std::string frequency;     // "every day", "once a week", or ""
};

// --- relationship facts ------------------------------------------------------

struct RelationshipFacts {
  std::string partner_term;  // "boyfriend", "ex", "husband", ... or ""
  std::string status;        // "dating", "together", "engaged", "married", "broken_up", "divorced", "widowed" or ""
  std::string ended_by;      // "self", "partner", "mutual", "unknown" or "" (not ended)
};

// --- situation ---------------------------------------------------------------

struct Situation {
  std::string label;                 // the most probable label
  double p = 0.0;                    // its probability
  std::vector<std::string> labels;   // every label of the model, in model order
  std::vector<double> scores;        // probability of each label (sums to 1)
};

// --- the whole analysis ------------------------------------------------------

// Which parts of the pipeline produced results; an absent part is never
// faked, and the JSON writer leaves its fields out.
struct Produced {
  bool tokens = false;
  bool durations = false;
  bool time_anchors = false;
  bool contact_events = false;
  bool facts = false;
  bool situation = false;
};

struct Analysis {
  std::uint32_t bytes = 0;           // size of the analysed text
  std::uint32_t invalid_utf8 = 0;    // invalid sequences repaired as U+FFFD
  std::uint32_t token_count = 0;
  std::uint32_t sentence_count = 0;
  std::vector<Token> tokens;         // filled only when requested (Options::keep_tokens)
  std::vector<Duration> durations;
  std::optional<double> relationship_length_days;
  std::vector<TimeAnchor> time_anchors;
  std::vector<ContactEvent> contact_events;
  RelationshipFacts facts;
  bool asks_question = false;
  std::optional<Situation> situation;
  Produced produced;
};

}  // namespace lovelorn
