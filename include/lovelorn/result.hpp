// lovelorn/result.hpp — error codes, Error, Result<T> and Exception.
//
// Operations that can fail on their input (opening a file, reading a dump
// record, loading a model, parsing a timestamp) return Result<T>. Its members
// are named like C++23 std::expected (has_value, value, error, value_or), so
// code can migrate later. value() on an error throws lovelorn::Exception,
// which carries the same Error: callers choose between checking and throwing.
//
//   lovelorn::Result<lovelorn::Model> m = lovelorn::Model::load("x.llm");
//   if (!m) { std::cerr << m.error().message() << '\n'; return 3; }
//
// Analysing text never fails: Analyzer::analyze() accepts any bytes.
//
// Thread-safety: these are plain value types (thread-compatible).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace lovelorn {

// Stable error codes. Their names appear in messages and in the `error`
// field of output records; docs/errors.md has one section per code.
enum class Errc : std::uint8_t {
  ok = 0,
  io_error,             // a file could not be opened, read or written
  invalid_utf8,         // text was not UTF-8 (only reported; analysis repairs it)
  parse_error,          // a record or value did not follow its format
  missing_field,        // a required field (text, label, ...) was absent or of the wrong type
  record_too_large,     // a record exceeded the configured maximum size
  skipped_record,       // a record was deliberately not analysed ([removed], [deleted], empty)
  unsupported_format,   // unknown input format or compression
  bad_magic,            // a model file does not start with the lovelorn magic
  unsupported_version,  // a model file from a newer format version
  checksum_mismatch,    // a model file is corrupt or truncated
  invalid_argument,     // a caller passed a bad option or value
};

// The code's name, e.g. "parse_error". Never fails.
std::string_view errc_name(Errc code) noexcept;

// What went wrong and where. `where` is "file:line" or "file:line:col"
// (empty when there is no location), `what` a sentence for humans.
class Error {
 public:
  Error() = default;
  Error(Errc code, std::string what, std::string where = {})
      : code_(code), what_(std::move(what)), where_(std::move(where)) {}

  Errc code() const noexcept { return code_; }
  const std::string& what() const noexcept { return what_; }
  const std::string& where() const noexcept { return where_; }

  // "where: code: what" (or "code: what" without a location).
  std::string message() const;

 private:
  Errc code_ = Errc::ok;
  std::string what_;
  std::string where_;
};

// Thrown by Result<T>::value() on an error, and by constructors that cannot
// return a Result (Analyzer with an explicit model path).
class Exception : public std::runtime_error {
 public:
  explicit Exception(Error e) : std::runtime_error(e.message()), error_(std::move(e)) {}
  const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

// Holds either a T or an Error.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit like std::expected
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool has_value() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  T& value() & { check(); return std::get<0>(v_); }
  const T& value() const& { check(); return std::get<0>(v_); }
  T&& value() && { check(); return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // The error; precondition: !has_value().
  const Error& error() const& { return std::get<1>(v_); }

  template <typename U>
  T value_or(U&& fallback) const& {
    return has_value() ? std::get<0>(v_) : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  void check() const {
    if (!has_value()) throw Exception(std::get<1>(v_));
  }
  std::variant<T, Error> v_;
};

}  // namespace lovelorn
