// normalize — the folded copy of a comment that every extractor reads.
//
// normalize() turns arbitrary bytes into valid UTF-8 that is easy to match:
// ASCII lower case, non-ASCII NFKC + case folded (ICU), curly quotes and
// apostrophes unified (’ ‘ ´ ` ʼ -> ', “ ” -> "), common HTML entities
// decoded (&amp; &lt; &gt; &quot; &#39; &#x200B; &nbsp;; Reddit dumps keep
// them), NUL and other control bytes turned into spaces, invalid UTF-8
// replaced by U+FFFD and counted, zero-width characters dropped.
//
// Because the folded text differs in length from the original, every byte of
// it remembers the source range it came from, so matches found in `text`
// map back to exact byte offsets of the caller's text (orig_begin/orig_end).
//
// Thread-safety: normalize() is thread-safe; a NormalizedText is
// thread-compatible (one per Workspace, reused between comments).
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lovelorn::detail {

// An allocator whose value-less construct() leaves the element
// uninitialised, so resize() before overwriting every element costs no memset.
template <class T>
struct UninitializedAllocator : std::allocator<T> {
  using value_type = T;
  template <class U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <class U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

using OffsetVector = std::vector<std::uint32_t, UninitializedAllocator<std::uint32_t>>;

struct NormalizedText {
  std::string text;                  // folded, valid UTF-8
  OffsetVector src_begin;            // per byte of `text`: start of its source bytes
  OffsetVector src_end;              // per byte of `text`: end of its source bytes
  std::uint32_t source_size = 0;
  std::uint32_t invalid_utf8 = 0;    // invalid sequences repaired
  bool ascii = true;                 // the source was pure ASCII (fast paths may skip work)
  bool identity = true;              // byte i of `text` came from byte i of the source, for every i

  // Original byte range of the folded range [b, e). Precondition: b <= e <= text.size().
  std::uint32_t orig_begin(std::size_t b) const {
    return b < src_begin.size() ? src_begin[b] : source_size;
  }
  std::uint32_t orig_end(std::size_t b, std::size_t e) const {
    return e > b ? src_end[e - 1] : orig_begin(b);
  }
};

// Fills `out` (its buffers are reused) from `in`. Never fails.
void normalize(std::string_view in, NormalizedText& out);

// True when `in` is valid UTF-8 (no overlongs, surrogates or truncation).
bool is_valid_utf8(std::string_view in) noexcept;

// `in` with every invalid UTF-8 sequence replaced by U+FFFD; `repaired`
// (when given) receives the number of replacements.
std::string repair_utf8(std::string_view in, std::uint32_t* repaired = nullptr);

}  // namespace lovelorn::detail
