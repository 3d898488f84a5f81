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
#include "coder/coder_ko.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <unordered_map>

#include "dyad/utf8.h"
#include "ko/dates_ko.h"
#include "ko/eojeol.h"

namespace dyad {

namespace {

using ko::Ending;
using ko::Role;
using ko::Suffix;

struct Tok {
  uint32_t b, e;
  bool word;
  char32_t ch;
};

bool IsPunct(char32_t c) {
  switch (c) {
    case ',':
    case '.':
    case '(':
    case ')':
    case '[':
    case ']':
    case '"':
    case '\'':
    case ':':
    case ';':
    case '?':
    case '!':
    case '<':
    case '>':
    case 0x201C:
    case 0x201D:
    case 0x2018:
    case 0x2019:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
    case 0x300A:
    case 0x300B:
    case 0x3008:
    case 0x3009:
    case 0x2026:
    case 0xFF08:
    case 0xFF09:
    case 0x3001:
    case 0x3002:
      return true;
    default:
      return false;
  }
}

// A middle dot joining names ("러시아·벨라루스", "한·미") separates words; between digits
// ("9·19") it is part of a name.
bool IsListDot(std::string_view t, uint32_t i, uint32_t b, uint32_t e, char32_t c) {
  if (c == '-' || c == 0x2013) {
    // "바이든-시진핑 정상회담": a dash between Hangul names pairs them; "만리경-1호" keeps it.
    if (i <= b || i + 1 >= e) return false;
    char32_t before = utf8::Last(t.substr(b, i - b));
    int len;
    utf8::Decode(t, i, &len);
    if (i + len >= e) return false;
    char32_t after = utf8::Decode(t, i + len, &len);
    return utf8::IsHangulSyllable(before) && utf8::IsHangulSyllable(after);
  }
  if (c != 0x00B7 && c != 0x30FB && c != 0xFF65) return false;
  bool digit_before = i > b && t[i - 1] >= '0' && t[i - 1] <= '9';
  int len;
  utf8::Decode(t, i, &len);
  bool digit_after = i + len < e && t[i + len] >= '0' && t[i + len] <= '9';
  return !(digit_before && digit_after);
}

std::vector<Tok> Tokenize(std::string_view t, uint32_t b, uint32_t e) {
  std::vector<Tok> out;
  uint32_t i = b;
  while (i < e) {
    int len;
    char32_t c = utf8::Decode(t, i, &len);
    if (utf8::IsSpace(c)) {
      i += len;
      continue;
    }
    if (IsPunct(c) || IsListDot(t, i, b, e, c)) {
      // A full stop between digits or after a capital is part of a word (3.5, U.S.).
      bool inner = c == '.' && i > b && i + 1 < e &&
                   ((t[i - 1] >= '0' && t[i - 1] <= '9' && t[i + 1] >= '0' && t[i + 1] <= '9'));
      if (!inner) {
        out.push_back({i, i + static_cast<uint32_t>(len), false, c});
        i += len;
        continue;
      }
    }
    uint32_t s = i;
    while (i < e) {
      char32_t d = utf8::Decode(t, i, &len);
      if (utf8::IsSpace(d)) break;
      if (IsListDot(t, i, s, e, d)) break;
      if (IsPunct(d)) {
        bool inner = d == '.' && i > s && i + 1 < e && t[i - 1] >= '0' && t[i - 1] <= '9' &&
                     t[i + 1] >= '0' && t[i + 1] <= '9';
        if (!inner) break;
      }
      i += len;
    }
    out.push_back({s, i, true, 0});
  }
  return out;
}

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

// Suffixes that turn a state name into a word still naming that state's side: 러시아측, 북한군.
constexpr std::string_view kStateSuffixes[] = {"측", "당국", "정부", "군", "산", "대사관", "대사"};

// Endings that mark an unknown word as a verb closing a clause (얽매이지 않는다면, 유지했다).
struct VerbalTail {
  std::string_view tail;
  Ending ending;
};
constexpr VerbalTail kVerbalTails[] = {
    {"다면", Ending::kConditional},
    {"라면", Ending::kConditional},
    {"으면", Ending::kConditional},
    {"하면", Ending::kConditional},
    {"다고", Ending::kQuote},
    {"라고", Ending::kQuote},
    {"다며", Ending::kQuote},
    {"라며", Ending::kQuote},
    {"다면서", Ending::kQuote},
    {"며", Ending::kConnective},  // 부르며, 밝히며: no common noun ends in 며
    {"면서", Ending::kConnective},
    {"지만", Ending::kConnective},
    {"는데", Ending::kConnective},
    {"으며", Ending::kConnective},
    {"했고", Ending::kConnective},
    {"였고", Ending::kConnective},
    {"었고", Ending::kConnective},
    {"았고", Ending::kConnective},
    {"하며", Ending::kConnective},
    {"하여", Ending::kConnective},
    {"하자", Ending::kConnective},
    {"으나", Ending::kConnective},
    {"했다", Ending::kFinal},
    {"였다", Ending::kFinal},
    {"었다", Ending::kFinal},
    {"았다", Ending::kFinal},
    {"한다", Ending::kFinal},
    {"된다", Ending::kFinal},
    {"는다", Ending::kFinal},
    {"겠다", Ending::kFinal},
    {"이다", Ending::kFinal},
    {"자는", Ending::kAdnominal},
    {"다는", Ending::kAdnominal},
    {"라는", Ending::kAdnominal},
    // "윤 대통령이 도쿄로 출발하기 몇 시간 전": a nominal clause with a subject of its own.
    {"하기", Ending::kNominal},
    {"되기", Ending::kNominal},
    // Verbs modifying a noun look like a noun and 는: "자랑할 거리를 주는 회담", "말하는 대화".
    {"하는", Ending::kAdnominal},
    {"되는", Ending::kAdnominal},
    {"주는", Ending::kAdnominal},
    {"있는", Ending::kAdnominal},
    {"없는", Ending::kAdnominal},
    {"하던", Ending::kAdnominal},
    {"되던", Ending::kAdnominal},
    {"받는", Ending::kAdnominal},
    {"오는", Ending::kAdnominal},
    {"가는", Ending::kAdnominal},
    {"보는", Ending::kAdnominal},
    {"내는", Ending::kAdnominal},
};

size_t CharLen(std::string_view s, size_t i) {
  int len;
  utf8::Decode(s, i, &len);
  return static_cast<size_t>(len);
}

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// "…해결해 나가자는 뜻", "만나자고": what is proposed, not done.
bool IsPropositive(std::string_view w) {
  return EndsWith(w, "자는") || EndsWith(w, "자고") || EndsWith(w, "자며") || EndsWith(w, "자면서");
}

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
  bool actual = true;
  bool intent = false;  // "협의를 추진하겠다", "갖고 싶다", "만날 용의": intended, not done
  int rel_head = -1;  // adnominal: the NP it modifies
};

struct ActorRef {
  std::string code, country, name, label_ko, label_en;
  bool valid() const { return !code.empty(); }
};

// What one document teaches about itself: names introduced once with their office and state
// ("게오르기 지노비예프 주한 러시아대사"), so a later "지노비예프 대사" resolves.
struct DocState {
  std::unordered_map<std::string, ActorRef> learned;
  std::vector<ActorRef> parties;  // named by the first chronology table's title
};

struct ParagraphState {
  uint32_t paragraph = 0xFFFFFFFF;
  std::optional<DateSpan> date;  // date in force
  int year = 0, month = 0;
  ActorRef source;
  std::vector<std::pair<std::string, std::string>> recent;  // (source country, target country)
  std::optional<DateSpan> last_timeline;  // the latest narrative date before this paragraph
  bool dated = false;                     // the paragraph has resolved a date of its own
};

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
  std::vector<ActorRef> Parties(const Date& on) {
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
      NP np{static_cast<int>(&u - units_.data()), static_cast<int>(&u - units_.data()), Role::kNone,
            0, false};
      if (IsActorish(u)) add(Resolve(np, on));
    }
    return out;
  }
  void set_title_parties(const std::vector<ActorRef>* p) { title_parties_ = p; }

  void Run() {
    BuildUnits();
    MarkScopes();
    MarkDates();
    Walk();
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
    if (std::getenv("DYAD_DEBUG_KO") != nullptr) Dump();
    for (Pred& p : preds_) Emit(p);
  }

  // The analysis of the segment on stderr, for dictionary and coder work (DYAD_DEBUG_KO=1).
  void Dump() const {
    std::fprintf(stderr, "== %.*s\n", static_cast<int>(seg_.end - seg_.begin),
                 text_.data() + seg_.begin);
    for (const NP& np : nps_) {
      std::fprintf(stderr, "  NP c%d role%d%s: %.*s\n", np.clause, static_cast<int>(np.role),
                   np.comma ? " comma" : "",
                   static_cast<int>(units_[np.last].e - units_[np.first].b),
                   text_.data() + units_[np.first].b);
    }
    for (const Pred& p : preds_) {
      std::fprintf(stderr, "  PRED c%d %s ending%d%s%s: %.*s\n", p.clause, p.action->expr.c_str(),
                   static_cast<int>(p.ending), p.actual ? "" : " not-actual",
                   p.intent ? " intent" : "", static_cast<int>(units_[p.unit].e - units_[p.unit].b),
                   text_.data() + units_[p.unit].b);
    }
  }

 private:
  bool is_row() const { return seg_.kind == Segment::Kind::kTableRow; }
  std::string_view Text(uint32_t b, uint32_t e) const {
    return std::string_view(text_).substr(b, e - b);
  }

  // ---- pass 1: units ----
  void BuildUnits() {
    toks_ = Tokenize(text_, seg_.begin, seg_.end);
    units_.reserve(toks_.size());
    std::string_view limited = std::string_view(text_).substr(0, seg_.end);
    for (size_t i = 0; i < toks_.size();) {
      const Tok& t = toks_[i];
      Unit u;
      u.b = t.b;
      u.e = t.e;
      if (!t.word) {
        u.punct = true;
        u.ch = t.ch;
        units_.push_back(u);
        ++i;
        continue;
      }
      // Longest dictionary match starting here, possibly over several words.
      size_t best_tok = i;
      uint32_t best_p = 0;
      int32_t best_val = -1;
      Suffix best_suf;
      bool best_verb = false;
      lex_.trie().PrefixMatches(limited, t.b, [&](size_t len, int32_t val) {
        uint32_t p = t.b + static_cast<uint32_t>(len);
        size_t j = i;
        while (j < toks_.size() && toks_[j].e < p) {
          if (!toks_[j].word || j + 1 >= toks_.size() || !toks_[j + 1].word ||
              toks_[j + 1].b != toks_[j].e + 1)
            return;
          ++j;
        }
        if (j >= toks_.size() || toks_[j].b >= p) return;  // ended on a space
        std::string_view rest = Text(p, toks_[j].e);
        bool verb = false;
        Suffix suf;
        if (!Accept(lex_.EntriesFor(val), Text(toks_[j].b, p), rest, &suf, &verb)) return;
        if (best_val < 0 || p >= best_p) {
          best_tok = j, best_p = p, best_val = val, best_suf = suf, best_verb = verb;
        }
      });
      if (best_val >= 0) {
        u.e = toks_[best_tok].e;
        u.stem_e = best_p;
        u.lex = &lex_.EntriesFor(best_val);
        u.suf = best_suf;
        u.verb_stem = best_verb;
        units_.push_back(u);
        i = best_tok + 1;
        continue;
      }
      u.stem_e = u.e;
      Unmatched(&u);
      units_.push_back(u);
      ++i;
    }
    // "양 정상은", "두 정상이", "양측은", "양국 외교장관은": the pair already in discussion.
    for (size_t k = 0; k < units_.size(); ++k) {
      Unit& u = units_[k];
      if (u.punct) continue;
      std::string_view w = Text(u.b, u.e);
      for (std::string_view p :
           {"양측", "양국", "쌍방", "양자", "공동성명", "공동선언", "공동발표문"}) {
        ko::Role role;
        if (w.substr(0, p.size()) == p &&
            (w.size() == p.size() || ko::IsParticleWord(w.substr(p.size()), &role))) {
          u.both = true;
          if (w.size() > p.size()) u.suf.kind = Suffix::Kind::kParticles, u.suf.role = role;
        }
      }
      if (k > 0 && (Text(units_[k - 1].b, units_[k - 1].e) == "양" ||
                    Text(units_[k - 1].b, units_[k - 1].e) == "두")) {
        for (std::string_view p : {"정상", "장관", "외교장관", "국방장관", "정부", "지도자"}) {
          ko::Role role;
          if (w.substr(0, p.size()) == p &&
              (w.size() == p.size() || ko::IsParticleWord(w.substr(p.size()), &role))) {
            u.both = true;
            if (w.size() > p.size()) u.suf.kind = Suffix::Kind::kParticles, u.suf.role = role;
          }
        }
      }
    }
  }

  // Whether the rest of the word is grammatical after this key; prefers what the key names.
  bool Accept(const std::vector<LexEntry>& entries, std::string_view form, std::string_view rest,
              Suffix* suf, bool* verb) {
    for (const LexEntry& e : entries) {
      if (e.kind == LexEntry::Kind::kAction) {
        if (e.verb_stem) {
          if (ko::AnalyzeVerbEnding(
                  form.substr(form.rfind(' ') == std::string_view::npos ? 0 : form.rfind(' ') + 1),
                  rest, suf)) {
            *verb = true;
            return true;
          }
        } else if (ko::AnalyzeNounSuffix(rest, suf)) {
          return true;
        }
      } else if (ko::AnalyzeNounSuffix(rest, suf) && suf->kind != Suffix::Kind::kVerbal) {
        return true;
      }
    }
    return false;
  }

  void Unmatched(Unit* u) {
    std::string_view w = Text(u->b, u->e);
    ko::Role role;
    if (ko::IsParticleWord(w, &role) && w.size() <= 9) {
      u->particle_only = true;
      u->suf.kind = Suffix::Kind::kParticles;
      u->suf.role = role;
      return;
    }
    // A state name with a derivational suffix: 북한군은, 러시아측과.
    int found = -1;
    lex_.trie().PrefixMatches(w, 0, [&](size_t len, int32_t val) {
      for (const LexEntry& e : lex_.EntriesFor(val)) {
        if (e.kind != LexEntry::Kind::kCountry) continue;
        std::string_view rest = w.substr(len);
        for (std::string_view s : kStateSuffixes) {
          if (rest.substr(0, s.size()) != s) continue;
          Suffix suf;
          if (ko::AnalyzeNounSuffix(rest.substr(s.size()), &suf) &&
              suf.kind != Suffix::Kind::kVerbal) {
            found = e.index;
            u->stem_e = u->b + static_cast<uint32_t>(len + s.size());
            u->suf = suf;
          }
        }
      }
    });
    if (found >= 0) {
      u->country_word = found;
      return;
    }
    // 대북, 대미, 대중국: toward a state.
    if (w.substr(0, 3) == "대" && w.size() >= 6) {
      if (const Country* c = lex_.PrefixCountry(w.substr(3, 3))) {
        u->toward = static_cast<int>(c - lex_.countries().all().data());
        return;
      }
    }
    // 북러, 한미일, 남북: two or more one-syllable state prefixes.
    std::vector<int> states;
    size_t k = 0;
    while (k + 3 <= w.size()) {
      const Country* c = lex_.PrefixCountry(w.substr(k, 3));
      if (c == nullptr) break;
      int idx = static_cast<int>(c - lex_.countries().all().data());
      if (std::find(states.begin(), states.end(), idx) == states.end()) states.push_back(idx);
      k += 3;
    }
    if (k >= 6 && states.size() >= 2) {
      u->compound = states;
      return;
    }
    // The head of a compound noun is its last element: 고위급회담 is a 회담, 평양공동선언 a
    // 공동선언. Split points step over whole characters: "제10차회의", "제1차관은" mix digits in.
    for (size_t k = CharLen(w, 0); k + 3 <= w.size(); k += CharLen(w, k)) {
      if (static_cast<unsigned char>(w[k]) < 0xE0) continue;  // a Hangul head only
      int32_t hit = -1;
      size_t hit_len = 0;
      Suffix hit_suf;
      lex_.trie().PrefixMatches(w, k, [&](size_t len, int32_t val) {
        Suffix suf;
        for (const LexEntry& e : lex_.EntriesFor(val)) {
          if (e.kind != LexEntry::Kind::kAction || e.verb_stem) continue;
          if (lex_.actions()[e.index].frame == Frame::kLight) continue;
          if (ko::AnalyzeNounSuffix(w.substr(k + len), &suf))
            hit = val, hit_len = len, hit_suf = suf;
        }
      });
      if (hit >= 0) {
        u->lex = &lex_.EntriesFor(hit);
        u->stem_e = u->b + static_cast<uint32_t>(k + hit_len);
        u->suf = hit_suf;
        return;
      }
    }
    // Every tail ends in one of a few syllables; test that first, it is most words' exit.
    char32_t last = utf8::Last(w);
    bool may_be_verbal = false;
    for (char32_t c : {U'다', U'고', U'며', U'면', U'서', U'지', U'데', U'자', U'여', U'나', U'는',
                       U'던', U'기', U'만'})
      may_be_verbal |= last == c;
    for (const VerbalTail& vt : kVerbalTails) {
      if (!may_be_verbal) break;
      if (w.size() >= vt.tail.size() && EndsWith(w, vt.tail)) {
        u->unknown_verbal = true;
        u->suf.kind = Suffix::Kind::kVerbal;
        u->suf.ending = vt.ending;
        return;
      }
    }
    // An unknown noun still shows its role by its particles: 고위급대표단은, 사무국과, 명이. Some
    // adverbs end like a noun and a particle (없이, 같이) and are left alone.
    for (size_t k = CharLen(w, 0); k < w.size(); k += CharLen(w, k)) {
      if (static_cast<unsigned char>(w[k]) < 0xE0) continue;
      ko::Role role;
      bool adverb = false;
      for (std::string_view a :
           {"없이", "같이", "깊이", "높이", "많이", "굳이", "길이", "널리", "멀리", "일찍이"})
        adverb |= w == a;
      if (!adverb && ko::IsParticleWord(w.substr(k), &role)) {
        u->stem_e = u->b + static_cast<uint32_t>(k);
        u->suf.kind = Suffix::Kind::kParticles;
        u->suf.role = role;
        return;
      }
    }
  }

  // ---- quotes and parentheses ----
  void MarkScopes() {
    int quote = 0, paren = 0, named = 0;
    for (Unit& u : units_) {
      if (u.punct && u.ch == 0x2018) ++named;
      if (u.punct && u.ch == 0x2019 && named > 0) --named;
      u.named = named > 0;
      if (u.punct) {
        if (u.ch == 0x201C) ++quote;
        if (u.ch == 0x201D && quote > 0) --quote;
        if (u.ch == '(' || u.ch == 0xFF08) ++paren;
        if ((u.ch == ')' || u.ch == 0xFF09) && paren > 0) {
          --paren;
          continue;
        }
      }
      u.quoted = quote > 0 && !(u.punct && u.ch == 0x201C) && !is_row();
      u.in_quote = quote > 0;
      u.paren = paren > 0;
    }
  }

  // ---- dates ----
  void MarkDates() {
    std::string_view seg_text = Text(seg_.begin, seg_.end);
    raw_dates_ = ko::FindKoreanDates(seg_text);
    for (size_t d = 0; d < raw_dates_.size(); ++d) {
      uint32_t b = seg_.begin + raw_dates_[d].begin, e = seg_.begin + raw_dates_[d].end;
      for (Unit& u : units_) {
        if (u.punct || u.named || u.b < b || u.b >= e) continue;
        // A word the date only starts ("11월에는") is still the date.
        u.date = static_cast<int>(d);
      }
    }
  }

  const Action* ActionOf(const Unit& u, bool light) const {
    if (u.lex == nullptr) return nullptr;
    for (const LexEntry& e : *u.lex) {
      if (e.kind != LexEntry::Kind::kAction) continue;
      const Action& a = lex_.actions()[e.index];
      if ((a.frame == Frame::kLight) == light) return &a;
    }
    return nullptr;
  }

  bool IsActorish(const Unit& u) const {
    if (u.country_word >= 0 || u.toward >= 0 || !u.compound.empty()) return u.country_word >= 0;
    if (u.lex == nullptr) return false;
    for (const LexEntry& e : *u.lex)
      if (e.kind != LexEntry::Kind::kAction) return true;
    return false;
  }

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
  void Walk() {
    int clause = 0;
    int np_start = -1;
    clause_ending_.clear();
    // Closes the current clause, remembering how it ended (a quoted complement, a condition…).
    clause_serial_.clear();
    int cur = 0;  // the unit being walked, for next_clause
    auto next_clause = [&](Ending e) {
      clause_ending_.resize(clause + 1, Ending::kNone);
      clause_serial_.resize(clause + 1, false);
      clause_ending_[clause] = e;
      // -고/-아/-어 chain verbs ("가지고 나오다"); -며 and -자 coordinate clauses.
      std::string_view w = Word(cur);
      clause_serial_[clause] = EndsWith(w, "고") || EndsWith(w, "아") || EndsWith(w, "어") ||
                               EndsWith(w, "여") || EndsWith(w, "해") || EndsWith(w, "서");
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
          // Only identifiers (2356호를) and adverbials (만장일치로, 공식) may stand between.
          std::string_view xw = Text(x.b, x.e);
          bool ident = !xw.empty() && xw[0] >= '0' && xw[0] <= '9';
          bool adverbial = x.suf.kind == Suffix::Kind::kParticles && x.suf.role == Role::kDirection;
          bool adverb = false;
          for (std::string_view a : {"공식", "정식", "전격", "정식으로", "공식적으로", "함께",
                                     "다시", "처음으로", "대상에", "대상으로", "명단에"})
            adverb |= xw == a;  // "제재 대상에 추가했다"
          if (EndsWith(xw, "대상에") || EndsWith(xw, "대상으로")) adverb = true;
          if (!ident && !adverbial && !adverb) break;
        }
        // "정상회담에 응할", "협상에 복귀": some light verbs take their action in the dative.
        bool dative_light =
            light != nullptr && u.suf.kind == Suffix::Kind::kParticles &&
            u.suf.role == Role::kDative &&
            (light->expr == "응하다" || light->expr == "나서다" || light->expr == "참여" ||
             light->expr == "참가" || light->expr == "복귀");
        // "회담이 열렸다", "회담이 개최됐다": with a subject particle only a passive light verb.
        if (light != nullptr && u.suf.kind == Suffix::Kind::kParticles &&
            u.suf.role != Role::kObject && !dative_light) {
          std::string_view lw = Text(units_[next].b, units_[next].e);
          bool passive = lw.find("됐") != std::string_view::npos ||
                         lw.find("되") != std::string_view::npos ||
                         lw.find("렸") != std::string_view::npos ||
                         lw.find("열리") != std::string_view::npos ||
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
        } else if (noun_ok && light != nullptr && !u.verb_stem &&
                   (units_[next].suf.kind == Suffix::Kind::kVerbal ||
                    (is_row() && units_[next].suf.kind == Suffix::Kind::kEmpty))) {
          is_pred = true;
          p.light = next;
          p.ending = units_[next].suf.kind == Suffix::Kind::kVerbal ? units_[next].suf.ending
                                                                    : Ending::kConnective;
          p.reciprocal = light->reciprocal;
          p.intent = light->intent;
          units_[next].consumed = true;
        } else if (is_row() && u.suf.kind == Suffix::Kind::kEmpty) {
          bool end = next < 0;
          bool before_break =
              end ||
              (units_[next].punct &&
               (units_[next].ch == ',' || units_[next].ch == '(' || units_[next].ch == 0x201D)) ||
              Word(next) == "및" || Word(next) == "등";
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
          if (p.ending == Ending::kConditional) p.actual = false;
          if (p.ending == Ending::kNegAux && (nw.substr(0, 3) == "않" || nw.substr(0, 3) == "못"))
            p.actual = false;
          if (p.ending == Ending::kAdnominal) {
            // "방문할 것으로 전망" is a forecast; "방문한 것은" is the fact of a visit.
            std::string_view pw = Word(p.light >= 0 ? p.light : k);
            char32_t last = utf8::Last(pw);
            bool prospective = utf8::IsHangulSyllable(last) && utf8::Decompose(last).tail == 8;
            for (std::string_view w : {"전망", "예정", "계획", "방침", "가능성", "듯", "경우"})
              if (nw.substr(0, w.size()) == w) p.actual = false;
            if (prospective && nw.substr(0, 3) == "것") p.actual = false;
            // "그간 중단되었던 협의체", "단절되었던 채널": a past state described, not an event.
            if (EndsWith(pw, "던")) p.actual = false;
            // "만날 수 있다" offers; "만날 수 없다" refuses.
            if (nw == "수") {
              std::string_view after = Word(NextContent(nx));
              if (after.substr(0, 3) == "있")
                p.intent = true;
              else
                p.actual = false;
            }
            for (std::string_view w : {"용의", "의향", "의사", "의지", "결의", "뜻"})
              if (nw.substr(0, w.size()) == w) p.intent = true;
          }
          if (nw.substr(0, 3) == "싶") p.intent = true;  // 갖고 싶다
          preds_.push_back(p);
          Ending e = p.ending;
          bool boundary = e == Ending::kFinal || e == Ending::kConnective || e == Ending::kQuote ||
                          e == Ending::kConditional || e == Ending::kPurpose ||
                          e == Ending::kNominal;
          if (e == Ending::kAdnominal) {
            for (std::string_view w :
                 {"데", "뒤", "후", "직후", "이후", "가운데", "후에", "뒤에", "데이어"})
              if (nw == w) boundary = true;
            if (!boundary) preds_.back().rel_head = nx;
          }
          if (boundary) next_clause(e);
          continue;
        }
      }
      if (u.unknown_verbal ||
          (ActionOf(u, true) != nullptr && u.suf.kind == Suffix::Kind::kVerbal)) {
        close_np(k - 1, Role::kNone, false);
        Ending e = u.suf.ending;
        if (e != Ending::kAdnominal && e != Ending::kNegAux && e != Ending::kOther) next_clause(e);
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
  void ResolveDates() {
    resolved_.assign(raw_dates_.size(), std::nullopt);
    timeline_.assign(raw_dates_.size(), false);
    reference_.assign(raw_dates_.size(), false);
    for (size_t d = 0; d < raw_dates_.size(); ++d) reference_[d] = IsReference(raw_dates_[d]);
    std::optional<DateSpan> prev = ps_->date;
    for (size_t d = 0; d < raw_dates_.size(); ++d) {
      const ko::RawDate& r = raw_dates_[d];
      int year = ps_->year, month = ps_->month;
      if (is_row() && table_year_ != 0) year = table_year_;
      // "29일", "이틀 뒤인 29일": a bare day belongs to the month of the date before it.
      if (r.month == 0 && r.day != 0 && prev) year = prev->begin.year, month = prev->begin.month;
      std::optional<DateSpan> s = ko::ResolveDate(r, year, month, prev);
      // A paragraph whose first date would run back before the story so far has moved on a
      // year: after an introduction recalling "2018년 6월 싱가포르 …", "1월 1일 신년사" is the
      // brief's own year. Not within a paragraph ("이에 앞서 9월 19일"), nor past the
      // document's year.
      if (s && !is_row() && !ps_->dated && r.year == 0 && r.kind == ko::RawDate::Kind::kAbsolute &&
          ps_->last_timeline && s->end.ToDays() < ps_->last_timeline->begin.ToDays() - 31 &&
          ps_->year != 0 && ps_->year < in_.year) {
        ps_->year += 1;
        s = ko::ResolveDate(r, ps_->year, month, prev);
      }
      resolved_[d] = s;
      if (!s) continue;
      if (!reference_[d] && s->precision != DatePrecision::kYear) ps_->dated = true;
      // A reference point still anchors the bare days after it ("5월 7일 취임 이후 … 16일부터"),
      // unless it lies in another year ("2011년 12월 … 방문 이후 … 16일").
      bool other_year = r.year != 0 && r.year != ps_->year;
      if (s->precision != DatePrecision::kYear && !(reference_[d] && other_year)) prev = s;
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
  bool MovesTimeline(const ko::RawDate& r, size_t index, bool opens) const {
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
      if (p.unit <= at || !p.actual) continue;
      bool other_date = false;
      for (auto [k, clause] : date_units_)
        other_date |= k > at && k < p.unit && units_[k].date != static_cast<int>(index);
      if (!other_date) return true;
    }
    return false;
  }

  // A date followed within a few words by "전후", "앞두고", "이후"… dates a point of
  // reference ("6월 12일 싱가포르 북미 정상회담을 전후하여"), not the predicate.
  bool IsReference(const ko::RawDate& r) const {
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
      for (std::string_view ref : {"전후", "앞두고", "앞둔", "직전", "이전", "이래", "이후", "만에", "만의"})
        if (w.substr(0, ref.size()) == ref) return true;
      if (w.find("다.") != std::string_view::npos || w.find(',') != std::string_view::npos) break;
      if (j == std::string_view::npos) break;
      i = j + 1;
      ++words;
    }
    return false;
  }

  bool SubjectBefore(int clause, int unit) const {
    for (const NP& np : nps_)
      if (np.clause == clause && np.role == Role::kSubject && np.last < unit) return true;
    return false;
  }

  bool IsComplement(int clause) const {
    // Serial verbs stay inside the complement they lead into: in "미국이 계산법을 가지고
    // 나온다면" the clause closed by 가지고 is part of the condition.
    while (clause >= 0 && clause < static_cast<int>(clause_ending_.size())) {
      Ending e = clause_ending_[clause];
      if (e == Ending::kQuote || e == Ending::kConditional || e == Ending::kPurpose ||
          e == Ending::kNominal)
        return true;
      if (e != Ending::kConnective || clause >= static_cast<int>(clause_serial_.size()) ||
          !clause_serial_[clause])
        return false;
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
  bool OpensSentence(uint32_t at) const {
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
  std::optional<DateSpan> DateFor(const Pred& p) {
    int anchor = p.light >= 0 ? p.light : p.unit;
    if (anchor + 1 < static_cast<int>(units_.size()) && units_[anchor + 1].punct &&
        units_[anchor + 1].ch == '(') {
      for (int j = anchor + 2; j < static_cast<int>(units_.size()) && units_[j].paren; ++j)
        if (units_[j].date >= 0 && resolved_[units_[j].date]) return resolved_[units_[j].date];
    }
    std::optional<DateSpan> before, after, in_force, first, stmt_date;
    for (auto [k, clause] : date_units_) {
      const auto& s = resolved_[units_[k].date];
      if (!s || units_[k].paren || reference_[units_[k].date]) continue;
      if (k < p.unit) {
        if (clause == p.clause) before = s;
        if (!first && s->precision != DatePrecision::kYear) first = s;
        // A date inside a quoted complement or a condition ("… 준비가 7월에 끝나면") dates what
        // is said, not the saying: a date after the complement's own subject. One before it
        // ("부상은 12월 3일 담화에서 미국이 … 불과하다고") belongs to the speaker's clause.
        if (IsComplement(clause) && clause != p.clause && SubjectBefore(clause, k)) continue;
        if (s->precision != DatePrecision::kYear || raw_dates_[units_[k].date].begin == 0)
          in_force = s;
      } else if (clause == p.clause && !after) {
        after = s;
      }
    }
    // An intention is dated when it is voiced, not by the year it is meant for ("2019년에도").
    if (p.intent && first && (!before || before->precision == DatePrecision::kYear)) return first;
    if (before) return before;
    if (after) return after;
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
        bool vehicle = (x != nullptr && x->frame == Frame::kSay) || w.substr(0, 6) == "연설" ||
                       w.substr(0, 12) == "기자회견" || w.substr(0, 9) == "인터뷰";
        if (vehicle) stmt_date = resolved_[units_[k].date];
      }
      if (stmt_date) return stmt_date;
    }
    if ((p.action->frame == Frame::kSay || p.intent) && first) return first;
    if (in_force) return in_force;
    return ps_->date;
  }

  // ---- actors ----
  // A name the dictionaries lack, written right before an office with its state ("게오르기
  // 지노비예프 주한 러시아대사", "윤정호 대외경제상"), is remembered for the rest of the document.
  void LearnNames() {
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
            person |= e.kind == LexEntry::Kind::kActor &&
                      lex_.actors()[e.index].type == ActorType::kPerson;
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
        ActorRef learned = ref;
        learned.name = std::string(w);
        learned.label_ko = std::string(
            Text(u.b, units_[np.last].stem_e ? units_[np.last].stem_e : units_[np.last].e));
        doc_->learned.emplace(std::string(w), learned);
      }
    }
  }

  // Ministries and the presidential office as a Korean brief names its own government:
  // 외교부, 국방부, 통일부, 대통령실 (not 국회 or 대사관, which name any state's).
  static bool IsOwnMinistry(const Actor& a) {
    if (a.type != ActorType::kOrg || a.names_ko.empty()) return false;
    const std::string& n = a.names_ko.front();
    return n.size() >= 6 && (n.substr(n.size() - 3) == "부" || n.substr(n.size() - 3) == "실");
  }

  // Resolve is asked about the same phrases many times per predicate; phrases of nps_ are
  // cached per date (a segment's predicates mostly share one).
  // Whether the phrase holds a word that may be a name the dictionaries lack ("린젠 외교부
  // 대변인"): then a bare ministry is not safely the author's own.
  bool HasUnknownName(const NP& np) const {
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

  ActorRef Resolve(const NP& np, const Date& on) const {
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

  ActorRef ResolveUncached(const NP& np, const Date& on) const {
    ActorRef ref;
    int person = -1, office = -1, country = -1, self = -1, first = -1, last = -1;
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
            } else {
              office = e.index;
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
          if (e.kind == LexEntry::Kind::kActor &&
              lex_.actors()[e.index].type == ActorType::kPerson) {
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
        if (code.substr(0, 3) == "---") {
          // A ministry named without its state ("외교부 제1차관") is the author's own: other
          // states' ministries are written with theirs ("중국 외교부").
          if (country >= 0)
            code = countries[country].iso3 + code.substr(3);
          else if (self >= 0 || (IsOwnMinistry(a) && !HasUnknownName(np)))
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
          return ref;
        }
      }
    }
    if (country >= 0) {
      ref.code = countries[country].iso3;
      ref.country = ref.code;
      ref.label_ko = countries[country].short_ko;
      ref.label_en = countries[country].name_en;
      return ref;
    }
    if (self >= 0) {
      ref.code = in_.self_country + (self == 1 ? "MIL" : "GOV");
      ref.country = in_.self_country;
      const Country* c = lex_.countries().Find(in_.self_country);
      ref.label_ko = ref.name;
      ref.label_en = c != nullptr ? c->name_en : in_.self_country;
      return ref;
    }
    return ref;
  }

  // A place (평양) standing for its state, when it heads the phrase.
  ActorRef Place(const NP& np) const {
    ActorRef ref;
    const Unit& u = units_[np.last];
    if (u.lex == nullptr) return ref;
    for (const LexEntry& e : *u.lex) {
      if (e.kind != LexEntry::Kind::kCountryPlace) continue;
      const Country& c = lex_.countries().all()[e.index];
      ref.code = ref.country = c.iso3;
      ref.name = std::string(Text(u.b, u.stem_e));
      ref.label_ko = c.short_ko;
      ref.label_en = c.name_en;
    }
    return ref;
  }

  bool HeadIsActor(const NP& np) const {
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

  ActorRef StateRef(int country_index) const {
    const Country& c = lex_.countries().all()[country_index];
    return ActorRef{c.iso3, c.iso3, c.short_ko, c.short_ko, c.name_en};
  }

  // ---- pass 4: events ----
  const NP* NpAt(int unit) const {
    for (const NP& np : nps_)
      if (unit >= np.first && unit <= np.last) return &np;
    return nullptr;
  }

  ActorRef SourceFor(const Pred& p, const Date& on) {
    // Nearest subject, topic or focus phrase of the clause before the predicate.
    for (auto it = nps_.rbegin(); it != nps_.rend(); ++it) {
      if (it->clause != p.clause || it->last >= p.unit) continue;
      bool subj =
          it->role == Role::kSubject || it->role == Role::kTopic || it->role == Role::kFocus;
      if (IsOccasion(*it)) continue;
      if (is_row() && it->role == Role::kNone && (it->comma || it->last == p.unit - 1)) {
        // A bare phrase before a headline predicate is its subject only in the row's first clause.
        subj = RowSubject(on).code.empty() || it->comma || IsFirstNp(*it, on);
      }
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
        }
        return r;
      }
      // "한미일 외교장관은": a compound names joint sources.
      for (int k = it->first; k <= it->last; ++k) {
        const Unit& u = units_[k];
        if (u.compound.size() < 2 || u.quoted || u.paren) continue;
        for (int c : u.compound) co_sources_.push_back(StateRef(c));
        src_np_ = &*it;
        return co_sources_.front();
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
      ActorRef r = RowSubject(on);
      if (r.valid()) return r;
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
                          c->name_en};
      }
    }
    return ps_->source;
  }

  // "바이든-시진핑 정상회담": a phrase naming a second actor of another state gives the
  // counterpart of what its first actor does.
  void PairWithin(const NP& np, const ActorRef& first, const Date& on) {
    for (int k = np.first; k <= np.last; ++k) {
      const Unit& u = units_[k];
      if (u.lex == nullptr || u.paren || u.quoted || u.named) continue;
      for (const LexEntry& e : *u.lex) {
        if (e.kind != LexEntry::Kind::kActor || lex_.actors()[e.index].type != ActorType::kPerson) continue;
        NP one{k, k, Role::kNone, np.clause, false};
        ActorRef other = Resolve(one, on);
        if (other.valid() && !other.country.empty() && other.country != first.country) {
          implied_target_ = other;
          return;
        }
      }
    }
  }

  // The pair of the latest event of this sentence or paragraph; else a compound of the sentence.
  bool LastDyad(ActorRef* target, const Pred& p) {
    auto state = [&](const std::string& iso3) -> ActorRef {
      const Country* c = lex_.countries().Find(iso3);
      if (c == nullptr) return {};
      return ActorRef{c->iso3, c->iso3, c->short_ko, c->short_ko, c->name_en};
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
  ActorRef CompoundSource(const Pred& p) {
    for (size_t k = 0; k < units_.size(); ++k) {
      const Unit& u = units_[k];
      if (u.quoted || u.paren || u.compound.size() < 2) continue;
      if (ClauseOf(static_cast<int>(k)) != p.clause && static_cast<int>(k) != p.unit) continue;
      const Country& c = lex_.countries().all()[u.compound[0]];
      return ActorRef{c.iso3, c.iso3, c.short_ko, c.short_ko, c.name_en};
    }
    return {};
  }

  bool IsFirstNp(const NP& np, const Date& on) const {
    for (const NP& x : nps_) {
      if (&x == &np) return true;
      if (Resolve(x, on).valid()) return false;
    }
    return false;
  }

  // "빌뉴스 나토 정상회의 계기": the occasion, not an actor of the row.
  bool IsOccasion(const NP& np) const {
    std::string_view w = Text(units_[np.last].b, units_[np.last].e);
    return w == "계기" || w == "계기로" || w == "계기에" || w == "참석차" || w == "기간" ||
           w == "기간에";
  }

  ActorRef RowSubject(const Date& on) const {
    for (const NP& np : nps_) {
      if (IsOccasion(np)) continue;
      if (np.role != Role::kNone && np.role != Role::kSubject && np.role != Role::kTopic) return {};
      ActorRef r = Resolve(np, on);
      if (r.valid()) return r;
    }
    return {};
  }

  // The first phrase of the clause in one of the roles that heads an actor (or a place).
  ActorRef RoleTarget(const Pred& p, std::initializer_list<Role> roles, const Date& on, bool places,
                      bool after_too = false) {
    for (Role want : roles) {
      for (const NP& np : nps_) {
        // In a headline row a bare phrase right before the predicate is its object: "푸틴 예방".
        bool bare_object = want == Role::kObject && is_row() && np.role == Role::kNone &&
                           np.last == p.unit - 1 && !np.comma;
        if (np.clause != p.clause || (np.role != want && !bare_object)) continue;
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

  // A compound (북러) or "대X" in the clause: the side that is not the source.
  ActorRef CompoundTarget(const Pred& p, const std::string& src_country, bool sentence) {
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
        for (size_t i = 1; i < u.compound.size(); ++i)
          co_targets_.push_back(StateRef(u.compound[i]));
        return StateRef(u.compound[0]);
      }
      for (int c : u.compound)
        if (lex_.countries().all()[c].iso3 != src_country) return StateRef(c);
    }
    return {};
  }

  ActorRef AddresseeOfAppeal(const Pred& p, const std::string& src_country, const Date& on) {
    for (auto it = nps_.rbegin(); it != nps_.rend(); ++it) {
      if (it->last >= p.unit || it->role != Role::kSubject || &*it == src_np_) continue;
      ActorRef r = Resolve(*it, on);
      if (r.valid() && (r.country.empty() ? r.code : r.country) != src_country) return r;
    }
    return {};
  }

  bool AllSources(const std::vector<int>& compound) const {
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
  ActorRef RoleMention(const Pred& p, std::initializer_list<Role> roles, const Date& on) {
    for (Role want : roles) {
      for (const NP& np : nps_) {
        if (np.clause != p.clause || np.role != want || np.first > p.unit || &np == src_np_)
          continue;
        ActorRef r = Resolve(np, on);
        if (r.valid()) return r;
      }
    }
    return {};
  }

  int ClauseOf(int unit) const {
    if (const NP* np = NpAt(unit)) return np->clause;
    for (const Pred& p : preds_)
      if (p.unit == unit) return p.clause;
    return -1;
  }

  // Any state named in the clause (or sentence) other than the source's, leftmost first.
  ActorRef MentionTarget(const Pred& p, const std::string& src_country, const Date& on,
                         bool sentence) {
    for (const NP& np : nps_) {
      if (!sentence && np.clause != p.clause) continue;
      if (&np == src_np_) continue;
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

  // The counterpart of this actor's previous event in the sentence.
  ActorRef CarriedTarget(const ActorRef& src) const {
    if (pending_.empty() || pending_.back().ev.source != src.code) return {};
    return last_target_;
  }

  ActorRef ReplyTarget(const std::string& src_country) const {
    for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) {
      const Event& e = it->ev;
      const std::string& t = e.target_country.empty() ? e.target : e.target_country;
      if (t == src_country) return SideRef(e.source_country.empty() ? e.source : e.source_country);
    }
    for (auto it = ps_->recent.rbegin(); it != ps_->recent.rend(); ++it)
      if (it->second == src_country) return SideRef(it->first);
    return {};
  }

  // A state (ISO alpha-3) or an organisation (its actor code) as a bare actor.
  ActorRef SideRef(const std::string& side) const {
    if (const Country* c = lex_.countries().Find(side))
      return ActorRef{c->iso3, c->iso3, c->short_ko, c->short_ko, c->name_en};
    for (const Actor& a : lex_.actors()) {
      if (a.type != ActorType::kOrg || a.roles.empty() || a.roles.front().code != side) continue;
      std::string ko = a.names_ko.empty() ? side : a.names_ko.front();
      std::string en = a.names_en.empty() ? side : a.names_en.front();
      return ActorRef{side, "", ko, ko, en};
    }
    return side.empty() ? ActorRef{} : ActorRef{side, "", side, side, side};
  }

  void Emit(const Pred& p) {
    if (!p.actual) return;
    std::optional<DateSpan> date = DateFor(p);
    if (!date) return;
    const Date& on = date->begin;
    implied_target_ = ActorRef{};
    co_sources_.clear();
    co_targets_.clear();
    src_np_ = nullptr;
    ActorRef src = SourceFor(p, on);
    if (!src.valid()) return;
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
            take(ActorRef{c->iso3, c->iso3, c->short_ko, c->short_ko, c->name_en});
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
      case Frame::kSay:
        take(RoleTarget(p, {Role::kDative, Role::kObject, Role::kComitative}, on, false));
        if (want()) take(CarriedTarget(src));
        if (want()) take(CompoundTarget(p, sc, true));
        if (want()) take(MentionTarget(p, sc, on, true));
        if (want()) take(ReplyTarget(sc));
        break;
      case Frame::kAct: {
        int root = std::atoi(a.code.substr(0, 2).c_str());
        bool reactive = root == 10 || root == 11 || root == 12 || root == 13 || root == 16;
        take(RoleTarget(p, {Role::kObject, Role::kDative, Role::kComitative}, on, false));
        if (want() && is_row()) take(RoleTarget(p, {Role::kNone}, on, false));
        // An appeal goes to the subject of what it asks for: "중국이 건설적 역할을 해 줄 것을
        // 요청했다".
        if (want() && root == 2) take(AddresseeOfAppeal(p, sc, on));
        // A criticism does not target the critic's own partnership ("중러 간 … 협력이
        // 방해받아서는").
        skip_own_compound_ = reactive && !a.symmetric;
        if (want()) take(CompoundTarget(p, sc, false));
        skip_own_compound_ = false;
        if (want()) take(RoleMention(p, {Role::kObject, Role::kDative}, on));
        // "대사를 초치해 … 항의했다": the clauses of one actor share their counterpart.
        if (want()) take(CarriedTarget(src));
        // Reactions (criticism, rejection, threats, reduced relations) answer the state that
        // last acted on the source; a launch or deployment needs an explicit target.
        if (want() && reactive) take(ReplyTarget(sc));
        if (want()) take(MentionTarget(p, sc, on, false));
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
        break;
      }
      case Frame::kLight:
        return;
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
    if (!tgt.valid()) return;
    last_target_ = tgt;
    std::string code = a.code;
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
      }
    }
  }

  void Push(const Pred& p, const Action& a, const std::string& code, const ActorRef& src,
            const ActorRef& tgt, bool flip, const DateSpan& date) {
    const CameoCode* cc = in_.res->codebook.Find(code);
    if (cc == nullptr) return;
    Event ev;
    ev.date = date;
    ev.source = src.code;
    ev.target = tgt.code;
    ev.source_country = src.country;
    ev.target_country = tgt.country;
    ev.source_name = src.name;
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
    ActionLabels(a, src, tgt, flip, &ev);
    Mention m;
    m.doc = in_.doc_path;
    auto [sb, se] = in_.clean->SpanOf(seg_.begin, seg_.end);
    m.span_begin = sb;
    m.span_end = se;
    m.evidence = std::string(Text(seg_.begin, seg_.end));
    m.section = is_row() ? "table" : "text";
    m.date = date;
    ev.mentions.push_back(std::move(m));
    // Pending: said-events yield to a more specific act of the same source in the sentence.
    pending_.push_back({std::move(ev), a.frame == Frame::kSay});
  }

  void ActionLabels(const Action& a, const ActorRef& src, const ActorRef& tgt, bool flipped,
                    Event* ev) {
    (void)src;
    auto particle = [](const std::string& word, const char* with, const char* without) {
      return std::string(utf8::HasBatchim(word) ? with : without);
    };
    const ActorRef& other = flipped ? src : tgt;  // after the swap src is the visitor
    switch (a.frame) {
      case Frame::kVisit:
      case Frame::kDepart: {
        const Country* c = lex_.countries().Find(ev->target_country);
        bool to_state = tgt.code == tgt.country;  // 방러 / visits Russia; else 푸틴 대통령 예방
        bool plain_visit =
            a.label_ko == "방문" || (a.expr.rfind("방", 0) == 0 && a.expr.size() == 6);
        if (to_state && c != nullptr && !c->prefix_ko.empty() && plain_visit) {
          ev->action_ko = "방" + c->prefix_ko;
        } else {
          ev->action_ko = tgt.label_ko + " " + a.label_ko;
        }
        ev->action_en = a.label_en + " " + (to_state && c != nullptr ? c->name_en : tgt.label_en);
        break;
      }
      case Frame::kHost:
        ev->action_ko = ev->target_label_ko + " 예방";
        ev->action_en = a.label_en + " " + ev->target_label_en;
        (void)other;
        break;
      case Frame::kMeet:
      case Frame::kJoint:
      meet:
        ev->action_ko = tgt.label_ko + particle(tgt.label_ko, "과", "와") + " " + a.label_ko;
        ev->action_en = a.label_en + " " + tgt.label_en;
        break;
      case Frame::kMessage:
        ev->action_ko = tgt.label_ko + "에 " + a.label_ko;
        ev->action_en = a.label_en + " " + tgt.label_en;
        break;
      default:
        if (a.symmetric) goto meet;  // agreements: "러시아와 비준서 교환"
        ev->action_ko = tgt.label_ko + " " + a.label_ko;
        ev->action_en = a.label_en + " " + tgt.label_en;
        break;
    }
  }

 public:
  struct PendingEvent {
    Event ev;
    bool said;
  };
  std::vector<PendingEvent> pending_;

  void Finish() {
    // Decide every yield before any event is moved out.
    std::vector<bool> keep(pending_.size(), true);
    for (size_t i = 0; i < pending_.size(); ++i) {
      if (!pending_[i].said) continue;
      for (const PendingEvent& x : pending_)
        if (!x.said && x.ev.source_country == pending_[i].ev.source_country) keep[i] = false;
    }
    // Two tellings of the same act in one row or sentence ("담화, … 언급하며") are one event.
    for (size_t i = 0; i < pending_.size(); ++i) {
      for (size_t j = 0; j < i && keep[i]; ++j) {
        const Event& a = pending_[i].ev;
        const Event& b = pending_[j].ev;
        if (keep[j] && a.source == b.source && a.target == b.target && a.code == b.code &&
            a.date == b.date)
          keep[i] = false;
      }
    }
    for (size_t i = 0; i < pending_.size(); ++i) {
      PendingEvent& pe = pending_[i];
      if (!keep[i]) continue;
      ps_->recent.emplace_back(pe.ev.source_country.empty() ? pe.ev.source : pe.ev.source_country,
                               pe.ev.target_country.empty() ? pe.ev.target : pe.ev.target_country);
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
    if (!is_row() && !out_->empty() && !pending_.empty()) {
      ps_->date = out_->back().date;  // the date of the sentence's last event carries on
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
  std::vector<NP> nps_;
  std::vector<Pred> preds_;
  ActorRef implied_source_, implied_target_, last_target_;
  std::vector<ActorRef> co_sources_, co_targets_;  // joint actors of the current predicate
  const NP* src_np_ = nullptr;                     // the phrase the source came from
  bool skip_own_compound_ = false;
  const std::vector<ActorRef>* title_parties_ = nullptr;
  std::vector<Ending> clause_ending_;  // how each closed clause ended
  std::vector<bool> clause_serial_;    // … with a -고/-아/-어 form chaining into the next verb
  DocState* doc_ = nullptr;
  mutable std::vector<std::pair<std::optional<Date>, ActorRef>> resolve_cache_;
};

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

std::vector<Event> CodeKorean(const KoreanInput& in) {
  std::vector<Event> out;
  ParagraphState ps;
  int table_year = 0;
  int section_year = 0;
  std::optional<DateSpan> last_timeline;  // the latest narrative date so far
  std::vector<ActorRef> title_parties;
  DocState doc;
  for (const Segment& seg : *in.segments) {
    if (seg.kind != Segment::Kind::kTableTitle) continue;
    int y = YearIn(in.clean->Slice(seg.begin, seg.end));
    ParagraphState scratch;
    SegmentCoder title(in, seg, &scratch, y, &out);
    doc.parties = title.Parties(Date{y != 0 ? y : (in.year != 0 ? in.year : 2000), 7, 1});
    break;
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
    }
    if (seg.kind == Segment::Kind::kTableTitle) {
      int y = YearIn(in.clean->Slice(seg.begin, seg.end));
      table_year = y != 0 ? y : (ps.year != 0 ? ps.year : in.year);
      ParagraphState scratch;
      SegmentCoder title(in, seg, &scratch, table_year, &out);
      title_parties = title.Parties(Date{table_year != 0 ? table_year : 2000, 7, 1});
      continue;
    }
    if (seg.kind == Segment::Kind::kQuote) continue;  // what was said, attached to its row
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
    SegmentCoder coder(in, seg, &ps, ty, &out, &doc);
    if (seg.kind == Segment::Kind::kTableRow) coder.set_title_parties(&title_parties);
    coder.Run();
    coder.Finish();
    if (ps.date && !(seg.kind == Segment::Kind::kTableRow) &&
        (!last_timeline || last_timeline->begin < ps.date->begin))
      last_timeline = ps.date;
  }
  return out;
}

}  // namespace dyad
