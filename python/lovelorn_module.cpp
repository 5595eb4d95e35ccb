// python/lovelorn_module.cpp — the `lovelorn` Python module (pybind11).
//
//   import lovelorn
//   a = lovelorn.Analyzer()                      # the bundled model; Analyzer(path) for another
//   r = a.analyze("we dated for 2 years and he ghosted me")
//   r["situation"]["label"], r["durations"][0]["days"], r["durations"][0]["begin_char"]
//   rs = a.analyze_many(texts, threads=4)        # releases the GIL, output in input order
//   for rec in lovelorn.read_dump("comments.jsonl.zst"):
//       ...                                      # dicts: id, author, timestamp, parent, text, error
//   a.score_file("shard.jsonl.zst", "shard.out.jsonl", threads=1)   # what `lovelorn score` writes
//
// Results are the CLI's JSON records (lovelorn::write_json, parsed with
// json.loads), so they hold exactly the fields and numbers `lovelorn score`
// prints. Every span has UTF-8 byte offsets (`begin`/`end`, as in the CLI)
// and, when the text was a `str`, indices into that `str` (`begin_char`/
// `end_char`).
//
// Threading: an Analyzer is immutable and may be used from any number of
// Python threads; analyze, analyze_many, score_file and reading a dump record
// release the GIL while C++ runs. Errors raise lovelorn.Error subclasses, one
// per lovelorn::Errc (IoError is also an OSError, the others ValueErrors).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "lovelorn/lovelorn.hpp"

namespace py = pybind11;

namespace {

using lovelorn::Errc;

// ---- errors ------------------------------------------------------------------

constexpr std::size_t kErrcCount = static_cast<std::size_t>(Errc::invalid_argument) + 1;

struct ErrorClassSpec {
  Errc code;
  const char* name;
  const char* builtin_base;  // a second base, so `except OSError` / `except ValueError` work too
};

constexpr ErrorClassSpec kErrorClasses[] = {
    {Errc::io_error, "IoError", "OSError"},
    {Errc::invalid_utf8, "InvalidUtf8Error", "ValueError"},
    {Errc::parse_error, "ParseError", "ValueError"},
    {Errc::missing_field, "MissingFieldError", "ValueError"},
    {Errc::record_too_large, "RecordTooLargeError", "ValueError"},
    {Errc::skipped_record, "SkippedRecordError", "ValueError"},
    {Errc::unsupported_format, "UnsupportedFormatError", "ValueError"},
    {Errc::bad_magic, "BadMagicError", "ValueError"},
    {Errc::unsupported_version, "UnsupportedVersionError", "ValueError"},
    {Errc::checksum_mismatch, "ChecksumMismatchError", "ValueError"},
    {Errc::invalid_argument, "InvalidArgumentError", "ValueError"},
};

// Owned by the module (its attributes); the extra references are never
// released because the classes live as long as the interpreter.
PyObject* g_error_base = nullptr;
std::array<PyObject*, kErrcCount> g_error_class{};

void make_error_classes(py::module_& m) {
  py::object type = py::module_::import("builtins").attr("type");
  py::dict base_ns;
  base_ns["__module__"] = "lovelorn";
  base_ns["__doc__"] =
      "Base of every lovelorn error. Attributes: code (the Errc name, e.g. 'io_error'), "
      "where ('file:line' or ''), what (the sentence without location). str() is the full message.";
  py::object base = type("Error", py::make_tuple(py::handle(PyExc_Exception)), base_ns);
  m.attr("Error") = base;
  g_error_base = base.inc_ref().ptr();
  g_error_class.fill(g_error_base);
  for (const ErrorClassSpec& s : kErrorClasses) {
    py::dict ns;
    ns["__module__"] = "lovelorn";
    ns["__doc__"] = "lovelorn error code '" + std::string(lovelorn::errc_name(s.code)) + "' (see docs/errors.md).";
    py::object builtin = py::module_::import("builtins").attr(s.builtin_base);
    py::object cls = type(s.name, py::make_tuple(base, builtin), ns);
    m.attr(s.name) = cls;
    g_error_class[static_cast<std::size_t>(s.code)] = cls.inc_ref().ptr();
  }
}

void set_python_error(const lovelorn::Error& e) {
  const auto index = static_cast<std::size_t>(e.code());
  PyObject* cls = index < g_error_class.size() ? g_error_class[index] : g_error_base;
  py::object instance = py::reinterpret_borrow<py::object>(cls)(e.message());
  instance.attr("code") = std::string(lovelorn::errc_name(e.code()));
  instance.attr("where") = e.where();
  instance.attr("what") = e.what();
  PyErr_SetObject(cls, instance.ptr());
}

[[noreturn]] void raise(Errc code, std::string what, std::string where = {}) {
  throw lovelorn::Exception(lovelorn::Error(code, std::move(what), std::move(where)));
}

// ---- text in, text out ----------------------------------------------------------

// A text handed to the analyzer: its UTF-8 bytes and, for a non-ASCII str,
// the str index of every byte offset (for begin_char/end_char).
struct Text {
  std::string bytes;
  bool is_str = false;
  std::vector<std::uint32_t> char_at;  // empty: char index == byte offset (ASCII) or bytes input

