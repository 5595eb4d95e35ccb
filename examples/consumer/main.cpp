#include <iostream>

#include <lovelorn/lovelorn.hpp>

int main() {
  lovelorn::AnalyzerOptions options;
  options.load_model = false;
  const lovelorn::Analysis a = lovelorn::Analyzer(options).analyze("I texted him twice and he never replied.");
  std::cout << "lovelorn " << lovelorn::version() << ": " << a.token_count << " tokens\n";
  return a.token_count == 9 ? 0 : 1;
}
