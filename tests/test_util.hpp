// Helpers shared by the tests: temporary files and reading all records.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lovelorn/dump.hpp"
#include "model_file.hpp"

namespace lovelorn::test {

// A fresh directory under the system temp dir, removed at destruction.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("lovelorn_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  // Writes `content` to `name` (which may hold subfolders) and returns its path.
  std::string file(const std::string& name, const std::string& content) const {
    const auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::vector<DumpRecord> read_all(const std::string& path, const DumpOptions& opt = {}) {
  auto reader = DumpReader::open(path, opt);
  EXPECT_TRUE(reader.has_value()) << (reader ? "" : reader.error().message());
  std::vector<DumpRecord> out;
  if (!reader) return out;
  DumpRecord r;
  while (reader->next(r)) out.push_back(r);
  return out;
}

// Model bytes with the trailer checksum recomputed after an edit, so the
// edit reaches the checks behind the checksum (docs/model-format.md).
inline std::string reseal_model(std::string b) {
  if (b.size() < 16) return b;
  const std::uint64_t h = detail::model_checksum(std::string_view(b).substr(0, b.size() - 16));
  for (int i = 0; i < 8; ++i) b[b.size() - 16 + i] = static_cast<char>((h >> (8 * i)) & 0xff);
  return b;
}

#ifdef LOVELORN_CLI
struct CliRun {
  int code = -1;
  std::string out, err;
};

// Runs the lovelorn CLI with `args` (a shell fragment), capturing stdout,
// stderr and the exit code.
inline CliRun run_cli(const std::string& args, const TempDir& dir) {
  const std::string err_file = dir.path("stderr.txt");
  const std::string cmd = std::string(LOVELORN_CLI) + " " + args + " 2>" + err_file;
  CliRun r;
  std::FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(err_file, std::ios::binary);
  std::stringstream ss;
  ss << e.rdbuf();
  r.err = ss.str();
  return r;
}
#endif

}  // namespace lovelorn::test
