// The Korean segment coder, internal to src/coder: one sentence or table row at a time.
//
// Design note. A segment (sentence or table row) is coded in four passes over its words:
//  1. units: each word, or run of words, matched against the lexicon trie, with what follows
//     the stem analysed (particles → case role, verb ending → clause type); dyad compounds
//     (북러, 한미일), "대X" (toward X) and dates are marked;
//  2. a walk that groups units into noun phrases with roles, finds predicates (a verb form of
//     an action, an action noun with a light verb, a bare action noun in a table row) and
//     numbers clauses at clause-closing endings;
//  3. date resolution in text order, against the year and month in force;
//  4. for each predicate: its date, its source (subject or topic of its clause, else carried
//     from the sentence, the table row or the paragraph), its target by the action's frame;
//     one event per predicate with a source and target of different states.
// Quoted speech (“…”) is evidence, not narration: no predicates or actors are read inside it.
//
// The passes are split over segment_units.cc (units), segment_walk.cc (phrases, predicates,
// clauses, dates), segment_actors.cc (resolving phrases to actors), segment_roles.cc (sources
// and targets) and segment_emit.cc (events, labels, carrying state to the next segment).
#ifndef DYAD_CODER_KO_SEGMENT_H_
#define DYAD_CODER_KO_SEGMENT_H_

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "coder/coder_ko.h"
#include "dyad/utf8.h"
#include "ko/dates_ko.h"
#include "ko/eojeol.h"

namespace dyad::kocoder {

using ko::Ending;
using ko::Role;
using ko::Suffix;

struct Tok {
  uint32_t b, e;
  bool word;
  char32_t ch;
};

struct Unit {
  uint32_t b = 0, e = 0, stem_e = 0;
  const std::vector<LexEntry>* lex = nullptr;
  bool verb_stem = false;
  Suffix suf;
  bool punct = false;
  char32_t ch = 0;
  bool quoted = false, paren = false;
  int date = -1;
  std::vector<int> compound;  // states of a 북러-style compound
  int toward = -1;            // 대북: the state
  int country_word = -1;      // 북한군, 러시아측: a state name with a derivational suffix
  bool particle_only = false;
  bool unknown_verbal = false;
  bool consumed = false;  // a light verb taken by the action noun before it
  bool both = false;      // 양측, 양국, 양 정상: the two sides of the dyad in discussion
  bool named = false;     // inside ‘…’: a name (‘9월 평양공동선언’), not narration
  bool in_quote = false;  // inside “…” (rows read it; narrative skips it as speech)
};

inline size_t CharLen(std::string_view s, size_t i) {
  int len;
  utf8::Decode(s, i, &len);
  return static_cast<size_t>(len);
}

// A word that ends as a verb modifying a noun does: a final ㄴ or ㄹ (선택할, 방문한).
inline bool IsAdnominalForm(std::string_view w) {
  char32_t last = utf8::Last(w);
  if (!utf8::IsHangulSyllable(last)) return false;
  int tail = utf8::Decompose(last).tail;
  return tail == 4 || tail == 8;
}

// "방문할", "될": an adnominal form looking forward (final ㄹ).
inline bool IsProspective(std::string_view w) {
  char32_t last = utf8::Last(w);
  return utf8::IsHangulSyllable(last) && utf8::Decompose(last).tail == 8;
}

inline bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// "…해결해 나가자는 뜻", "만나자고": what is proposed, not done.
inline bool IsPropositive(std::string_view w) {
  return EndsWith(w, "자는") || EndsWith(w, "자고") || EndsWith(w, "자며") || EndsWith(w, "자면서");
}

// Whether a verb form holds the past marker ㅆ (했, 하였, 되였, 가졌), not counting 있 (to
// be) and 겠 (shall).
bool HasPastSyllable(std::string_view w);

struct NP {
  int first = 0, last = 0;  // units
  Role role = Role::kNone;
  int clause = 0;
  bool comma = false;  // "김정은, …": a headline topic
};

struct Pred {
  int unit = 0;
  int light = -1;
  const Action* action = nullptr;
  Ending ending = Ending::kNone;
  bool reciprocal = false;
  int clause = 0;
  EventMode mode = EventMode::kActual;
  bool background = false;  // "그간 중단되었던 협의체": a past state, not an event
  bool intent = false;  // "협의를 추진하겠다", "갖고 싶다", "만날 용의": intended, not done
  bool concluded = false;  // "합의를 맺었다": a cooperative act concluded as an agreement
  int rel_head = -1;       // adnominal: the NP it modifies
};

struct ActorRef {
  std::string code, country, name, label_ko, label_en;
  std::string person;  // the dictionary id when the actor is a known person
  bool valid() const { return !code.empty(); }
};

// What one document teaches about itself: names introduced once with their office and state
// ("게오르기 지노비예프 주한 러시아대사"), so a later "지노비예프 대사" resolves.
struct DocState {
  std::unordered_map<std::string, ActorRef> learned;
  std::vector<ActorRef> parties;  // named by the first chronology table's title
  ActorRef addressee;             // in the author's voice: the state the author last spoke of
};

struct ParagraphState {
  uint32_t paragraph = 0xFFFFFFFF;
  std::optional<DateSpan> date;  // date in force
  int year = 0, month = 0;
  ActorRef source;
  std::vector<std::pair<std::string, std::string>> recent;  // (source country, target country)
  std::optional<DateSpan> last_timeline;  // the latest narrative date before this paragraph
  // The previous paragraph's last date in force: a paragraph opening on a bare day ("강순남은
  // 20일 담화를 발표해") continues that month.
  std::optional<DateSpan> carried;
  bool dated = false;  // the paragraph has resolved a date of its own
};

// Whether the rest of a word is grammatical after a dictionary key (`form`, the matched words)
// that names `entries`; prefers what the key names. Shared by the units pass and the glue pass.
bool Accept(const std::vector<LexEntry>& entries, std::string_view form, std::string_view rest,
            Suffix* suf, bool* verb);

class SegmentCoder {
 public:
  SegmentCoder(const KoreanInput& in, const Segment& seg, ParagraphState* ps, int table_year,
               std::vector<Event>* out, DocState* doc = nullptr)
      : in_(in),
        lex_(in.res->lexicon),
        text_(in.clean->text),
        seg_(seg),
        ps_(ps),
        table_year_(table_year),
        out_(out),
        doc_(doc) {}

