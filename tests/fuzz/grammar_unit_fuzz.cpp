// libFuzzer entry point for lovelorn::fuzz::grammar_unit (fuzz_targets.hpp).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lovelorn::fuzz::grammar_unit(data, size);
  return 0;
}
