// End-to-end tests of the lovelorn CLI: exit codes, records in = records
// out, errors naming file and line, atomic -o (also when interrupted).
#include <gtest/gtest.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "test_util.hpp"

namespace lovelorn {
namespace {

using test::CliRun;

CliRun run(const std::string& args, const test::TempDir& dir) { return test::run_cli(args, dir); }

std::size_t lines(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

TEST(Cli, ScoreKeepsEveryRecordAndReportsBadOnes) {
  test::TempDir dir;
  const std::string f = dir.file("mixed.jsonl",
                                 "{\"id\":\"a\",\"body\":\"we dated for 3 months\"}\n"
                                 "{\"id\":\"b\",\"body\":\"truncated\n"
                                 "{\"id\":\"c\",\"body\":\"[deleted]\"}\n"
                                 "{\"id\":\"d\",\"body\":\"he never called back\"}\n");
  CliRun r = run("score --no-model " + f, dir);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(lines(r.out), 4u);
  EXPECT_NE(r.err.find("mixed.jsonl:2: parse_error"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"id\":\"d\""), std::string::npos);
  EXPECT_NE(r.err.find("4 records (1 errors, 1 skipped)"), std::string::npos) << r.err;
}

TEST(Cli, ExitCodes) {
  test::TempDir dir;
  const std::string good = dir.file("good.txt", "one comment\nanother one\n");
  EXPECT_EQ(run("score --no-model " + good, dir).code, 0);
  CliRun missing = run("score --no-model " + dir.path("absent.jsonl") + " " + good, dir);
  EXPECT_EQ(missing.code, 1);
  EXPECT_EQ(lines(missing.out), 2u);
  EXPECT_NE(missing.err.find("absent.jsonl"), std::string::npos);
  EXPECT_EQ(run("score --format xml " + good, dir).code, 2);
  EXPECT_EQ(run("score --model " + dir.path("no_model.llm") + " " + good, dir).code, 3);
  CliRun empty = run("score --no-model " + dir.file("empty.txt", ""), dir);
  EXPECT_EQ(empty.code, 0);
  EXPECT_NE(empty.err.find("no records"), std::string::npos);
}

TEST(Cli, OutputFileIsWrittenAtomically) {
  test::TempDir dir;
  const std::string in = dir.file("in.csv", "id,body\n1,first\n2,second\n");
  const std::string out = dir.path("out.csv");
  CliRun r = run("score --no-model --format csv -o " + out + " " + in, dir);
  ASSERT_EQ(r.code, 0) << r.err;
  std::ifstream f(out);
  std::stringstream ss;
  ss << f.rdbuf();
  EXPECT_EQ(lines(ss.str()), 3u);  // header + 2 rows
  for (const auto& e : std::filesystem::directory_iterator(dir.path(""))) {
    EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << e.path();
  }
}

TEST(Cli, StdinFilterAndBundledExample) {
  test::TempDir dir;
  CliRun r = run("score --no-model --input-format jsonl - < " + dir.file("s.jsonl", "{\"id\":\"x\",\"body\":\"hi\"}\n"), dir);
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(lines(r.out), 1u);
  CliRun ex = run(std::string("score --with-text ") + LOVELORN_TEST_DATA + "/../../examples/data/blog_page.txt", dir);
  EXPECT_EQ(ex.code, 0) << ex.err;
  EXPECT_EQ(lines(ex.out), 5u);
  EXPECT_EQ(ex.out.find("With warm wishes"), std::string::npos);
  EXPECT_NE(ex.out.find("\"timestamp\":\"2023-04-12T21:41:00\""), std::string::npos);
}

TEST(Cli, TokensAndAnalyze) {
  test::TempDir dir;
  CliRun t = run("tokens \"I didn't text him\"", dir);
  EXPECT_EQ(t.code, 0);
  EXPECT_EQ(lines(t.out), 4u);
  CliRun a = run("analyze --no-model --json \"we dated for 2 years\"", dir);
  EXPECT_EQ(a.code, 0);
  EXPECT_NE(a.out.find("\"durations\""), std::string::npos);
}

}  // namespace
}  // namespace lovelorn

namespace lovelorn {
namespace {

// The same input gives byte-identical output for any thread count.
TEST(Cli, OutputIsIdenticalForAnyThreadCount) {
  test::TempDir dir;
  std::string data;
  const char* bodies[] = {"we dated for 3 months and he stopped texting me",
                          "my ex called me twice last week after 2 years of silence",
                          "truncated", "you should block him", "[removed]"};
  for (int i = 0; i < 3000; ++i) {
    const char* b = bodies[i % 5];
    if (std::string(b) == "truncated") data += "{\"id\":\"t" + std::to_string(i) + "\",\"body\":\"cut\n";
    else data += "{\"id\":\"r" + std::to_string(i) + "\",\"body\":\"" + b + "\"}\n";
  }
  const std::string in = dir.file("many.jsonl", data);
  CliRun one = run("score -q --threads 1 " + in, dir);
  CliRun eight = run("score -q --threads 8 " + in, dir);
  EXPECT_EQ(one.code, 1);
  EXPECT_EQ(eight.code, 1);
  EXPECT_EQ(lines(one.out), 3000u);
  EXPECT_TRUE(one.out == eight.out);
}

}  // namespace
}  // namespace lovelorn

namespace lovelorn {
namespace {

// --fields decides what is computed as well as what is printed: a partial
// run gives the same values as the full run, for the fields it shows.
TEST(Cli, FieldsComputeOnlyWhatTheyShow) {
  test::TempDir dir;
  const std::string in = dir.file(
      "few.jsonl",
      "{\"id\":\"a\",\"body\":\"We dated for 3 months, then he stopped texting me. What should I do?\"}\n"
      "{\"id\":\"b\",\"body\":\"My husband and I have been married for 2 years and he calls me every day.\"}\n");
  CliRun full = run("score -q --no-model --format csv " + in, dir);
  CliRun durations = run("score -q --no-model --format csv --fields id,relationship_length_days,durations " + in, dir);
  ASSERT_EQ(full.code, 0) << full.err;
  ASSERT_EQ(durations.code, 0) << durations.err;
  EXPECT_EQ(durations.out,
            "id,relationship_length_days,durations\n"
            "a,91.32,1\n"
            "b,730.5,1\n");
  EXPECT_NE(full.out.find(",91.32,1,"), std::string::npos) << full.out;  // the full run agrees
  EXPECT_NE(full.out.find(",730.5,1,"), std::string::npos) << full.out;
  CliRun json = run("score -q --fields id,contact_events,asks_question " + in, dir);
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_EQ(json.out.find("durations"), std::string::npos);
  EXPECT_EQ(json.out.find("situation"), std::string::npos);
  EXPECT_NE(json.out.find("\"channel\":\"text\""), std::string::npos);
  EXPECT_NE(json.out.find("\"asks_question\":true"), std::string::npos);
}

}  // namespace
}  // namespace lovelorn

namespace lovelorn {
namespace {

// Files in `dir` whose name contains `part`.
std::vector<std::string> files_with(const test::TempDir& dir, const std::string& part) {
  std::vector<std::string> found;
  for (const auto& e : std::filesystem::directory_iterator(dir.path("")))
    if (e.path().filename().string().find(part) != std::string::npos) found.push_back(e.path().string());
  return found;
}

// Starts the CLI with `args`, its stdin reading the pipe `in` and its stdout
// writing to `out` (-1: inherited), every signal at its default action
// whatever the test runner ignores. Closes the child's pipe ends here.
// Returns the pid, or -1.
pid_t spawn_cli(std::vector<std::string> args, const int (&in)[2], const int (&out)[2]) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], STDIN_FILENO);
  if (out[1] >= 0) posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
  for (const int fd : {in[0], in[1], out[0], out[1]})
    if (fd >= 0) posix_spawn_file_actions_addclose(&fa, fd);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t all;
  sigfillset(&all);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  args.insert(args.begin(), LOVELORN_CLI);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  if (::posix_spawn(&pid, LOVELORN_CLI, &fa, &attr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  ::close(in[0]);
  if (out[1] >= 0) ::close(out[1]);
  return pid;
}

// A run stopped by SIGTERM or SIGINT in the middle of its input leaves
// neither the output file nor its temporary file, and ends by that signal.
// The input is a pipe this test holds open, so the run is surely unfinished.
void interrupt_mid_run(int sig) {
  test::TempDir dir;
  const std::string out = dir.path("out.jsonl");
  int in[2];
  ASSERT_EQ(::pipe(in), 0);
  const pid_t pid = spawn_cli({"score", "--no-model", "--input-format", "jsonl", "-q", "-o", out, "-"}, in, {-1, -1});
  ASSERT_GT(pid, 0);
  const std::string records = "{\"id\":\"a\",\"body\":\"we dated for 3 months\"}\n{\"id\":\"b\",\"body\":\"he texted me\"}\n";
  ASSERT_EQ(::write(in[1], records.data(), records.size()), static_cast<ssize_t>(records.size()));
  // The temporary file exists once the signal handlers are in place.
  for (int i = 0; i < 1000 && files_with(dir, ".tmp-").empty(); ++i) ::usleep(10000);
  EXPECT_EQ(files_with(dir, ".tmp-").size(), 1u);
  ::kill(pid, sig);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ::close(in[1]);
  ASSERT_TRUE(WIFSIGNALED(status)) << "exit status " << status;
  EXPECT_EQ(WTERMSIG(status), sig);
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_TRUE(files_with(dir, ".tmp-").empty());
}

TEST(Cli, InterruptedRunLeavesNoOutputFile) {
  interrupt_mid_run(SIGTERM);
  interrupt_mid_run(SIGINT);
}

// A program that sends one record and waits for its result (a streaming
// filter driven by another process) gets each answer without closing its
// end or filling a batch.
TEST(Cli, StreamingFilterAnswersEachRecordAsItArrives) {
  int in[2], out[2];
  ASSERT_EQ(::pipe(in), 0);
  ASSERT_EQ(::pipe(out), 0);
  const pid_t pid = spawn_cli({"score", "--no-model", "-q", "--threads", "2", "-"}, in, out);
  ASSERT_GT(pid, 0);
  std::string received;
  // Waits (up to 60 s, for sanitizer builds) until `lines` lines have arrived.
  auto wait_for_lines = [&](std::size_t want) {
    for (int waited = 0; lines(received) < want && waited < 600; ++waited) {
      pollfd p{out[0], POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char buf[4096];
      const ssize_t got = ::read(out[0], buf, sizeof buf);
      if (got <= 0) break;
      received.append(buf, static_cast<std::size_t>(got));
    }
    return lines(received);
  };
  const char* records[] = {"{\"id\":\"s1\",\"body\":\"we dated for 3 months\"}\n",
                           "{\"id\":\"s2\",\"body\":\"he has not texted me in a week\"}\n"};
  for (std::size_t k = 0; k < 2; ++k) {
    const std::string rec = records[k];
    ASSERT_EQ(::write(in[1], rec.data(), rec.size()), static_cast<ssize_t>(rec.size()));
    ASSERT_EQ(wait_for_lines(k + 1), k + 1) << "no answer to record " << k + 1 << " while the input stays open";
  }
  EXPECT_NE(received.find("\"id\":\"s1\""), std::string::npos);
  EXPECT_NE(received.find("\"id\":\"s2\""), std::string::npos);
  ::close(in[1]);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ::close(out[0]);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

}  // namespace
}  // namespace lovelorn
