// Pass 4, who and whom: the source of a predicate and its target, by the action's frame.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "coder/ko_segment.h"

namespace dyad::kocoder {

// ---- pass 4: events ----
const NP* SegmentCoder::NpAt(int unit) const {
  for (const NP& np : nps_)
    if (unit >= np.first && unit <= np.last) return &np;
  return nullptr;
}

ActorRef SegmentCoder::SourceFor(const Pred& p, const Date& on) {
  // "우리를 위협하고 있는 것도 미국입니다": in a cleft the actor is what the sentence says the
  // act's doer is — the copula's complement after "…한 것은/것도".
  {
    int n = NextContent(p.light >= 0 ? p.light : p.unit);
    // "위협하고 있는 것도": past a progressive auxiliary.
    if (n >= 0 && (Word(n).starts_with("있는") || Word(n).starts_with("온"))) n = NextContent(n);
    // "위협하고있는것도": the bound noun may be written solid with the verb.
    bool bound = n >= 0 && Word(n).starts_with("것");
    std::string_view pw = Word(p.light >= 0 ? p.light : p.unit);
    bool solid =
        pw.find("것은") != std::string_view::npos || pw.find("것도") != std::string_view::npos;
    int from = solid ? p.unit + 1 : (bound ? n + 1 : static_cast<int>(units_.size()));
    for (int k = from; k < static_cast<int>(units_.size()); ++k) {
      if (units_[k].punct || units_[k].suf.kind != Suffix::Kind::kCopula) continue;
      // A name of two syllables or more: "일이었다" is "was a matter", not Japan.
      if (units_[k].stem_e - units_[k].b < 6) break;
      NP one{k, k, Role::kNone, p.clause, false};
      ActorRef r = ResolveUncached(one, on);  // a phrase of its own, not one of nps_
      if (r.valid()) return r;
      break;
    }
  }
  // Nearest subject, topic or focus phrase of the clause before the predicate.
  for (auto it = nps_.rbegin(); it != nps_.rend(); ++it) {
    if (it->clause != p.clause || it->last >= p.unit) continue;
    bool subj = it->role == Role::kSubject || it->role == Role::kTopic || it->role == Role::kFocus;
    if (IsOccasion(*it)) continue;
    if (is_row() && it->role == Role::kNone && (it->comma || it->last == p.unit - 1)) {
      // A bare phrase before a headline predicate is its subject only in the row's first clause.
      subj = RowSubject(on).code.empty() || it->comma || IsFirstNp(*it, on);
    }
    // "북한 ICBM 발사(2/18)에 대응": a state right before a launch or firing launches it; no
    // one launches a state.
    int root = std::atoi(p.action->code.substr(0, 2).c_str());
    if (is_row() && root == 15 && it->last == p.unit - 1 && it->clause == p.clause) subj = true;
    if (!subj) continue;
    ActorRef r = Resolve(*it, on);
    if (r.valid()) {
      src_np_ = &*it;
      PairWithin(*it, r, on);
      // "바이든과 시진핑은 … 정상회담을 가졌다": the first named is the source of a meeting.
      if (it + 1 != nps_.rend() && (p.action->symmetric || p.action->frame == Frame::kMeet)) {
        const NP& before = *(it + 1);
        if (before.role == Role::kComitative && before.last + 1 == it->first) {
          ActorRef first = Resolve(before, on);
          if (first.valid() && first.country != r.country) {
            implied_target_ = r;
            return first;
          }
        }
      } else if (it + 1 != nps_.rend()) {
        // "중국과 러시아가 거부권을 행사했다": two subjects acting together, not one to the other.
        const NP& before = *(it + 1);
        if (before.role == Role::kComitative && before.last + 1 == it->first &&
            before.clause == it->clause) {
          ActorRef first = Resolve(before, on);
          if (first.valid() && first.country != r.country && !first.country.empty()) {
            co_sources_ = {first, r};
            joint_np_ = &before;
            return first;
          }
        }
      }
      return r;
    }
    // "한미일 외교장관은": a compound names joint sources.
    if (ActorRef c = CompoundSubject(*it); c.valid()) return c;
    // "미국과 그 추종세력들은": a topic the dictionaries do not know, joined by 과/와 to an
    // actor right before it, acts with that actor, who is the one named.
    if (!is_row() && it->role == Role::kTopic && it + 1 != nps_.rend() &&
        (it + 1)->role == Role::kComitative && (it + 1)->last + 1 == it->first &&
        (it + 1)->clause == it->clause && !Resolve(*it, on).valid()) {
      ActorRef named = Resolve(*(it + 1), on);
      if (named.valid()) {
        src_np_ = &*it;
        return named;
      }
    }
    // "조선민주주의인민공화국의 지도부는": a subject the dictionaries do not know, owned by a
    // state named right before it, is that state's.
    // Only a topic: a subject (이/가) is too often a complement's ("미국 … 기항이 “…”고").
    if (!is_row() && it->role == Role::kTopic && it + 1 != nps_.rend() &&
        (it + 1)->role == Role::kGenitive && (it + 1)->last + 1 == it->first &&
        (it + 1)->clause == it->clause) {
      ActorRef owner = Resolve(*(it + 1), on);
      if (owner.valid() && owner.code == owner.country) {
        src_np_ = &*it;
        return owner;
      }
    }
  }
  // A clause with a subject of its own that names no actor ("1,500여 명이 … 도착했다") is not
  // told of the sentence's topic. A subject inside a quoted complement ("기항이 “…”고") is not
  // the clause's.
  if (!is_row()) {
    for (const NP& np : nps_) {
      if (np.clause != p.clause || np.role != Role::kSubject || np.last >= p.unit) continue;
      bool quote_between = false;
      for (int k = np.last + 1; k < p.unit; ++k) quote_between |= units_[k].in_quote;
      bool names_sides = false;
      for (int k = np.first; k <= np.last; ++k)
        names_sides |= !units_[k].compound.empty() || units_[k].both;
      if (!quote_between && !names_sides && !Resolve(np, on).valid() && !Place(np).valid())
        return {};
    }
  }
  if (p.rel_head >= 0) {
    if (const NP* np = NpAt(p.rel_head)) {
      ActorRef r = Resolve(*np, on);
      if (r.valid()) return r;
    }
  }
  if (is_row()) {
    // A later clause of a row that opens with an actor of its own: "…발사, 일본 정부 베이징
    // 대사관 경로로 엄중 항의". That phrase is the clause's subject whatever its last particle.
    for (const NP& np : nps_) {
      if (np.clause != p.clause || np.first >= p.unit) continue;
      // A bare phrase right before the predicate noun is its object: "…방북, 김정은 면담".
      bool adjacent_object = np.role == Role::kNone && np.last == p.unit - 1;
      // Headline phrases run together: "일본 정부 베이징 대사관 경로로" opens with its actor
      // though it ends in 로; one ending in 에서 ("국회 시정방침연설에서") is only a place.
      bool subject_like = np.role == Role::kNone || np.role == Role::kSubject ||
                          np.role == Role::kTopic || np.role == Role::kFocus ||
                          np.role == Role::kDirection;
      if (!subject_like || adjacent_object || IsFirstNp(np, on)) break;
      int k = np.first;
      while (k <= np.last && (units_[k].punct || units_[k].date >= 0)) ++k;
      if (k > np.last || !IsActorish(units_[k])) break;
      NP head{k, k, Role::kNone, np.clause, false};
      ActorRef r = Resolve(head, on);
      if (r.valid()) return r;
      break;
    }
    // "12/1 한·미·일, 대북 독자제재 발표": a row opening on a compound names joint sources.
    if (!nps_.empty() && nps_.front().clause != p.clause && nps_.front().comma) {
      const NP& np = nps_.front();
      for (int k = np.first; k <= np.last; ++k) {
        const Unit& u = units_[k];
        if (u.compound.size() < 2 || u.quoted || u.paren) continue;
        for (int c : u.compound) co_sources_.push_back(StateRef(c));
        src_np_ = &np;
        return co_sources_.front();
      }
    }
    ActorRef r = RowSubject(on);
    if (r.valid()) return r;
  }
  // The predicate closing the sentence belongs to its nearest topic: "라브로프 외무장관은 … 미국이
  // … 강화하고 있는 확장억제를 … 규정하고 … 밝혔다" is Lavrov's, not the subject of a clause
  // inside.
  if (p.ending == Ending::kFinal) {
    for (auto it = nps_.rbegin(); it != nps_.rend(); ++it) {
      if (it->role != Role::kTopic || it->last >= p.unit) continue;
      ActorRef r = Resolve(*it, on);
      if (r.valid()) return r;
      if (ActorRef c = CompoundSubject(*it); c.valid()) return c;
    }
  }
  // The nearest subject or topic of an earlier clause: in "청와대는 … 김정은이 친서를 보내 …
  // 만나자는" the reported clauses belong to 김정은, not to the reporter.
  for (auto it = nps_.rbegin(); it != nps_.rend(); ++it) {
    if (it->last >= p.unit) continue;
    if (it->role != Role::kTopic && it->role != Role::kSubject && it->role != Role::kFocus)
      continue;
    // Not the subject of a closed condition or quotation: in "부상은 … 총리가 … 않는다면 “…”고
    // 언급했으나" the one who 언급 is the 부상.
    if (it->role != Role::kTopic && it->clause != p.clause && IsComplement(it->clause)) continue;
    ActorRef r = Resolve(*it, on);
    if (r.valid()) return r;
    // "한미일 정상은 공동성명을 내고 … 규탄했다": the compound topic acts in every clause.
    if (ActorRef c = CompoundSubject(*it); c.valid()) return c;
  }
  // "러시아와 우크라이나 대표단 간 첫 협상": a phrase naming both sides.
  for (size_t i = 0; i + 1 < nps_.size(); ++i) {
    const NP& a = nps_[i];
    const NP& b = nps_[i + 1];
    if (a.clause != p.clause || b.clause != p.clause || a.role != Role::kComitative) continue;
    if (b.first != a.last + 1 || b.first > p.unit) continue;
    bool between = false;
    for (int k = b.first; k <= b.last; ++k) {
      std::string_view w = Text(units_[k].b, units_[k].e);
      between |= w == "간" || w == "간의" || w == "사이" || w == "사이의" || w == "사이에";
    }
    if (!between) continue;
    ActorRef ra = Resolve(a, on), rb = Resolve(b, on);
    if (ra.valid() && rb.valid() && ra.country != rb.country) {
      implied_target_ = rb;
      return ra;
    }
  }
  // "양 정상은 … 서명했다": the pair in discussion, or a compound naming it (남북, 북러).
  for (const NP& np : nps_) {
    if (np.last >= p.unit || np.role == Role::kObject || np.role == Role::kGenitive) continue;
    for (int k = np.first; k <= np.last; ++k) {
      if (!units_[k].both) continue;
      // Both sides act together: a meeting of the two is one event between them, anything
      // else they do (a joint statement's criticism) is an event from each.
      if (LastDyad(&implied_target_, p)) {
        co_sources_ = {implied_source_, implied_target_};
        implied_target_ = ActorRef{};
        src_np_ = &np;
        return co_sources_.front();
      }
    }
  }
  if (ActorRef r = CompoundSource(p); r.valid()) return r;
  // "6자 회담은 … 처음 열린 한반도 주변 6개국의 회담이다": a definition of a meeting that names
  // none of its sides is the meeting of those the document is about (its title lines).
  if (units_[p.unit].suf.kind == Suffix::Kind::kCopula && p.action->symmetric && doc_ != nullptr &&
      doc_->parties.size() >= 2) {
    co_sources_ = doc_->parties;
    implied_target_ = doc_->parties[1];
    return doc_->parties[0];
  }
  // "첫 협상이 열렸고, … 두 차례 협상이 더 이어졌다": the pair of the sentence's last event.
  if (!pending_.empty()) {
    const Event& e = pending_.back().ev;
    ActorRef t = SideRef(e.target_country.empty() ? e.target : e.target_country);
    if (t.valid()) {
      implied_target_ = t;
      return SideRef(e.source_country.empty() ? e.source : e.source_country);
    }
  }
  // "대북 특사단 방북": a delegation toward another state is the author's own.
  for (auto it = nps_.rbegin(); it != nps_.rend(); ++it) {
    if (it->clause != p.clause || it->last >= p.unit) continue;
    for (int k = it->first; k <= it->last; ++k) {
      if (units_[k].toward < 0 || units_[k].paren) continue;
      const Country* c = lex_.countries().Find(in_.self_country);
      if (c != nullptr && lex_.countries().all()[units_[k].toward].iso3 != c->iso3)
        return ActorRef{c->iso3 + "GOV", c->iso3,
                        std::string(Text(units_[it->first].b, units_[it->last].e)), c->short_ko,
                        c->label_en};
    }
  }
  return ps_->source;
}

ActorRef SegmentCoder::CompoundSubject(const NP& np) {
  for (int k = np.first; k <= np.last; ++k) {
    const Unit& u = units_[k];
    if (u.compound.size() < 2 || u.quoted || u.paren) continue;
    co_sources_.clear();
    for (int c : u.compound) co_sources_.push_back(StateRef(c));
    src_np_ = &np;
    return co_sources_.front();
  }
  return {};
}

// The pair of the latest event of this sentence or paragraph; else a compound of the sentence.
bool SegmentCoder::LastDyad(ActorRef* target, const Pred& p) {
  auto state = [&](const std::string& iso3) -> ActorRef {
    const Country* c = lex_.countries().Find(iso3);
    if (c == nullptr) return {};
    return ActorRef{c->iso3, c->iso3, c->short_ko, c->short_ko, c->label_en};
  };
  std::pair<std::string, std::string> pair;
  if (is_row() && title_parties_ != nullptr && title_parties_->size() >= 2) {
    // "양국 공군 연합훈련" in a row: the pair its table is about.
    const ActorRef& a = (*title_parties_)[0];
    const ActorRef& b = (*title_parties_)[1];
    pair = {a.country.empty() ? a.code : a.country, b.country.empty() ? b.code : b.country};
  } else if (!pending_.empty()) {
    pair = {pending_.back().ev.source_country, pending_.back().ev.target_country};
  } else if (!ps_->recent.empty()) {
    pair = ps_->recent.back();
  } else {
    for (const Unit& u : units_) {
      if (u.compound.size() >= 2 && !u.quoted) {
        pair = {lex_.countries().all()[u.compound[0]].iso3,
                lex_.countries().all()[u.compound[1]].iso3};
        break;
      }
    }
  }
  // Else the pair the document is about: its first chronology table's title.
  if (pair.first.empty() && doc_ != nullptr && doc_->parties.size() >= 2) {
    const ActorRef& a = doc_->parties[0];
    const ActorRef& b = doc_->parties[1];
    pair = {a.country.empty() ? a.code : a.country, b.country.empty() ? b.code : b.country};
  }
  (void)p;
  implied_source_ = state(pair.first);
  *target = state(pair.second);
  return implied_source_.valid() && target->valid();
}

// A compound in the predicate's clause (남북 고위급회담): its first state acts.
ActorRef SegmentCoder::CompoundSource(const Pred& p) {
  for (size_t k = 0; k < units_.size(); ++k) {
    const Unit& u = units_[k];
    if (u.quoted || u.paren || u.compound.size() < 2) continue;
    if (ClauseOf(static_cast<int>(k)) != p.clause && static_cast<int>(k) != p.unit) continue;
    const Country& c = lex_.countries().all()[u.compound[0]];
    return ActorRef{c.iso3, c.iso3, c.short_ko, c.short_ko, c.label_en};
  }
  return {};
}

bool SegmentCoder::IsFirstNp(const NP& np, const Date& on) const {
  for (const NP& x : nps_) {
    if (&x == &np) return true;
    if (Resolve(x, on).valid()) return false;
  }
  return false;
}

// "빌뉴스 나토 정상회의 계기": the occasion, not an actor of the row.
bool SegmentCoder::IsOccasion(const NP& np) const {
  std::string_view w = Text(units_[np.last].b, units_[np.last].e);
  return w == "계기" || w == "계기로" || w == "계기에" || w == "참석차" || w == "기간" ||
         w == "기간에";
}

ActorRef SegmentCoder::RowSubject(const Date& on) const {
  for (const NP& np : nps_) {
    if (IsOccasion(np)) continue;
    if (np.role != Role::kNone && np.role != Role::kSubject && np.role != Role::kTopic) return {};
    ActorRef r = Resolve(np, on);
    if (r.valid()) return r;
  }
  return {};
}

ActorRef SegmentCoder::ConditionSubject(const Pred& p, const Date& on) {
  for (const NP& np : nps_) {
    // A topic (은/는) is the sentence's, even when no boundary falls between it and the condition.
    if (np.last >= p.unit || np.role != Role::kSubject) continue;
    if (np.clause >= static_cast<int>(clause_ending_.size()) ||
        clause_ending_[np.clause] != Ending::kConditional)
      continue;
    ActorRef r = Resolve(np, on);
    if (r.valid()) return r;
  }
  return {};
}

// The first phrase of the clause in one of the roles that heads an actor (or a place).
ActorRef SegmentCoder::RoleTarget(const Pred& p, std::initializer_list<Role> roles, const Date& on,
                                  bool places, bool after_too) {
  for (Role want : roles) {
    for (const NP& np : nps_) {
      // In a headline row a bare phrase right before the predicate is its object: "푸틴 예방".
      bool bare_object = want == Role::kObject && is_row() && np.role == Role::kNone &&
                         np.last == p.unit - 1 && !np.comma;
      if (np.clause != p.clause || (np.role != want && !bare_object)) continue;
      if (&np == joint_np_ || IsBehalf(np)) continue;
      if (np.first > p.unit && !after_too) continue;
      if (is_row() && np.role == Role::kNone && np.last != p.unit - 1) continue;
      if (bare_object && !RowSubject(on).valid()) continue;
      if (HeadIsActor(np)) {
        ActorRef r = Resolve(np, on);
        if (r.valid()) return r;
      }
      if (places) {
        ActorRef r = Place(np);
        if (r.valid()) return r;
      }
    }
  }
  return {};
}

ActorRef SegmentCoder::OwnerOfReactedAct(const Pred& p, const Date& on) {
  for (const NP& np : nps_) {
    if (np.role != Role::kGenitive || np.clause != p.clause || np.last + 1 >= p.unit) continue;
    const Unit& next = units_[np.last + 1];
    if (next.quoted || next.paren) continue;
    // "윤석열 대통령의 … 비판 발언 반박": a reaction to words is aimed at their speaker.
    bool words = false;
    for (int k = np.last + 1; k < p.unit && !words; ++k)
      for (const std::string& w : lex_.korean_words().reacted_words)
        words |= Word(k).substr(0, w.size()) == w;
    // "미국의 대만 무기 판매 규탄", "한국의 우크라이나 지원 움직임에 … 경고": a state right after
    // the genitive, with more of the phrase after it, is the act's beneficiary, not its owner.
    bool toward_state = next.toward >= 0;
    if (!toward_state && next.lex != nullptr && np.last + 2 < p.unit && next.compound.empty())
      for (const LexEntry& e : *next.lex) toward_state |= e.kind == LexEntry::Kind::kCountry;
    // Only when nothing verbal stands between: "대만 총통의 미국 경유 일정에 장소를
    // 제공했다는 이유로 … 제재" sanctions who gave the venue, not the traveller.
    for (int k = np.last + 1; k < p.unit && toward_state && next.toward < 0; ++k)
      toward_state = units_[k].suf.kind != Suffix::Kind::kVerbal && !units_[k].verb_stem;
    if (!toward_state && !words) continue;
    ActorRef r = Resolve(np, on);
    if (r.valid()) return r;
  }
  return {};
}

// A compound (북러) or "대X" in the clause: the side that is not the source.
ActorRef SegmentCoder::CompoundTarget(const Pred& p, const std::string& src_country,
                                      bool sentence) {
  for (size_t k = 0; k < units_.size(); ++k) {
    const Unit& u = units_[k];
    if (u.quoted || u.paren) continue;
    if (src_np_ != nullptr && static_cast<int>(k) >= src_np_->first &&
        static_cast<int>(k) <= src_np_->last)
      continue;
    if (!sentence && ClauseOf(static_cast<int>(k)) != p.clause) continue;
    if (u.toward >= 0 && lex_.countries().all()[u.toward].iso3 != src_country)
      return StateRef(u.toward);
    if (u.compound.empty()) continue;
    if (AllSources(u.compound)) continue;  // "중러 양국에 대한" in a statement by both
    bool has_src = false;
    for (int c : u.compound) has_src |= lex_.countries().all()[c].iso3 == src_country;
    if (has_src && skip_own_compound_) continue;
    if (!has_src) {
      // "한미 연합훈련을 비난": every state of the compound is a target.
      if (!co_sources_.empty()) continue;
      for (size_t i = 1; i < u.compound.size(); ++i) co_targets_.push_back(StateRef(u.compound[i]));
      return StateRef(u.compound[0]);
    }
    for (int c : u.compound)
      if (lex_.countries().all()[c].iso3 != src_country) return StateRef(c);
  }
  return {};
}

ActorRef SegmentCoder::ComplementDative(const Pred& p, const std::string& src_country,
                                        const Date& on) {
  int clause = p.clause - 1;
  if (clause < 0 || clause >= static_cast<int>(clause_ending_.size()) ||
      clause_ending_[clause] != Ending::kQuote)
    return {};
  for (const NP& np : nps_) {
    if (np.clause != clause || np.role != Role::kDative || np.last >= p.unit) continue;
    if (!HeadIsActor(np)) continue;
    ActorRef r = Resolve(np, on);
    if (r.valid() && (r.country.empty() ? r.code : r.country) != src_country) return r;
  }
  return {};
}

ActorRef SegmentCoder::AddresseeOfAppeal(const Pred& p, const std::string& src_country,
                                         const Date& on) {
  for (auto it = nps_.rbegin(); it != nps_.rend(); ++it) {
    if (it->last >= p.unit || it->role != Role::kSubject || &*it == src_np_) continue;
    ActorRef r = Resolve(*it, on);
    if (r.valid() && (r.country.empty() ? r.code : r.country) != src_country) return r;
  }
  return {};
}

bool SegmentCoder::AllSources(const std::vector<int>& compound) const {
  if (co_sources_.size() < 2) return false;
  for (int c : compound) {
    bool found = false;
    for (const ActorRef& r : co_sources_) found |= r.country == lex_.countries().all()[c].iso3;
    if (!found) return false;
  }
  return true;
}

// The first phrase of the clause in these roles that names a state anywhere in it, even
// when its head is not an actor: "중국 기업 2곳을 제재했다" sanctions China.
ActorRef SegmentCoder::RoleMention(const Pred& p, std::initializer_list<Role> roles, const Date& on,
                                   bool nearest) {
  for (Role want : roles) {
    // The predicate's own object is the last before it: in "일본 열도 상공을 통과하는 IRBM을
    // 발사했다" the first object belongs to the relative clause.
    const NP* own = nullptr;
    for (const NP& np : nps_)
      if (np.clause == p.clause && np.role == want && np.last < p.unit) own = &np;
    for (const NP& np : nps_) {
      if (nearest && &np != own) continue;
      // In a headline row the bare phrase before the predicate is its object: "… 미 항모강습단
      // 재전개 규탄".
      bool bare_object = want == Role::kObject && is_row() && np.role == Role::kNone &&
                         np.last == p.unit - 1 && !np.comma;
      if (np.clause != p.clause || (np.role != want && !bare_object) || np.first > p.unit ||
          &np == src_np_ || IsBehalf(np))
        continue;
      ActorRef r = Resolve(np, on);
      if (r.valid()) return r;
    }
  }
  return {};
}

int SegmentCoder::ClauseOf(int unit) const {
  if (const NP* np = NpAt(unit)) return np->clause;
  for (const Pred& p : preds_)
    if (p.unit == unit) return p.clause;
  return -1;
}

// Any state named in the clause (or sentence) other than the source's, leftmost first.
ActorRef SegmentCoder::MentionTarget(const Pred& p, const std::string& src_country, const Date& on,
                                     bool sentence, bool after_source) {
  for (const NP& np : nps_) {
    if (!sentence && np.clause != p.clause) continue;
    if (after_source && src_np_ != nullptr && np.first <= src_np_->last) continue;
    if (&np == src_np_ || IsBehalf(np)) continue;
    // A venue ("G7 정상회의에서", "APEC 정상회의를 계기로") is where, not whom.
    if (np.role == Role::kLocative || IsOccasion(np)) continue;
    for (int k = np.first; k <= np.last; ++k) {
      const Unit& u = units_[k];
      if (u.quoted || u.paren || u.named) continue;
      if (!u.compound.empty() && !AllSources(u.compound)) {
        for (int c : u.compound)
          if (lex_.countries().all()[c].iso3 != src_country) return StateRef(c);
      }
    }
    ActorRef r = Resolve(np, on);
    if (r.valid() && r.country != src_country && (!r.country.empty() || r.code != "")) return r;
  }
  return {};
}

// "북한이 … 발사하자 구테흐스 사무총장은 … 규탄했다": the subject of a -자 clause before the
// reaction set it off.
ActorRef SegmentCoder::TriggerTarget(const Pred& p, const std::string& src_country,
                                     const Date& on) {
  for (int k = 0; k < p.unit; ++k) {
    const Unit& u = units_[k];
    if (u.punct || u.quoted || u.paren) continue;
    bool verbal = u.suf.kind == Suffix::Kind::kVerbal || u.unknown_verbal || u.verb_stem;
    std::string_view w = Word(k);
    if (!verbal || !(EndsWith(w, "자") || EndsWith(w, "자,")) || IsPropositive(w)) continue;
    int clause = ClauseOf(k);
    if (clause < 0 || clause >= p.clause) continue;
    for (size_t i = 0; i < nps_.size(); ++i) {
      const NP& np = nps_[i];
      if (np.clause != clause || np.first > k) continue;
      if (np.role != Role::kSubject && np.role != Role::kTopic) continue;
      // "가미카와 외무상과 테오도로 국방장관이 … 서명하자": the first named of a joint subject.
      if (i > 0 && nps_[i - 1].role == Role::kComitative && nps_[i - 1].last + 1 == np.first) {
        ActorRef first = Resolve(nps_[i - 1], on);
        if (first.valid() && (first.country.empty() ? first.code : first.country) != src_country)
          return first;
      }
      ActorRef r = Resolve(np, on);
      if (r.valid() && (r.country.empty() ? r.code : r.country) != src_country) return r;
    }
  }
  return {};
}

// The counterpart of this actor's previous event in the sentence.
ActorRef SegmentCoder::CarriedTarget(const ActorRef& src) const {
  if (pending_.empty() || pending_.back().ev.source != src.code) return {};
  return last_target_;
}

ActorRef SegmentCoder::SpeakerTarget(const std::string& src_country) const {
  for (auto it = ps_->recent.rbegin(); it != ps_->recent.rend(); ++it)
    if (it->first == src_country) return SideRef(it->second);
  return {};
}

ActorRef SegmentCoder::ReplyTarget(const std::string& src_country) const {
  for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) {
    const Event& e = it->ev;
    const std::string& t = e.target_country.empty() ? e.target : e.target_country;
    if (t == src_country) return SideRef(e.source_country.empty() ? e.source : e.source_country);
  }
  for (auto it = ps_->recent.rbegin(); it != ps_->recent.rend(); ++it)
    if (it->second == src_country) return SideRef(it->first);
  return {};
}

}  // namespace dyad::kocoder
