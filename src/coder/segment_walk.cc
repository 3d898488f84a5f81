// Passes 2 and 3: phrases, predicates and clauses; dates in text order and for each predicate.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "coder/ko_segment.h"

namespace dyad::kocoder {

// ---- pass 2: noun phrases, predicates, clauses ----
void SegmentCoder::Walk() {
  int clause = 0;
  int np_start = -1;
  clause_ending_.clear();
  // Closes the current clause, remembering how it ended (a quoted complement, a condition…).
  clause_serial_.clear();
  int cur = 0;         // the unit being walked, for next_clause
  int closed_at = -1;  // the unit that closed the last clause
  auto next_clause = [&](Ending e) {
    clause_ending_.resize(clause + 1, Ending::kNone);
    clause_serial_.resize(clause + 1, false);
    clause_ending_[clause] = e;
    // -고/-아/-어 chain verbs ("가지고 나오다"); -며 and -자 coordinate clauses.
    std::string_view w = Word(cur);
    clause_serial_[clause] = EndsWith(w, "고") || EndsWith(w, "아") || EndsWith(w, "어") ||
                             EndsWith(w, "여") || EndsWith(w, "해") || EndsWith(w, "서");
    closed_at = cur;
    ++clause;
  };
  int last_np_closed_at = -1;
  auto close_np = [&](int last, Role role, bool comma) {
    if (np_start >= 0 && last >= np_start) {
      nps_.push_back({np_start, last, role, clause, comma});
      last_np_closed_at = last;
    }
    np_start = -1;
  };
  int n = static_cast<int>(units_.size());
  for (int k = 0; k < n; ++k) {
    cur = k;
    Unit& u = units_[k];
    // In a headline row the quotation is the headline's content ("김여정 담화, 일본과의 “어떠한
    // 접촉과 협상도 거부”"); in narrative it is speech, not narration.
    if (u.quoted && !is_row()) continue;
    if (u.punct) {
      if (u.ch == ',' && !u.paren) {
        close_np(k - 1, Role::kNone, true);
        if (is_row()) next_clause(Ending::kConnective);
      }
      if (u.ch == 0x201D && k + 1 < n && !units_[k + 1].punct) {
        // “…”고 / “…”라고: the quotation closes a clause of its own.
      }
      continue;
    }
    if (u.paren && u.date < 0) continue;
    if (k > 0 && units_[k - 1].punct &&
        (units_[k - 1].ch == 0x201D || units_[k - 1].ch == 0x2019)) {
      // “…”고 / “…”이라고 / “…”라며: the quotation's marker, not a clause of its own.
      std::string_view w = Text(u.b, u.e);
      bool marker = false;
      for (std::string_view q :
           {"고", "라고", "이라고", "라며", "이라며", "며", "하고", "라는", "이라는", "는"})
        marker |= w == q;
      if (marker) continue;
    }
    if (u.date >= 0) {
      date_units_.push_back({k, clause});
      // A date word may carry a particle that ends a phrase: "11월에는".
      continue;
    }
    if (u.particle_only) {
      // "…대통령(이하 푸틴)과": the particle after the parenthesis ends the phrase before it.
      if (np_start >= 0) {
        close_np(k - 1, u.suf.role, false);
      } else if (!nps_.empty() && last_np_closed_at >= 0 && nps_.back().role == Role::kNone) {
        nps_.back().role = u.suf.role;
      }
      continue;
    }
    if (u.consumed) continue;
    const Action* act = ActionOf(u, false);
    if (act != nullptr) {
      Pred p;
      p.unit = k;
      p.action = act;
      p.clause = clause;
      bool is_pred = false;
      int next = NextContent(k);
      const Action* light =
          next >= 0 && !units_[next].punct ? ActionOf(units_[next], true) : nullptr;
      // "협상 결렬을 선언했다", "지지를 표명했다": a statement whose object is an act is that
      // act.
      if (light == nullptr && next >= 0 && !units_[next].punct && act->frame != Frame::kSay &&
          u.suf.kind == Suffix::Kind::kParticles && u.suf.role == Role::kObject &&
          units_[next].suf.kind == Suffix::Kind::kVerbal) {
        const Action* said = ActionOf(units_[next], false);
        if (said != nullptr && said->frame == Frame::kSay) light = said;
      }
      // "결의 2356호를 만장일치로 채택했고": a few plain words may stand between noun and light
      // verb.
      for (int j = next, hops = 0; light == nullptr && j >= 0 && hops < 3;
           j = NextContent(j), ++hops) {
        const Unit& x = units_[j];
        if (x.punct || x.date >= 0 || IsActorish(x) || x.suf.kind == Suffix::Kind::kVerbal) {
          if (!x.punct && x.suf.kind == Suffix::Kind::kVerbal && ActionOf(x, true) != nullptr &&
              hops > 0) {
            light = ActionOf(x, true);
            next = j;
          }
          break;
        }
        if (ActionOf(x, false) != nullptr) break;
        if (ActionOf(x, true) != nullptr && hops > 0) {
          light = ActionOf(x, true);
          next = j;
          break;
        }
        // Only identifiers (2356호를) and adverbials (만장일치로, 공식) may stand between; a verb
        // nominalised in -기로 ("취하하기로 했다") is a clause of its own.
        std::string_view xw = Text(x.b, x.e);
        if (EndsWith(xw, "기로")) break;
        bool ident = !xw.empty() && xw[0] >= '0' && xw[0] <= '9';
        bool adverbial = x.suf.kind == Suffix::Kind::kParticles && x.suf.role == Role::kDirection;
        bool adverb = false;
        for (const std::string& a : lex_.korean_words().between_adverbs)
          adverb |= xw == a;  // "제재 대상에 추가했다"
        if (EndsWith(xw, "대상에") || EndsWith(xw, "대상으로")) adverb = true;
        // "지원을 활발하게 하는": an adverb in -하게 may stand between.
        if (x.suf.kind == Suffix::Kind::kEmpty && EndsWith(xw, "하게")) adverb = true;
        if (!ident && !adverbial && !adverb) break;
      }
      // The plain light verb 하다 carries only the noun right before it, or across a -하게
      // adverb ("지원을 활발하게 하는"): "한미동맹을 축으로 하되" makes something else of its
      // object, and "하나" is more often "one" than "does but".
      if (light != nullptr && light->expr == "하다") {
        bool adjacent = next == NextContent(k);
        if (!adjacent && NextContent(NextContent(k)) == next)
          adjacent = EndsWith(Word(NextContent(k)), "하게");
        if (!adjacent || Word(next) == "하나") light = nullptr;
      }
      // "정상회담에 응할", "협상에 복귀": some light verbs take their action in the dative.
      bool dative_light = light != nullptr && u.suf.kind == Suffix::Kind::kParticles &&
                          u.suf.role == Role::kDative && light->dative;
      // "회담이 열렸다", "회담이 개최됐다": with a subject particle only a passive light verb.
      if (light != nullptr && u.suf.kind == Suffix::Kind::kParticles &&
          u.suf.role != Role::kObject && !dative_light) {
        std::string_view lw = Text(units_[next].b, units_[next].e);
        bool passive =
            lw.find("됐") != std::string_view::npos || lw.find("되") != std::string_view::npos ||
            lw.find("렸") != std::string_view::npos || lw.find("열리") != std::string_view::npos ||
            lw.find("열린") != std::string_view::npos;
        if (!passive) light = nullptr;
      }
      bool noun_ok = u.suf.kind == Suffix::Kind::kEmpty || dative_light ||
                     (u.suf.kind == Suffix::Kind::kParticles &&
                      (u.suf.role == Role::kObject || u.suf.role == Role::kSubject ||
                       u.suf.role == Role::kTopic));
      if (u.suf.kind == Suffix::Kind::kVerbal) {
        is_pred = true;
        p.ending = u.suf.ending;
      } else if (!is_row() && act->frame == Frame::kMeet && act->symmetric && !u.verb_stem &&
                 u.suf.kind == Suffix::Kind::kParticles && u.suf.role == Role::kLocative &&
                 (!u.compound.empty() || (k > 0 && !units_[k - 1].compound.empty())) &&
                 HeldBefore(u.compound.empty() ? k - 1 : k)) {
        // "2002년 평양에서 개최된 북일수뇌회담에서 …": a meeting the sentence says was held,
        // named for its sides and as the occasion of what follows, took place.
        is_pred = true;
        p.ending = Ending::kNone;
      } else if (u.suf.kind == Suffix::Kind::kCopula && !u.verb_stem && DefinesEvent(k)) {
        // "…이 1994년 10월 21일 맺은 외교적 국제 합의이다": a definition that tells the event.
        is_pred = true;
        p.ending = Ending::kFinal;
        for (int j = k - 1; j >= 0 && j >= k - 5; --j)
          if (const Action* m = ActionOf(units_[j], true); m != nullptr && m->concludes)
            p.concluded = true;
      } else if (noun_ok && light != nullptr && !u.verb_stem &&
                 (units_[next].suf.kind == Suffix::Kind::kVerbal ||
                  (is_row() && units_[next].suf.kind == Suffix::Kind::kEmpty))) {
        is_pred = true;
        p.light = next;
        p.ending = units_[next].suf.kind == Suffix::Kind::kVerbal ? units_[next].suf.ending
                                                                  : Ending::kConnective;
        p.reciprocal = light->reciprocal;
        p.intent = light->intent;
        p.concluded = light->concludes;
        if (light->negates) p.mode = EventMode::kNegated;  // "회담이 무산되었다"
        units_[next].consumed = true;
        // "비난 담화 발표", "규탄 성명을 냈다": a statement named by the act it carries is that
        // act.
        if (act->frame == Frame::kSay && k > 0 && !units_[k - 1].punct &&
            units_[k - 1].suf.kind == Suffix::Kind::kEmpty) {
          const Action* carried = ActionOf(units_[k - 1], false);
          if (carried != nullptr && carried->frame == Frame::kAct) p.action = carried;
        }
      } else if (is_row() && u.suf.kind == Suffix::Kind::kEmpty) {
        bool end = next < 0;
        bool before_break =
            end ||
            (units_[next].punct &&
             (units_[next].ch == ',' || units_[next].ch == '(' || units_[next].ch == '|' ||
              units_[next].ch == 0x201D || units_[next].ch == 0x2018)) ||
            Word(next) == "및" || Word(next) == "등" ||
            // "… 정상회담 6/19": the row's date cell set after its content closes it.
            (units_[next].date >= 0 && NextContent(next) < 0);
        // A parenthesis right after the noun: "정상회담(9/13)".
        if (!end && units_[k + 1 < n ? k + 1 : k].punct && units_[k + 1].ch == '(')
          before_break = true;
        if (before_break) {
          is_pred = true;
          p.ending = end ? Ending::kFinal : Ending::kConnective;
        }
      }
      if (is_pred) {
        close_np(k - 1, Role::kNone, false);
        // A compound noun ending in the action ("북러 경제공동위원회 회의를") keeps its words
        // as the predicate's own phrase, already closed above.
        int after = p.light >= 0 ? p.light : k;
        int nx = NextContent(after);
        std::string_view nw = Word(nx);
        if (p.ending == Ending::kConditional) p.mode = EventMode::kHypothetical;
        if (p.ending == Ending::kNegAux && (nw.substr(0, 3) == "않" || nw.substr(0, 3) == "못"))
          p.mode = EventMode::kNegated;
        if (p.ending == Ending::kAdnominal) {
          // "방문할 것으로 전망" is a forecast; "방문한 것은" is the fact of a visit.
          std::string_view pw = Word(p.light >= 0 ? p.light : k);
          char32_t last = utf8::Last(pw);
          bool prospective = utf8::IsHangulSyllable(last) && utf8::Decompose(last).tail == 8;
          for (const std::string& w : lex_.korean_words().expect_nouns)
            if (nw.substr(0, w.size()) == w) p.mode = EventMode::kExpected;
          if (nw.substr(0, 6) == "경우") p.mode = EventMode::kHypothetical;
          if (prospective && nw.substr(0, 3) == "것") p.mode = EventMode::kExpected;
          // "그간 중단되었던 협의체", "단절되었던 채널": a past state described, not an event.
          if (EndsWith(pw, "던")) p.background = true;
          // "만날 수 있다" offers; "만날 수 없다" refuses.
          if (nw == "수") {
            std::string_view after = Word(NextContent(nx));
            if (after.substr(0, 3) == "있")
              p.intent = true;
            else
              p.mode = EventMode::kNegated;
          }
          // "만날 용의가 있다" intends; "협상할 의욕이 없다" refuses.
          for (const std::string& w : lex_.korean_words().intent_nouns)
            if (nw.substr(0, w.size()) == w) {
              if (Word(NextContent(nx)).substr(0, 3) == "없")
                p.mode = EventMode::kNegated;
              else
                p.intent = true;
            }
        }
        if (nw.substr(0, 3) == "싶") p.intent = true;  // 갖고 싶다
        // "제재압박과 북침전쟁소동에 매달리였다": an act joined by 과/와 to the one a light verb
        // carries is carried too.
        if (p.light >= 0 && k > 0 && !units_[k - 1].consumed && !units_[k - 1].quoted &&
            units_[k - 1].suf.kind == Suffix::Kind::kParticles &&
            units_[k - 1].suf.role == Role::kComitative && !IsActorish(units_[k - 1]))
          if (const Action* joined = ActionOf(units_[k - 1], false);
              joined != nullptr && joined->frame == Frame::kAct) {
            Pred q = p;
            q.unit = k - 1;
            q.action = joined;
            preds_.push_back(q);
          }
        preds_.push_back(p);
        Ending e = p.ending;
        bool boundary = e == Ending::kFinal || e == Ending::kConnective || e == Ending::kQuote ||
                        e == Ending::kConditional || e == Ending::kPurpose || e == Ending::kNominal;
        if (e == Ending::kAdnominal && ClosesAboutClause(nx)) {
          boundary = true;
          e = Ending::kNominal;
        } else if (e == Ending::kAdnominal) {
          for (const std::string& w : lex_.korean_words().boundary_nouns)
            if (nw == w) boundary = true;
          if (!boundary) preds_.back().rel_head = nx;
          // "공화국을 반대하는 대규모의 핵전쟁연습": a verb of aim modifying an act names the
          // act's target; it is no act of its own.
          bool aim = false;
          for (const std::string& w : lex_.korean_words().aim_verbs) aim |= p.action->expr == w;
          for (int j = nx, hops = 0; aim && j >= 0 && hops < 3; j = NextContent(j), ++hops) {
            const Action* head = units_[j].punct ? nullptr : ActionOf(units_[j], false);
            if (head != nullptr && head != p.action) {
              preds_.back().background = true;
              break;
            }
          }
        }
        if (boundary) next_clause(e);
        continue;
      }
    }
    // "… 왜곡한 데 대해": a clause the rest of the sentence speaks about, closed by a bound noun.
    // (A predicate or verb before it has closed the clause already.)
    if (!u.punct && k > 0 && closed_at != k - 1 && IsAdnominalForm(Word(k - 1)) &&
        ClosesAboutClause(k)) {
      close_np(k - 1, Role::kNone, false);
      next_clause(Ending::kNominal);
      continue;
    }
    // "… 선택할 경우": a condition closed by a bound noun, as -면 closes one.
    if (!u.punct && k > 0 && Word(k).substr(0, 6) == "경우" && IsAdnominalForm(Word(k - 1))) {
      close_np(k - 1, Role::kNone, false);
      next_clause(Ending::kConditional);
      continue;
    }
    if (u.unknown_verbal || (ActionOf(u, true) != nullptr && u.suf.kind == Suffix::Kind::kVerbal)) {
      close_np(k - 1, Role::kNone, false);
      Ending e = u.suf.ending;
      if (e == Ending::kAdnominal && ClosesAboutClause(NextContent(k)))
        next_clause(Ending::kNominal);
      else if (e != Ending::kAdnominal && e != Ending::kNegAux && e != Ending::kOther)
        next_clause(e);
      continue;
    }
    if (is_row() && Word(k) == "및" && !preds_.empty() && preds_.back().clause == clause &&
        np_start < 0) {
      next_clause(Ending::kConnective);
      continue;
    }
    if (np_start < 0) np_start = k;
    if (u.suf.kind == Suffix::Kind::kParticles && u.suf.role != Role::kNone) {
      close_np(k, u.suf.role, false);
    } else if (u.suf.kind == Suffix::Kind::kCopula) {
      close_np(k, Role::kNone, false);
      next_clause(u.suf.ending);
    }
  }
  close_np(n - 1, Role::kNone, false);
}

// ---- pass 3: dates in text order ----
// Relative dates against the document's date when it has one: "지난해" and "지난달" count from
// the day the text was written, and a bare day ("26일", "지난 24일~29일") with no month in force
// is the latest such day on or before it. Otherwise against the narrative (ko::ResolveDate).
std::optional<DateSpan> SegmentCoder::ResolveAgainstDocument(const ko::RawDate& r, int year,
                                                             int month,
                                                             const std::optional<DateSpan>& prev) {
  using Kind = ko::RawDate::Kind;
  if (in_.doc_date && !is_row()) {
    const Date& doc = *in_.doc_date;
    if (r.kind == Kind::kRelYear || r.kind == Kind::kRelMonth)
      return ko::ResolveDate(r, doc.year, doc.month, DateSpan::Day(doc));
    // "이날" with no day in force yet: the day the story was written.
    if (r.kind == Kind::kSame && !prev) return DateSpan::Day(doc);
    bool bare_day = r.kind == Kind::kAbsolute && r.year == 0 && r.month == 0 && r.day != 0;
    // A bare day not anchored in its own paragraph ("북한이 6일 …" in a news story) is the
    // story's: a month a previous paragraph named (a photo caption's "지난 2월") does not hold.
    if (bare_day && (!prev || prev_carried_)) {
      int y = doc.year, m = doc.month;
      if (r.day > doc.day) {  // not yet this month: last month's
        if (--m == 0) m = 12, --y;
      }
      return ko::ResolveDate(r, y, m, prev);
    }
  }
  return ko::ResolveDate(r, year, month, prev);
}

void SegmentCoder::ResolveDates() {
  resolved_.assign(raw_dates_.size(), std::nullopt);
  timeline_.assign(raw_dates_.size(), false);
  reference_.assign(raw_dates_.size(), false);
  for (size_t d = 0; d < raw_dates_.size(); ++d) reference_[d] = IsReference(raw_dates_[d]);
  // A paragraph opening on "이튿날" or a bare day counts from where the last one ended.
  std::optional<DateSpan> prev = ps_->date ? ps_->date : ps_->carried;
  prev_carried_ = !ps_->date && ps_->carried.has_value();
  for (size_t d = 0; d < raw_dates_.size(); ++d) {
    const ko::RawDate& r = raw_dates_[d];
    int year = ps_->year, month = ps_->month;
    if (is_row() && table_year_ != 0) year = table_year_;
    // "29일", "이틀 뒤인 29일": a bare day belongs to the month of the date before it.
    if (r.month == 0 && r.day != 0 && prev) year = prev->begin.year, month = prev->begin.month;
    if (r.month == 0 && r.day != 0 && !prev && ps_->carried &&
        ps_->carried->precision != DatePrecision::kYear)
      year = ps_->carried->begin.year, month = ps_->carried->begin.month;
    std::optional<DateSpan> s = ResolveAgainstDocument(r, year, month, prev);
    // A paragraph whose first date would run back before the story so far has moved on a
    // year: after an introduction recalling "2018년 6월 싱가포르 …", "1월 1일 신년사" is the
    // brief's own year. Not within a paragraph ("이에 앞서 9월 19일"), nor past the
    // document's year.
    if (s && !is_row() && !ps_->dated && r.year == 0 && r.kind == ko::RawDate::Kind::kAbsolute &&
        ps_->last_timeline && s->end.ToDays() < ps_->last_timeline->begin.ToDays() - 31 &&
        ps_->year != 0 && ps_->year < in_.year) {
      ps_->year += 1;
      s = ResolveAgainstDocument(r, ps_->year, month, prev);
    }
    resolved_[d] = s;
    if (!s) continue;
    if (!reference_[d] && s->precision != DatePrecision::kYear) ps_->dated = true;
    // A reference point still anchors the bare days after it ("5월 7일 취임 이후 … 16일부터"),
    // unless it lies in another year ("2011년 12월 … 방문 이후 … 16일").
    bool other_year = r.year != 0 && r.year != ps_->year;
    if (s->precision != DatePrecision::kYear && !(reference_[d] && other_year)) {
      prev = s;
      prev_carried_ = false;
    }
    bool opens = OpensSentence(r.begin);
    if (r.year != 0 && !is_row() && MovesTimeline(r, d, opens)) {
      ps_->year = r.year;
      if (r.month != 0) ps_->month = r.month;
      timeline_[d] = true;
    } else if (r.year == 0 && s->precision != DatePrecision::kYear) {
      ps_->month = s->begin.month;
      timeline_[d] = true;
    }
  }
}

// Whether an explicit year moves the narrative's year in force: where it opens the sentence
// ("2024년 3월 …", "2024년에는 …"), or dates an event of its own clause ("총리는 2023년 5월 27일
// … 밝혔다"). Not a reference point ("2016년 2월 이후 단절된"), nor a year naming background
// ("2017년 북한의 핵실험", "2023년 9월 보스토치니 정상회담에서 마련된 토대").
bool SegmentCoder::MovesTimeline(const ko::RawDate& r, size_t index, bool opens) const {
  std::string_view after = Text(seg_.begin + r.end, seg_.end);
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  for (std::string_view w :
       {"이후", "이래", "부터", "까지", "이전", "전", "만에", "만의", "당시", "대비"})
    if (after.substr(0, w.size()) == w) return false;
  if (IsReference(r)) return false;
  if (opens && r.month != 0) return true;
  if (opens) {
    for (std::string_view w :
         {"에", "들어", "중", "한 해", "상반기", "하반기", "초", "말", "연말", "연초"})
      if (after.substr(0, w.size()) == w) return true;
    return false;
  }
  if (r.month == 0) return false;
  // The date dates an event: an actual predicate follows it in the sentence with no other
  // date between ("총리는 2023년 5월 27일 … 실현하기 위해 … 협의를 갖고 싶다고 밝혔다").
  int at = -1;
  for (auto [k, clause] : date_units_)
    if (units_[k].date == static_cast<int>(index) && at < 0) at = k;
  if (at < 0) return false;
  for (const Pred& p : preds_) {
    if (p.unit <= at || p.mode != EventMode::kActual || p.background) continue;
    bool other_date = false;
    for (auto [k, clause] : date_units_)
      other_date |= k > at && k < p.unit && units_[k].date != static_cast<int>(index);
    if (!other_date) return true;
  }
  return false;
}

// A date followed within a few words by "전후", "앞두고", "이후"… dates a point of
// reference ("6월 12일 싱가포르 북미 정상회담을 전후하여"), not the predicate.
bool SegmentCoder::IsReference(const ko::RawDate& r, bool* after_it) const {
  if (after_it != nullptr) *after_it = false;
  // A table's date cell dates its row whatever follows ("5/21 히로시마 G7 계기 …").
  if (is_row() || r.numeric) return false;
  std::string_view after = Text(seg_.begin + r.end, seg_.end);
  int words = 0;
  for (size_t i = 0; i < after.size() && words < 5;) {
    while (i < after.size() && after[i] == ' ') ++i;
    size_t j = after.find(' ', i);
    std::string_view w =
        after.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i);
    // ("계기로" is not among them: an occasion and the event on it share their date.)
    for (const std::string& ref : lex_.korean_words().reference_words)
      if (w.substr(0, ref.size()) == ref) return true;
    for (const std::string& ref : lex_.korean_words().after_words)
      if (w.substr(0, ref.size()) == ref) {
        if (after_it != nullptr) *after_it = true;
        return true;
      }
    if (w.find("다.") != std::string_view::npos || w.find(',') != std::string_view::npos) break;
    if (j == std::string_view::npos) break;
    i = j + 1;
    ++words;
  }
  return false;
}

