// facts — relationship facts of a comment: partner term, status, who ended
// it, and whether the comment asks the reader something.
//
// Thread-safety: thread-safe (pure functions).
#pragma once

#include "lexicon.hpp"
#include "lovelorn/analysis.hpp"
#include "normalize.hpp"

namespace lovelorn::detail {

// Both read `scanned` = lexicon::scan(text.text).
RelationshipFacts extract_facts(const NormalizedText& text, const lexicon::Scanned& scanned);

// True when the text asks the reader/audience something or requests advice
// (shared/gold/README.md: rhetorical and tag questions do not count).
bool asks_question(const NormalizedText& text, const lexicon::Scanned& scanned);

}  // namespace lovelorn::detail