  std::uint32_t char_index(std::uint32_t byte) const {
    if (char_at.empty()) return byte;
    return char_at[std::min<std::size_t>(byte, char_at.size() - 1)];
  }
};

// str -> UTF-8 with surrogateescape, so strs decoded from invalid UTF-8 by
// read_dump (or os.fsdecode) give back the original bytes; bytes as they are.
Text to_text(py::handle obj, const char* what) {
  Text t;
  if (PyUnicode_Check(obj.ptr())) {
    t.is_str = true;
    if (PyUnicode_IS_ASCII(obj.ptr())) {
      Py_ssize_t n = 0;
      const char* p = PyUnicode_AsUTF8AndSize(obj.ptr(), &n);
      if (p == nullptr) throw py::error_already_set();
      t.bytes.assign(p, static_cast<std::size_t>(n));
      return t;
    }
    py::object b = py::reinterpret_steal<py::object>(PyUnicode_AsEncodedString(obj.ptr(), "utf-8", "surrogateescape"));
    if (!b) throw py::error_already_set();
    t.bytes.assign(PyBytes_AS_STRING(b.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(b.ptr())));
    // Byte offset -> str index: each code point covers its UTF-8 length
    // (an escaped byte U+DC80..U+DCFF covers one byte).
    const Py_ssize_t len = PyUnicode_GET_LENGTH(obj.ptr());
    const int kind = PyUnicode_KIND(obj.ptr());
    const void* data = PyUnicode_DATA(obj.ptr());
    t.char_at.assign(t.bytes.size() + 1, static_cast<std::uint32_t>(len));
    std::size_t pos = 0;
    for (Py_ssize_t i = 0; i < len && pos < t.bytes.size(); ++i) {
      const Py_UCS4 cp = PyUnicode_READ(kind, data, i);
      const std::size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : (cp >= 0xD800 && cp <= 0xDFFF) ? 1 : cp < 0x10000 ? 3 : 4;
      for (std::size_t k = 0; k < n && pos < t.bytes.size(); ++k) t.char_at[pos++] = static_cast<std::uint32_t>(i);
    }
    return t;
  }
  if (PyBytes_Check(obj.ptr())) {
    t.bytes.assign(PyBytes_AS_STRING(obj.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(obj.ptr())));
    return t;
  }
  throw py::type_error(std::string(what) + " must be str or bytes, not " +
                       std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
}

// A timestamp: None, a str (ISO 8601 or a blog date), a number (epoch
// seconds) or a datetime/date (its isoformat()).
std::string to_timestamp(py::handle obj) {
  if (obj.is_none()) return {};
  if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr())) return to_text(obj, "timestamp").bytes;
  if (PyLong_Check(obj.ptr()) || PyFloat_Check(obj.ptr())) return std::string(py::str(obj));
  if (py::hasattr(obj, "isoformat")) return obj.attr("isoformat")().cast<std::string>();
  throw py::type_error("timestamp must be None, str, a number (epoch seconds) or a datetime");
}

