// The author's voice: what a speech or statement itself does to the states it speaks of.
//
// Design note. A New Year address, a government statement or a spokesman's talk is one long
// act of speech by the author's state on the document's date. Its sentences rarely carry a
// verb of saying; they demand ("남조선 당국은 … 그만두어야 합니다"), condemn ("미국은 … 침략책동에
// 매달리고 있습니다"), warn ("우리는 … 단호히 대응할 것입니다") and offer ("우리는 … 회담도 할 수
// 있다"). Each such sentence is read as one frame over the lexicon:
//   - a phrase in subject or topic role naming another state, with an obligation ending after
//     it (-아야/-어야 하다, -지 말아야): the author demands of that state (CAMEO 100);
//   - that state as subject, topic or owner (의) — else named anywhere in a sentence the author
//     is not the subject of — with a cue of quote_cues_ko.tsv in the sentence: the author says
//     what the cue says of it (criticism, rejection, accusation);
//   - the author's own first person (우리는) with a threat cue: a warning to the state the
//     sentence names, else to the state the author last spoke of;
//   - the author's own first person with a meeting noun (회담, 대화, 접촉) in an intention:
//     the author offers to meet that state (CAMEO 036).
// A sentence told in the past narrates: of these it keeps only the criticism its polemic words
// make; what it tells is left to the predicates the segment coder found.
#include <algorithm>

#include "coder/ko_segment.h"

