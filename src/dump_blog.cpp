// Blog comment pages saved as text.
//
// Two layouts are common:
//  (A) the comment text, then a closing line "Reply March 8, 2017, 3:14 pm";
//      the page starts with the article, which ends at its sign-off
//      ("Lots of love,\nName"), so the first block is article + comment.
//  (B) "1. Name" / "January 16, 2022 at 7:07 pm" above the text, a "Reply"
//      button line below it, replies indented under their parent.
// Both are read line by line; a comment is emitted as soon as it is closed,
// so memory stays bounded by the largest comment (and the article).
#include <deque>

#include "dump_formats.hpp"
#include "timestamp.hpp"

namespace lovelorn::detail {
namespace {

struct Line {
  std::string text;  // without indentation
  int indent = 0;
  std::uint64_t number = 0;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

int indentation(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if (c == ' ') n += 1;
    else if (c == '\t') n += 4;
    else break;
  }
  return n;
}

// "Reply March 8, 2017, 3:14 pm" -> the timestamp.
std::optional<CivilTime> closing_line(std::string_view t) {
  if (t.size() > 60 || t.substr(0, 6) != "Reply ") return std::nullopt;
  return parse_timestamp(t.substr(6));
}

// A date alone on its line, as layout (B) puts under the author's name.
std::optional<CivilTime> date_line(std::string_view t) {
  if (t.size() > 40 || t.empty() || !(t.front() >= 'A' && t.front() <= 'Z')) return std::nullopt;
  return parse_timestamp(t);
}

// "12. Jane Doe says:" -> "Jane Doe"; nullopt when the line cannot be a name.
std::optional<std::string> author_name(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  if (i > 0 && i < t.size() && (t[i] == '.' || t[i] == ')')) t = trim(t.substr(i + 1));
  if (t.size() >= 5 && t.substr(t.size() - 5) == "says:") t = trim(t.substr(0, t.size() - 5));
  if (t.empty() || t.size() > 60) return std::nullopt;
  const char last = t.back();
  if (last == '.' || last == '?' || last == '!' || last == ',') return std::nullopt;
  int words = 1;
  for (char c : t) words += c == ' ';
  if (words > 8) return std::nullopt;
  return std::string(t);
}

bool is_sign_off(const std::vector<const Line*>& para) {
  if (para.empty() || para.size() > 3) return false;
  std::string_view first = para.front()->text;
  if (first.empty() || first.back() != ',' || first.size() > 30) return false;
  int words = 1;
  for (char c : first) words += c == ' ';
  return words <= 5;
}

class BlogReader : public DumpReader::Impl {
 public:
  BlogReader(LineReader lines, const DumpOptions& o, std::string path)
      : Impl(std::move(lines), o, std::move(path), DumpFormat::blog) {}

  bool next(DumpRecord& out) override {
    while (ready_.empty() && !done_) step();
    if (ready_.empty()) return false;
    out = std::move(ready_.front());
    ready_.pop_front();
    return true;
  }
  bool would_block() const override { return ready_.empty() && !done_ && lines_.would_block(); }

 private:
  void step() {
    std::string_view raw;
    std::size_t skipped = 0;
    switch (lines_.next(raw, &skipped)) {
      case LineReader::Status::end:
        finish();
        return;
      case LineReader::Status::error:
        finish();
        if (DumpRecord r; io_failure(r)) ready_.push_back(std::move(r));
        return;
      case LineReader::Status::too_long: {
        DumpRecord r;
        begin_record(r, lines_.line_number());
        fail(r, Errc::record_too_large, "line of " + std::to_string(skipped) + " bytes exceeds the limit of " +
                                            std::to_string(options_.max_record_bytes) + " bytes");
        ready_.push_back(std::move(r));
        return;
      }
      case LineReader::Status::line:
        break;
    }
    const std::string_view t = trim(raw);
    if (auto ts = closing_line(t)) {
      close_layout_a(*ts);
      return;
    }
    if (auto ts = date_line(t)) {
      if (const Line* name = last_nonblank(); name != nullptr) {
        if (auto author = author_name(name->text)) {
          open_layout_b(*author, name->indent, name->number, *ts);
          return;
        }
      }
    }
    if (t == "Reply" || t == "Reply ↓" || t == "Log in to Reply") return;  // layout (B) buttons
    pending_bytes_ += t.size();
    if (pending_bytes_ > options_.max_record_bytes) {
      overflow_ = true;
      return;
    }
    pending_.push_back(Line{std::string(t), indentation(raw), lines_.line_number()});
  }

  const Line* last_nonblank() const {
    for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) {
      if (!it->text.empty()) return &*it;
    }
    return nullptr;
  }

