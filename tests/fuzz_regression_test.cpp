// Replays every input the fuzzers ever crashed on (tests/fuzz/regressions/
// <target>/<name>) through the same target function the fuzzer runs
// (tests/fuzz/fuzz_targets.hpp), in the normal and the sanitizer builds.
// A regression aborts the test program (the targets' invariant checks) or is
// reported by AddressSanitizer/UBSan in the build-asan stage.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "fuzz/fuzz_targets.hpp"

namespace lovelorn {
namespace {

namespace fs = std::filesystem;

const fs::path kRegressions = fs::path(LOVELORN_TEST_DATA) / ".." / "fuzz" / "regressions";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void replay(const std::string& target, const std::string& bytes) {
  const auto it = fuzz::targets().find(target);
  ASSERT_NE(it, fuzz::targets().end()) << "no fuzz target named " << target;
  it->second(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

TEST(FuzzRegression, EveryKeptInputPassesItsTarget) {
  ASSERT_TRUE(fs::is_directory(kRegressions)) << kRegressions;
  std::size_t replayed = 0;
  for (const auto& dir : fs::directory_iterator(kRegressions)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      SCOPED_TRACE(f.path().string());
      replay(dir.path().filename().string(), slurp(f.path()));
      ++replayed;
    }
  }
  EXPECT_GT(replayed, 0u);
}

// The crashes found so far, spelled out (the same bytes as the files).

// A plural unit as the very first word: the duration grammar stepped back
// over the unit's letters past the start of the text (heap-buffer-overflow
// read of one byte in grammar::set_unit_range, src/grammar/duration_def.hpp).
TEST(FuzzRegression, PluralUnitAtStartOfText) {
  replay("grammar_duration", "months");
  replay("grammar_duration", "years and years");
  replay("analyze", "months of silence and then he texted me again out of nowhere, what now");
  replay("analyze", "weeks");
}

// One character NFKC-folded into three tokens ("(", U+81EA, ")") that share
// their source bytes: allowed, offsets stay in order.
TEST(FuzzRegression, NfkcExpansionIntoSeveralTokens) { replay("tokenizer", "\xE3\x89\x82"); }

}  // namespace
}  // namespace lovelorn