bool SegmentCoder::SubjectBefore(int clause, int unit) const {
  for (const NP& np : nps_)
    if (np.clause == clause && np.role == Role::kSubject && np.last < unit) return true;
  return false;
}

bool SegmentCoder::ClosesAboutClause(int k) const {
  // "북한이 구상을 왜곡한 데 대해 유감을 표명했다": the clause before 데/것/점 대해 is what the
  // statement is about; its subject is not the speaker.
  if (k < 0) return false;
  std::string_view w = Word(k);
  if (w != "데" && w != "것에" && w != "점에" && w != "데에") return false;
  std::string_view next = Word(NextContent(k));
  return next == "대해" || next == "대하여" || next == "대해서" || next == "대한";
}

bool SegmentCoder::IsComplement(int clause) const {
  // Serial verbs stay inside the complement they lead into: in "미국이 계산법을 가지고
  // 나온다면" the clause closed by 가지고 is part of the condition.
  while (clause >= 0 && clause < static_cast<int>(clause_ending_.size())) {
    Ending e = clause_ending_[clause];
    if (e == Ending::kQuote || e == Ending::kConditional || e == Ending::kPurpose ||
        e == Ending::kNominal)
      return true;
    if (e != Ending::kConnective || clause >= static_cast<int>(clause_serial_.size())) return false;
    // "북한이 … 거론하며 … 왜곡한 데 대해": coordinate clauses leading into a clause spoken
    // about are part of it.
    bool into_about = clause + 1 < static_cast<int>(clause_ending_.size()) &&
                      clause_ending_[clause + 1] == Ending::kNominal;
    if (!clause_serial_[clause] && !into_about) return false;
    bool own_subject = false;
    for (const NP& np : nps_)
      own_subject |=
          np.clause == clause + 1 && (np.role == Role::kSubject || np.role == Role::kTopic);
    if (own_subject) return false;
    ++clause;
  }
  return false;
}

