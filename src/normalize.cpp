#include "normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace lovelorn::detail {
namespace {

// The NFKC_Casefold normaliser: ICU owns the singleton, so fetching it once
// per process is enough and it is safe to use from many threads.
const icu::Normalizer2* nfkc_casefold() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

class Builder {
 public:
  explicit Builder(NormalizedText& out) : out_(out) {}

  void put(char c, std::uint32_t b, std::uint32_t e) {
    out_.text.push_back(c);
    out_.src_begin.push_back(b);
    out_.src_end.push_back(e);
  }
  // Appends ASCII bytes that need only lower-casing, source offsets from `b`.
  void put_plain_ascii(std::string_view s, std::uint32_t b) {
    const std::size_t old = out_.text.size(), n = s.size();
    out_.text.append(s);
    out_.src_begin.resize(old + n);  // uninitialised: written below
    out_.src_end.resize(old + n);
    char* t = out_.text.data() + old;
    for (std::size_t k = 0; k < n; ++k) {
      const auto c = static_cast<unsigned char>(t[k]);
      t[k] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 'a' - 'A' : 0));
    }
    std::uint32_t* __restrict sb = out_.src_begin.data() + old;
    std::uint32_t* __restrict se = out_.src_end.data() + old;
    const auto count = static_cast<std::uint32_t>(n);
    for (std::uint32_t k = 0; k < count; ++k) {
      sb[k] = b + k;
      se[k] = b + k + 1;
    }
  }
  void put(std::string_view s, std::uint32_t b, std::uint32_t e) {
    for (char c : s) put(c, b, e);
  }
  void put_code_point(UChar32 c, std::uint32_t b, std::uint32_t e) {
    char buf[4];
    std::int32_t n = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), n, 4, c, error);
    if (!error) put(std::string_view(buf, static_cast<std::size_t>(n)), b, e);
  }

 private:
  NormalizedText& out_;
};

// Characters folded to ASCII before ICU sees them: quotes, apostrophes,
// dashes and spaces that writers use interchangeably.
bool fold_punctuation(UChar32 c, char& to) {
  switch (c) {
    case 0x2019: case 0x2018: case 0x00B4: case 0x0060: case 0x02BC: case 0x2032: case 0xFF07:
      to = '\''; return true;
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2033:
      to = '"'; return true;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      to = '-'; return true;
    case 0x00A0: case 0x2007: case 0x202F: case 0x2028: case 0x2029: case 0x3000:
      to = ' '; return true;
    default:
      return false;
  }
}

// ASCII bytes that normalise to themselves (up to case): everything printable
// except '&' (entities) and '`' (apostrophe), plus tab, newline, return.
constexpr std::array<bool, 256> make_plain() {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7F; ++c) t[static_cast<std::size_t>(c)] = c != '&' && c != '`';
  t['\t'] = t['\n'] = t['\r'] = true;
  return t;
}
constexpr auto kPlain = make_plain();

// True when all eight bytes at `p` are printable ASCII other than '&' and '`'
// (tab, newline and return are left to the byte loop).
inline bool plain8(const std::uint8_t* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull, kLow = ~kHigh;
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  if (x & kHigh) return false;
  if (((x + 0x60 * kOnes) & kHigh) != kHigh) return false;  // a byte below 0x20
  if ((x + 0x01 * kOnes) & kHigh) return false;             // 0x7F
  auto has_byte = [&](std::uint8_t c) {
    const std::uint64_t v = x ^ (c * kOnes);
    return (~(((v & kLow) + kLow) | v) & kHigh) != 0;
  };
  return !has_byte('&') && !has_byte('`');
}

