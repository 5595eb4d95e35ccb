// facts — relationship facts of a comment: partner term, status, who ended
// it, and whether the comment asks the reader something.
//
// Thread-safety: thread-safe (pure functions).
#pragma once

#include "lovelorn/analysis.hpp"
#include "normalize.hpp"

namespace lovelorn::detail {

RelationshipFacts extract_facts(const NormalizedText& text);

// True when the text asks the reader/audience something or requests advice
// (shared/gold/README.md: rhetorical and tag questions do not count).
bool asks_question(const NormalizedText& text);

}  // namespace lovelorn::detail