  // The states and organisations a table title names ("2023년 북러 교류 주요일지" → PRK, RUS;
  // "안보리 대북제재 결의" → IGOUNO, PRK): the dyad its rows are about.
  std::vector<ActorRef> Parties(const Date& on);
  void set_title_parties(const std::vector<ActorRef>* p) { title_parties_ = p; }

  void Run();

  // The analysis of the segment on stderr, for dictionary and coder work (DYAD_DEBUG_KO=1).
  void Dump() const;
  void FindQuotesAndAttribution();
  void set_unresolved(std::vector<Unresolved>* u) { unresolved_ = u; }
  void NoteUnresolved(const char* reason, int unit, std::string words = {});
  std::string UnknownSubject(const Pred& p) const;

 private:
  bool is_row() const { return seg_.kind == Segment::Kind::kTableRow; }
  std::string_view Text(uint32_t b, uint32_t e) const {
    return std::string_view(text_).substr(b, e - b);
  }

  // ---- pass 1: units ----
  void BuildUnits();

  void Unmatched(Unit* u);
  // A word of names written solid ("미국대통령"): pushes one unit per name; false when the word
  // is not wholly such names.
  bool SplitSolid(uint32_t b, uint32_t e);

  // ---- quotes and parentheses ----
  void MarkScopes();

  // ---- dates ----
  void MarkDates();

  const Action* ActionOf(const Unit& u, bool light) const;

  bool IsActorish(const Unit& u) const;

  int NextContent(int k) const {
    for (int j = k + 1; j < static_cast<int>(units_.size()); ++j)
      if (!units_[j].paren || units_[j].punct) return j;
    return -1;
  }

  std::string_view Word(int k) const {
    if (k < 0 || k >= static_cast<int>(units_.size())) return {};
    return Text(units_[k].b, units_[k].e);
  }

