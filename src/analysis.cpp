#include "lovelorn/analysis.hpp"

namespace lovelorn {

std::string_view token_kind_name(TokenKind kind) noexcept {
  switch (kind) {
    case TokenKind::word: return "word";
    case TokenKind::number: return "number";
    case TokenKind::punctuation: return "punct";
    case TokenKind::emoji: return "emoji";
    case TokenKind::url: return "url";
    case TokenKind::email: return "email";
    case TokenKind::mention: return "mention";
    case TokenKind::hashtag: return "hashtag";
  }
  return "word";
}

std::string_view duration_role_name(DurationRole role) noexcept {
  switch (role) {
    case DurationRole::relationship: return "relationship";
    case DurationRole::since_event: return "since_event";
    case DurationRole::no_contact: return "no_contact";
    case DurationRole::other: return "other";
  }
  return "other";
}

std::string_view channel_name(Channel c) noexcept {
  switch (c) {
    case Channel::text: return "text";
    case Channel::call: return "call";
    case Channel::video: return "video";
    case Channel::email: return "email";
    case Channel::social: return "social";
    case Channel::in_person: return "in_person";
    case Channel::any: return "any";
  }
  return "any";
}

std::string_view party_name(Party p) noexcept {
  switch (p) {
    case Party::self: return "self";
    case Party::partner: return "partner";
    case Party::mutual: return "mutual";
    case Party::other: return "other";
    case Party::unknown: return "unknown";
  }
  return "unknown";
}

std::string_view polarity_name(Polarity p) noexcept {
  switch (p) {
    case Polarity::occurred: return "occurred";
    case Polarity::absent: return "absent";
    case Polarity::hypothetical: return "hypothetical";
    case Polarity::intended: return "intended";
  }
  return "occurred";
}

}  // namespace lovelorn
