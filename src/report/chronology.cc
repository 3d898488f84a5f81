#include "dyad/chronology.h"

#include <algorithm>
#include <map>
#include <set>

#include "dyad/act_phrase.h"
#include "dyad/csv.h"
#include "dyad/utf8.h"

namespace dyad {

namespace {

const std::string& Side(const Event& e, bool source) {
  if (source) return e.source_country.empty() ? e.source : e.source_country;
  return e.target_country.empty() ? e.target : e.target_country;
}

bool SameDyadEitherWay(const Event& a, const Event& b) {
  return (Side(a, true) == Side(b, true) && Side(a, false) == Side(b, false)) ||
         (Side(a, true) == Side(b, false) && Side(a, false) == Side(b, true));
}

std::string SourceName(const std::string& p) {
  if (p.rfind("http://", 0) == 0 || p.rfind("https://", 0) == 0) return p;
  size_t s = p.find_last_of('/');
  return s == std::string::npos ? p : p.substr(s + 1);
}

std::string CsvCell(const std::string& s) {
  std::string o;
  AppendCsvField(&o, s);  // quoted as needed, and never a formula a spreadsheet would run
  return o;
}

std::string MdCell(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '|') o += '\\';
    o += c;
  }
  return o;
}

}  // namespace

std::string FormatSpan(const DateSpan& d) {
  std::string b = d.begin.ToIso();
  if (d.precision == DatePrecision::kYear && d.begin.month == 1 && d.end.month == 12)
    return b.substr(0, 4);
  if (d.precision == DatePrecision::kMonth && d.begin.day == 1 &&
      d.end.day == Date::DaysInMonth(d.end.year, d.end.month) && d.begin.month == d.end.month)
    return b.substr(0, 7);
  if (d.begin == d.end) return b;
  std::string e = d.end.ToIso();
  if (d.begin.year == d.end.year) e = e.substr(5);
  return b + "~" + e;
}

size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    int len;
    char32_t c = utf8::Decode(s, i, &len);
    bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                        (c >= 0xFF00 && c <= 0xFF60) || c == 0x201C || c == 0x201D
                    ? c >= 0x1100
                    : false;
    w += wide ? 2 : 1;
    i += len;
  }
  return w;
}

namespace {

bool Visit(const Event& e) { return e.code == "042" || e.code == "043"; }
bool Meeting(const Event& e) { return e.code.compare(0, 2, "04") == 0; }

// Whether an actor is named only as its state ("PRK", "USA"): a telling that says less of the
// same act than one naming the person.
bool StateOnly(const std::string& code, const std::string& country) {
  return code.empty() || code == country;
}

bool SameActor(const std::string& a, const std::string& a_country, const std::string& b,
               const std::string& b_country, bool lenient = true) {
  return a == b || (lenient && a_country == b_country &&
                    (StateOnly(a, a_country) || StateOnly(b, b_country)));
}

// Two events that tell one act: the same code between the same sides (either way for a meeting
// or a symmetric act), dates that hold one another, and actors that agree or where one telling
// names only the state ("Trump meets Kim Jong Un" and "Trump meets North Korea").
bool SameAct(const Event& a, const Event& b) {
  if (a.code != b.code) return false;
  if (!a.date.Contains(b.date) && !b.date.Contains(a.date)) return false;
  auto same_way = [&](bool flip) {
    const std::string &bs = flip ? b.target : b.source, &bt = flip ? b.source : b.target;
    const std::string &bsc = flip ? b.target_country : b.source_country,
                      &btc = flip ? b.source_country : b.target_country;
    // A visit to a state (방러) and a call on its leader there (예방) are two acts.
    return SameActor(a.source, a.source_country, bs, bsc) &&
           SameActor(a.target, a.target_country, bt, btc, !Visit(a));
  };
  if (same_way(false)) return true;
  // Either way for a meeting, a symmetric act, or one sentence that told the act of both
  // sides ("Russia … purchased … from North Korea" coded each way).
  bool one_telling = !a.mentions.empty() && !b.mentions.empty() &&
                     a.mentions[0].doc == b.mentions[0].doc &&
                     a.mentions[0].span_begin == b.mentions[0].span_begin;
  return (a.symmetric || b.symmetric || Meeting(a) || one_telling) && same_way(true);
}

// How specific a telling is: a person over a state, a day over a month.
int Specificity(const Event& e) {
  int s = 0;
  if (!StateOnly(e.source, e.source_country)) s += 2;
  if (!StateOnly(e.target, e.target_country)) s += 2;
  if (e.date.precision == DatePrecision::kDay) s += 4;
  if (!e.action_ko.empty() && !e.action_en.empty()) s += 1;
  return s;
}

int PrecisionRank(DatePrecision p) {
  return p == DatePrecision::kDay ? 0 : p == DatePrecision::kMonth ? 1 : 2;
}

}  // namespace

