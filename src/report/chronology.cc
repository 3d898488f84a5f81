#include "dyad/chronology.h"

#include <algorithm>
#include <set>

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

std::string BaseName(const std::string& p) {
  size_t s = p.find_last_of('/');
  return s == std::string::npos ? p : p.substr(s + 1);
}

std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string o = "\"";
  for (char c : s) {
    if (c == '"') o += '"';
    o += c;
  }
  return o + "\"";
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

std::vector<ChronologyRow> BuildChronology(const std::vector<Event>& events,
                                           const ChronologyOptions& options) {
  bool ko = options.lang != "en";
  std::vector<const Event*> sorted;
  for (const Event& e : events) sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Event* a, const Event* b) {
    if (a->date.begin != b->date.begin) return a->date.begin < b->date.begin;
    if (a->date.Days() != b->date.Days()) return a->date.Days() > b->date.Days();
    return (a->code == "042") > (b->code == "042");  // a visit heads the meetings it holds
  });
  std::vector<bool> used(sorted.size(), false);
  std::vector<ChronologyRow> rows;
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (used[i]) continue;
    const Event& head = *sorted[i];
    used[i] = true;
    std::vector<const Event*> group{&head};
    // A visit gathers what its visitor did with the host while there.
    if (head.code == "042") {
      for (size_t j = i + 1; j < sorted.size(); ++j) {
        const Event& o = *sorted[j];
        if (used[j] || !SameDyadEitherWay(head, o) || !head.date.Contains(o.date)) continue;
        if (o.date.precision != DatePrecision::kDay && !(o.date == head.date)) continue;
        used[j] = true;
        // One telling per kind of act: the host's "면담" and the visitor's are one meeting.
        bool dup = false;
        for (const Event*& g : group) {
          // The same act between the same actors (not merely states): 노광철 and 김정은 are two
          // meetings of a visiting minister, the host's and the visitor's "면담" one.
          bool same_actors = (g->source == o.source && g->target == o.target) ||
                             (g->source == o.target && g->target == o.source);
          if (g == &head || g->code != o.code || !SameDyadEitherWay(*g, o) || !same_actors)
            continue;
          dup = true;
          // Keep the visitor's telling: the row reads from the visitor's side.
          if (Side(*g, true) != Side(head, true) && Side(o, true) == Side(head, true)) g = &o;
        }
        if (!dup) group.push_back(&o);
      }
    }
    ChronologyRow row;
    row.date = head.date;
    const std::string& actor = ko ? head.source_label_ko : head.source_label_en;
    std::string content = actor + (ko ? " " : " ");
    std::set<std::string> seen;
    for (size_t k = 0; k < group.size(); ++k) {
      const Event& e = *group[k];
      std::string part;
      if (Side(e, true) == Side(head, true) || k == 0) {
        part = ko ? e.action_ko : e.action_en;
      } else {
        // The host acting toward the visitor: name the host.
        part = ko ? e.source_label_ko + " " + e.action_ko : e.source_label_en + " " + e.action_en;
      }
      if (!seen.insert(part).second) continue;
      if (k > 0) content += ko ? ", " : "; ";
      content += part;
    }
    row.content = content;
    std::set<std::string> docs;
    for (const Event* e : group)
      for (const Mention& m : e->mentions) docs.insert(BaseName(m.doc));
    for (const std::string& d : docs) row.sources += (row.sources.empty() ? "" : "; ") + d;
    rows.push_back(std::move(row));
  }
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
