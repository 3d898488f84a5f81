// English documents coded with TABARI's dictionaries by TABARI's rules (dyad/tabari_coder.h).
#include <algorithm>

#include "coder/coder_en.h"
#include "dyad/english.h"
#include "dyad/tabari_coder.h"

namespace dyad {

std::vector<Event> CodeTabari(const EnglishInput& in, const tabari::Dictionaries& d,
                              std::vector<Unresolved>* unresolved) {
  std::vector<Event> out;
  tabari::Coder coder(&d);
  std::optional<Date> dateline = in.doc_date ? in.doc_date : en::Dateline(in.clean->text, in.year);
  Date anchor = dateline ? *dateline : Date{in.year != 0 ? in.year : 2000, 1, 1};
  std::optional<DateSpan> in_force;
  if (dateline) in_force = DateSpan::Day(*dateline);
  for (const Segment& seg : *in.segments) {
    if (seg.kind == Segment::Kind::kTableTitle || seg.kind == Segment::Kind::kHeading) continue;
    uint32_t begin = 0;
    std::string_view sentence = SentenceText(in, seg, &begin);
    // A sentence's own date, else the last day named, else the document's: TABARI codes a
    // record on the record's date; a document's sentences may name their own.
    std::optional<DateSpan> date = en::SentenceDate(
        sentence, anchor, in_force ? in_force->begin : anchor, nullptr, dateline.has_value());
    if (date && date->precision == DatePrecision::kDay) in_force = date;
    if (!date) date = in_force;
    if (!date && in.year != 0) date = DateSpan::Year(in.year);
    const Date& on = date ? date->begin : anchor;
    tabari::Coding c = coder.Code(sentence, on.year * 10000 + on.month * 100 + on.day);
    const auto span = in.clean->SpanOf(begin, seg.end);
    if (c.outcome != tabari::Coding::Outcome::kCoded) {
      if (unresolved != nullptr && c.outcome == tabari::Coding::Outcome::kComplex) {
        Unresolved u;
        u.doc = in.doc_path;
        u.span_begin = span.first;
        u.span_end = span.second;
        u.evidence = std::string(sentence);
        u.reason = "complex sentence";
        u.predicate = c.why;
        unresolved->push_back(std::move(u));
      }
      continue;
    }
    if (!date) continue;
    for (const tabari::CodedEvent& t : c.events) {
      Event e;
      e.date = *date;
      e.source = t.source;
      e.target = t.target;
      // The dictionaries' own scheme: a code the CAMEO codebook knows gets its weight and
      // class; another (WEIS, a project's own) is kept as written, unweighted.
      e.code = t.code;
      if (const CameoCode* cc = in.res->codebook.Find(t.code)) {
        e.goldstein = cc->goldstein;
        e.quad_class = cc->quad_class;
      }
      e.source_country = t.source.substr(0, 3);
      e.target_country = t.target.substr(0, 3);
      if (t.source_end > t.source_begin)
        e.source_name = std::string(sentence.substr(t.source_begin, t.source_end - t.source_begin));
      if (t.target_end > t.target_begin)
        e.target_name = std::string(sentence.substr(t.target_begin, t.target_end - t.target_begin));
      e.lang = "en";
      e.mode = EventMode::kActual;
      Mention m;
      m.doc = in.doc_path;
      m.span_begin = span.first;
      m.span_end = span.second;
      m.evidence = std::string(sentence);
      m.section = "text";
      m.date = e.date;
      e.mentions.push_back(std::move(m));
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace dyad
