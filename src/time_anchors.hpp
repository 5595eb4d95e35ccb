// time_anchors — calendar dates and relative times, resolved against the
// comment's own timestamp ("in 2015", "March 2016", "last week", "two days ago").
//
// Thread-safety: thread-safe (pure functions).
#pragma once

#include <optional>
#include <vector>

#include "lexicon.hpp"
#include "lovelorn/analysis.hpp"
#include "normalize.hpp"
#include "timestamp.hpp"

namespace lovelorn::detail {

// Appends the anchors of `text` to `out` in text order; relative ones are
// resolved only when `now` (the comment's date) is known. `scanned` is
// lexicon::scan(text.text).
void extract_time_anchors(std::string_view original, const NormalizedText& text, const lexicon::Scanned& scanned,
                          const std::optional<Date>& now, std::vector<TimeAnchor>& out);

}  // namespace lovelorn::detail
