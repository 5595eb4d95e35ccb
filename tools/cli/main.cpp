// lovelorn — command-line front end. Argument parsing and wiring only; the
// work happens in the library.
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "lovelorn/lovelorn.hpp"

namespace lovelorn::cli {
int& exit_code() {
  static int code = kOk;
  return code;
}
}  // namespace lovelorn::cli

int main(int argc, char** argv) {
  using namespace lovelorn::cli;
  CLI::App app{"lovelorn: analyse relationship-advice comments"};
  app.set_version_flag("--version", std::string("lovelorn ") + lovelorn::version());
  app.require_subcommand(1);
  add_score_command(app);
  add_analyze_command(app);
  add_tokens_command(app);
  add_eval_command(app);
  add_train_command(app);
  add_explain_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : kUsage;
  } catch (const lovelorn::Exception& e) {
    std::cerr << "lovelorn: " << e.what() << '\n';
    return kFatal;
  }
  return exit_code();
}
