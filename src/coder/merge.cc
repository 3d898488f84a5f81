// Mentions of one real-world event are merged greedily in document order: each event joins the
// first earlier event it matches, so a narrative sentence ("10월에는 … 방북하여") folds into the
// table row that dates the same visit to the day.
#include <algorithm>
#include <string>
#include <unordered_set>

#include "dyad/coder.h"

namespace dyad {

namespace {

const std::string& Side(const Event& e, bool source) {
  if (source) return e.source_country.empty() ? e.source : e.source_country;
  return e.target_country.empty() ? e.target : e.target_country;
}

bool SameDyad(const Event& a, const Event& b) {
  bool fwd = Side(a, true) == Side(b, true) && Side(a, false) == Side(b, false);
  bool back = Side(a, true) == Side(b, false) && Side(a, false) == Side(b, true);
  return fwd || ((a.symmetric || b.symmetric) && back);
}

bool SameOccasion(const DateSpan& a, const DateSpan& b) {
  if (!a.Overlaps(b)) return false;
  // Two exact dates must agree; a vaguer date must contain the exact one.
  return a.Contains(b) || b.Contains(a);
}

// A bare statement (010, "담화를 발표했다") and a spoken act of the same source on the same day
// ("담화에서 … 규탄했다") are one statement told twice: the specific code describes it better.
// Spoken acts are statements, appeals, intents, demands, disapproval, rejection and threats
// (roots 01-03, 10-13); a meeting (04) the same day is a different event.
bool IsVerbal(const std::string& code) {
  if (code.size() < 2) return false;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  return (root >= 1 && root <= 3) || (root >= 10 && root <= 13);
}

bool SameCode(const Event& a, const Event& b) {
  if (a.code == b.code) return true;
  bool a_bare = a.code == "010", b_bare = b.code == "010";
  if (a_bare == b_bare || !IsVerbal(a_bare ? b.code : a.code)) return false;
  // Only statements dated to the day: a month's "담화" may be any of several.
  return a.date.precision == DatePrecision::kDay && a.date == b.date;
}

}  // namespace

std::vector<Event> MergeMentions(std::vector<Event> events) {
  std::vector<Event> out;
  // The segments each merged event is told in (document and start byte), looked up instead of
  // scanned: an act told in thousands of sentences merges in linear time.
  std::vector<std::unordered_set<std::string>> told;
  auto key = [](const Mention& m) { return m.doc + '\0' + std::to_string(m.span_begin); };
  for (Event& e : events) {
    Event* into = nullptr;
    size_t into_index = 0;
    for (size_t oi = 0; oi < out.size(); ++oi) {
      Event& o = out[oi];
      // Two known persons acting are two events (왕이's visit is not 리창's in the same month).
      bool two_people = !o.source_person.empty() && !e.source_person.empty() &&
                        o.source_person != e.source_person;
      if (two_people || !SameCode(o, e) || o.mode != e.mode || !SameOccasion(o.date, e.date) ||
          !SameDyad(o, e))
        continue;
      // Two predicates of one sentence or row are two events the author told apart.
      if (told[oi].count(key(e.mentions.front()))) continue;
      into = &o;
      into_index = oi;
      break;
    }
    if (into == nullptr) {
      told.emplace_back();
      for (const Mention& m : e.mentions) told.back().insert(key(m));
      out.push_back(std::move(e));
      continue;
    }
    for (const Mention& m : e.mentions) told[into_index].insert(key(m));
    // The more precise telling becomes primary: a dated table row over "10월에는 …". Between
    // two tellings to the day, the chronology table's row (it dates the whole occasion).
    int pe = static_cast<int>(e.date.precision), pi = static_cast<int>(into->date.precision);
    bool e_table = e.mentions.front().section == "table";
    bool i_table = into->mentions.front().section == "table";
    bool e_better = pe < pi || (pe == pi && e_table && !i_table);
    if (e.code != into->code) e_better = into->code == "010";
    for (Mention& m : e.mentions) into->mentions.push_back(std::move(m));
    // Every telling's quotations and attribution stay with the event.
    for (std::string& q : e.quotes)
      if (std::find(into->quotes.begin(), into->quotes.end(), q) == into->quotes.end())
        into->quotes.push_back(q);
    if (into->attribution.empty()) into->attribution = e.attribution;
    if (e_better) {
      std::vector<Mention> ms = std::move(into->mentions);
      Mention primary = ms.back();
      ms.pop_back();
      ms.insert(ms.begin(), std::move(primary));
      e.mentions = std::move(ms);
      for (std::string& q : into->quotes)
        if (std::find(e.quotes.begin(), e.quotes.end(), q) == e.quotes.end()) e.quotes.push_back(q);
      if (e.attribution.empty()) e.attribution = into->attribution;
      *into = std::move(e);
    }
    into->symmetric = into->symmetric || e.symmetric;
  }
  // Sort an index, then move each event once: an Event is two dozen strings.
  std::vector<size_t> order(out.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const Event& a = out[x];
    const Event& b = out[y];
    if (a.date.begin != b.date.begin) return a.date.begin < b.date.begin;
    return a.mentions.front().span_begin < b.mentions.front().span_begin;
  });
  std::vector<Event> sorted;
  sorted.reserve(out.size());
  for (size_t i : order) sorted.push_back(std::move(out[i]));
  return sorted;
}

}  // namespace dyad
