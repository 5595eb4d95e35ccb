// durations — every length of time in a comment, with value, hedge, range and role.
//
// The grammars (numbers, units, hedges, ranges) are Boost.Spirit X3, one per
// src/grammar/ triplet; this component finds candidate positions, runs them,
// and decides each duration's role from its context (DESIGN.md §4 and the
// conventions in shared/gold/README.md).
//
// Thread-safety: thread-safe (pure functions over their arguments).
#pragma once

#include <optional>
#include <vector>

#include "lovelorn/analysis.hpp"
#include "normalize.hpp"

namespace lovelorn::detail {

// Appends the durations of `text` to `out` in text order. `text` is the
// normalised form of the comment; offsets in `out` are original byte offsets
// and Duration::text the original bytes (`original` is the comment as given).
void extract_durations(std::string_view original, const NormalizedText& text, std::vector<Duration>& out);

// The writer's own relationship length in days, from the durations found in
// the same text (nullopt when no duration is the writer's relationship).
std::optional<double> relationship_length_days(const NormalizedText& text, const std::vector<Duration>& durations);

}  // namespace lovelorn::detail
