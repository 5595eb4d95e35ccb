// input_stream — bytes from a file or stdin, with gzip/zstd undone on the
// fly, cut into lines with a size limit.
//
// Compression is recognised by magic bytes (1f 8b = gzip, 28 b5 2f fd =
// zstd), not by file name, so mislabelled files still work. A stream that
// ends inside a compressed frame reports the truncation as an error.
//
// Pipes and terminals are read as their data arrives (read(2), not fread's
// full buffers), and would_block() tells whether the next read would wait:
// a streaming consumer can then finish what it holds instead of waiting
// with it.
//
// Thread-safety: thread-compatible.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "lovelorn/result.hpp"

namespace lovelorn::detail {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes; 0 at the end. Errors are reported through error().
  virtual std::size_t read(char* buf, std::size_t n) = 0;
  virtual const std::string& error() const = 0;   // "" when fine
  virtual std::uint64_t consumed() const = 0;     // raw (compressed) bytes read so far
  // True when read() would wait for input that has not arrived within
  // `timeout_ms` (a pipe or terminal); always false for regular files. A
  // guess for compressed streams: false whenever compressed input is buffered.
  virtual bool would_block(int timeout_ms) const = 0;
};

// Opens `path` ("-" = stdin), detecting gzip/zstd. io_error for missing,
// unreadable or directory paths.
Result<std::unique_ptr<ByteSource>> open_source(const std::string& path);

// Splits a ByteSource into lines ('\n', with a trailing '\r' removed).
class LineReader {
 public:
  LineReader(std::unique_ptr<ByteSource> source, std::size_t max_line);

  enum class Status { line, too_long, end, error };
  // On `line`, `out` holds the line (valid until the next call). On
  // `too_long` the line was skipped up to its end; `skipped` is its size.
  Status next(std::string_view& out, std::size_t* skipped = nullptr);

  std::uint64_t line_number() const { return line_; }  // of the line last returned
  const std::string& error() const { return source_->error(); }
  std::uint64_t consumed() const { return source_->consumed(); }

  // Looks at the first bytes without consuming them (for format detection):
  // up to `n` bytes, fewer at the end of the input or when a pipe holds at
  // least one whole line and then stays quiet for 100 ms (so an interactive
  // writer is not kept waiting for `n` bytes it will not send).
  std::string_view peek(std::size_t n);

  // True when next() would wait for input: no whole line is buffered and the
  // source would block.
  bool would_block() const;

 private:
  bool fill();
  std::unique_ptr<ByteSource> source_;
  std::size_t max_line_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  std::string line_text_;
  std::uint64_t line_ = 0;
};

}  // namespace lovelorn::detail
