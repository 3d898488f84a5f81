// CodeKorean walks a document's segments in order, carrying what spans segments: the year and
// date in force and the last subject of a paragraph, a table's year and title dyad, names the
// document introduced. The passes over one segment are in ko_segment.h and segment_*.cc.
#include "coder/coder_ko.h"

#include <cstdlib>
#include <map>

#include "coder/ko_segment.h"
#include "dyad/act_phrase.h"

namespace dyad {

using kocoder::ActorRef;
using kocoder::DocState;
using kocoder::ParagraphState;
using kocoder::SegmentCoder;

namespace {

int YearIn(std::string_view s) {
  for (size_t i = 0; i + 7 <= s.size(); ++i) {
    if (s.substr(i + 4, 3) != "년") continue;
    bool digits = true;
    for (size_t k = 0; k < 4; ++k) digits &= s[i + k] >= '0' && s[i + k] <= '9';
    if (!digits || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
    int y = std::atoi(std::string(s.substr(i, 4)).c_str());
    if (y >= 1900 && y <= 2100) return y;
  }
  return 0;
}

}  // namespace

int KoreanDocumentYear(const CleanText& clean, const std::vector<Segment>& segments) {
  // A chronology table's title names the year a brief is about ("표 1. 2023년 … 주요일지"),
  // and so does a year opening the first sentence ("2023년 한일관계는 …"). Counting years is
  // the last resort: background years ("2011년 이후", "2011년 12월 … 이후") can outnumber it.
  for (const Segment& seg : segments)
    if (seg.kind == Segment::Kind::kTableTitle)
      if (int y = YearIn(clean.Slice(seg.begin, seg.end)); y != 0) return y;
  for (const Segment& seg : segments) {
    if (seg.kind != Segment::Kind::kSentence) continue;
    std::string_view t = clean.Slice(seg.begin, seg.end);
    int y = YearIn(t.substr(0, 7));
    if (y != 0) return y;
    break;
  }
  std::map<int, int> counts;
  std::string_view s = clean.text;
  for (size_t i = 0; i + 7 <= s.size(); ++i) {
    if (s.substr(i + 4, 3) != "년") continue;
    bool digits = true;
    for (size_t k = 0; k < 4; ++k) digits &= s[i + k] >= '0' && s[i + k] <= '9';
    if (!digits || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
    int y = std::atoi(std::string(s.substr(i, 4)).c_str());
    if (y >= 1900 && y <= 2100) ++counts[y];
  }
  int best = 0, n = 0;
  for (auto [y, c] : counts)
    if (c > n || (c == n && y > best)) best = y, n = c;
  return best;
}

// A bare statement (CAMEO 010) says what it does in its quotation: "“…대가를 치르게 될
// 것”" is a warning, "“…적대시 정책”" a criticism. The first cue of quote_cues_ko.tsv found in
// any of the event's quotations recodes it.
void ReadQuotations(const KoreanInput& in, std::vector<Event>* events) {
  const auto& cues = in.res->lexicon.quote_cues();
  for (Event& e : *events) {
    if (e.code != "010" || e.quotes.empty()) continue;
    for (const QuoteCue& c : cues) {
      bool found = false;
      for (const std::string& q : e.quotes) found |= q.find(c.cue) != std::string::npos;
      if (!found) continue;
      const CameoCode* cc = in.res->codebook.Find(c.code);
      if (cc == nullptr) break;
      e.code = c.code;
      e.goldstein = cc->goldstein;
      e.quad_class = cc->quad_class;
      e.action_ko = LabelAct(c.label_ko, {e.target_label_ko}, "ko");
      e.action_en = LabelAct(c.label_en, {e.target_label_en}, "en");
      break;
    }
  }
}

std::vector<Event> CodeKorean(const KoreanInput& in, std::vector<Unresolved>* unresolved) {
  std::vector<Event> out;
  ParagraphState ps;
  int table_year = 0;
  int section_year = 0;
  std::optional<DateSpan> last_timeline;   // the latest narrative date so far
  std::optional<DateSpan> last_narrative;  // the date in force after the last narrative segment
  std::vector<ActorRef> title_parties;
  DocState doc;
  size_t row_events_begin = 0;  // the events of the last table row, for its quotation lines
  for (const Segment& seg : *in.segments) {
    if (seg.kind != Segment::Kind::kTableTitle) continue;
    int y = YearIn(in.clean->Slice(seg.begin, seg.end));
    ParagraphState scratch;
    SegmentCoder title(in, seg, &scratch, y, &out);
    doc.parties = title.Parties(Date{y != 0 ? y : (in.year != 0 ? in.year : 2000), 7, 1});
    break;
  }
  // Else a document's title naming two states ("스위스-조선민주주의인민공화국 관계"): the pair
  // it is about, which "두 국가", "양국" name.
  // Or the line under it that lists the parties ("대한민국, 조선민주주의인민공화국, …, 미합중국 간
  // 회담" under "6자 회담").
  for (size_t s = 0; doc.parties.empty() && s < in.segments->size() && s < 2; ++s) {
    const Segment& line = (*in.segments)[s];
    std::string_view t = in.clean->Slice(line.begin, line.end);
    if (t.size() > 240 || t.find("다.") != std::string_view::npos) break;
    ParagraphState scratch;
    SegmentCoder title(in, line, &scratch, in.year, &out);
    std::vector<ActorRef> named = title.Parties(Date{in.year != 0 ? in.year : 2000, 7, 1});
    if (named.size() >= 2) doc.parties = named;
  }
  for (const Segment& seg : *in.segments) {
    if (seg.paragraph != ps.paragraph) {
      // The year in force carries from paragraph to paragraph; ResolveDates rolls it forward
      // when a new paragraph's first date would run back before the story so far.
      int year =
          section_year != 0 && ps.year == 0 ? section_year : (ps.year != 0 ? ps.year : in.year);
      ps = ParagraphState{};
      ps.paragraph = seg.paragraph;
      ps.year = year;
      ps.last_timeline = last_timeline;
      ps.carried = last_narrative;
    }
    if (seg.kind == Segment::Kind::kTableTitle) {
      int y = YearIn(in.clean->Slice(seg.begin, seg.end));
      table_year = y != 0 ? y : (ps.year != 0 ? ps.year : in.year);
      ParagraphState scratch;
      SegmentCoder title(in, seg, &scratch, table_year, &out);
      title_parties = title.Parties(Date{table_year != 0 ? table_year : 2000, 7, 1});
      continue;
    }
    if (seg.kind == Segment::Kind::kQuote) {
      // "- “…”" under a statement row: what the row's speaker said.
      std::string_view q = in.clean->Slice(seg.begin, seg.end);
      size_t open = q.find("“"), close = q.rfind("”");
      if (open != std::string_view::npos && close != std::string_view::npos && close > open)
        q = q.substr(open + 3, close - open - 3);
      for (size_t i = row_events_begin; i < out.size(); ++i) out[i].quotes.emplace_back(q);
      continue;
    }
    if (seg.kind == Segment::Kind::kHeading) {
      int y = YearIn(in.clean->Slice(seg.begin, seg.end));
      section_year = y;
      if (y != 0) ps.year = y;
      continue;
    }
    int ty = seg.kind == Segment::Kind::kTableRow ? (table_year != 0 ? table_year : in.year) : 0;
    if (seg.kind == Segment::Kind::kTableRow) ps.date.reset(), ps.source = ActorRef{};
    if (seg.kind != Segment::Kind::kTableRow && seg.paragraph != ps.paragraph)
      title_parties.clear();
    row_events_begin = out.size();
    SegmentCoder coder(in, seg, &ps, ty, &out, &doc);
    coder.set_unresolved(unresolved);
    if (seg.kind == Segment::Kind::kTableRow) coder.set_title_parties(&title_parties);
    coder.Run();
    coder.Finish();
    if (ps.date && !(seg.kind == Segment::Kind::kTableRow) &&
        (!last_timeline || last_timeline->begin < ps.date->begin))
      last_timeline = ps.date;
    if (ps.date && seg.kind != Segment::Kind::kTableRow) last_narrative = ps.date;
  }
  ReadQuotations(in, &out);
  return out;
}

}  // namespace dyad