  // ---- pass 2: noun phrases, predicates, clauses ----
  void Walk();

  // ---- pass 3: dates in text order ----
  void ResolveDates();

  // Whether an explicit year moves the narrative's year in force: where it opens the sentence
  // ("2024년 3월 …", "2024년에는 …"), or dates an event of its own clause ("총리는 2023년 5월 27일
  // … 밝혔다"). Not a reference point ("2016년 2월 이후 단절된"), nor a year naming background
  // ("2017년 북한의 핵실험", "2023년 9월 보스토치니 정상회담에서 마련된 토대").
  bool MovesTimeline(const ko::RawDate& r, size_t index, bool opens) const;

  // A date followed within a few words by "전후", "앞두고", "이후"… dates a point of
  // reference ("6월 12일 싱가포르 북미 정상회담을 전후하여"), not the predicate.
  // *after_it (may be null) says whether the reference bounds what follows from below
  // ("… 이후", "… 이래").
  bool IsReference(const ko::RawDate& r, bool* after_it = nullptr) const;

  bool SubjectBefore(int clause, int unit) const;

  bool IsComplement(int clause) const;
  // True when the adnominal verb before unit k closes a clause that is the topic of what
  // follows: "…한 데 대해", "…한 것에 대한".
  bool ClosesAboutClause(int k) const;
  // "한·미·일·호주": from token i, a compound of states joined by middle dots. Returns the
  // token after it and fills u, or i when there is none.
  size_t DotCompound(size_t i, Unit* u) const;
  int DotPiece(std::string_view w, bool last, Suffix* suf, size_t* stem) const;
  // "한국의 대우크라이나 지원", "윤석열 대통령의 … 발언": the actor whose act or words are reacted
  // to.
  ActorRef OwnerOfReactedAct(const Pred& p, const Date& on);
  // The appeals, proposals and demands (CAMEO 02, 03, 10) a rejection's object names with
  // their owner ("우리의 … 호소와 … 제의를 외면"), one per code.
  std::vector<std::pair<ActorRef, const Action*>> RejectedActs(const Pred& p, const Date& on);
  // In a row, marks acts coordinated by 및 with a closing reaction as its objects.
  void ObjectsOfReactions();
  void PointAtSegment(std::string* doc, uint32_t* begin, uint32_t* end,
                      std::string* evidence) const;
  // Adds the states a speaker acts for ("…을 대표해") to the sources; they are not targets.
  void SpokenFor(const Pred& p, const ActorRef& src, const Date& on);
  bool IsBehalf(const NP& np) const {
    return std::find(behalf_.begin(), behalf_.end(), &np) != behalf_.end();
  }
  // Marks the connective clauses chained into a closing forecast as expected.
  void ScopeForecast();
  // The actor named as subject of a condition before p ("북한이 … 나선다면"), or none.
  ActorRef ConditionSubject(const Pred& p, const Date& on);

  // Whether a date at byte `at` of the segment opens it: nothing before it but a connective
  // adverb ("한편", "이어", "그러나").
  bool OpensSentence(uint32_t at) const;

  // The date of a predicate: a date in parentheses right after it, else the nearest date of
  // its clause before it (then after it), else the date in force at its position.
  std::optional<DateSpan> DateFor(const Pred& p, bool* carried);
  // The other dates joined to date unit k ("3월과 5월에"), each dating the act once more.
  std::vector<DateSpan> CoordinatedDates(int k) const;
  // A raw date resolved against the document's date where it counts from it (지난해, a bare
  // day before any month is in force), else against the narrative.
  std::optional<DateSpan> ResolveAgainstDocument(const ko::RawDate& r, int year, int month,
                                                 const std::optional<DateSpan>& prev);
  bool PastTense(const Pred& p) const;
  bool DefinesEvent(int k) const;
  bool HeldBefore(int k) const;
  // ---- the author's voice (segment_voice.cc) ----
  // In a speech or statement: the demand, criticism, warning or offer a sentence makes.
  void VoiceFrames();
  // Whether an obligation ending (-아야/-어야 하다, 말아야) stands at or after unit `from`.
  bool Obliged(int from) const;

