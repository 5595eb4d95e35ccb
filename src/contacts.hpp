// contacts — who contacted whom, how, how often, or pointedly didn't.
//
// Finds communication events between the writer (or the person advised) and
// a romantic counterpart (DESIGN.md §4, shared/gold/README.md conventions).
// The word lists (channels, brands, partner nouns, negators) live in one
// table, src/lexicon.{hpp,cpp}.
//
// Thread-safety: thread-safe (pure functions).
#pragma once

#include <vector>

#include "lexicon.hpp"
#include "lovelorn/analysis.hpp"
#include "normalize.hpp"

namespace lovelorn::detail {

// Appends the contact events of `text` to `out` in text order. `scanned` is
// lexicon::scan(text.text).
void extract_contacts(std::string_view original, const NormalizedText& text, const lexicon::Scanned& scanned,
                      std::vector<ContactEvent>& out);

}  // namespace lovelorn::detail