py::str decode(const std::string& s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "surrogateescape");
  if (o == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}

py::object none_if_empty(const std::string& s) { return s.empty() ? py::object(py::none()) : py::object(decode(s)); }

const py::object& json_loads() {
  // Leaked on purpose: destroying a py::object after interpreter shutdown crashes.
  static const py::object* loads = new py::object(py::module_::import("json").attr("loads"));
  return *loads;
}

// One rendered JSON record -> dict; the id (empty for texts) becomes None and
// spans get their str indices.
py::dict record_dict(std::string_view json, const Text& text) {
  py::dict d = json_loads()(py::str(json.data(), json.size()));
  d["id"] = py::none();
  if (!text.is_str) return d;
  for (const char* key : {"durations", "time_anchors", "contact_events"}) {
    if (!d.contains(key)) continue;
    for (py::handle span : py::list(d[key])) {
      py::dict s = py::reinterpret_borrow<py::dict>(span);
      s["begin_char"] = text.char_index(s["begin"].cast<std::uint32_t>());
      s["end_char"] = text.char_index(s["end"].cast<std::uint32_t>());
    }
  }
  return d;
}

// ---- dump options -------------------------------------------------------------

lovelorn::DumpOptions dump_options(const std::string& format, const std::string& text_field, const std::string& id_field,
                                   const std::string& time_field, const std::vector<std::string>& extra_fields,
                                   const std::string& text_mode, std::size_t max_record_bytes) {
  lovelorn::DumpOptions o;
  auto f = lovelorn::parse_dump_format(format);
  if (!f) raise(Errc::invalid_argument, "format must be auto, blog, jsonl, csv or text, not '" + format + "'");
  o.format = *f;
  o.text_field = text_field;
  o.id_field = id_field;
  o.time_field = time_field;
  o.extra_fields = extra_fields;
  if (text_mode == "auto") o.text_mode = lovelorn::TextMode::automatic;
  else if (text_mode == "lines") o.text_mode = lovelorn::TextMode::lines;
  else if (text_mode == "blocks") o.text_mode = lovelorn::TextMode::blocks;
  else raise(Errc::invalid_argument, "text_mode must be auto, lines or blocks, not '" + text_mode + "'");
  if (max_record_bytes == 0) raise(Errc::invalid_argument, "max_record_bytes must be positive");
  o.max_record_bytes = max_record_bytes;
  return o;
}

// ---- the Analyzer wrapper ---------------------------------------------------------

// The analyzer plus the options it was made from, so that it pickles as
// "load the same model" (workers of a cluster build their own).
struct PyAnalyzer {
  lovelorn::Analyzer analyzer;
  std::string requested_model;  // "" = the default model
  bool load_model = true;
};

PyAnalyzer make_analyzer(std::string model, bool load_model) {
  lovelorn::AnalyzerOptions opt;
  opt.model_path = model;
  opt.load_model = load_model;
  auto a = lovelorn::Analyzer::create(opt);
  if (!a) throw lovelorn::Exception(a.error());
  return PyAnalyzer{std::move(*a), std::move(model), load_model};
}

std::string path_string(const std::optional<std::filesystem::path>& p) { return p ? p->string() : std::string(); }

py::dict analyze_one(const PyAnalyzer& self, py::handle text_obj, py::handle timestamp) {
  const Text text = to_text(text_obj, "text");
  lovelorn::DumpRecord rec;
  rec.comment.timestamp = to_timestamp(timestamp);
  std::string json;
  {
    py::gil_scoped_release release;
    const lovelorn::Analysis a = self.analyzer.analyze(text.bytes, rec.comment.timestamp);
    lovelorn::write_json(rec, &a, {}, json);
  }
  return record_dict(json, text);
}

