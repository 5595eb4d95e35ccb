// Plain text: one comment per line, or blank-line separated blocks.
#include "dump_formats.hpp"

namespace lovelorn::detail {
namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\f\v") == std::string_view::npos; }

class TextReader : public DumpReader::Impl {
 public:
  TextReader(LineReader lines, const DumpOptions& o, std::string path)
      : Impl(std::move(lines), o, std::move(path), DumpFormat::text) {
    mode_ = o.text_mode;
    if (mode_ == TextMode::automatic) {
      // Blocks when the first 64 KiB contain a blank line between text lines.
      std::string_view head = lines_.peek(64 << 10);
      mode_ = (head.find("\n\n") != std::string_view::npos || head.find("\n\r\n") != std::string_view::npos)
                  ? TextMode::blocks
                  : TextMode::lines;
    }
  }

  bool next(DumpRecord& out) override {
    bool started = false;
    for (;;) {
      std::string_view line;
      std::size_t skipped = 0;
      const auto st = lines_.next(line, &skipped);
      if (st == LineReader::Status::error) {
        if (started) return true;  // deliver what we have; the error comes next time
        return io_failure(out);
      }
      if (st == LineReader::Status::end) return started;
      if (st == LineReader::Status::too_long) {
        if (!started) begin_record(out, lines_.line_number());
        fail(out, Errc::record_too_large,
             "line of " + std::to_string(skipped) + " bytes exceeds the limit of " +
                 std::to_string(options_.max_record_bytes) + " bytes");
        out.comment.text.clear();
        if (mode_ == TextMode::lines) return true;
        started = true;
        continue;
      }
      if (blank(line)) {
        if (started) return true;
        continue;
      }
      if (!started) {
        begin_record(out, lines_.line_number());
        out.comment.id = out.source;
        started = true;
      } else if (!out.error) {
        out.comment.text += '\n';
      }
      if (!out.error) {
        if (out.comment.text.size() + line.size() > options_.max_record_bytes) {
          fail(out, Errc::record_too_large,
               "block exceeds the limit of " + std::to_string(options_.max_record_bytes) + " bytes");
          out.comment.text.clear();
        } else {
          out.comment.text += line;
        }
      }
      if (mode_ == TextMode::lines) return true;
    }
  }

 private:
  TextMode mode_;
};

}  // namespace

std::unique_ptr<DumpReader::Impl> make_text_reader(LineReader lines, const DumpOptions& o, std::string path) {
  return std::make_unique<TextReader>(std::move(lines), o, std::move(path));
}

}  // namespace lovelorn::detail