// Whether a date at byte `at` of the segment opens it: nothing before it but a connective
// adverb ("한편", "이어", "그러나").
bool SegmentCoder::OpensSentence(uint32_t at) const {
  std::string_view before = Text(seg_.begin, seg_.begin + at);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.empty()) return true;
  if (before.find(' ') != std::string_view::npos) return false;
  for (std::string_view w : {"한편", "이어", "이어서", "그러나", "하지만", "또한", "특히", "반면",
                             "다만", "이후", "앞서", "이에", "결국", "그리고", "또"})
    if (before == w || before == std::string(w) + ",") return true;
  return false;
}

// The date of a predicate: a date in parentheses right after it, else the nearest date of
// its clause before it (then after it), else the date in force at its position.
std::optional<DateSpan> SegmentCoder::DateFor(const Pred& p, bool* carried) {
  *carried = false;
  date_unit_ = -1;
  int anchor = p.light >= 0 ? p.light : p.unit;
  if (anchor + 1 < static_cast<int>(units_.size()) && units_[anchor + 1].punct &&
      units_[anchor + 1].ch == '(') {
    for (int j = anchor + 2; j < static_cast<int>(units_.size()) && units_[j].paren; ++j)
      if (units_[j].date >= 0 && resolved_[units_[j].date]) return resolved_[units_[j].date];
  }
  std::optional<DateSpan> before, after, in_force, first, stmt_date;
  int before_k = -1, after_k = -1;
  for (auto [k, clause] : date_units_) {
    const auto& s = resolved_[units_[k].date];
    if (!s || units_[k].paren || reference_[units_[k].date]) continue;
    if (k < p.unit) {
      // A period of validity ("8일부터 2025년 말까지") is not when the act took place.
      bool period = s->Days() > 62 && s->precision == DatePrecision::kDay;
      // A coarser date containing the one before it is a frame ("21일 … 올해 들어 세 번째로").
      bool frame = before && s->precision > before->precision && s->Contains(*before);
      if (clause == p.clause && !(period && before) && !frame) before = s, before_k = k;
      if (!first && s->precision != DatePrecision::kYear) first = s;
      // A date inside a quoted complement or a condition ("… 준비가 7월에 끝나면") dates what
      // is said, not the saying: a date after the complement's own subject. One before it
      // ("부상은 12월 3일 담화에서 미국이 … 불과하다고") belongs to the speaker's clause.
      if (IsComplement(clause) && clause != p.clause && SubjectBefore(clause, k)) continue;
      if (s->precision != DatePrecision::kYear || raw_dates_[units_[k].date].begin == 0)
        in_force = s;
    } else if ((clause == p.clause || is_row()) && !after) {
      // A row is one line of a table: its date cell dates it wherever it stands
      // ("남북 기본합의서 | 1991년 12월 13일 |").
      after = s;
      after_k = k;
    }
  }
  // An intention is dated when it is voiced, not by the year it is meant for ("2019년에도").
  if (p.intent && first && (!before || before->precision == DatePrecision::kYear)) return first;
  // A year or month naming the act ("2018년 북미정상회담 | 2018년 6월 12일") is refined by the day
  // after it that it contains.
  if (before && after && after->precision < before->precision && before->Contains(*after)) {
    date_unit_ = after_k;
    return after;
  }
  if (before) {
    date_unit_ = before_k;
    return before;
  }
  if (after) {
    date_unit_ = after_k;
    return after;
  }
  // The saying is dated where the sentence starts ("6월 9일 … 푸틴은 … 밝혔다"), not by a
  // date in what is said.
  // "최선희 제1부상은 5일 담화를 통해 … 맞받았다": the date of the statement itself.
  if (p.action->frame == Frame::kSay) {
    for (auto [k, clause] : date_units_) {
      if (k >= p.unit || !resolved_[units_[k].date] || units_[k].paren) continue;
      int n = NextContent(k);
      while (n >= 0 && units_[n].date >= 0) n = NextContent(n);
      if (n < 0 || n >= p.unit) continue;
      const Action* x = ActionOf(units_[n], false);
      std::string_view w = Text(units_[n].b, units_[n].e);
      bool vehicle = x != nullptr && x->frame == Frame::kSay;
      for (const std::string& v : lex_.korean_words().speech_vehicles)
        vehicle |= w.substr(0, v.size()) == v;
      if (vehicle) stmt_date = resolved_[units_[k].date];
    }
    if (stmt_date) return stmt_date;
    // "페스코프 대변인은 10일 … 일축했으나, 국가정보원은 18일 … 공개했다": the first date after
    // the speaker's own topic. A topic (은/는) scopes over the sentence, even when it stands in
    // the clause a quotation closes.
    int topic = -1;
    for (const NP& np : nps_)
      if (np.role == Role::kTopic && np.last < p.unit) topic = np.first;
    for (auto [k, clause] : date_units_) {
      if (topic < 0 || k <= topic || k >= p.unit || units_[k].paren) continue;
      const auto& s = resolved_[units_[k].date];
      if (s && !reference_[units_[k].date] && s->precision != DatePrecision::kYear) return s;
    }
  }
  if ((p.action->frame == Frame::kSay || p.intent) && first) return first;
  if (in_force) return in_force;
  // "2001년 9·11 테러 이후 … 언급하는 등": after a point of reference and with no date of its
  // own, the act falls between that point and the end of the year after it.
  std::optional<DateSpan> since;
  for (auto [k, clause] : date_units_) {
    bool after_it = false;
    if (k >= p.unit || units_[k].paren || !resolved_[units_[k].date]) continue;
    if (IsReference(raw_dates_[units_[k].date], &after_it) && after_it)
      since = resolved_[units_[k].date];
  }
  if (since && (!ps_->date || ps_->date->end < since->begin))
    return DateSpan{since->begin, Date{since->begin.year + 1, 12, 31}, DatePrecision::kYear};
  *carried = ps_->date.has_value();
  return ps_->date;
}

