// libFuzzer entry point for lovelorn::fuzz::model (fuzz_targets.hpp).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lovelorn::fuzz::model(data, size);
  return 0;
}