py::list analyze_many(const PyAnalyzer& self, py::handle texts_obj, py::handle timestamps_obj, int threads) {
  if (threads < 0) raise(Errc::invalid_argument, "threads must be >= 0 (0 = all cores)");
  std::vector<Text> texts;
  std::vector<std::string> stamps;
  for (py::handle t : py::iter(texts_obj)) texts.push_back(to_text(t, "each text"));
  if (!timestamps_obj.is_none()) {
    for (py::handle s : py::iter(timestamps_obj)) stamps.push_back(to_timestamp(s));
    if (stamps.size() != texts.size()) {
      raise(Errc::invalid_argument, "timestamps has " + std::to_string(stamps.size()) + " items for " +
                                        std::to_string(texts.size()) + " texts");
    }
  }
  std::string out;
  {
    py::gil_scoped_release release;
    lovelorn::BatchOptions opt;
    opt.threads = texts.size() <= 64 ? 1 : threads;  // one batch: no pool to start
    opt.batch_records = 64;
    std::size_t i = 0;
    auto next = [&](lovelorn::DumpRecord& r) {
      if (i == texts.size()) return false;
      r = lovelorn::DumpRecord{};
      r.comment.text = texts[i].bytes;
      if (!stamps.empty()) r.comment.timestamp = stamps[i];
      ++i;
      return true;
    };
    lovelorn::score_records(self.analyzer, next, [&](std::string_view chunk) { out += chunk; return true; }, opt);
  }
  py::list result;
  std::size_t pos = 0;
  for (const Text& t : texts) {
    const std::size_t nl = out.find('\n', pos);  // JSON strings escape newlines: one line per record
    result.append(record_dict(std::string_view(out).substr(pos, nl - pos), t));
    pos = nl + 1;
  }
  return result;
}

// An output file that appears under its name only when complete.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path) : path_(std::move(path)) {
    static std::atomic<unsigned> counter{0};
    tmp_ = path_ + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    f_ = std::fopen(tmp_.c_str(), "wb");
    if (f_ == nullptr) raise(Errc::io_error, "cannot create output file", tmp_);
  }
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile() {
    if (f_ != nullptr) std::fclose(f_);
    if (!committed_) std::remove(tmp_.c_str());
  }
  bool write(std::string_view s) { return std::fwrite(s.data(), 1, s.size(), f_) == s.size(); }
  std::optional<lovelorn::Error> commit() {
    const bool ok = std::fflush(f_) == 0;
    const bool closed = std::fclose(f_) == 0;
    f_ = nullptr;
    if (!ok || !closed) return lovelorn::Error(Errc::io_error, "write failed", tmp_);
    std::error_code ec;
    std::filesystem::rename(tmp_, path_, ec);
    if (ec) return lovelorn::Error(Errc::io_error, "cannot rename to " + path_ + ": " + ec.message(), tmp_);
    committed_ = true;
    return std::nullopt;
  }

 private:
  std::string path_, tmp_;
  std::FILE* f_ = nullptr;
  bool committed_ = false;
};

std::vector<std::string> to_paths(py::handle obj) {
  std::vector<std::string> paths;
  if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr()) || py::hasattr(obj, "__fspath__")) {
    paths.push_back(obj.cast<std::filesystem::path>().string());
  } else {
    for (py::handle p : py::iter(obj)) paths.push_back(p.cast<std::filesystem::path>().string());
  }
  if (paths.empty()) raise(Errc::invalid_argument, "no input files");
  return paths;
}

