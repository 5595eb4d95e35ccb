#include "input_stream.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "scratch.hpp"

namespace lovelorn::detail {
namespace {

constexpr std::size_t kChunk = 1 << 16;

// A file descriptor, read with read(2): a pipe's bytes are returned as they
// arrive, where fread would wait for its whole buffer.
class FileSource : public ByteSource {
 public:
  FileSource(int fd, bool owned) : fd_(fd), owned_(owned) {
    struct stat st {};
    regular_ = ::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode);
  }
  ~FileSource() override {
    if (owned_) ::close(fd_);
  }
  std::size_t read(char* buf, std::size_t n) override {
    for (;;) {
      const ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) {
        consumed_ += static_cast<std::uint64_t>(got);
        return static_cast<std::size_t>(got);
      }
      if (errno == EAGAIN || errno == EWOULDBLOCK) {  // a non-blocking descriptor from the parent: wait for data
        pollfd p{fd_, POLLIN, 0};
        ::poll(&p, 1, -1);
      } else if (errno != EINTR) {
        err_ = std::strerror(errno);
        return 0;
      }
    }
  }
  const std::string& error() const override { return err_; }
  std::uint64_t consumed() const override { return consumed_; }
  bool would_block(int timeout_ms) const override {
    if (regular_) return false;
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, timeout_ms) == 0;  // readable, hung up or failed: read() returns at once
  }

 private:
  int fd_;
  bool owned_;
  bool regular_ = false;
  std::string err_;
  std::uint64_t consumed_ = 0;
};

// Replays bytes already read for magic detection, then reads on.
class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
  std::size_t read(char* buf, std::size_t n) override {
    if (pos_ < prefix_.size()) {
      const std::size_t k = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, k);
      pos_ += k;
      return k;
    }
    return rest_->read(buf, n);
  }
  const std::string& error() const override { return rest_->error(); }
  std::uint64_t consumed() const override { return rest_->consumed(); }
  bool would_block(int timeout_ms) const override {
    return pos_ == prefix_.size() && rest_->would_block(timeout_ms);
  }

 private:
  std::string prefix_;
  std::size_t pos_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> in) : in_(std::move(in)), inbuf_(kChunk) {
    std::memset(&z_, 0, sizeof z_);
    if (inflateInit2(&z_, 15 + 32) != Z_OK) err_ = "zlib initialisation failed";
  }
  ~GzipSource() override { inflateEnd(&z_); }
  std::size_t read(char* buf, std::size_t n) override {
    if (!err_.empty() || done_) return 0;
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out == n) {
      if (z_.avail_in == 0) {
        const std::size_t got = in_->read(inbuf_.data(), inbuf_.size());
        if (got == 0) {
          if (!in_->error().empty()) err_ = in_->error();
          else if (!stream_end_) err_ = "truncated gzip stream (input ended inside a compressed block)";
          done_ = true;
          break;
        }
        z_.next_in = reinterpret_cast<Bytef*>(inbuf_.data());
        z_.avail_in = static_cast<uInt>(got);
      }
      const int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        stream_end_ = true;
        // Concatenated gzip members are legal: continue with the next one.
        if (z_.avail_in > 0 || peek_more()) {
          inflateReset(&z_);
          stream_end_ = false;
          continue;
        }
        done_ = true;
        break;
      }
      stream_end_ = false;
      if (rc != Z_OK && rc != Z_BUF_ERROR) {
        err_ = std::string("corrupt gzip data: ") + (z_.msg ? z_.msg : "inflate failed");
        break;
      }
    }
    return n - z_.avail_out;
  }
  const std::string& error() const override { return err_; }
  std::uint64_t consumed() const override { return in_->consumed(); }
  bool would_block(int timeout_ms) const override {
    return !done_ && z_.avail_in == 0 && in_->would_block(timeout_ms);
  }

 private:
  bool peek_more() {
    const std::size_t got = in_->read(inbuf_.data(), inbuf_.size());
    z_.next_in = reinterpret_cast<Bytef*>(inbuf_.data());
    z_.avail_in = static_cast<uInt>(got);
    return got > 0;
  }
  std::unique_ptr<ByteSource> in_;
  std::vector<char> inbuf_;
  z_stream z_;
  std::string err_;
  bool stream_end_ = false;
  bool done_ = false;
};

