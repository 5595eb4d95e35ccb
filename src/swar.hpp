// swar — byte-class tests on eight bytes at once in a 64-bit word ("SIMD
// within a register"), for the word scanners of the extractors.
//
// Each test returns a lane mask: the high bit of byte k is set when byte k
// of the word passes. Words are loaded little-endian (byte k of the text is
// lane k), so the first passing byte is std::countr_zero(mask) / 8. Callers
// use these only when std::endian::native is little (kEnabled) and keep a
// byte loop for the other case and for the last bytes of a text.
//
// Thread-safety: pure functions.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace lovelorn::detail::swar {

inline constexpr bool kEnabled = std::endian::native == std::endian::little;
inline constexpr std::uint64_t kOnes = 0x0101010101010101ull;
inline constexpr std::uint64_t kHigh = 0x8080808080808080ull;

inline std::uint64_t load8(const char* p) noexcept {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}

// Bytes in [lo, hi], both below 0x80.
inline std::uint64_t in_range(std::uint64_t x, unsigned char lo, unsigned char hi) noexcept {
  const std::uint64_t low7 = x & ~kHigh;
  const std::uint64_t ge = low7 + (0x80u - lo) * kOnes;  // bit 7 set when low7 >= lo (no carries)
  const std::uint64_t gt = low7 + (0x7Fu - hi) * kOnes;  // bit 7 set when low7 > hi
  return ge & ~gt & ~x & kHigh;
}

// Bytes equal to c.
inline std::uint64_t equal(std::uint64_t x, unsigned char c) noexcept {
  const std::uint64_t v = x ^ (c * kOnes);
  return ~(((v & ~kHigh) + ~kHigh) | v) & kHigh;
}

// Bytes 0x80 and above.
inline std::uint64_t high(std::uint64_t x) noexcept { return x & kHigh; }

// Lanes below lane k (0 <= k <= 8).
inline std::uint64_t below(unsigned k) noexcept { return k >= 8 ? ~0ull : (1ull << (8 * k)) - 1; }

// Index of the first lane set in m (m != 0).
inline unsigned first(std::uint64_t m) noexcept { return static_cast<unsigned>(std::countr_zero(m)) / 8; }

}  // namespace lovelorn::detail::swar
