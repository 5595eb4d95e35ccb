// A deterministic benchmark corpus of sentences the team wrote, mixed by a
// fixed-seed generator into comments of realistic length (~600 bytes).
#pragma once

#include <random>
#include <string>
#include <vector>

namespace lovelorn::bench {

inline std::vector<std::string> corpus(std::size_t comments = 2000) {
  static const char* kSentences[] = {
      "We dated for about two months and then he stopped texting me.",
      "He FaceTimed me 3 times last week but since Sunday no calls, no messages.",
      "Me and my partner have stayed together a little over 3 yrs now.",
      "Should I reach out to him or keep doing no contact for another few weeks?",
      "It's been almost two days since I sent him a message and not a word back.",
      "My ex texted me out of the blue after 5 months of silence.",
      "Honestly you deserve someone who shows up for you, so block him and move on.",
      "She said she isn't ready for a relationship and wants to take things slow.",
      "I found messages on his phone from another woman and I don't know what to do.",
      "My husband gets angry when I see my friends and checks my phone every night.",
      "We broke up two weeks ago and I still miss him every single day.",
      "Thank you for this article, it helped me so much \xE2\x80\x94 I feel stronger now \xF0\x9F\x98\x8A.",
      "He didn\xE2\x80\x99t reply to my text for 4 days and then acted like nothing happened.",
      "I met him a month ago on an app and we went on three dates.",
  };
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kSentences) - 1);
  std::vector<std::string> out;
  out.reserve(comments);
  for (std::size_t i = 0; i < comments; ++i) {
    std::string c;
    while (c.size() < 600) {
      c += kSentences[pick(rng)];
      c += ' ';
    }
    out.push_back(std::move(c));
  }
  return out;
}

inline std::size_t total_bytes(const std::vector<std::string>& v) {
  std::size_t n = 0;
  for (const auto& s : v) n += s.size();
  return n;
}

}  // namespace lovelorn::bench
