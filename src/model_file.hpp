// model_file — read and write situation model files (*.llm).
//
// The format is versioned, self-describing, little-endian and fixed-layout
// (never native structs); docs/model-format.md describes it byte by byte.
// A file carries its labels, feature configuration, metadata (training data,
// seed, metrics), the non-zero weight rows, self-test samples that are
// re-scored on load, an FNV-1a 64 checksum and an end sentinel.
//
//   Result<LinearModel> m = read_model_file("models/situation/situation.llm");
//   if (!m) { std::cerr << m.error().message() << '\n'; return 3; }
//
// Errors (the message names the file):
//   io_error             the file cannot be opened, read or written
//   bad_magic            not a lovelorn model (wrong first bytes)
//   unsupported_version  written by a newer lovelorn, or a version 1 model
//                        (features hashed the old way: retrain it)
//   checksum_mismatch    truncated, bit-flipped, or a self-test sample fails
//   parse_error          checksum fine but the content is inconsistent
//   invalid_argument     write_model_file given a model that cannot be stored
//
// Thread-safety: thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "linear_model.hpp"
#include "lovelorn/result.hpp"

namespace lovelorn::detail {

// Version 2 changed only how features are hashed (features.hpp): a version 1
// model would read fine and then score nonsense, so it is refused with a
// message that says to retrain.
inline constexpr std::uint32_t kModelFormatVersion = 2;
inline constexpr std::uint32_t kOldestModelFormatVersion = 2;

Result<LinearModel> read_model_file(const std::string& path);
// Parses a model from bytes already in memory; `name` is used in messages.
Result<LinearModel> parse_model(std::string_view bytes, const std::string& name);

// Writes atomically (a temporary file renamed over `path`). The output is a
// pure function of the model: the same model gives the same bytes.
Result<bool> write_model_file(const std::string& path, const LinearModel& model);
// The bytes write_model_file would write.
Result<std::string> serialize_model(const LinearModel& model);

// The file's checksum: FNV-1a 64 over little-endian 64-bit words, then the
// remaining 0-7 bytes (docs/model-format.md, field 16).
std::uint64_t model_checksum(std::string_view bytes);

// The default model: $LOVELORN_MODEL when set, else situation.llm in the
// source tree's models/situation, else in the installed data directory;
// "" when none of them exists.
std::string default_model_path();

}  // namespace lovelorn::detail
