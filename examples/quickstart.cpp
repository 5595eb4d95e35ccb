// The README's C++ example: analyse one comment and print what was found.
#include <iostream>

#include <lovelorn/lovelorn.hpp>

int main() {
  lovelorn::AnalyzerOptions options;
  options.load_model = false;  // extractors only: the output does not depend on the model
  const lovelorn::Analyzer analyzer(options);

  const lovelorn::Analysis a =
      analyzer.analyze("We dated for about two months. He hasn't texted me in 2 weeks. Should I call him?");

  for (const lovelorn::Duration& d : a.durations) {
    std::cout << "duration: " << d.text << " = " << (d.days ? *d.days : 0.0) << " days ("
              << lovelorn::duration_role_name(d.role) << ")\n";
  }
  for (const lovelorn::ContactEvent& c : a.contact_events) {
    std::cout << "contact: " << c.text << " [" << lovelorn::channel_name(c.channel) << ", "
              << lovelorn::party_name(c.actor) << ", " << lovelorn::polarity_name(c.polarity) << "]\n";
  }
  std::cout << "asks a question: " << (a.asks_question ? "yes" : "no") << '\n';
}
