// Resolving a phrase to an actor on a date: persons by dated role, offices by the state beside
// them, organisations, states, the author's own state, names the document introduced.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "coder/ko_segment.h"
#include "dyad/act_phrase.h"

namespace dyad::kocoder {

// Ministries and the presidential office as a Korean brief names its own government:
// 외교부, 국방부, 통일부, 대통령실 (not 국회 or 대사관, which name any state's).
bool SegmentCoder::IsOwnMinistry(const Actor& a) {
  if (a.type != ActorType::kOrg || a.names_ko.empty()) return false;
  const std::string& n = a.names_ko.front();
  return n.size() >= 6 && (n.substr(n.size() - 3) == "부" || n.substr(n.size() - 3) == "실");
}

bool SegmentCoder::IsGeneric(const Actor& a, const Date& on) {
  const ActorRole* r = a.RoleOn(on);
  return r == nullptr || r->code.substr(0, 3) == "---";
}

// Resolve is asked about the same phrases many times per predicate; phrases of nps_ are
// cached per date (a segment's predicates mostly share one).
// Whether the phrase holds a word that may be a name the dictionaries lack ("린젠 외교부
// 대변인"): then a bare ministry is not safely the author's own.
bool SegmentCoder::HasUnknownName(const NP& np) const {
  for (int k = np.first; k <= np.last; ++k) {
    const Unit& u = units_[k];
    if (u.lex != nullptr || u.punct || u.paren || u.date >= 0 || !u.compound.empty() ||
        u.toward >= 0)
      continue;
    std::string_view w = Text(u.b, u.stem_e ? u.stem_e : u.e);
    if (w.size() >= 6 && static_cast<unsigned char>(w[0]) >= 0xE0) return true;
  }
  return false;
}

ActorRef SegmentCoder::Resolve(const NP& np, const Date& on) const {
  if (nps_.empty() || &np < nps_.data() || &np >= nps_.data() + nps_.size())
    return ResolveUncached(np, on);
  size_t i = static_cast<size_t>(&np - nps_.data());
  if (resolve_cache_.size() != nps_.size()) resolve_cache_.assign(nps_.size(), {});
  auto& slot = resolve_cache_[i];
  if (!slot.first || !(*slot.first == on)) {
    slot.first = on;
    slot.second = ResolveUncached(np, on);
  }
  return slot.second;
}

// Whether the word after unit k in the phrase names a meeting of it: 정상회의, 외교장관회의.
bool SegmentCoder::NamesMeeting(const NP& np, int k) const {
  for (int j = k + 1; j <= np.last && j <= k + 2; ++j) {
    std::string_view w = Text(units_[j].b, units_[j].e);
    for (const std::string& m : lex_.korean_words().meeting_words)
      if (w.substr(0, m.size()) == m) return true;
  }
  return false;
}

ActorRef SegmentCoder::ResolveUncached(const NP& np, const Date& on) const {
  ActorRef ref;
  int person = -1, office = -1, country = -1, self = -1, first = -1, last = -1;
  bool ministry = false;  // "외교부 대변인": an office of a ministry named without its state
  int fixed = -1;         // "외무성 대변인": an organisation of one state before the office
  for (int k = np.first; k <= np.last; ++k) {
    const Unit& u = units_[k];
    // Inside ‘…’ is a name of a thing (‘아시아판 나토’, ‘조소 우호조약’), not an actor.
    if (u.punct || u.paren || u.quoted || u.named || u.date >= 0) continue;
    if (u.country_word >= 0) {
      country = u.country_word;
      if (first < 0) first = k;
      last = k;
    }
    if (u.lex == nullptr) continue;
    for (const LexEntry& e : *u.lex) {
      switch (e.kind) {
        case LexEntry::Kind::kActor:
          if (lex_.actors()[e.index].type == ActorType::kPerson) {
            if (person < 0) person = e.index;
          } else if (lex_.actors()[e.index].type == ActorType::kOrg && NamesMeeting(np, k)) {
            continue;  // "SCO 정상회의", "브릭스 정상회의": a gathering, not the organisation
                       // acting
          } else {
            if (office >= 0 && !IsGeneric(lex_.actors()[office], on)) fixed = office;
            office = e.index;
            ministry |= IsOwnMinistry(lex_.actors()[e.index]);
          }
          break;
        case LexEntry::Kind::kCountry:
          country = e.index;
          break;
        case LexEntry::Kind::kSelf:
          self = e.index;
          break;
        default:
          continue;
      }
      if (first < 0) first = k;
      last = k;
    }
  }
  // A name this document introduced ("지노비예프 대사를" after "게오르기 지노비예프 주한
  // 러시아대사") stands for the actor it was introduced as, unless a known person is named.
  if (person < 0 && country < 0 && doc_ != nullptr && !doc_->learned.empty()) {
    for (int k = np.first; k <= np.last; ++k) {
      const Unit& u = units_[k];
      if (u.lex != nullptr || u.paren || u.quoted || u.punct) continue;
      auto it = doc_->learned.find(std::string(Text(u.b, u.stem_e ? u.stem_e : u.e)));
      if (it != doc_->learned.end()) return it->second;
    }
  }
  if (first < 0) {
    // "대북 특별사절단(수석: 정의용 국가안보실장)": the phrase names its actor in parentheses.
    for (int k = np.first; k <= np.last && person < 0; ++k) {
      const Unit& u = units_[k];
      if (!u.paren || u.punct || u.lex == nullptr) continue;
      for (const LexEntry& e : *u.lex) {
        if (e.kind == LexEntry::Kind::kActor && lex_.actors()[e.index].type == ActorType::kPerson) {
          person = e.index;
          first = last = k;
          break;
        }
      }
    }
    if (first < 0) return ref;
  }
  const auto& countries = lex_.countries().all();
  auto state_of = [&](const std::string& code) -> std::string {
    std::string s = code.substr(0, 3);
    return lex_.countries().Find(s) != nullptr ? s : std::string();
  };
  ref.name = std::string(
      Text(units_[first].b, units_[last].stem_e ? units_[last].stem_e : units_[last].e));
  if (person >= 0) {
    const Actor& a = lex_.actors()[person];
    const ActorRole* r = a.RoleOn(on);
    if (r == nullptr) return ref;
    ref.code = r->code;
    ref.person = a.id;
    if (ref.code.substr(0, 3) == "---") {
      if (country < 0) return ActorRef{};
      ref.code = countries[country].iso3 + ref.code.substr(3);
    }
    ref.country = state_of(ref.code);
    std::string ko = a.names_ko.empty() ? ref.name : a.names_ko.front();
    std::string en = a.names_en.empty() ? ko : a.names_en.front();
    ref.label_ko = r->title_ko.empty() ? ko : ko + " " + r->title_ko;
    ref.label_en = r->title_en.empty() ? en : en + " (" + r->title_en + ")";
    return ref;
  }
  if (office >= 0) {
    const Actor& a = lex_.actors()[office];
    const ActorRole* r = a.RoleOn(on);
    if (r != nullptr) {
      std::string code = r->code;
      if (code.substr(0, 3) == "---" && country < 0 && fixed >= 0) {
        // "외무성 대변인", "국방성 대변인": the spokesperson of that state's ministry.
        if (const ActorRole* fr = lex_.actors()[fixed].RoleOn(on)) code = fr->code;
      }
      if (code.substr(0, 3) == "---") {
        // A ministry named without its state ("외교부 제1차관") is the author's own: other
        // states' ministries are written with theirs ("중국 외교부").
        if (country >= 0) code = countries[country].iso3 + code.substr(3);
        // A row of "표 1. 2024년 중국 외교부 주요 성명" is that state's ministry speaking.
        else if (is_row() && !nps_.empty() && np.first == nps_.front().first && ministry &&
                 title_parties_ != nullptr && title_parties_->size() == 1 &&
                 !title_parties_->front().country.empty())
          code = title_parties_->front().country + code.substr(3);
        else if (self >= 0 || (ministry && !HasUnknownName(np)))
          code = in_.self_country + code.substr(3);
        else
          code.clear();
      }
      if (!code.empty()) {
        ref.code = code;
        ref.country = state_of(code);
        ref.label_ko = ref.name;
        std::string title =
            r->title_en.empty() ? (a.names_en.empty() ? "" : a.names_en.front()) : r->title_en;
        const Country* c = lex_.countries().Find(ref.country);
        ref.label_en =
            c != nullptr && r->code.substr(0, 3) == "---" ? c->name_en + " " + title : title;
        if (ref.label_en.empty()) ref.label_en = ref.name;
        ref.label_en = EnglishArticle(ref.label_en);  // "the DPRK foreign ministry"
        return ref;
      }
    }
  }
  if (country >= 0) {
    ref.code = countries[country].iso3;
    ref.country = ref.code;
    ref.label_ko = countries[country].short_ko;
    ref.label_en = countries[country].label_en;
    return ref;
  }
  if (self >= 0) {
    ref.code = in_.self_country + (self == 1 ? "MIL" : "GOV");
    ref.country = in_.self_country;
    // "우리" is the author's state: a chronology names it.
    const Country* c = lex_.countries().Find(in_.self_country);
    ref.label_ko = c != nullptr ? (c->short_ko.empty() ? c->name_ko : c->short_ko) : ref.name;
    if (self == 1 && c != nullptr) ref.label_ko += " 군";
    ref.label_en = c != nullptr ? c->label_en : in_.self_country;
    if (self == 1 && c != nullptr) ref.label_en = StateActorLabel(lex_.countries(), ref.code, "en");
    return ref;
  }
  return ref;
}

// A place (평양) standing for its state, when it heads the phrase.
ActorRef SegmentCoder::Place(const NP& np) const {
  ActorRef ref;
  // An address narrows left to right ("평양 대동강구역 문흥동에"): a known place followed only by
  // words the dictionaries do not know is where the phrase is.
  int at = np.last;
  while (at > np.first && units_[at].lex == nullptr && !units_[at].punct && units_[at].toward < 0 &&
         units_[at].compound.empty() && units_[at].country_word < 0)
    --at;
  const Unit& u = units_[at];
  if (u.lex == nullptr) return ref;
  for (const LexEntry& e : *u.lex) {
    if (e.kind != LexEntry::Kind::kCountryPlace) continue;
    const Country& c = lex_.countries().all()[e.index];
    ref.code = ref.country = c.iso3;
    ref.name = std::string(Text(u.b, u.stem_e));
    ref.label_ko = c.short_ko;
    ref.label_en = c.label_en;
  }
  return ref;
}

bool SegmentCoder::HeadIsActor(const NP& np) const {
  // A person heads the phrase whatever titles follow the name ("김정은 위원장과").
  for (int k = np.first; k <= np.last; ++k) {
    const Unit& u = units_[k];
    if (u.lex == nullptr || u.paren || u.quoted) continue;
    for (const LexEntry& e : *u.lex)
      if (e.kind == LexEntry::Kind::kActor && lex_.actors()[e.index].type == ActorType::kPerson)
        return true;
  }
  for (int k = np.last; k >= np.first; --k) {
    const Unit& u = units_[k];
    if (u.punct || u.paren || u.date >= 0) continue;
    if (IsActorish(u)) return true;
    std::string_view w = Text(u.b, u.stem_e ? u.stem_e : u.e);
    // Words that follow a name in a phrase still headed by it.
    for (std::string_view tail : {"등", "일행", "측", "일가", "내외", "함께"})
      if (w == tail) goto next;
    return false;
  next:;
  }
  return false;
}

ActorRef SegmentCoder::StateRef(int country_index) const {
  const Country& c = lex_.countries().all()[country_index];
  return ActorRef{c.iso3, c.iso3, c.short_ko, c.short_ko, c.label_en};
}

// "바이든-시진핑 정상회담": a phrase naming a second actor of another state gives the
// counterpart of what its first actor does.
void SegmentCoder::PairWithin(const NP& np, const ActorRef& first, const Date& on) {
  for (int k = np.first; k <= np.last; ++k) {
    const Unit& u = units_[k];
    if (u.lex == nullptr || u.paren || u.quoted || u.named) continue;
    for (const LexEntry& e : *u.lex) {
      if (e.kind != LexEntry::Kind::kActor || lex_.actors()[e.index].type != ActorType::kPerson)
        continue;
      NP one{k, k, Role::kNone, np.clause, false};
      ActorRef other = Resolve(one, on);
      if (other.valid() && !other.country.empty() && other.country != first.country) {
        implied_target_ = other;
        return;
      }
    }
  }
}

// A state (ISO alpha-3) or an organisation (its actor code) as a bare actor.
ActorRef SegmentCoder::SideRef(const std::string& side) const {
  if (const Country* c = lex_.countries().Find(side))
    return ActorRef{c->iso3, c->iso3, c->short_ko, c->short_ko, c->label_en};
  for (const Actor& a : lex_.actors()) {
    if (a.type != ActorType::kOrg || a.roles.empty() || a.roles.front().code != side) continue;
    std::string ko = a.names_ko.empty() ? side : a.names_ko.front();
    std::string en = a.names_en.empty() ? side : EnglishArticle(a.names_en.front());
    return ActorRef{side, "", ko, ko, en};
  }
  return side.empty() ? ActorRef{} : ActorRef{side, "", side, side, side};
}

}  // namespace dyad::kocoder
