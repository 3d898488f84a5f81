// Sides of a query by code or by name (see dyad/query_names.h).
#include "dyad/query_names.h"

#include <algorithm>
#include <cctype>
#include <tuple>
#include <utility>

#include "dyad/utf8.h"

namespace dyad {

namespace {

// Code points, ASCII letters lower-cased and periods dropped ("U.N." reads as "un").
std::u32string Fold(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    int len = 1;
    char32_t c = utf8::Decode(s, i, &len);
    i += static_cast<size_t>(len);
    if (c == '.') continue;
    if (c < 0x80) c = static_cast<char32_t>(std::tolower(static_cast<int>(c)));
    out += c;
  }
  return out;
}

size_t Distance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// Every name a side may go by, with its code: states by their names and aliases, organisations
// (IGOUNO, IGONAT…) by their Korean and English names.
template <typename Fn>
void ForEachName(const Lexicon& lex, Fn&& fn) {
  for (const Country& c : lex.countries().all()) {
    fn(c.name_ko, c.iso3);
    fn(c.name_en, c.iso3);
    for (const std::string& n : c.names) fn(n, c.iso3);
  }
  for (const Actor& a : lex.actors()) {
    if (a.type != ActorType::kOrg || a.roles.empty()) continue;
    const std::string& code = a.roles.front().code;
    if (code.empty() || code.compare(0, 3, "---") == 0) continue;  // a ministry of any state
    for (const std::string& n : a.names_ko) fn(n, code);
    for (const std::string& n : a.names_en) fn(n, code);
  }
}

bool IsCodeWord(std::string_view s) {
  if (s.size() < 3) return false;
  for (char c : s)
    if (!(c >= 'A' && c <= 'Z')) return false;
  return true;
}

}  // namespace

std::vector<std::string> NearestNames(const Lexicon& lex, std::string_view name, size_t n) {
  std::u32string want = Fold(name);
  // By distance, then by how far the lengths differ (북헌 is nearer 북한 than 북), then by name.
  std::vector<std::tuple<size_t, size_t, std::string>> scored;
  ForEachName(lex, [&](const std::string& candidate, const std::string&) {
    if (candidate.empty()) return;
    std::u32string c = Fold(candidate);
    size_t len_gap = c.size() > want.size() ? c.size() - want.size() : want.size() - c.size();
    scored.emplace_back(Distance(want, c), len_gap, candidate);
  });
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [d, gap, s] : scored) {
    if (out.size() == n) break;
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

Result<std::string> ResolveQueryName(const Lexicon& lex, std::string_view name) {
  std::string_view s = utf8::TrimAscii(name);
  if (s.empty()) return Status::InvalidInput("an empty side: name a state or an organisation");
  // A name first ("RUSSIA" is Russia, not a code that starts with RUS).
  std::u32string want = Fold(s);
  std::string found;
  ForEachName(lex, [&](const std::string& candidate, const std::string& code) {
    if (found.empty() && Fold(candidate) == want) found = code;
  });
  if (!found.empty()) return found;
  // A code: an ISO alpha-3 code, or a CAMEO actor code that starts with one or with IGO/NGO
  // (PRKGOV, IGOUNO).
  if (IsCodeWord(s)) {
    std::string_view head = s.substr(0, 3);
    if (lex.countries().Find(head) != nullptr || head == "IGO" || head == "NGO")
      return std::string(s);
  }
  std::string msg = "'" + std::string(s) + "' is no state or organisation dyad knows";
  std::vector<std::string> near = NearestNames(lex, s);
  for (size_t i = 0; i < near.size(); ++i) msg += (i == 0 ? "; nearest: " : ", ") + near[i];
  return Status::NotFound(msg);
}

}  // namespace dyad
