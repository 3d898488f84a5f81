#include "dyad/event.h"

namespace dyad {

std::string_view ModeName(EventMode m) {
  switch (m) {
    case EventMode::kActual:
      return "actual";
    case EventMode::kExpected:
      return "expected";
    case EventMode::kHypothetical:
      return "hypothetical";
    case EventMode::kNegated:
      return "negated";
  }
  return "actual";
}

std::optional<EventMode> ParseMode(std::string_view s) {
  for (EventMode m :
       {EventMode::kActual, EventMode::kExpected, EventMode::kHypothetical, EventMode::kNegated})
    if (ModeName(m) == s) return m;
  return std::nullopt;
}

const std::string& Event::Ext(std::string_view name) const {
  static const std::string kNone;
  for (const auto& [k, v] : ext)
    if (k == name) return v;
  return kNone;
}

const Mention& Event::Primary() const {
  static const Mention kNone;
  return mentions.empty() ? kNone : mentions.front();
}

}  // namespace dyad
