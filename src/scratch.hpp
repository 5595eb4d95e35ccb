// scratch — one policy for the reusable buffers of the hot path.
//
// Workspaces (with their word scan), reader buffers and the feature table
// keep their capacity from one comment to the next, so analysing a comment
// allocates nothing. After a gigantic input they would keep that memory for
// the rest of the run; instead, the first ordinary input after it gives it
// back.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>

namespace lovelorn::detail {

// Buffers up to this size are always kept.
inline constexpr std::size_t kKeepScratchBytes = std::size_t{1} << 20;

// True when a buffer of `capacity_bytes` grew for a gigantic input and the
// next input (`next_bytes`) is an ordinary one.
constexpr bool grew_for_gigantic(std::size_t capacity_bytes, std::size_t next_bytes) noexcept {
  return capacity_bytes > kKeepScratchBytes && next_bytes < kKeepScratchBytes / 4;
}

// Frees `buffer` (a std::string or std::vector) when it grew for a gigantic
// input and `next_bytes` is ordinary; otherwise leaves it as it is.
template <class Buffer>
void trim_scratch(Buffer& buffer, std::size_t next_bytes) {
  if (grew_for_gigantic(buffer.capacity() * sizeof(typename Buffer::value_type), next_bytes)) Buffer().swap(buffer);
}

}  // namespace lovelorn::detail