py::dict score_file(const PyAnalyzer& self, py::handle inputs_obj, const std::filesystem::path& output, int threads,
                    const std::string& format, const std::vector<std::string>& fields, bool with_text,
                    const std::string& input_format, const std::string& text_field, const std::string& id_field,
                    const std::string& time_field, const std::string& text_mode, std::size_t max_record_bytes) {
  if (threads < 0) raise(Errc::invalid_argument, "threads must be >= 0 (0 = all cores)");
  if (format != "jsonl" && format != "csv") raise(Errc::invalid_argument, "format must be jsonl or csv, not '" + format + "'");
  const std::vector<std::string> inputs = to_paths(inputs_obj);
  const lovelorn::DumpOptions dopt = dump_options(input_format, text_field, id_field, time_field, {}, text_mode, max_record_bytes);
  lovelorn::BatchOptions bopt;
  bopt.threads = threads;
  bopt.format = format == "csv" ? lovelorn::OutputFormat::csv : lovelorn::OutputFormat::jsonl;
  bopt.writer.with_text = with_text;
  bopt.writer.fields = fields;

  lovelorn::BatchStats stats;
  std::uint64_t input_bytes = 0;
  double seconds = 0;
  std::optional<lovelorn::Error> failure;
  {
    py::gil_scoped_release release;
    const auto start = std::chrono::steady_clock::now();
    AtomicFile out(output.string());
    if (bopt.format == lovelorn::OutputFormat::csv) {
      std::string header;
      lovelorn::write_csv_header(bopt.writer, header);
      out.write(header);
    }
    // Inputs are read one after the other; one that cannot be opened stops
    // the run and nothing is published under `output`.
    std::size_t index = 0;
    std::optional<lovelorn::DumpReader> reader;
    auto next = [&](lovelorn::DumpRecord& rec) -> bool {
      for (;;) {
        if (failure) return false;
        if (reader) {
          if (reader->next(rec)) return true;
          input_bytes += reader->bytes_read();
          reader.reset();
        }
        if (index == inputs.size()) return false;
        auto r = lovelorn::DumpReader::open(inputs[index++], dopt);
        if (!r) failure = r.error();
        else reader.emplace(std::move(*r));
      }
    };
    stats = lovelorn::score_records(self.analyzer, next, [&](std::string_view chunk) { return out.write(chunk); }, bopt);
    if (!failure && stats.write_failed) failure = lovelorn::Error(Errc::io_error, "write failed", output.string());
    if (!failure) failure = out.commit();
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  if (failure) throw lovelorn::Exception(*failure);
  py::dict labels;
  for (const auto& [label, n] : stats.labels) labels[py::str(label)] = n;
  py::dict d;
  d["records"] = stats.records;
  d["errors"] = stats.errors;
  d["skipped"] = stats.skipped;
  d["text_bytes"] = stats.text_bytes;
  d["input_bytes"] = input_bytes;
  d["invalid_utf8"] = stats.invalid_utf8;
  d["labels"] = labels;
  d["seconds"] = seconds;
  return d;
}

// ---- read_dump ------------------------------------------------------------------

class DumpIterator {
 public:
  DumpIterator(lovelorn::DumpReader reader, std::vector<std::string> extra_fields)
      : reader_(std::move(reader)), extra_fields_(std::move(extra_fields)) {}

  py::dict next() {
    lovelorn::DumpRecord rec;
    bool got = false;
    {
      py::gil_scoped_release release;
      std::lock_guard lock(mu_);
      if (reader_) {
        got = reader_->next(rec);
        if (!got) {
          bytes_read_ = reader_->bytes_read();
          reader_.reset();
        }
      }
    }
    if (!got) throw py::stop_iteration();
    const lovelorn::Comment& c = rec.comment;
    py::dict d;
    d["id"] = decode(c.id);
    d["author"] = none_if_empty(c.author);
    d["timestamp"] = none_if_empty(c.timestamp);
    d["parent"] = none_if_empty(c.parent);
    d["parent_inferred"] = c.parent_inferred;
    d["text"] = decode(c.text);
    py::dict extra;
    for (std::size_t i = 0; i < extra_fields_.size(); ++i) {
      extra[py::str(extra_fields_[i])] = i < c.extra.size() ? py::object(decode(c.extra[i])) : py::object(py::str(""));
    }
    d["extra"] = extra;
    d["source"] = decode(rec.source);
    if (rec.error) {
      py::dict e;
      e["code"] = std::string(lovelorn::errc_name(rec.error->code()));
      e["message"] = decode(rec.error->message());
      d["error"] = e;
    } else {
      d["error"] = py::none();
    }
    return d;
  }

  void close() {
    std::lock_guard lock(mu_);
    if (reader_) bytes_read_ = reader_->bytes_read();
    reader_.reset();
  }
  std::uint64_t bytes_read() {
    std::lock_guard lock(mu_);
    return reader_ ? reader_->bytes_read() : bytes_read_;
  }

 private:
  std::mutex mu_;  // the GIL is released while reading
  std::optional<lovelorn::DumpReader> reader_;
  std::vector<std::string> extra_fields_;
  std::uint64_t bytes_read_ = 0;
};

}  // namespace

