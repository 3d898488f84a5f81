// Pass 4, the events: codes, labels for chronologies, and what carries to the next segment.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "coder/ko_segment.h"
#include "dyad/act_phrase.h"

namespace dyad::kocoder {

// The states and organisations a table title names ("2023년 북러 교류 주요일지" → PRK, RUS;
// "안보리 대북제재 결의" → IGOUNO, PRK): the dyad its rows are about.
std::vector<ActorRef> SegmentCoder::Parties(const Date& on) {
  BuildUnits();
  std::vector<ActorRef> out;
  auto add = [&](ActorRef r) {
    if (!r.valid()) return;
    for (const ActorRef& x : out)
      if ((x.country.empty() ? x.code : x.country) == (r.country.empty() ? r.code : r.country))
        return;
    out.push_back(std::move(r));
  };
  for (const Unit& u : units_) {
    if (u.punct) continue;
    for (int c : u.compound) add(StateRef(c));
    if (u.toward >= 0) add(StateRef(u.toward));
    if (u.country_word >= 0) add(StateRef(u.country_word));
    if (u.lex == nullptr) continue;
    // "중국 외교부 주요 성명": a bare ministry in a title is the state beside it, not the
    // author's own.
    bool ministry = false;
    for (const LexEntry& e : *u.lex)
      ministry |= e.kind == LexEntry::Kind::kActor && IsOwnMinistry(lex_.actors()[e.index]);
    if (ministry) continue;
    NP np{static_cast<int>(&u - units_.data()), static_cast<int>(&u - units_.data()), Role::kNone,
          0, false};
    if (IsActorish(u)) add(Resolve(np, on));
  }
  return out;
}

void SegmentCoder::Run() {
  BuildUnits();
  MarkScopes();
  MarkDates();
  Walk();
  FindQuotesAndAttribution();
  ResolveDates();
  LearnNames();
  int last_proposal = -1;
  for (size_t k = 0; k < units_.size(); ++k)
    if (!units_[k].punct && !units_[k].quoted && IsPropositive(Text(units_[k].b, units_[k].e)))
      last_proposal = static_cast<int>(k);
  for (Pred& p : preds_) {
    // A letter or statement carrying the proposal is itself done: "친서를 보내 … 만나자는 뜻".
    if (p.action->frame == Frame::kMessage || p.action->frame == Frame::kSay) continue;
    if (p.unit < last_proposal) p.intent = true;
  }
  ScopeForecast();
  ObjectsOfReactions();
  if (std::getenv("DYAD_DEBUG_KO") != nullptr) Dump();
  for (Pred& p : preds_) Emit(p);
  VoiceFrames();
  // A dated sentence naming two states with no predicate dyad knows: a gap in the dictionaries.
  if (preds_.empty() && !date_units_.empty() && unresolved_ != nullptr) {
    std::vector<std::string> states;
    for (const NP& np : nps_) {
      ActorRef r = Resolve(np, Date{ps_->year != 0 ? ps_->year : 2000, 7, 1});
      if (r.valid() && std::find(states.begin(), states.end(), r.country) == states.end())
        states.push_back(r.country);
    }
    if (states.size() >= 2) NoteUnresolved("unknown predicate", -1);
  }
}

// "러시아는 … 지원을 제공하면서 … 여지를 남겨 두는 양상을 보일 것으로 전망된다": a forecast
// closing the sentence covers the clauses chained into it by a connective without a past tense.
// A clause told in the past ("방러하여 회담을 가졌고, … 전망된다") is a fact and ends the chain.
void SegmentCoder::ScopeForecast() {
  if (is_row()) return;
  int last = static_cast<int>(units_.size()) - 1;
  while (last >= 0 && (units_[last].punct || units_[last].paren)) --last;
  if (last < 0) return;
  std::string_view w = Word(last), before = Word(last - 1);
  bool forecast = false;
  for (const std::string& f : lex_.korean_words().forecast_verbs)
    forecast |= w.substr(0, f.size()) == f;
  if (w.substr(0, 6) == "보인다" && before.substr(0, 6) == "것으로") forecast = true;
  if (w.substr(0, 6) == "것이다" && IsProspective(before)) forecast = true;
  auto past = [&](const Pred& p) {
    std::string_view tail = Word(p.light >= 0 ? p.light : p.unit);
    for (size_t i = 0; i < tail.size(); i += CharLen(tail, i)) {
      int len;
      char32_t c = utf8::Decode(tail, i, &len);
      if (utf8::IsHangulSyllable(c) && utf8::Decompose(c).tail == 20) return true;  // ㅆ
    }
    return false;
  };
  bool expected = forecast;
  for (auto it = preds_.rbegin(); it != preds_.rend(); ++it) {
    Pred& p = *it;
    if (p.mode == EventMode::kExpected) {
      expected = true;
      continue;
    }
    if (p.mode != EventMode::kActual || p.ending != Ending::kConnective || past(p)) {
      expected = false;
      continue;
    }
    if (expected) p.mode = EventMode::kExpected;
  }
}

// "미국대사는 한국과 일본 등 14개국을 대표해 … 규탄하는 공동성명을 발표했다": the states spoken
// for act with the speaker and are not the counterpart.
void SegmentCoder::SpokenFor(const Pred& p, const ActorRef& src, const Date& on) {
  for (int k = 0; k < p.unit; ++k) {
    std::string_view w = Word(k);
    bool behalf = false;
    for (std::string_view m : {"대표해", "대표하여", "대신해", "대신하여"})
      behalf |= w.substr(0, m.size()) == m;
    if (!behalf || ClauseOf(k) != p.clause) continue;
    for (size_t i = 0; i < nps_.size(); ++i) {
      if (nps_[i].last != k - 1) continue;
      behalf_.push_back(&nps_[i]);
      // "한국과 일본 등": the comitative joined to it is spoken for too.
      if (i > 0 && nps_[i - 1].role == Role::kComitative && nps_[i - 1].last + 1 == nps_[i].first)
        behalf_.push_back(&nps_[i - 1]);
    }
  }
  if (behalf_.empty()) return;
  std::vector<ActorRef> sources = co_sources_.empty() ? std::vector<ActorRef>{src} : co_sources_;
  for (auto it = behalf_.rbegin(); it != behalf_.rend(); ++it) {
    ActorRef r = Resolve(**it, on);
    bool dup = false;
    for (const ActorRef& x : sources) dup |= x.country == r.country && x.code == r.code;
    if (r.valid() && !r.country.empty() && !dup) sources.push_back(r);
  }
  if (sources.size() > 1) co_sources_ = std::move(sources);
}

// "11/22 김여정 담화, 안보리 공개회의 및 미국 주도 공동성명 비난": in a row, acts joined by 및 to
// a criticism, rejection or threat are what it is aimed at, not events of the row.
void SegmentCoder::ObjectsOfReactions() {
  if (!is_row()) return;
  auto reactive = [](const Pred& p) {
    int root = std::atoi(p.action->code.substr(0, 2).c_str());
    return root >= 10 && root <= 13;
  };
  for (size_t i = 0; i + 1 < preds_.size(); ++i) {
    Pred& p = preds_[i];
    if (reactive(p) || Word(NextContent(p.light >= 0 ? p.light : p.unit)) != "및") continue;
    // The reaction closes the coordination: the next predicate, in the clause 및 opens.
    const Pred& q = preds_[i + 1];
    if (q.clause <= p.clause + 1 && reactive(q)) p.background = true;
  }
}

// The segment's document, its span in the original bytes and its text: where an event or a
// review-queue entry points back to.
void SegmentCoder::PointAtSegment(std::string* doc, uint32_t* begin, uint32_t* end,
                                  std::string* evidence) const {
  *doc = in_.doc_path;
  auto [sb, se] = in_.clean->SpanOf(seg_.begin, seg_.end);
  *begin = sb;
  *end = se;
  *evidence = std::string(Text(seg_.begin, seg_.end));
}

// The phrase that should have named the predicate's actor: the nearest subject or topic before
// it in its clause, else in the sentence, without its particle ("게오르기 지노비예프 대사는" →
// "게오르기 지노비예프 대사").
std::string SegmentCoder::UnknownSubject(const Pred& p) const {
  const NP* best = nullptr;
  for (const NP& np : nps_) {
    if (np.last >= p.unit || (np.role != Role::kSubject && np.role != Role::kTopic)) continue;
    if (best == nullptr || np.clause == p.clause || best->clause != p.clause) best = &np;
  }
  if (best == nullptr) return {};
  const Unit& last = units_[best->last];
  uint32_t end = last.stem_e > last.b ? last.stem_e : last.e;
  return std::string(Text(units_[best->first].b, end));
}

void SegmentCoder::NoteUnresolved(const char* reason, int unit, std::string words) {
  if (unresolved_ == nullptr) return;
  Unresolved u;
  PointAtSegment(&u.doc, &u.span_begin, &u.span_end, &u.evidence);
  u.reason = reason;
  u.words = std::move(words);
  if (unit >= 0) u.predicate = std::string(Text(units_[unit].b, units_[unit].e));
  // A repeat can only be of this segment's own notes, which are the last ones: the scan stops at
  // the first note of another segment, so noting stays linear in the document (repro
  // ko-quadratic-review-queue).
  for (auto x = unresolved_->rbegin(); x != unresolved_->rend() && x->span_begin == u.span_begin;
       ++x)
    if (x->reason == u.reason && x->predicate == u.predicate) return;
  unresolved_->push_back(std::move(u));
}

// The analysis of the segment on stderr, for dictionary and coder work (DYAD_DEBUG_KO=1).
void SegmentCoder::Dump() const {
  std::fprintf(stderr, "== %.*s\n", static_cast<int>(seg_.end - seg_.begin),
               text_.data() + seg_.begin);
  for (const NP& np : nps_) {
    std::fprintf(stderr, "  NP c%d role%d%s: %.*s\n", np.clause, static_cast<int>(np.role),
                 np.comma ? " comma" : "", static_cast<int>(units_[np.last].e - units_[np.first].b),
                 text_.data() + units_[np.first].b);
  }
  std::fprintf(stderr, "  clause endings:");
  for (Ending e : clause_ending_) std::fprintf(stderr, " %d", static_cast<int>(e));
  std::fprintf(stderr, "\n");
  for (const Pred& p : preds_) {
    std::fprintf(stderr, "  PRED c%d %s ending%d%s%s: %.*s\n", p.clause, p.action->expr.c_str(),
                 static_cast<int>(p.ending),
                 p.background ? " background" : (" " + std::string(ModeName(p.mode))).c_str(),
                 p.intent ? " intent" : "", static_cast<int>(units_[p.unit].e - units_[p.unit].b),
                 text_.data() + units_[p.unit].b);
  }
}

void SegmentCoder::Emit(const Pred& p) {
  if (p.background) return;
  bool carried = false;
  std::optional<DateSpan> date = DateFor(p, &carried);
  int chosen_date = date_unit_;
  date_basis_ = "text";
  // In a document with a date: what the author says now (a speech's demands, warnings and
  // offers) happens on that date, not on a date an earlier sentence gave; an act told in the
  // past with no date of its own is known only to fall in the document's year, up to its date.
  if (in_.doc_date && (!date || carried)) {
    const Date& doc = *in_.doc_date;
    if (!PastTense(p)) {
      date = DateSpan::Day(doc);
      date_basis_ = "document";
    } else if (!date) {
      date = DateSpan{Date{doc.year, 1, 1}, doc, DatePrecision::kYear};
      date_basis_ = "document-year";
    }
  }
  // The year the analyst gave (--year): an act the text does not date falls in it.
  if (!date && in_.year_given && in_.year != 0) {
    date = DateSpan::Year(in_.year);
    date_basis_ = "year";
  }
  if (!date) {
    if (p.mode == EventMode::kActual) NoteUnresolved("no date", p.unit);
    return;
  }
  const Date& on = date->begin;
  implied_target_ = ActorRef{};
  co_sources_.clear();
  co_targets_.clear();
  src_np_ = nullptr;
  joint_np_ = nullptr;
  behalf_.clear();
  ActorRef src = SourceFor(p, on);
  if (!src.valid()) {
    if (p.mode == EventMode::kActual) NoteUnresolved("unknown actor", p.unit, UnknownSubject(p));
    return;
  }
  SpokenFor(p, src, on);
  const Action& a = *p.action;
  const std::string& sc = src.country.empty() ? src.code : src.country;
  ActorRef tgt;
  bool flip = false;
  // Each rule in turn, until one names a counterpart that is not the source's own side.
  auto side = [](const ActorRef& r) { return r.country.empty() ? r.code : r.country; };
  auto want = [&] { return !tgt.valid(); };
  auto take = [&](ActorRef r) {
    if (!tgt.valid() && r.valid() && side(r) != sc) tgt = std::move(r);
  };
  switch (a.frame) {
    case Frame::kVisit:
      if (!a.dest.empty()) {
        if (const Country* c = lex_.countries().Find(a.dest))
          take(ActorRef{c->iso3, c->iso3, c->short_ko, c->short_ko, c->label_en});
      } else {
        take(RoleTarget(p, {Role::kObject, Role::kDative}, on, true));
      }
      break;
    case Frame::kHost:
      take(RoleTarget(p, {Role::kObject}, on, false));
      flip = true;
      break;
    case Frame::kDepart:
      take(RoleTarget(p, {Role::kDirection, Role::kDative}, on, true));
      break;
    case Frame::kMeet:
      take(RoleTarget(p, {Role::kComitative, Role::kObject, Role::kDative}, on, false));
      if (want() && is_row()) take(RoleTarget(p, {Role::kNone}, on, false));
      if (want()) take(CompoundTarget(p, sc, false));
      break;
    case Frame::kMessage:
      take(RoleTarget(p, {Role::kDative, Role::kComitative, Role::kObject}, on, false));
      if (want()) take(CompoundTarget(p, sc, false));
      break;
    case Frame::kJoint:
      take(RoleTarget(p, {Role::kComitative}, on, false));
      break;
    case Frame::kSay: {
      take(RoleTarget(p, {Role::kDative, Role::kObject, Role::kComitative}, on, false));
      int say_root = std::atoi(a.code.substr(0, 2).c_str());
      if (want() && say_root >= 10 && say_root <= 13) take(OwnerOfReactedAct(p, on));
      if (want()) take(CarriedTarget(src));
      if (want()) take(CompoundTarget(p, sc, true));
      // "북한은 … 일본 열도 상공을 … 발사했고, 외무성은 6일 보도문을 내고 미국과 …": what the
      // speaker talks about follows the speaker.
      if (want()) take(MentionTarget(p, sc, on, true, true));
      if (want()) take(MentionTarget(p, sc, on, true));
      if (want()) take(ReplyTarget(sc));
      break;
    }
    case Frame::kAct: {
      int root = std::atoi(a.code.substr(0, 2).c_str());
      bool reactive = root == 10 || root == 11 || root == 12 || root == 13 || root == 16;
      take(RoleTarget(p, {Role::kObject, Role::kDative, Role::kComitative}, on, false));
      // "북침전쟁연습": a word that names its own target (the `dest` of its row).
      if (want() && !a.dest.empty())
        if (const Country* c = lex_.countries().Find(a.dest))
          take(ActorRef{c->iso3, c->iso3, c->short_ko, c->short_ko, c->label_en});
      // "한국의 대우크라이나 무기 지원 … 경고", "윤석열 대통령의 … 발언 반박": the act or words
      // reacted to are the genitive's.
      if (want() && reactive) take(OwnerOfReactedAct(p, on));
      if (want() && is_row()) take(RoleTarget(p, {Role::kNone}, on, false));
      // "대사를 초치해 북한군의 철수와 북러 협력의 중단을 촉구했다": an appeal or demand after
      // an act on someone is made to them; what is asked for names others.
      if (want() && (root == 2 || root == 10)) take(ComplementDative(p, sc, on));
      if (want() && (root == 2 || root == 10)) take(CarriedTarget(src));
      // An appeal goes to the subject of what it asks for: "중국이 건설적 역할을 해 줄 것을
      // 요청했다".
      if (want() && root == 2) take(AddresseeOfAppeal(p, sc, on));
      // A criticism does not target the critic's own partnership ("중러 간 … 협력이
      // 방해받아서는").
      skip_own_compound_ = reactive && !a.symmetric;
      // A launch or firing (CAMEO 15) is aimed only where the text says so: not at a state
      // named on the way ("일본 열도 상공을 통과하는 IRBM") or in a time phrase ("한일 순방
      // 직후").
      bool launch = root == 15;
      if (want() && (launch || root >= 17)) take(AimedAt(p, on));
      if (want() && !launch) take(CompoundTarget(p, sc, false));
      skip_own_compound_ = false;
      if (want()) take(RoleMention(p, {Role::kObject, Role::kDative}, on, launch));
      // "대사를 초치해 … 항의했다": the clauses of one actor share their counterpart.
      if (want()) take(CarriedTarget(src));
      // Reactions (criticism, rejection, threats, reduced relations) answer the state that
      // last acted on the source; a launch or deployment needs an explicit target.
      // "북한이 … 발사하자, 한미 양국은 … 대응사격을 실시했다": a show of force in answer.
      if (want() && (reactive || root == 15)) take(TriggerTarget(p, sc, on));
      if (want() && reactive) take(ReplyTarget(sc));
      if (want() && !launch) take(MentionTarget(p, sc, on, false));
      // "가미카와 외무상과 테오도로 국방장관이 … 서명하자": the joint subject's second party.
      if (want() && a.symmetric) take(implied_target_);
      if (want() && a.symmetric) take(MentionTarget(p, sc, on, true));
      // An agreement without a named partner is with the pair in discussion.
      if (want() && a.symmetric && LastDyad(&implied_target_, p)) {
        if (side(implied_source_) == sc)
          take(implied_target_);
        else if (side(implied_target_) == sc)
          take(implied_source_);
      }
      // "북한이 … 발사하자 안보리는 … 규탄했다": the state that set off the reaction.
      if (want() && reactive) take(MentionTarget(p, sc, on, true));
      // "그는 3월 7일에도 담화를 내고 … 경고했다": the speaker's counterpart in the paragraph.
      if (want() && reactive && !is_row()) take(SpeakerTarget(sc));
      break;
    }
    case Frame::kLight:
      return;
  }
  // "한미 연합연습 ‘자유의 방패’, 북한 핵·미사일 위협 대비", "연합공중훈련, 북한 ICBM 발사에
  // 대응": an exercise held against a state is also a show of force toward it (CAMEO 150).
  if (a.frame == Frame::kJoint && a.code.substr(0, 2) == "06") {
    if (ActorRef against = AgainstTarget(p, on); against.valid()) {
      static const Action kShowOfForce{.expr = "무력시위",
                                       .code = "150",
                                       .frame = Frame::kAct,
                                       .label_ko = "무력 시위",
                                       .label_en = "shows force against"};
      std::vector<ActorRef> sides = co_sources_.empty() ? std::vector<ActorRef>{src} : co_sources_;
      if (tgt.valid()) sides.push_back(tgt);
      for (const ActorRef& s1 : sides)
        if (side(s1) != side(against)) Push(p, kShowOfForce, "150", s1, against, false, *date);
    }
  }
  // A threat ("군사력을 사용할 수 있다고") is said to someone the sentence names.
  if (want() && p.intent && in_.res->codebook.Find(a.code) != nullptr &&
      in_.res->codebook.Find(a.code)->quad_class > 2) {
    take(RoleTarget(p, {Role::kObject, Role::kDative}, on, false, true));
    if (want()) take(MentionTarget(p, sc, on, true));
  }
  // Force (launches, exercises alone, attacks) needs a target the text names: the pair in
  // discussion or a table's title does not make a launch an act against someone.
  int root = std::atoi(a.code.substr(0, 2).c_str());
  bool force = root == 14 || root == 15 || (root >= 17 && root <= 20);
  bool travel = a.frame == Frame::kVisit || a.frame == Frame::kDepart;
  if (want() && !travel && !force) take(implied_target_);
  // A row that names no counterpart is about the dyad its table's title names.
  if (want() && is_row() && title_parties_ != nullptr && a.frame != Frame::kJoint && !force &&
      !(travel && a.dest.empty())) {
    for (const ActorRef& r : *title_parties_) take(r);
  }
  // Coordinated clauses share their counterpart: "김정은과 정상회담 및 공동선언 서명".
  if (want() && (a.symmetric || a.frame == Frame::kMeet) && !pending_.empty() &&
      pending_.back().ev.source_country == src.country)
    take(last_target_);
  // "북남 당국이 … 만날 수 있다": a joint subject of a meeting meets itself.
  if (want() && co_sources_.size() >= 2 &&
      (a.frame == Frame::kMeet || a.frame == Frame::kJoint || a.symmetric)) {
    take(co_sources_[1]);
    co_sources_.resize(1);
  }
  // "북한이 비핵화에 나선다면 … 제공하겠다는 구상을 제안했다": an offer, appeal, demand or
  // warning made on a condition is addressed to the condition's subject.
  if (want() && (p.intent || root == 2 || root == 3 || root == 10 || root == 13))
    take(ConditionSubject(p, on));
  // "김정은과 시진핑은 … 뜻을 같이했다": joint subjects with no one else named act toward each
  // other.
  if (want() && joint_np_ != nullptr && co_sources_.size() >= 2) {
    take(co_sources_[1]);
    co_sources_.resize(1);
  }
  if (!tgt.valid()) {
    // A launch or exercise with no one named against it is not an interaction: not a gap.
    int force_root = std::atoi(a.code.substr(0, 2).c_str());
    if (force_root != 15 && a.frame != Frame::kJoint && p.mode == EventMode::kActual)
      NoteUnresolved("no counterpart", p.unit);
    return;
  }
  last_target_ = tgt;
  std::string code = a.code;
  // An appeal made after a summons, a condemnation or a warning in the same sentence
  // ("초치해 … 촉구했다", "규탄하고 … 준수를 촉구했다") is pressed as a demand (CAMEO 10).
  if (root == 2 && !p.intent && PressedAppeal(p)) code = "100";
  // "경제적 및 문화적 협력을 요구하는 성명": what is demanded is cooperation — an appeal for it
  // (CAMEO 02), not a demand (10).
  if (root == 10 && code == a.code && AsksForCooperation(p)) code = "020";
  // "두 국가가 수교에 합의하면서": agreeing to an act of diplomatic cooperation (CAMEO 05, the
  // dative right before) is that act.
  if (root == 3 && a.code == "030" && p.light < 0 && p.unit > 0) {
    int d = p.unit - 1;
    while (d > 0 && units_[d].punct) --d;
    if (units_[d].suf.kind == Suffix::Kind::kParticles && units_[d].suf.role == Role::kDative)
      if (const Action* agreed = ActionOf(units_[d], false);
          agreed != nullptr && agreed->code.compare(0, 2, "05") == 0)
        code = agreed->code;
  }
  // "…이 1994년 10월 21일 맺은 합의이다": cooperation concluded is a formal agreement.
  if (p.concluded && root >= 3 && root <= 5) code = "057";
  // "조일평양선언이 채택되며": a declaration named for a pair of states and adopted is an
  // agreement between them (057), not a statement.
  if (a.frame == Frame::kSay && units_[p.unit].compound.size() >= 2 && p.light >= 0) {
    const Action* light = ActionOf(units_[p.light], true);
    for (const std::string& w : lex_.korean_words().adopt_verbs)
      if (light != nullptr && light->expr == w) code = "057";
  }
  if (p.intent) {
    // A declared intention is CAMEO 03 when it would cooperate (036: to meet or negotiate)
    // and a threat, CAMEO 13, when it would harm: "군사력을 사용할 수 있다" threatens force.
    const CameoCode* base = in_.res->codebook.Find(a.code);
    if (base == nullptr) return;
    int root = std::atoi(a.code.substr(0, 2).c_str());
    if (base->quad_class <= 2) {
      bool meeting =
          a.frame == Frame::kMeet || a.frame == Frame::kVisit || a.frame == Frame::kJoint;
      code = meeting ? "036" : "030";
    } else if (root >= 15) {
      code = root == 16 ? "131" : "138";
    } else {
      code = "130";
    }
  }
  // "북한이 … 핵 공격을 감행한다면 그 결과는 정권의 종말이 될 것이라고 맞받았다": words that
  // set a condition on the other side, with nothing offered, warn it (CAMEO 130).
  if (int said = std::atoi(code.substr(0, 2).c_str());
      !p.intent && p.mode == EventMode::kActual && (said == 1 || (said >= 11 && said <= 12))) {
    ActorRef cond = ConditionSubject(p, on);
    bool offer = false;
    for (const Pred& q : preds_) {
      const CameoCode* qc = in_.res->codebook.Find(q.action->code);
      if (&q != &p && q.unit < p.unit && qc != nullptr && qc->quad_class <= 2 &&
          q.action->frame != Frame::kSay)
        offer = true;
    }
    if (cond.valid() && side(cond) != sc && !offer && ThreatensAfterCondition(p)) {
      tgt = cond;
      code = "130";
    }
  }
  if (std::getenv("DYAD_DEBUG_KO") != nullptr)
    std::fprintf(stderr, "  EMIT %s %s -> %s %s\n", a.expr.c_str(), src.code.c_str(),
                 tgt.code.c_str(), code.c_str());
  std::vector<DateSpan> also =
      date_basis_ == "text" ? CoordinatedDates(chosen_date) : std::vector<DateSpan>{};
  // Joint actors: "한미일 외교장관은 … 규탄했다" is three events, "한미 연합훈련을 비난" two.
  std::vector<ActorRef> sources = co_sources_.empty() ? std::vector<ActorRef>{src} : co_sources_;
  std::vector<ActorRef> targets{tgt};
  for (const ActorRef& t : co_targets_)
    if (side(t) != side(tgt)) targets.push_back(t);
  for (const ActorRef& s1 : sources) {
    for (const ActorRef& t1 : targets) {
      if (side(s1) == side(t1)) continue;
      ActorRef from = s1, to = t1;
      if (flip) std::swap(from, to);
      Push(p, a, code, from, to, flip, *date);
      // "2018년 3월과 5월에 … 정상회담을 가졌다": one act for each date joined to its own.
      for (const DateSpan& d : also) Push(p, a, code, from, to, flip, d);
    }
  }
  // "남조선당국은 우리의 … 호소와 성의있는 제의를 외면하고": what is rejected was made — the
  // owner's appeal, proposal or demand to the one who rejects it, told by the same words.
  if (std::atoi(code.substr(0, 2).c_str()) == 12 && p.mode == EventMode::kActual && !p.intent &&
      !flip)
    for (const auto& [owner, act] : RejectedActs(p, on))
      if (side(owner) != side(src)) Push(p, *act, act->code, owner, src, false, *date);
}

std::vector<std::pair<ActorRef, const Action*>> SegmentCoder::RejectedActs(const Pred& p,
                                                                           const Date& on) {
  std::vector<std::pair<ActorRef, const Action*>> out;
  for (const NP& np : nps_) {
    if (np.role != Role::kGenitive || np.clause != p.clause || np.last + 1 >= p.unit) continue;
    ActorRef owner = Resolve(np, on);
    if (!owner.valid()) continue;
    for (int k = np.last + 1; k < p.unit; ++k) {
      const Unit& u = units_[k];
      if (u.punct || u.quoted || u.paren) break;
      if (IsActorish(u)) break;  // another phrase's owner or subject
      const Action* act = ActionOf(u, false);
      if (act == nullptr || act->frame == Frame::kLight) continue;
      // Appeals, proposals and demands (CAMEO 02, 03, 10): the acts a rejection answers.
      int root = std::atoi(act->code.substr(0, 2).c_str());
      if (root != 2 && root != 3 && root != 10) continue;
      bool seen = false;
      for (const auto& [o, a2] : out) seen |= a2->code == act->code;
      if (!seen) out.emplace_back(owner, act);
    }
    break;  // the nearest owner only
  }
  return out;
}

ActorRef SegmentCoder::AgainstTarget(const Pred& p, const Date& on) {
  int after = p.light >= 0 ? p.light : p.unit;
  for (int k = after + 1; k < static_cast<int>(units_.size()); ++k) {
    const Unit& u = units_[k];
    if (u.quoted || u.punct) continue;
    std::string_view w = Word(k);
    bool against = false;
    for (std::string_view m : {"대응", "대비", "겨냥"}) against |= w.substr(0, m.size()) == m;
    if (!against) continue;
    // The state named in the phrase the response answers: "북한 ICBM 발사(2/18)에 대응".
    for (const NP& np : nps_) {
      if (np.first <= after || np.first > k) continue;
      for (int j = np.first; j <= std::min(np.last, k); ++j) {
        if (units_[j].quoted || units_[j].paren || units_[j].lex == nullptr) continue;
        for (const LexEntry& e : *units_[j].lex)
          if (e.kind == LexEntry::Kind::kCountry) return StateRef(e.index);
      }
      (void)on;
    }
  }
  return {};
}

ActorRef SegmentCoder::AimedAt(const Pred& p, const Date& on) {
  for (int k = 1; k < p.unit; ++k) {
    std::string_view w = Word(k);
    bool toward = false;
    for (std::string_view m : {"향해", "향하여", "겨냥해", "겨냥하여", "겨냥한"})
      toward |= w.substr(0, m.size()) == m;
    // "우리 공화국을 반대하는 … 군사연습": a verb of aim modifying the act (aim_verb).
    if (const Action* aim = units_[k].punct ? nullptr : ActionOf(units_[k], false);
        aim != nullptr && IsAdnominalForm(w))
      for (const std::string& v : lex_.korean_words().aim_verbs) toward |= aim->expr == v;
    if (!toward || units_[k].quoted) continue;
    if (const NP* np = NpAt(k - 1); np != nullptr && np->role == Role::kObject) {
      ActorRef r = Resolve(*np, on);
      if (!r.valid()) r = Place(*np);  // "대연평도를 향해 포격": a place stands for its state
      if (r.valid()) return r;
    }
  }
  return {};
}

// Whether the object the predicate asks for is an act of cooperation: an action noun of CAMEO
// 03 to 08 heading the phrase right before it ("협력을 요구", "대화 재개를 촉구").
bool SegmentCoder::AsksForCooperation(const Pred& p) const {
  const NP* obj = nullptr;
  for (const NP& np : nps_)
    if (np.role == Role::kObject && np.last < p.unit && np.clause == p.clause) obj = &np;
  if (obj == nullptr) return false;
  const Action* head = ActionOf(units_[obj->last], false);
  if (head == nullptr) return false;
  int r = std::atoi(head->code.substr(0, 2).c_str());
  return r >= 3 && r <= 6;  // a concession asked for (08: "제재 해제를 요구") stays a demand
}

bool SegmentCoder::ThreatensAfterCondition(const Pred& p) const {
  int from = -1;
  for (const NP& np : nps_)
    if (np.last < p.unit && np.clause < static_cast<int>(clause_ending_.size()) &&
        clause_ending_[np.clause] == Ending::kConditional)
      from = np.last;
  if (from < 0) return false;
  std::string_view said = Text(units_[from].e, units_[p.unit].b);
  for (const QuoteCue& c : lex_.quote_cues()) {
    int root = std::atoi(c.code.substr(0, 2).c_str());
    if (root == 13 && said.find(c.cue) != std::string_view::npos) return true;
  }
  return false;
}

bool SegmentCoder::PressedAppeal(const Pred& p) const {
  for (const Pred& q : preds_) {
    if (&q == &p || q.background || q.mode != EventMode::kActual) continue;
    int r = std::atoi(q.action->code.substr(0, 2).c_str());
    if (r >= 11 && r <= 13 && q.clause <= p.clause) return true;
  }
  return false;
}

void SegmentCoder::Push(const Pred& p, const Action& a, const std::string& code,
                        const ActorRef& src, const ActorRef& tgt, bool flip, const DateSpan& date) {
  const CameoCode* cc = in_.res->codebook.Find(code);
  if (cc == nullptr) return;
  Event ev;
  ev.date = date;
  ev.date_basis = date_basis_;
  ev.source = src.code;
  ev.target = tgt.code;
  ev.source_country = src.country;
  ev.target_country = tgt.country;
  ev.source_name = src.name;
  ev.source_person = src.person;
  ev.target_name = tgt.name;
  ev.source_label_ko = src.label_ko;
  ev.source_label_en = src.label_en;
  ev.target_label_ko = tgt.label_ko;
  ev.target_label_en = tgt.label_en;
  ev.code = code;
  ev.goldstein = cc->goldstein;
  ev.quad_class = cc->quad_class;
  ev.symmetric = a.symmetric || p.reciprocal;
  ev.lang = "ko";
  ev.mode = p.mode;
  // The quotations between the previous predicate and this one are what this one reports:
  // "“…”고 위협했다", a headline's "“어떠한 접촉과 협상도 거부”".
  // Quotations after the last predicate are its own: "담화, 훈련 연장은 “매우 위험하고 잘못된
  // 선택”".
  int prev = -1;
  bool last = true;
  for (const Pred& q : preds_) {
    // "“역겨운” 협상을 할 의욕이 없다고 밝혔다": a clause that tells of no act holds no saying
    // of its own; its quotation is the speaker's.
    if (q.unit < p.unit && q.unit > prev && q.mode == EventMode::kActual) prev = q.unit;
    if (q.unit > p.unit && !q.background) last = false;
  }
  for (const QuoteSpan& q : quotes_)
    if (q.first > prev && (q.first < p.unit || last)) ev.quotes.push_back(q.text);
  if (attribution_ != src.name) ev.attribution = attribution_;
  // A newspaper or a ratifying legislature is not whom the act was toward: the line names the
  // state (dyad/act_phrase.h).
  ActorRef shown = tgt;
  if (NameTargetByState(tgt.code, code))
    if (const Country* c = lex_.countries().Find(tgt.country)) {
      shown.code = c->iso3;
      shown.label_ko = c->short_ko.empty() ? c->name_ko : c->short_ko;
      shown.label_en = c->label_en;
      shown.person.clear();
    }
  if (code == a.code && !a.label_ko.empty() && !a.label_en.empty()) {
    ActionLabels(a, src, shown, flip, &ev);
  } else {
    // The predicate's words were written for its own code: a threat to use force, an offer to
    // meet or a demand pressed after a summons is said by the code's phrase instead.
    bool person = !shown.person.empty();
    ev.action_ko = PhraseAct(in_.res->codebook, code, {shown.label_ko, person}, "ko");
    ev.action_en = PhraseAct(in_.res->codebook, code, {shown.label_en, person}, "en");
  }
  Mention m;
  PointAtSegment(&m.doc, &m.span_begin, &m.span_end, &m.evidence);
  m.section = is_row() ? "table" : "text";
  m.date = date;
  ev.mentions.push_back(std::move(m));
  // Pending: said-events yield to a more specific act of the same source in the sentence.
  pending_.push_back({std::move(ev), a.frame == Frame::kSay});
}

void SegmentCoder::ActionLabels(const Action& a, const ActorRef& src, const ActorRef& tgt,
                                bool flipped, Event* ev) {
  (void)src;
  auto particle = [](const std::string& word, const char* with, const char* without) {
    return std::string(utf8::HasBatchim(word) ? with : without);
  };
  const ActorRef& other = flipped ? src : tgt;  // after the swap src is the visitor
  // A label that places the target itself: "accuses {T} of human rights abuses".
  bool person = !tgt.person.empty();
  if (a.label_en.find("{T") != std::string::npos || a.label_ko.find("{T") != std::string::npos) {
    ev->action_ko = LabelAct(a.label_ko, {tgt.label_ko, person}, "ko");
    ev->action_en = LabelAct(a.label_en, {tgt.label_en, person}, "en");
    return;
  }
  switch (a.frame) {
    case Frame::kVisit:
    case Frame::kDepart: {
      const Country* c = lex_.countries().Find(ev->target_country);
      bool to_state = tgt.code == tgt.country;  // 방러 / visits Russia; else 푸틴 대통령 예방
      bool plain_visit = a.label_ko == "방문" || (a.expr.rfind("방", 0) == 0 && a.expr.size() == 6);
      if (to_state && c != nullptr && !c->prefix_ko.empty() && plain_visit) {
        ev->action_ko = "방" + c->prefix_ko;
      } else {
        ev->action_ko = tgt.label_ko + " " + a.label_ko;
      }
      ev->action_en = a.label_en + " " + (to_state && c != nullptr ? c->label_en : tgt.label_en);
      break;
    }
    case Frame::kHost:
      ev->action_ko = tgt.label_ko + " 예방";
      ev->action_en = a.label_en + " " + tgt.label_en;
      (void)other;
      break;
    case Frame::kMeet:
    case Frame::kJoint:
    meet:
      ev->action_ko = tgt.label_ko + particle(tgt.label_ko, "과", "와") + " " + a.label_ko;
      ev->action_en = a.label_en + " " + tgt.label_en;
      break;
    case Frame::kMessage:
      ev->action_ko =
          tgt.label_ko + KoreanParticle(tgt.label_ko, "에", !tgt.person.empty()) + " " + a.label_ko;
      ev->action_en = a.label_en + " " + tgt.label_en;
      break;
    case Frame::kSay:
      // "북한 입장 표명" would read as North Korea's own position.
      ev->action_ko = tgt.label_ko + " 관련 " + a.label_ko;
      ev->action_en = a.label_en + " " + tgt.label_en;
      break;
    default:
      // An agreement one side signs or ratifies is made with the other ("북한과의 협정
      // 비준"); one exchanged is done with it ("러시아와 비준서 교환").
      if (a.symmetric && !a.reciprocal && a.code.compare(0, 2, "05") == 0) {
        ev->action_ko = tgt.label_ko + particle(tgt.label_ko, "과의", "와의") + " " + a.label_ko;
        ev->action_en = a.label_en + " " + tgt.label_en;
        break;
      }
      if (a.symmetric) goto meet;
      ev->action_ko = tgt.label_ko + " " + a.label_ko;
      ev->action_en = a.label_en + " " + tgt.label_en;
      break;
  }
}

void SegmentCoder::Finish() {
  // Decide every yield before any event is moved out.
  std::vector<bool> keep(pending_.size(), true);
  std::optional<DateSpan> last_actual;
  for (size_t i = 0; i < pending_.size(); ++i) {
    if (!pending_[i].said) continue;
    // Only what happened displaces the statement: "방문할 것이라고 밝혔다" keeps the saying.
    for (const PendingEvent& x : pending_)
      if (!x.said && x.ev.mode == EventMode::kActual &&
          x.ev.source_country == pending_[i].ev.source_country)
        keep[i] = false;
  }
  // Two tellings of the same act in one row or sentence ("담화, … 언급하며") are one event.
  for (size_t i = 0; i < pending_.size(); ++i) {
    for (size_t j = 0; j < i && keep[i]; ++j) {
      const Event& a = pending_[i].ev;
      const Event& b = pending_[j].ev;
      if (keep[j] && a.source == b.source && a.target == b.target && a.code == b.code &&
          a.date == b.date && a.mode == b.mode) {
        keep[i] = false;
        // "담화를 발표해 … “…”이라고 밝혔다": the quotation of the second telling is the event's.
        std::vector<std::string>& into = pending_[j].ev.quotes;
        for (const std::string& q : a.quotes)
          if (std::find(into.begin(), into.end(), q) == into.end()) into.push_back(q);
      }
    }
  }
  for (size_t i = 0; i < pending_.size(); ++i) {
    PendingEvent& pe = pending_[i];
    if (!keep[i]) continue;
    // What did not happen is no counterpart to reply to and no date to carry.
    if (pe.ev.mode == EventMode::kActual) {
      ps_->recent.emplace_back(pe.ev.source_country.empty() ? pe.ev.source : pe.ev.source_country,
                               pe.ev.target_country.empty() ? pe.ev.target : pe.ev.target_country);
      last_actual = pe.ev.date;
    }
    out_->push_back(std::move(pe.ev));
  }
  // Carry to the next sentence of the paragraph: its last subject, and the date in force.
  for (auto it = nps_.rbegin(); it != nps_.rend(); ++it) {
    if (it->role != Role::kTopic && it->role != Role::kSubject) continue;
    // Not the subject of a condition or quotation ("미국이 … 나온다면"): the speaker carries.
    if (it->role == Role::kSubject && IsComplement(it->clause)) continue;
    Date on = ps_->date ? ps_->date->begin : Date{ps_->year ? ps_->year : 2000, 1, 1};
    ActorRef r = Resolve(*it, on);
    if (r.valid()) {
      ps_->source = r;
      break;
    }
  }
  if (!is_row() && last_actual) {
    ps_->date = last_actual;  // the date of the sentence's last event carries on
  } else if (!is_row()) {
    for (auto it = date_units_.rbegin(); it != date_units_.rend(); ++it) {
      const auto& s = resolved_[units_[it->first].date];
      if ((IsComplement(it->second) && SubjectBefore(it->second, it->first)) ||
          !timeline_[units_[it->first].date] || reference_[units_[it->first].date])
        continue;
      if (s && s->precision != DatePrecision::kYear && !units_[it->first].paren) {
        ps_->date = s;
        break;
      }
    }
  }
}

}  // namespace dyad::kocoder

