// libFuzzer entry point for lovelorn::fuzz::grammar_hedge (fuzz_targets.hpp).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lovelorn::fuzz::grammar_hedge(data, size);
  return 0;
}