namespace {

// An actor known by its code only: a state or its organ, an organisation the lexicon knows,
// else the dataset's words or the code.
std::string NameOfCode(const std::string& code, const std::string& words,
                       const ChronologyOptions& options) {
  if (options.lexicon != nullptr) {
    const CountryTable& countries = options.lexicon->countries();
    if (code.size() >= 3 && countries.Find(code.substr(0, 3)) != nullptr)
      return StateActorLabel(countries, code, options.lang);
    if (const Actor* org = options.lexicon->OrgByCode(code); org != nullptr) {
      if (options.lang != "en" && !org->names_ko.empty()) return org->names_ko.front();
      if (options.lang == "en" && !org->names_en.empty())
        return EnglishArticle(org->names_en.front());
    }
  }
  return words.empty() ? code : words;
}

}  // namespace

std::string ChronologySource(const Event& e, const ChronologyOptions& options) {
  bool ko = options.lang != "en";
  const std::string& label = ko ? e.source_label_ko : e.source_label_en;
  if (!label.empty()) return label;
  return NameOfCode(e.source, e.source_name, options);
}

std::string ChronologyAct(const Event& e, const ChronologyOptions& options) {
  bool ko = options.lang != "en";
  const std::string& action = ko ? e.action_ko : e.action_en;
  if (!action.empty() || options.codebook == nullptr) return action;
  std::string target = ko ? e.target_label_ko : e.target_label_en;
  if (NameTargetByState(e.target, e.code))
    target = NameOfCode(e.target.substr(0, 3), "", options);
  else if (target.empty())
    target = NameOfCode(e.target, e.target_name, options);
  return PhraseAct(*options.codebook, e.code, {target, false}, options.lang);
}

