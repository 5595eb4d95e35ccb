// The lovelorn command-line tool: one function per subcommand, each adding
// itself to the CLI11 app. Exit codes (documented in README and docs/errors.md):
//   0 every record analysed; 1 some records (or inputs) failed;
//   2 usage error; 3 fatal: model or output could not be opened/written.
#pragma once

#include <CLI/CLI.hpp>

namespace lovelorn::cli {

enum ExitCode : int { kOk = 0, kRecordErrors = 1, kUsage = 2, kFatal = 3 };

void add_score_command(CLI::App& app);
void add_analyze_command(CLI::App& app);
void add_tokens_command(CLI::App& app);
void add_eval_command(CLI::App& app);
void add_train_command(CLI::App& app);
void add_explain_command(CLI::App& app);

// The exit code the chosen subcommand set (its callback stores it here).
int& exit_code();

}  // namespace lovelorn::cli
