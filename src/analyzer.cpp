#include "lovelorn/analyzer.hpp"

#include "contacts.hpp"
#include "durations.hpp"
#include "facts.hpp"
#include "features.hpp"
#include "linear_model.hpp"
#include "model_file.hpp"
#include "normalize.hpp"
#include "scratch.hpp"
#include "time_anchors.hpp"
#include "timestamp.hpp"
#include "tokenizer.hpp"

namespace lovelorn {

class Analyzer::Impl {
 public:
  detail::Tokenizer tokenizer;
  std::optional<detail::LinearModel> model;
  std::vector<std::string> labels;
  std::string model_path;
  bool keep_tokens = false;
  AnalysisParts parts;
};

class Workspace::Impl {
 public:
  detail::NormalizedText normalized;
  detail::lexicon::Scanned scanned;  // the words time anchors, contacts and facts read
  std::optional<detail::Tokenizer::State> state;
  std::vector<detail::Tok> tokens;
  std::vector<std::uint32_t> features;
  std::vector<double> probs;

  // The buffers keep their capacity between comments (scratch.hpp).
  void trim_for(std::size_t next_bytes) {
    if (detail::grew_for_gigantic(normalized.text.capacity(), next_bytes)) normalized = detail::NormalizedText();
    detail::trim_scratch(tokens, next_bytes);
    detail::trim_scratch(features, next_bytes);
  }
};

namespace {

// Clears `a` for the next comment but keeps its vectors' capacity, so a
// reused Analysis does not reallocate per comment.
void reset(Analysis& a) {
  a.bytes = a.invalid_utf8 = a.token_count = a.sentence_count = 0;
  a.tokens.clear();
  a.durations.clear();
  a.relationship_length_days.reset();
  a.time_anchors.clear();
  a.contact_events.clear();
  a.facts = RelationshipFacts{};
  a.asks_question = false;
  // a.situation is refilled in place (or reset) by analyze: its vectors keep
  // their storage from one comment to the next.
  a.produced = Produced{};
}

}  // namespace

Workspace::Workspace() : impl_(std::make_unique<Impl>()) {}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;


Result<Analyzer> Analyzer::create(const AnalyzerOptions& options) {
  auto impl = std::make_shared<Impl>();
  impl->keep_tokens = options.keep_tokens;
  impl->parts = options.parts;
  if (impl->parts.situation) {
    impl->parts = AnalysisParts{};  // the model's features come from the tokens and every extractor
  }
  if (options.keep_tokens) impl->parts.tokens = true;
  if (options.load_model && options.parts.situation) {
    const std::string path = options.model_path.empty() ? detail::default_model_path() : options.model_path;
    if (!path.empty()) {
      auto model = detail::read_model_file(path);
      if (!model) return model.error();
      impl->labels = model->labels();
      impl->model = std::move(*model);
      impl->model_path = path;
    }
  }
  return Analyzer(std::move(impl));
}

Analyzer::Analyzer(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Analyzer::Analyzer() {
  // A default-constructed Analyzer loads the default model when there is one.
  auto a = create(AnalyzerOptions{});
  if (!a) throw Exception(a.error());
  impl_ = a->impl_;
}

Analyzer::Analyzer(const AnalyzerOptions& options) {
  auto a = create(options);
  if (!a) throw Exception(a.error());
  impl_ = a->impl_;
}

bool Analyzer::has_model() const noexcept { return impl_->model.has_value(); }
const std::vector<std::string>& Analyzer::labels() const noexcept { return impl_->labels; }
const std::string& Analyzer::model_path() const noexcept { return impl_->model_path; }

Analysis Analyzer::analyze(std::string_view text, std::string_view timestamp) const {
  thread_local Workspace ws;
  Analysis a;
  analyze(text, timestamp, ws, a);
  return a;
}

void Analyzer::analyze(std::string_view text, std::string_view timestamp, Workspace& workspace, Analysis& a) const {
  const Impl& im = *impl_;
  Workspace::Impl& ws = workspace.impl();
  reset(a);
  ws.trim_for(text.size());
  detail::normalize(text, ws.normalized);
  a.bytes = static_cast<std::uint32_t>(text.size());
  a.invalid_utf8 = ws.normalized.invalid_utf8;

  const AnalysisParts& parts = im.parts;
  if (parts.tokens) {
    if (!ws.state) ws.state = im.tokenizer.make_state();
    im.tokenizer.tokenize(ws.normalized, *ws.state, ws.tokens);
    a.token_count = static_cast<std::uint32_t>(ws.tokens.size());
    for (const auto& t : ws.tokens) a.sentence_count += t.sentence_start;
    if (im.keep_tokens) {
      a.tokens.reserve(ws.tokens.size());
      for (const auto& t : ws.tokens) a.tokens.push_back(Token{t.begin, t.end, t.kind, t.sentence_start, std::string(t.norm)});
    }
    a.produced.tokens = true;
  }

  if (parts.durations) {
    detail::extract_durations(text, ws.normalized, a.durations);
    a.relationship_length_days = detail::relationship_length_days(ws.normalized, a.durations);
    a.produced.durations = true;
  }
  // One scan of the words for the three extractors that read them.
  if (parts.time_anchors || parts.contact_events || parts.facts) detail::lexicon::scan(ws.normalized.text, ws.scanned);
  if (parts.time_anchors) {
    std::optional<detail::Date> now;
    if (!timestamp.empty()) {
      if (auto t = detail::parse_timestamp(timestamp)) now = t->date;
    }
    detail::extract_time_anchors(text, ws.normalized, ws.scanned, now, a.time_anchors);
    a.produced.time_anchors = true;
  }
  if (parts.contact_events) {
    detail::extract_contacts(text, ws.normalized, ws.scanned, a.contact_events);
    a.produced.contact_events = true;
  }
  if (parts.facts) {
    a.facts = detail::extract_facts(ws.normalized, ws.scanned);
    a.asks_question = detail::asks_question(ws.normalized, ws.scanned);
    a.produced.facts = true;
  }

  if (!im.model) {
    a.situation.reset();
    return;
  }
  detail::extract_features(ws.tokens, a, im.model->config(), ws.features);
  im.model->predict(ws.features, ws.probs);
  Situation& s = a.situation ? *a.situation : a.situation.emplace();
  if (s.labels != im.labels) s.labels = im.labels;
  s.scores.assign(ws.probs.begin(), ws.probs.end());
  const std::size_t best = detail::LinearModel::argmax(ws.probs);
  s.label = s.scores.empty() ? std::string() : s.labels[best];
  s.p = s.scores.empty() ? 0.0 : s.scores[best];
  a.produced.situation = true;
}

}  // namespace lovelorn