namespace dyad::kocoder {

// Quotation spans “…” of the segment, and the first news agency it names: "(조선중앙통신)",
// "조선중앙통신에 따르면", "…라고 타스 통신이 보도했다".
void SegmentCoder::FindQuotesAndAttribution() {
  quotes_.clear();
  attribution_.clear();
  int open = -1;
  for (int k = 0; k < static_cast<int>(units_.size()); ++k) {
    const Unit& u = units_[k];
    if (u.punct && u.ch == 0x201C && open < 0) open = k;
    if (u.punct && u.ch == 0x201D && open >= 0) {
      if (k > open + 1)
        quotes_.push_back({open + 1, k - 1, std::string(Text(units_[open].e, units_[k].b))});
      open = -1;
    }
    if (u.lex == nullptr || !attribution_.empty()) continue;
    for (const LexEntry& e : *u.lex) {
      if (e.kind != LexEntry::Kind::kActor) continue;
      const Actor& a = lex_.actors()[e.index];
      if (a.type != ActorType::kOrg || a.roles.empty()) continue;
      const std::string& code = a.roles.front().code;
      if (code.size() >= 6 && code.substr(code.size() - 3) == "MED")
        attribution_ = std::string(Text(u.b, u.stem_e ? u.stem_e : u.e));
    }
  }
}

}  // namespace dyad::kocoder