class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<ByteSource> in)
      : in_(std::move(in)), inbuf_(ZSTD_DStreamInSize()), ds_(ZSTD_createDStream()) {
    ZSTD_initDStream(ds_);
  }
  ~ZstdSource() override { ZSTD_freeDStream(ds_); }
  std::size_t read(char* buf, std::size_t n) override {
    if (!err_.empty() || done_) return 0;
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos == 0) {
      if (in_pos_ == in_size_) {
        in_size_ = in_->read(inbuf_.data(), inbuf_.size());
        in_pos_ = 0;
        if (in_size_ == 0) {
          if (!in_->error().empty()) err_ = in_->error();
          else if (last_ret_ != 0) err_ = "truncated zstd stream (input ended inside a frame)";
          done_ = true;
          break;
        }
      }
      ZSTD_inBuffer in{inbuf_.data(), in_size_, in_pos_};
      const std::size_t ret = ZSTD_decompressStream(ds_, &out, &in);
      in_pos_ = in.pos;
      if (ZSTD_isError(ret)) {
        err_ = std::string("corrupt zstd data: ") + ZSTD_getErrorName(ret);
        break;
      }
      last_ret_ = ret;
    }
    return out.pos;
  }
  const std::string& error() const override { return err_; }
  std::uint64_t consumed() const override { return in_->consumed(); }
  bool would_block(int timeout_ms) const override {
    return !done_ && in_pos_ == in_size_ && in_->would_block(timeout_ms);
  }

 private:
  std::unique_ptr<ByteSource> in_;
  std::vector<char> inbuf_;
  std::size_t in_size_ = 0, in_pos_ = 0, last_ret_ = 0;
  ZSTD_DStream* ds_;
  std::string err_;
  bool done_ = false;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> open_source(const std::string& path) {
  std::unique_ptr<ByteSource> raw;
  if (path == "-") {
    raw = std::make_unique<FileSource>(STDIN_FILENO, false);
  } else {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return Error(Errc::io_error, std::strerror(errno), path);
    if (S_ISDIR(st.st_mode)) return Error(Errc::io_error, "is a directory, not a file", path);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Error(Errc::io_error, std::strerror(errno), path);
    raw = std::make_unique<FileSource>(fd, true);
  }
  std::string magic(4, '\0');
  std::size_t got = 0;
  while (got < 4) {
    const std::size_t k = raw->read(magic.data() + got, 4 - got);
    if (k == 0) break;
    got += k;
  }
  magic.resize(got);
  if (!raw->error().empty()) return Error(Errc::io_error, raw->error(), path);
  const bool gz = got >= 2 && static_cast<unsigned char>(magic[0]) == 0x1f && static_cast<unsigned char>(magic[1]) == 0x8b;
  const bool zst = got >= 4 && magic == std::string("\x28\xb5\x2f\xfd", 4);
  std::unique_ptr<ByteSource> src = std::make_unique<PrefixedSource>(std::move(magic), std::move(raw));
  if (gz) return std::unique_ptr<ByteSource>(std::make_unique<GzipSource>(std::move(src)));
  if (zst) return std::unique_ptr<ByteSource>(std::make_unique<ZstdSource>(std::move(src)));
  return src;
}

LineReader::LineReader(std::unique_ptr<ByteSource> source, std::size_t max_line)
    : source_(std::move(source)), max_line_(max_line) {}

bool LineReader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  if (grew_for_gigantic(buf_.capacity(), buf_.size())) buf_.shrink_to_fit();  // it held a gigantic line
  const std::size_t old = buf_.size();
  buf_.resize(old + kChunk);
  const std::size_t got = source_->read(buf_.data() + old, kChunk);
  buf_.resize(old + got);
  if (got == 0) eof_ = true;
  return got > 0;
}

std::string_view LineReader::peek(std::size_t n) {
  constexpr int kQuietMs = 100;
  while (buf_.size() - pos_ < n) {
    if (buf_.find('\n', pos_) != std::string::npos && source_->would_block(kQuietMs)) break;
    if (!fill()) break;
  }
  return std::string_view(buf_).substr(pos_, n);
}

bool LineReader::would_block() const {
  return !eof_ && buf_.find('\n', pos_) == std::string::npos && source_->would_block(0);
}

LineReader::Status LineReader::next(std::string_view& out, std::size_t* skipped) {
  std::size_t scanned = 0;  // bytes after pos_ known to hold no '\n'
  for (;;) {
    const std::size_t nl = buf_.find('\n', pos_ + scanned);
    if (nl != std::string::npos) {
      ++line_;
      const std::size_t len = nl - pos_;
      if (len > max_line_) {
        if (skipped) *skipped = len;
        pos_ = nl + 1;
        return Status::too_long;
      }
      trim_scratch(line_text_, len);
      line_text_.assign(buf_, pos_, len);
      pos_ = nl + 1;
      if (!line_text_.empty() && line_text_.back() == '\r') line_text_.pop_back();
      out = line_text_;
      return Status::line;
    }
    scanned = buf_.size() - pos_;
    if (scanned > max_line_) {
      // Too long: drop it and skip to the next newline without buffering it.
      ++line_;
      std::size_t dropped = scanned;
      buf_.clear();
      pos_ = 0;
      while (fill()) {
        const std::size_t nl2 = buf_.find('\n');
        if (nl2 != std::string::npos) {
          dropped += nl2;
          pos_ = nl2 + 1;
          break;
        }
        dropped += buf_.size();
        buf_.clear();
      }
      if (skipped) *skipped = dropped;
      return Status::too_long;
    }
    if (!fill()) {
      if (!source_->error().empty()) return Status::error;
      if (pos_ < buf_.size()) {  // a last line without '\n'
        ++line_;
        line_text_.assign(buf_, pos_, std::string::npos);
        pos_ = buf_.size();
        if (!line_text_.empty() && line_text_.back() == '\r') line_text_.pop_back();
        out = line_text_;
        return Status::line;
      }
      return Status::end;
    }
  }
}

}  // namespace lovelorn::detail
