// lovelorn analyze "text": one comment, shown for a human (or as JSON).
// lovelorn tokens "text": the tokenizer's view of a text.
#include <iostream>

#include "commands.hpp"
#include "lovelorn/lovelorn.hpp"

namespace lovelorn::cli {
namespace {

std::string quoted(std::string_view s) {
  std::string out;
  append_json_string(s, out);
  return out;
}

void print_human(const Analysis& a) {
  std::cout << "tokens: " << a.token_count << ", sentences: " << a.sentence_count << '\n';
  if (a.situation) {
    std::cout << "situation: " << a.situation->label << " (p=" << a.situation->p << ")\n";
  }
  std::cout << "relationship_length_days: ";
  if (a.relationship_length_days) std::cout << *a.relationship_length_days << '\n';
  else std::cout << "-\n";
  std::cout << "durations:\n";
  for (const auto& d : a.durations) {
    std::cout << "  [" << d.begin << "," << d.end << ") " << quoted(d.text) << "  days=";
    if (d.days) std::cout << *d.days; else std::cout << "-";
    if (d.low && d.high && *d.low != *d.high) std::cout << " (" << *d.low << ".." << *d.high << ")";
    std::cout << " unit=" << d.unit << (d.hedge.empty() ? "" : " hedge=" + d.hedge) << " role=" << duration_role_name(d.role) << '\n';
  }
  std::cout << "time anchors:\n";
  for (const auto& t : a.time_anchors) {
    std::cout << "  [" << t.begin << "," << t.end << ") " << quoted(t.text) << (t.resolved.empty() ? "" : " -> " + t.resolved) << '\n';
  }
  std::cout << "contact events:\n";
  for (const auto& c : a.contact_events) {
    std::cout << "  [" << c.begin << "," << c.end << ") " << quoted(c.text) << "  " << channel_name(c.channel) << ' '
              << party_name(c.actor) << "->" << party_name(c.target) << ' ' << polarity_name(c.polarity);
    if (c.count) std::cout << " count=" << *c.count;
    if (!c.frequency.empty()) std::cout << " frequency=" << quoted(c.frequency);
    std::cout << '\n';
  }
  std::cout << "facts: partner_term=" << (a.facts.partner_term.empty() ? "-" : a.facts.partner_term)
            << " status=" << (a.facts.status.empty() ? "-" : a.facts.status)
            << " ended_by=" << (a.facts.ended_by.empty() ? "-" : a.facts.ended_by) << '\n';
  std::cout << "asks_question: " << (a.asks_question ? "true" : "false") << '\n';
}

}  // namespace

void add_analyze_command(CLI::App& app) {
  struct Args {
    std::vector<std::string> text;
    std::string timestamp, model;
    bool json = false, no_model = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("analyze", "Analyse one comment given on the command line");
  cmd->add_option("text", args->text, "The comment text (several words are joined by spaces)")->required();
  cmd->add_option("--timestamp", args->timestamp, "The comment's timestamp, to resolve 'two days ago'");
  cmd->add_option("--model", args->model, "Situation model file (default: the bundled model)");
  cmd->add_flag("--no-model", args->no_model, "Do not classify the situation");
  cmd->add_flag("--json", args->json, "Print the JSON record instead of the readable view");
  cmd->callback([args] {
    std::string text;
    for (const auto& t : args->text) text += (text.empty() ? "" : " ") + t;
    AnalyzerOptions opt;
    opt.model_path = args->model;
    opt.load_model = !args->no_model;
    auto analyzer = Analyzer::create(opt);
    if (!analyzer) {
      std::cerr << "lovelorn: " << analyzer.error().message() << '\n';
      exit_code() = kFatal;
      return;
    }
    const Analysis a = analyzer->analyze(text, args->timestamp);
    if (args->json) {
      DumpRecord rec;
      rec.comment.id = "argv";
      rec.comment.timestamp = args->timestamp;
      std::string line;
      write_json(rec, &a, {}, line);
      std::cout << line << '\n';
    } else {
      print_human(a);
    }
  });
}

void add_tokens_command(CLI::App& app) {
  auto text = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("tokens", "Show the tokens of a text: byte span, kind, normalised form");
  cmd->add_option("text", *text, "The text")->required();
  cmd->callback([text] {
    std::string t;
    for (const auto& s : *text) t += (t.empty() ? "" : " ") + s;
    AnalyzerOptions opt;
    opt.load_model = false;
    opt.keep_tokens = true;
    const Analysis a = Analyzer(opt).analyze(t);
    for (const Token& tok : a.tokens) {
      std::cout << (tok.sentence_start ? "S " : "  ") << tok.begin << '\t' << tok.end << '\t'
                << token_kind_name(tok.kind) << '\t' << quoted(std::string_view(t).substr(tok.begin, tok.end - tok.begin))
                << '\t' << quoted(tok.norm) << '\n';
    }
  });
}

}  // namespace lovelorn::cli