  // Joins pending lines [from, to) into a text without leading/trailing blank lines.
  std::string join(std::size_t from, std::size_t to) const {
    while (from < to && pending_[from].text.empty()) ++from;
    while (to > from && pending_[to - 1].text.empty()) --to;
    std::string s;
    for (std::size_t i = from; i < to; ++i) {
      if (i > from) s += '\n';
      s += pending_[i].text;
    }
    return s;
  }

  // Layout (A): the first block also holds the article, which ends at its
  // sign-off paragraph; without a sign-off the whole block is the comment.
  std::size_t comment_start_in_first_block() const {
    std::vector<std::vector<const Line*>> paras(1);
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < pending_.size(); ++i) {
      if (pending_[i].text.empty()) {
        if (!paras.back().empty()) {
          paras.emplace_back();
          starts.push_back(i + 1);
        } else {
          starts.back() = i + 1;
        }
      } else {
        paras.back().push_back(&pending_[i]);
      }
    }
    for (std::size_t p = paras.size(); p-- > 0;) {
      if (p + 1 < paras.size() && is_sign_off(paras[p])) return starts[p + 1];
    }
    return 0;
  }

  void close_layout_a(const CivilTime& ts) {
    DumpRecord r;
    const std::size_t from = count_ == 0 ? comment_start_in_first_block() : 0;
    const std::uint64_t first_line = from < pending_.size() ? pending_[from].number : lines_.line_number();
    begin_record(r, first_line);
    r.comment.id = "c" + std::to_string(++count_);
    r.comment.timestamp = to_iso(ts);
    r.comment.text = join(from, pending_.size());
    infer_parent(r.comment, ts);
    if (overflow_) {
      r.comment.text.clear();
      fail(r, Errc::record_too_large, "comment exceeds the limit of " + std::to_string(options_.max_record_bytes) + " bytes");
    } else {
      skip_unanalysable(r);
    }
    ready_.push_back(std::move(r));
    reset_pending();
  }

  // Without indentation, nesting follows from the order: top-level comments
  // run newest first, replies oldest first under their parent, so a comment
  // newer than the current top-level one must be a reply to it.
  void infer_parent(Comment& c, const CivilTime& ts) {
    const std::int64_t t = days_from_civil(ts.date) * 86400 + ts.hour * 3600 + ts.minute * 60 + ts.second;
    if (!top_id_.empty() && t > top_time_) {
      c.parent = top_id_;
      c.parent_inferred = true;
    } else {
      top_id_ = c.id;
      top_time_ = t;
    }
  }

  void open_layout_b(const std::string& author, int indent, std::uint64_t line, const CivilTime& ts) {
    // Everything pending before the name line belongs to the open comment
    // (or, before the first one, to the article).
    const Line* name = last_nonblank();
    const std::size_t name_index = static_cast<std::size_t>(name - pending_.data());
    if (open_) {
      open_->comment.text = join(0, name_index);
      emit_open();
    }
    open_ = DumpRecord{};
    begin_record(*open_, line);
    open_->comment.id = "c" + std::to_string(++count_);
    open_->comment.author = author;
    open_->comment.timestamp = to_iso(ts);
    while (!stack_.empty() && stack_.back().first >= indent) stack_.pop_back();
    if (!stack_.empty()) open_->comment.parent = stack_.back().second;
    stack_.emplace_back(indent, open_->comment.id);
    reset_pending();
  }

  void emit_open() {
    if (overflow_) {
      open_->comment.text.clear();
      fail(*open_, Errc::record_too_large, "comment exceeds the limit of " + std::to_string(options_.max_record_bytes) + " bytes");
    } else {
      skip_unanalysable(*open_);
    }
    ready_.push_back(std::move(*open_));
    open_.reset();
  }

  void finish() {
    done_ = true;
    if (open_) {
      open_->comment.text = join(0, pending_.size());
      emit_open();
    }
    reset_pending();  // text after the last closing line is page footer
  }

  void reset_pending() {
    pending_.clear();
    pending_bytes_ = 0;
    overflow_ = false;
  }

  std::vector<Line> pending_;
  std::size_t pending_bytes_ = 0;
  bool overflow_ = false;
  std::deque<DumpRecord> ready_;
  std::optional<DumpRecord> open_;                  // layout (B): the comment being read
  std::vector<std::pair<int, std::string>> stack_;  // layout (B): (indent, id) of open ancestors
  std::string top_id_;                              // layout (A): the current top-level comment
  std::int64_t top_time_ = 0;
  std::uint64_t count_ = 0;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DumpReader::Impl> make_blog_reader(LineReader lines, const DumpOptions& o, std::string path) {
  return std::make_unique<BlogReader>(std::move(lines), o, std::move(path));
}

}  // namespace lovelorn::detail