// "2018년 3월과 5월에 … 정상회담을 가졌다", "4월 27일과 5월 26일에": dates joined by 과/와, a
// comma or 및 date one act each. The other dates of the chain the predicate's date unit ends or
// starts, in text order; none when it stands alone.
std::vector<DateSpan> SegmentCoder::CoordinatedDates(int k) const {
  std::vector<DateSpan> out;
  const int n = static_cast<int>(units_.size());
  if (k < 0 || k >= n || units_[k].date < 0) return out;
  // A date may span several units ("2018년 4월 27일과", one date found in the text); its last
  // unit carries the connector.
  auto run_end = [&](int a) {
    while (a + 1 < n && units_[a + 1].date == units_[a].date) ++a;
    return a;
  };
  auto run_start = [&](int a) {
    while (a > 0 && units_[a - 1].date == units_[a].date) --a;
    return a;
  };
  // The run after the connector that closes the run ending at e, or -1.
  auto next_run = [&](int e) {
    std::string_view w = Word(e);
    int m = e + 1;
    bool joined = EndsWith(w, "과") || EndsWith(w, "와");
    if (!joined && m < n && ((units_[m].punct && units_[m].ch == ',') || Word(m) == "및")) {
      joined = true;
      ++m;
    }
    return joined && m < n && units_[m].date >= 0 ? run_end(m) : -1;
  };
  int last = run_end(k);
  int start = run_start(k);
  // Back to the first run of the chain.
  std::vector<int> ends{last};
  for (int s = start; s > 0;) {
    int e = s - 1;
    if (e >= 0 && units_[e].punct && units_[e].ch == ',') --e;
    if (e >= 0 && Word(e) == "및") --e;
    if (e < 0 || units_[e].date < 0 || next_run(e) != ends.front()) break;
    ends.insert(ends.begin(), e);
    s = run_start(e);
  }
  while (next_run(ends.back()) >= 0) ends.push_back(next_run(ends.back()));
  if (ends.size() < 2) return out;
  for (int e : ends) {
    const auto& d = resolved_[units_[e].date];
    if (e != last && d && !reference_[units_[e].date]) out.push_back(*d);
  }
  return out;
}