  // ---- actors ----
  // A name the dictionaries lack, written right before an office with its state ("게오르기
  // 지노비예프 주한 러시아대사", "윤정호 대외경제상"), is remembered for the rest of the document.
  void LearnNames();

  // Ministries and the presidential office as a Korean brief names its own government:
  // 외교부, 국방부, 통일부, 대통령실 (not 국회 or 대사관, which name any state's).
  static bool IsOwnMinistry(const Actor& a);
  // An office or organisation of no fixed state (대변인, 외교부: ---GOV) on the date.
  static bool IsGeneric(const Actor& a, const Date& on);

  // Resolve is asked about the same phrases many times per predicate; phrases of nps_ are
  // cached per date (a segment's predicates mostly share one).
  // Whether the phrase holds a word that may be a name the dictionaries lack ("린젠 외교부
  // 대변인"): then a bare ministry is not safely the author's own.
  bool HasUnknownName(const NP& np) const;

  ActorRef Resolve(const NP& np, const Date& on) const;

  bool NamesMeeting(const NP& np, int k) const;
  ActorRef ResolveUncached(const NP& np, const Date& on) const;

  // A place (평양) standing for its state, when it heads the phrase.
  ActorRef Place(const NP& np) const;

  bool HeadIsActor(const NP& np) const;

  ActorRef StateRef(int country_index) const;

  // ---- pass 4: events ----
  const NP* NpAt(int unit) const;

  ActorRef SourceFor(const Pred& p, const Date& on);
  // "한미일 외교장관은": a phrase holding a compound of states names joint sources; fills
  // co_sources_ and returns the first.
  ActorRef CompoundSubject(const NP& np);

  // "바이든-시진핑 정상회담": a phrase naming a second actor of another state gives the
  // counterpart of what its first actor does.
  void PairWithin(const NP& np, const ActorRef& first, const Date& on);

  // The pair of the latest event of this sentence or paragraph; else a compound of the sentence.
  bool LastDyad(ActorRef* target, const Pred& p);

  // A compound in the predicate's clause (남북 고위급회담): its first state acts.
  ActorRef CompoundSource(const Pred& p);

  bool IsFirstNp(const NP& np, const Date& on) const;

  // "빌뉴스 나토 정상회의 계기": the occasion, not an actor of the row.
  bool IsOccasion(const NP& np) const;

  ActorRef RowSubject(const Date& on) const;

  // The first phrase of the clause in one of the roles that heads an actor (or a place).
  ActorRef RoleTarget(const Pred& p, std::initializer_list<Role> roles, const Date& on, bool places,
                      bool after_too = false);

  // A compound (북러) or "대X" in the clause: the side that is not the source.
  ActorRef CompoundTarget(const Pred& p, const std::string& src_country, bool sentence);

  ActorRef AddresseeOfAppeal(const Pred& p, const std::string& src_country, const Date& on);
  // "일본에 … 반성하라고 촉구했다": the dative of the quoted complement right before p.
  ActorRef ComplementDative(const Pred& p, const std::string& src_country, const Date& on);

  bool AllSources(const std::vector<int>& compound) const;

  // The first phrase of the clause in these roles that names a state anywhere in it, even
  // when its head is not an actor: "중국 기업 2곳을 제재했다" sanctions China.
  ActorRef RoleMention(const Pred& p, std::initializer_list<Role> roles, const Date& on,
                       bool nearest = false);

  int ClauseOf(int unit) const;

  // Any state named in the clause (or sentence) other than the source's, leftmost first.
  // With after_source, only phrases after the source's own: what a speaker talks about
  // follows the speaker.
  ActorRef MentionTarget(const Pred& p, const std::string& src_country, const Date& on,
                         bool sentence, bool after_source = false);

  // The counterpart of this actor's previous event in the sentence.
  ActorRef CarriedTarget(const ActorRef& src) const;

  ActorRef ReplyTarget(const std::string& src_country) const;