PYBIND11_MODULE(lovelorn, m) {
  m.doc() =
      "lovelorn: analyse relationship-advice comments (durations, time anchors, contact events,\n"
      "relationship facts, the advice situation).\n\n"
      "    import lovelorn\n"
      "    a = lovelorn.Analyzer()\n"
      "    a.analyze('we dated for 2 years and he ghosted me')['situation']['label']\n\n"
      "Results are dicts with the fields of `lovelorn score`'s JSON; spans carry UTF-8 byte\n"
      "offsets (begin/end) and, for str input, str indices (begin_char/end_char).";
  m.attr("__version__") = lovelorn::version();

  make_error_classes(m);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const lovelorn::Exception& e) {
      set_python_error(e.error());
    }
  });

  py::class_<PyAnalyzer>(m, "Analyzer",
                         "Analyses comments. Immutable: share one between threads. Analyzer() loads the\n"
                         "default model ($LOVELORN_MODEL, else the bundled one); Analyzer(model_path) a given\n"
                         "model file (raises lovelorn.Error subclasses such as IoError or BadMagicError);\n"
                         "Analyzer(load_model=False) classifies no situation. Pickles as its options, so a\n"
                         "cluster worker loads its own copy.")
      .def(py::init([](const std::optional<std::filesystem::path>& model_path, bool load_model) {
             return make_analyzer(path_string(model_path), load_model);
           }),
           py::arg("model_path") = py::none(), py::kw_only(), py::arg("load_model") = true)
      .def("analyze", &analyze_one, py::arg("text"), py::arg("timestamp") = py::none(),
           "analyze(text, timestamp=None) -> dict\n\n"
           "The CLI's JSON record for one text (str or UTF-8 bytes; id is None). `timestamp`\n"
           "(ISO 8601 str, blog date or epoch seconds) resolves relative times such as\n"
           "'two days ago'. Never fails on content: invalid UTF-8 is repaired as U+FFFD.")
      .def("analyze_many", &analyze_many, py::arg("texts"), py::arg("timestamps") = py::none(), py::kw_only(),
           py::arg("threads") = 0,
           "analyze_many(texts, timestamps=None, *, threads=0) -> list[dict]\n\n"
           "analyze() for every text, on `threads` C++ threads (0 = all cores) with the GIL\n"
           "released; results in input order, identical for any thread count.")
      .def("score_file", &score_file, py::arg("inputs"), py::arg("output"), py::kw_only(), py::arg("threads") = 0,
           py::arg("format") = "jsonl", py::arg("fields") = std::vector<std::string>{}, py::arg("with_text") = false,
           py::arg("input_format") = "auto", py::arg("text_field") = "", py::arg("id_field") = "",
           py::arg("time_field") = "", py::arg("text_mode") = "auto", py::arg("max_record_bytes") = 16u << 20,
           "score_file(inputs, output, *, threads=0, format='jsonl', fields=[], with_text=False,\n"
           "           input_format='auto', text_field='', id_field='', time_field='', text_mode='auto',\n"
           "           max_record_bytes=16 MiB) -> dict\n\n"
           "`lovelorn score INPUTS -o OUTPUT` in-process, GIL released: byte-identical output,\n"
           "written to a temporary name and renamed when complete. `inputs` is a path or a list\n"
           "of paths (.gz/.zst decompressed). Returns the totals: records, errors, skipped,\n"
           "text_bytes, input_bytes, invalid_utf8, labels, seconds. Raises IoError when an input\n"
           "cannot be opened or the output cannot be written (no output file then).")
      .def_property_readonly("has_model", [](const PyAnalyzer& a) { return a.analyzer.has_model(); })
      .def_property_readonly("labels", [](const PyAnalyzer& a) { return a.analyzer.labels(); },
                             "The model's situation labels in score order ([] without a model).")
      .def_property_readonly("model_path", [](const PyAnalyzer& a) { return a.analyzer.model_path(); },
                             "Path of the loaded model ('' without one).")
      .def("__repr__",
           [](const PyAnalyzer& a) {
             return a.analyzer.has_model() ? "lovelorn.Analyzer('" + a.analyzer.model_path() + "')"
                                           : std::string("lovelorn.Analyzer(load_model=False)");
           })
      .def(py::pickle([](const PyAnalyzer& a) { return py::make_tuple(a.requested_model, a.load_model); },
                      [](const py::tuple& t) {
                        if (t.size() != 2) raise(Errc::invalid_argument, "bad pickled Analyzer state");
                        return make_analyzer(t[0].cast<std::string>(), t[1].cast<bool>());
                      }));

  py::class_<DumpIterator>(m, "DumpIterator",
                           "Records of a dump, in input order, as dicts: id, author, timestamp, parent\n"
                           "(None when absent), parent_inferred, text, extra, source ('file:line') and error\n"
                           "(None, or {'code', 'message'} for a record that could not be read; nothing is\n"
                           "dropped). Text bytes that are not UTF-8 come through as surrogate escapes, so\n"
                           "analyze(rec['text']) sees what the CLI sees.")
      .def("__iter__", [](DumpIterator& it) -> DumpIterator& { return it; })
      .def("__next__", &DumpIterator::next)
      .def("close", &DumpIterator::close, "Closes the file; iteration then stops.")
      .def("__enter__", [](DumpIterator& it) -> DumpIterator& { return it; })
      .def("__exit__", [](DumpIterator& it, const py::args&) { it.close(); })
      .def_property_readonly("bytes_read", &DumpIterator::bytes_read, "Compressed bytes consumed so far.");

  m.def(
      "read_dump",
      [](const std::filesystem::path& path, const std::string& format, const std::string& text_field,
         const std::string& id_field, const std::string& time_field, const std::vector<std::string>& extra_fields,
         const std::string& text_mode, std::size_t max_record_bytes) {
        const lovelorn::DumpOptions opt =
            dump_options(format, text_field, id_field, time_field, extra_fields, text_mode, max_record_bytes);
        auto r = lovelorn::DumpReader::open(path.string(), opt);
        if (!r) throw lovelorn::Exception(r.error());
        return std::make_unique<DumpIterator>(std::move(*r), extra_fields);
      },
      py::arg("path"), py::kw_only(), py::arg("format") = "auto", py::arg("text_field") = "", py::arg("id_field") = "",
      py::arg("time_field") = "", py::arg("extra_fields") = std::vector<std::string>{}, py::arg("text_mode") = "auto",
      py::arg("max_record_bytes") = 16u << 20,
      "read_dump(path, *, format='auto', text_field='', id_field='', time_field='',\n"
      "          extra_fields=[], text_mode='auto', max_record_bytes=16 MiB) -> DumpIterator\n\n"
      "Streams the records of a blog page, JSONL (plain, .gz, .zst), CSV or text file ('-' =\n"
      "stdin) as dicts. Raises IoError (missing file), UnsupportedFormatError or\n"
      "InvalidArgumentError.");
}