// Whether a passive light verb in the adnominal form ("개최된", "열린") stands right before unit k:
// the meeting k names was held.
bool SegmentCoder::HeldBefore(int k) const {
  int j = k - 1;
  while (j >= 0 && units_[j].punct) --j;
  if (j < 0) return false;
  const Action* light = ActionOf(units_[j], true);
  std::string_view w = Word(j);
  bool passive = w.find("된") != std::string_view::npos || w.find("열린") != std::string_view::npos;
  return light != nullptr && IsAdnominalForm(w) && !IsProspective(w) && passive;
}

// "제네바 합의는 북한과 미국이 1994년 10월 21일 맺은 합의이다", "… 평양에서 진행한 회담이다": an
// action noun with the copula closing the sentence, with a verb modifying it a few words before
// (맺은, 진행한), defines its topic by the event the modifying clause tells.
bool SegmentCoder::DefinesEvent(int k) const {
  int next = NextContent(k);
  if (next >= 0 && !(units_[next].punct && units_[next].ch == '.')) return false;
  for (int j = k - 1, hops = 0; j >= 0 && hops < 5; --j) {
    if (units_[j].punct || units_[j].paren) continue;
    ++hops;
    std::string_view w = Word(j);
    if (units_[j].suf.kind == Suffix::Kind::kVerbal && units_[j].suf.ending == Ending::kAdnominal)
      return true;
    if (units_[j].lex == nullptr && units_[j].suf.kind == Suffix::Kind::kEmpty &&
        IsAdnominalForm(w) && !IsProspective(w) && HasPastSyllable(w) == false && w.size() >= 6)
      return true;  // an unknown verb's past adnominal: 맺은, 가한
    // Bare nouns and genitives ("한반도 주변 6개국의") may stand between the verb and its head.
    bool genitive =
        units_[j].suf.kind == Suffix::Kind::kParticles && units_[j].suf.role == Role::kGenitive;
    if (units_[j].suf.kind != Suffix::Kind::kEmpty && !genitive) return false;
  }
  return false;
}