namespace dyad::kocoder {

// A syllable closed by ㅆ marks the past (했, 였, 었, 았), except 있 (to be: "매달리고 있습니다")
// and 겠 (shall: "하겠습니다").
bool HasPastSyllable(std::string_view w) {
  for (size_t i = 0; i < w.size();) {
    int len;
    char32_t c = utf8::Decode(w, i, &len);
    if (utf8::IsHangulSyllable(c) && utf8::Decompose(c).tail == 20 && c != U'있' && c != U'겠')
      return true;
    i += len;
  }
  return false;
}

namespace {

bool StartsWithAny(std::string_view w, std::initializer_list<std::string_view> heads) {
  for (std::string_view h : heads)
    if (w.starts_with(h)) return true;
  return false;
}

}  // namespace

// Whether the words from unit `from` on hold an obligation: "-아야/-어야/-여야" followed by
// 하다 in any form, or "말아야" (must not).
bool SegmentCoder::Obliged(int from) const {
  for (int k = std::max(from, 0); k + 1 < static_cast<int>(units_.size()); ++k) {
    if (units_[k].quoted || units_[k].punct) continue;
    std::string_view w = Word(k);
    if (!EndsWith(w, "야")) continue;
    int n = k + 1;
    while (n < static_cast<int>(units_.size()) && units_[n].punct) ++n;
    if (n < static_cast<int>(units_.size()) &&
        StartsWithAny(Word(n), {"하", "합", "할", "한", "했"}))
      return true;
    if (EndsWith(w, "말아야")) return true;
  }
  return false;
}

void SegmentCoder::VoiceFrames() {
  if (!in_.author_speaks || !in_.doc_date || is_row() || in_.self_country.empty() ||
      doc_ == nullptr)
    return;
  // The sentence's own closing verb: told in the past, the sentence narrates; it still
  // condemns what it names in the author's polemic words, but demands, warns and offers nothing.
  int last = -1;
  for (int k = static_cast<int>(units_.size()) - 1; k >= 0 && last < 0; --k)
    if (!units_[k].punct && !units_[k].quoted) last = k;
  if (last < 0) return;
  const bool past = HasPastSyllable(Word(last));
  const Date on = *in_.doc_date;
  const std::string& self = in_.self_country;
  auto foreign = [&](const ActorRef& r) {
    return r.valid() && !r.country.empty() && r.country != self;
  };
  // The first phrase naming another state as subject or topic, and the first as owner.
  const NP* addressee_np = nullptr;
  const NP* owner_np = nullptr;
  bool first_person = false;
  ActorRef addressee, owner, mentioned;
  for (const NP& np : nps_) {
    if (units_[np.first].quoted) continue;
    ActorRef r = Resolve(np, on);
    bool subjectish = np.role == Role::kTopic || np.role == Role::kSubject;
    if (subjectish && r.valid() && r.country == self && addressee_np == nullptr)
      first_person = true;
    if (!foreign(r)) continue;
    if (!mentioned.valid()) mentioned = r;
    if (subjectish && addressee_np == nullptr) addressee_np = &np, addressee = r;
    if (np.role == Role::kGenitive && owner_np == nullptr) owner_np = &np, owner = r;
  }
  const ActorRef speaker = SideRef(self);
  if (!speaker.valid()) return;
  int prev_events = static_cast<int>(pending_.size());
  auto already = [&](const std::string& country, char root0, char root1) {
    for (int i = 0; i < prev_events; ++i) {
      const Event& e = pending_[i].ev;
      if (e.source_country == self && e.target_country == country && e.code.size() >= 2 &&
          e.code[0] == root0 && e.code[1] == root1)
        return true;
    }
    return false;
  };
  auto push = [&](const ActorRef& tgt, const std::string& code, const std::string& label_ko,
                  const std::string& label_en) {
    if (already(tgt.country, code[0], code[1])) return;
    Action a;
    a.expr = label_ko;
    a.code = code;
    a.frame = Frame::kAct;
    a.label_ko = label_ko;
    a.label_en = label_en;
    Pred p;
    p.unit = last;
    p.clause = ClauseOf(last);
    p.action = &a;
    date_basis_ = "document";
    Push(p, a, code, speaker, tgt, false, DateSpan::Day(on));
  };
  // The quotation cues the sentence holds, outside quotation marks and names.
  auto cue_in_sentence = [&](auto accept) -> const QuoteCue* {
    std::string_view s = Text(seg_.begin, seg_.end);
    for (const QuoteCue& c : lex_.quote_cues())
      if (accept(c.code) && s.find(c.cue) != std::string_view::npos) return &c;
    return nullptr;
  };
  auto threat = [](const std::string& code) { return code.starts_with("13"); };
  auto criticism = [](const std::string& code) {
    return code.starts_with("11") || code.starts_with("12");
  };
  if (addressee.valid()) {
    doc_->addressee = addressee;
    if (!past && Obliged(addressee_np->last + 1)) {
      push(addressee, "100", "", "");  // said by the code's phrase
      return;
    }
    if (const QuoteCue* c = cue_in_sentence(criticism)) {
      push(addressee, c->code, c->label_ko, c->label_en);
      return;
    }
  }
  if (!addressee.valid() && owner.valid()) {
    if (const QuoteCue* c = cue_in_sentence(criticism)) {
      doc_->addressee = owner;
      push(owner, c->code, c->label_ko, c->label_en);
      return;
    }
  }
  // "지금 남조선에서 … 벌어지는 전쟁연습들은 … 화근입니다": the polemic word falls on the state
  // the sentence names, wherever it names it.
  if (!first_person && !addressee.valid() && !owner.valid() && mentioned.valid()) {
    if (const QuoteCue* c = cue_in_sentence(criticism)) {
      doc_->addressee = mentioned;
      push(mentioned, c->code, c->label_ko, c->label_en);
    }
    return;
  }
  if (!first_person || past) return;
  ActorRef target = mentioned.valid() ? mentioned : doc_->addressee;
  if (!target.valid()) return;
  if (const QuoteCue* c = cue_in_sentence(threat)) {
    push(target, c->code, c->label_ko, c->label_en);
    return;
  }
  // An offer: a meeting noun in a sentence of intention (할 수 있다, 용의, 것입니다, 하겠다).
  std::string_view s = Text(seg_.begin, seg_.end);
  bool intends =
      s.find("수 있") != std::string_view::npos || s.find("용의") != std::string_view::npos ||
      s.find("것입니다") != std::string_view::npos || s.find("하겠") != std::string_view::npos;
  if (!intends) return;
  for (const Unit& u : units_) {
    if (u.lex == nullptr || u.quoted) continue;
    for (const LexEntry& e : *u.lex) {
      if (e.kind != LexEntry::Kind::kAction) continue;
      const Action& a = lex_.actions()[e.index];
      if (a.frame != Frame::kMeet || !a.symmetric) continue;
      push(target, "036", "회담 의사 표명", "offers to meet");
      return;
    }
  }
}

}  // namespace dyad::kocoder
