// grammar/timestamp — the one instantiation of the timestamp grammar.
#include "grammar/timestamp_def.hpp"

namespace lovelorn::detail::grammar {

bool parse_timestamp(const char* first, const char* last, TimestampAst& out) {
  out = TimestampAst{};
  try {
    return x3::parse(first, last, ts::timestamp, out);
  } catch (const x3::expectation_failure<const char*>&) {
    return false;
  }
}

}  // namespace lovelorn::detail::grammar