  // The counterpart of this state's latest event in the paragraph: "김여정은 20일 담화에서 …
  // 위협했다. 그는 3월 7일에도 담화를 내고 … 경고했다" warns the same party again.
  ActorRef SpeakerTarget(const std::string& src_country) const;

  // The subject of a "-자" clause before p ("북한이 … 발사하자"): what set a reaction off.
  ActorRef TriggerTarget(const Pred& p, const std::string& src_country, const Date& on);

  // A state (ISO alpha-3) or an organisation (its actor code) as a bare actor.
  ActorRef SideRef(const std::string& side) const;

  void Emit(const Pred& p);
  // Whether an appeal follows a criticism, protest or threat of the sentence ("초치해 …
  // 촉구했다"): then it is pressed as a demand.
  bool PressedAppeal(const Pred& p) const;
  // Whether what follows the condition before p holds a threat cue of quote_cues_ko.tsv
  // ("… 감행한다면 그 결과는 정권의 종말이 될 것"): a warning, not an offer.
  bool ThreatensAfterCondition(const Pred& p) const;
  bool AsksForCooperation(const Pred& p) const;
  // The state an exercise answers: the one named before "대응", "대비" or "겨냥" after it.
  ActorRef AgainstTarget(const Pred& p, const Date& on);
  // "일본을 향해 발사했다", "한국을 겨냥한 훈련": the object of 향해/겨냥 before a show or use of
  // force.
  ActorRef AimedAt(const Pred& p, const Date& on);

  void Push(const Pred& p, const Action& a, const std::string& code, const ActorRef& src,
            const ActorRef& tgt, bool flip, const DateSpan& date);

  void ActionLabels(const Action& a, const ActorRef& src, const ActorRef& tgt, bool flipped,
                    Event* ev);

 public:
  struct PendingEvent {
    Event ev;
    bool said;
  };
  std::vector<PendingEvent> pending_;

  void Finish();

 private:
  const KoreanInput& in_;
  const Lexicon& lex_;
  const std::string& text_;
  const Segment& seg_;
  ParagraphState* ps_;
  int table_year_;
  std::vector<Event>* out_;
  std::vector<Tok> toks_;
  std::vector<Unit> units_;
  std::vector<ko::RawDate> raw_dates_;
  std::vector<std::optional<DateSpan>> resolved_;
  std::vector<bool> timeline_;  // the date moves the narrative (not a year naming background)
  std::vector<bool> reference_;  // "6월 12일 … 정상회담을 전후하여": a point of reference
  std::vector<std::pair<int, int>> date_units_;  // (unit, clause)
  int date_unit_ = -1;                           // the date unit DateFor last chose, or -1
  std::vector<NP> nps_;
  std::vector<Pred> preds_;
  struct QuoteSpan {
    int first, last;  // units inside the quotation marks
    std::string text;
  };
  std::vector<QuoteSpan> quotes_;  // “…” of the segment, in order
  std::string attribution_;        // a news agency the segment names (조선중앙통신)
  std::vector<Unresolved>* unresolved_ = nullptr;
  ActorRef implied_source_, implied_target_, last_target_;
  std::vector<ActorRef> co_sources_, co_targets_;  // joint actors of the current predicate
  const NP* src_np_ = nullptr;                     // the phrase the source came from
  const NP* joint_np_ = nullptr;   // "중국과 러시아가": the comitative naming a co-source
  std::vector<const NP*> behalf_;  // "한국과 일본 등 14개국을 대표해": states spoken for
  bool skip_own_compound_ = false;
  const std::vector<ActorRef>* title_parties_ = nullptr;
  std::vector<Ending> clause_ending_;  // how each closed clause ended
  std::vector<bool> clause_serial_;    // … with a -고/-아/-어 form chaining into the next verb
  DocState* doc_ = nullptr;
  std::string date_basis_ = "text";  // where the date of the events being pushed came from
  bool prev_carried_ = false;        // the date in force came from an earlier paragraph
  mutable std::vector<std::pair<std::optional<Date>, ActorRef>> resolve_cache_;
};

}  // namespace dyad::kocoder

#endif  // DYAD_CODER_KO_SEGMENT_H_