bool is_dropped(UChar32 c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

// HTML entities that Reddit's API leaves escaped in bodies. Returns the
// length of the entity at `s` (0 if none) and its replacement in `to`.
std::size_t html_entity(std::string_view s, UChar32& to) {
  struct Named { std::string_view name; UChar32 cp; };
  static constexpr std::array<Named, 6> kNamed{{{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
                                                {"&quot;", '"'}, {"&apos;", '\''}, {"&nbsp;", ' '}}};
  for (const auto& n : kNamed) {
    if (s.substr(0, n.name.size()) == n.name) { to = n.cp; return n.name.size(); }
  }
  if (s.size() >= 4 && s[1] == '#') {
    std::size_t i = 2;
    int base = 10;
    if (s[i] == 'x' || s[i] == 'X') { base = 16; ++i; }
    UChar32 v = 0;
    std::size_t digits = 0;
    for (; i < s.size() && digits < 7; ++i, ++digits) {
      char c = s[i];
      int d = (c >= '0' && c <= '9') ? c - '0'
            : (base == 16 && c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (base == 16 && c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (d < 0) break;
      v = v * base + d;
    }
    if (digits > 0 && i < s.size() && s[i] == ';' && v > 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF)) {
      to = v;
      return i + 1;
    }
  }
  return 0;
}

}  // namespace

void normalize(std::string_view in, NormalizedText& out) {
  out.text.clear();
  out.src_begin.clear();
  out.src_end.clear();
  out.text.reserve(in.size());
  out.src_begin.reserve(in.size());
  out.src_end.reserve(in.size());
  out.source_size = static_cast<std::uint32_t>(in.size());
  out.invalid_utf8 = 0;
  out.ascii = true;
  out.identity = true;
  Builder b(out);
  const auto* s = reinterpret_cast<const std::uint8_t*>(in.data());
  const std::int32_t n = static_cast<std::int32_t>(in.size());
  std::int32_t i = 0;
  icu::UnicodeString folded;
  while (i < n) {
    const auto start = static_cast<std::uint32_t>(i);
    std::uint8_t byte = s[i];
    if (kPlain[byte]) {
      // The fast path: a run of plain ASCII, lower-cased in bulk, one source byte per byte.
      std::int32_t j = i + 1;
      while (true) {
        while (j + 8 <= n && plain8(s + j)) j += 8;
        const std::int32_t stop = std::min(n, j + 8);
        while (j < stop && kPlain[s[j]]) ++j;
        if (j < stop || j >= n) break;
      }
      b.put_plain_ascii(in.substr(static_cast<std::size_t>(i), static_cast<std::size_t>(j - i)), start);
      i = j;
      continue;
    }
    out.identity = false;  // recomputed below when every byte still maps 1:1
    if (byte < 0x80) {  // other ASCII: entities, control bytes
      ++i;
      char c = static_cast<char>(byte);
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c + ('a' - 'A'));
      } else if (c == '&') {
        UChar32 cp = 0;
        if (std::size_t len = html_entity(in.substr(start), cp)) {
          i = static_cast<std::int32_t>(start + len);
          char ascii = 0;
          if (is_dropped(cp)) continue;
          if (fold_punctuation(cp, ascii)) b.put(ascii, start, static_cast<std::uint32_t>(i));
          else b.put_code_point(cp < 0x80 && cp >= 'A' && cp <= 'Z' ? cp + 32 : cp, start, static_cast<std::uint32_t>(i));
          continue;
        }
      } else if ((byte < 0x20 && c != '\n' && c != '\t' && c != '\r') || byte == 0x7F) {
        c = ' ';  // NUL and other controls
      } else if (c == '`') {
        c = '\'';
      }
      b.put(c, start, static_cast<std::uint32_t>(i));
      continue;
    }
    out.ascii = false;
    UChar32 cp = 0;
    U8_NEXT(s, i, n, cp);
    const auto end = static_cast<std::uint32_t>(i);
    if (cp < 0) {
      ++out.invalid_utf8;
      b.put_code_point(0xFFFD, start, end);
      continue;
    }
    char ascii = 0;
    if (fold_punctuation(cp, ascii)) {
      b.put(ascii, start, end);
      continue;
    }
    if (is_dropped(cp)) continue;
    const icu::Normalizer2* nf = nfkc_casefold();
    if (nf == nullptr || nf->isInert(cp)) {
      b.put_code_point(cp, start, end);
      continue;
    }
    // NFKC + case folding of this one code point (fullwidth letters,
    // ligatures, upper-case accented letters), composed; the result maps to
    // the code point's source bytes. Combining sequences that span several
    // code points are left as written.
    UErrorCode status = U_ZERO_ERROR;
    folded = nf->normalize(icu::UnicodeString(cp), status);
    if (U_FAILURE(status)) {
      b.put_code_point(cp, start, end);
      continue;
    }
    for (std::int32_t k = 0; k < folded.length();) {
      UChar32 c2 = folded.char32At(k);
      k += U16_LENGTH(c2);
      if (is_dropped(c2)) continue;
      if (fold_punctuation(c2, ascii)) b.put(ascii, start, end);
      else b.put_code_point(c2, start, end);
    }
  }
  if (!out.identity && out.text.size() == in.size()) {
    // Only 1:1 rewrites happened ('&' that was no entity, a NUL, a '`').
    bool same = true;
    for (std::size_t k = 0; same && k < out.src_begin.size(); ++k) same = out.src_begin[k] == k && out.src_end[k] == k + 1;
    out.identity = same;
  }
}

bool is_valid_utf8(std::string_view in) noexcept {
  const auto* s = reinterpret_cast<const std::uint8_t*>(in.data());
  const std::int32_t n = static_cast<std::int32_t>(in.size());
  std::int32_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) { ++i; continue; }
    UChar32 cp = 0;
    U8_NEXT(s, i, n, cp);
    if (cp < 0) return false;
  }
  return true;
}

std::string repair_utf8(std::string_view in, std::uint32_t* repaired) {
  std::string out;
  out.reserve(in.size());
  std::uint32_t count = 0;
  const auto* s = reinterpret_cast<const std::uint8_t*>(in.data());
  const std::int32_t n = static_cast<std::int32_t>(in.size());
  std::int32_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) { out.push_back(static_cast<char>(s[i++])); continue; }
    std::int32_t start = i;
    UChar32 cp = 0;
    U8_NEXT(s, i, n, cp);
    if (cp < 0) {
      ++count;
      out += "\xEF\xBF\xBD";
    } else {
      out.append(in.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  if (repaired != nullptr) *repaired = count;
  return out;
}

}  // namespace lovelorn::detail
