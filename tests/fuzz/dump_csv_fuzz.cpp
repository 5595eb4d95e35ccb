// libFuzzer entry point for lovelorn::fuzz::dump_csv (fuzz_targets.hpp).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lovelorn::fuzz::dump_csv(data, size);
  return 0;
}