std::vector<ChronologyRow> BuildChronology(const std::vector<Event>& events,
                                           const ChronologyOptions& options) {
  bool ko = options.lang != "en";
  // 1. One telling per act: the most specific of the events that tell it. Acts are compared
  // only with acts of their code.
  struct Act {
    const Event* best;
    std::vector<const Event*> all;
  };
  std::vector<Act> acts;
  std::map<std::string_view, std::vector<size_t>> by_code;
  for (const Event& e : events) {
    std::vector<size_t>& same_code = by_code[e.code];
    bool merged = false;
    for (size_t a : same_code) {
      if (!SameAct(*acts[a].best, e)) continue;
      if (Specificity(e) > Specificity(*acts[a].best)) acts[a].best = &e;
      acts[a].all.push_back(&e);
      merged = true;
      break;
    }
    if (merged) continue;
    same_code.push_back(acts.size());
    acts.push_back({&e, {&e}});
  }
  // 2. Rows: a visit, then a meeting, heads a row and gathers the cooperative acts of its dyad
  // in its days. Heads are taken most precise first, so a table's exact days claim what the
  // narrative dates only by its month.
  std::vector<size_t> order(acts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto head_rank = [&](const Event& e) { return Visit(e) ? 0 : Meeting(e) ? 1 : 2; };
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const Event &a = *acts[x].best, &b = *acts[y].best;
    if (a.date.precision != b.date.precision)
      return PrecisionRank(a.date.precision) < PrecisionRank(b.date.precision);
    if (head_rank(a) != head_rank(b)) return head_rank(a) < head_rank(b);
    if (a.date.begin != b.date.begin) return a.date.begin < b.date.begin;
    return a.date.Days() > b.date.Days();
  });
  // Acts by first day: a head looks only at those that can fall in or around its days.
  std::vector<size_t> by_day(acts.size());
  for (size_t i = 0; i < by_day.size(); ++i) by_day[i] = i;
  std::stable_sort(by_day.begin(), by_day.end(), [&](size_t x, size_t y) {
    return acts[x].best->date.begin < acts[y].best->date.begin;
  });
  std::vector<bool> used(acts.size(), false);
  std::vector<ChronologyRow> rows;
  for (size_t i : order) {
    if (used[i]) continue;
    used[i] = true;
    const Event& head = *acts[i].best;
    std::vector<size_t> group{i};
    if (Meeting(head) && head.quad_class <= 2) {
      // A vaguer telling begins at most a year before the head: its month or its year.
      Date earliest = head.date.begin.AddDays(-366);
      auto first = std::lower_bound(by_day.begin(), by_day.end(), earliest,
                                    [&](size_t x, Date d) { return acts[x].best->date.begin < d; });
      for (auto it = first; it != by_day.end(); ++it) {
        size_t j = *it;
        const Event& o = *acts[j].best;
        if (o.date.begin > head.date.end) break;
        if (used[j] || o.quad_class > 2 || !SameDyadEitherWay(head, o)) continue;
        bool within = Visit(head)
                          ? head.date.Contains(o.date) &&
                                (o.date.precision == DatePrecision::kDay || o.date == head.date)
                          : o.date == head.date;
        // A month the narrative gives a meeting of this dyad that the table dates exactly.
        bool vaguer =
            Meeting(o) && o.date.precision != DatePrecision::kDay && o.date.Contains(head.date);
        if (!within && !vaguer) continue;
        used[j] = true;
        group.push_back(j);
      }
      // The head first, then what was done there in the order of the days.
      std::stable_sort(group.begin() + 1, group.end(), [&](size_t a, size_t b) {
        return acts[a].best->date.begin < acts[b].best->date.begin;
      });
    }
    ChronologyRow row;
    row.date = head.date;
    std::string source = ChronologySource(head, options);
    std::string content = source;
    std::set<std::string> seen;
    for (size_t k = 0; k < group.size(); ++k) {
      const Event& e = *acts[group[k]].best;
      std::string part = ChronologyAct(e, options);
      // The host toward the visitor, or a second actor of the same side: name who acted.
      std::string by = ChronologySource(e, options);
      // "미국 방북, 북한이 미국과 타결"; "… visits North Korea; North Korea concludes …".
      if (k > 0 && by != source)
        part = by + (ko ? (utf8::HasBatchim(by) ? "이 " : "가 ") : " ") + part;
      if (part.empty() || !seen.insert(part).second) continue;
      if (k == 0) {
        // "김정은 국무위원장, 푸틴 대통령에게 축전 전달" but "김정은 국무위원장 방러".
        bool bare_visit = Visit(e) && part.rfind("방", 0) == 0;
        content += ko && !bare_visit ? ", " : " ";
      } else {
        content += ko ? ", " : "; ";
      }
      content += part;
    }
    // "The United States criticises …": a line opens with a capital.
    if (!ko && !content.empty() && content[0] >= 'a' && content[0] <= 'z') content[0] -= 32;
    row.content = content;
    // Every document that told any of the row's acts; an imported event's source is its URL.
    std::set<std::string> docs;
    for (size_t a : group)
      for (const Event* x : acts[a].all)
        for (const Mention& m : x->mentions) docs.insert(SourceName(m.doc));
    for (const std::string& d : docs) row.sources += (row.sources.empty() ? "" : "; ") + d;
    rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const ChronologyRow& a, const ChronologyRow& b) {
    if (a.date.begin != b.date.begin) return a.date.begin < b.date.begin;
    return a.date.Days() > b.date.Days();
  });
  return rows;
}

std::string RenderChronology(const std::vector<ChronologyRow>& rows, ChronologyFormat format,
                             const std::string& lang) {
  bool ko = lang != "en";
  std::string h0 = ko ? "날짜" : "Date", h1 = ko ? "내용" : "Event", h2 = ko ? "출처" : "Source";
  std::string out;
  switch (format) {
    case ChronologyFormat::kMarkdown:
      out += "| " + h0 + " | " + h1 + " | " + h2 + " |\n|---|---|---|\n";
      for (const auto& r : rows)
        out += "| " + FormatSpan(r.date) + " | " + MdCell(r.content) + " | " + MdCell(r.sources) +
               " |\n";
      break;
    case ChronologyFormat::kCsv:
      out += "date,date_end,content,sources\n";
      for (const auto& r : rows)
        out += r.date.begin.ToIso() + "," + r.date.end.ToIso() + "," + CsvCell(r.content) + "," +
               CsvCell(r.sources) + "\n";
      break;
    case ChronologyFormat::kTable: {
      size_t w0 = DisplayWidth(h0), w1 = DisplayWidth(h1);
      for (const auto& r : rows) {
        w0 = std::max(w0, DisplayWidth(FormatSpan(r.date)));
        w1 = std::max(w1, DisplayWidth(r.content));
      }
      auto pad = [](const std::string& s, size_t w) {
        return s + std::string(w - DisplayWidth(s), ' ');
      };
      out += pad(h0, w0) + "  " + pad(h1, w1) + "  " + h2 + "\n";
      for (const auto& r : rows)
        out += pad(FormatSpan(r.date), w0) + "  " + pad(r.content, w1) + "  " + r.sources + "\n";
      break;
    }
  }
  return out;
}

}  // namespace dyad
