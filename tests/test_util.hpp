// Helpers shared by the tests: temporary files and reading all records.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "lovelorn/dump.hpp"

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
  std::string file(const std::string& name, const std::string& content) const {
    const auto p = path_ / name;
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

}  // namespace lovelorn::test