// Whether the predicate is told in the past: a syllable closed by ㅆ in its verb (했다,
// 하였습니다, 되였다, 가졌고) or, for an action noun standing alone, in the verb closing its
// clause (회담이 열렸다).
bool SegmentCoder::PastTense(const Pred& p) const {
  auto past = [&](int k) { return HasPastSyllable(Word(k)); };
  int anchor = p.light >= 0 ? p.light : p.unit;
  if (past(anchor)) return true;
  if (units_[anchor].suf.kind == Suffix::Kind::kVerbal || units_[anchor].verb_stem) return false;
  for (int k = anchor + 1; k < static_cast<int>(units_.size()) && k <= anchor + 4; ++k) {
    if (units_[k].punct) continue;
    if (past(k)) return true;
    if (ClauseOf(k) != p.clause) break;
  }
  return false;
}

// ---- actors ----
// A name the dictionaries lack, written right before an office with its state ("게오르기
// 지노비예프 주한 러시아대사", "윤정호 대외경제상"), is remembered for the rest of the document.
void SegmentCoder::LearnNames() {
  if (doc_ == nullptr) return;
  Date on = ps_->date ? ps_->date->begin : Date{ps_->year != 0 ? ps_->year : 2000, 7, 1};
  for (const NP& np : nps_) {
    int office = -1;
    for (int k = np.first; k <= np.last && office < 0; ++k) {
      const Unit& u = units_[k];
      if (u.paren || u.quoted || u.date >= 0) continue;
      if (u.country_word >= 0 || IsActorish(u)) office = k;
    }
    if (office <= np.first) continue;
    ActorRef ref = Resolve(np, on);
    if (!ref.valid() || ref.country.empty()) continue;
    bool person = false;
    for (int k = np.first; k <= np.last; ++k)
      if (units_[k].lex != nullptr)
        for (const LexEntry& e : *units_[k].lex)
          person |=
              e.kind == LexEntry::Kind::kActor && lex_.actors()[e.index].type == ActorType::kPerson;
    if (person) continue;
    for (int k = office - 1; k >= np.first && k >= office - 3; --k) {
      const Unit& u = units_[k];
      if (u.lex != nullptr || u.paren || u.quoted || u.punct || u.date >= 0 ||
          !u.compound.empty() || u.toward >= 0 || u.suf.kind != Suffix::Kind::kEmpty)
        break;
      std::string_view w = Text(u.b, u.e);
      if (w.size() < 6 || static_cast<unsigned char>(w[0]) < 0xE0) break;
      // "주한", "주일": stationed in, not a name; "신임", "전", "현": not names either.
      bool modifier =
          (w.size() == 6 && w.substr(0, 3) == "주") || w == "신임" || w == "초대" || w == "당시";
      if (modifier) continue;
      // "담화를 통해 미 전략정찰기가": a verb form (통해, 위해, 대해) left before the phrase is
      // not a name.
      bool verb_form = false;
      for (std::string_view v : {"해", "하여", "하고", "하며", "해서", "하면서"})
        verb_form |= EndsWith(w, v);
      if (verb_form) break;
      ActorRef learned = ref;
      learned.name = std::string(w);
      learned.label_ko = std::string(
          Text(u.b, units_[np.last].stem_e ? units_[np.last].stem_e : units_[np.last].e));
      doc_->learned.emplace(std::string(w), learned);
    }
  }
}

}  // namespace dyad::kocoder
