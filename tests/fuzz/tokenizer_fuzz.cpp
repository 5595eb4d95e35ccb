// libFuzzer entry point for lovelorn::fuzz::tokenizer (fuzz_targets.hpp).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lovelorn::fuzz::tokenizer(data, size);
  return 0;
}
