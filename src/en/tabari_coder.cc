// TABARI's sparse parse and coding rules over dyad's compiled dictionaries (docs/tabari.md).
// The steps follow TABARI 0.8.4's order: filter, words and their literals, roots, nouns,
// compound actors, comma clauses, conjunction clauses, pronouns, discards, complexity; then each
// clause's verbs, their patterns, sources and targets, and the filtering of the events.
#include "dyad/tabari_coder.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace dyad::tabari {

namespace {

// A word's type. The root types come first, in RootType's order.
enum class Type : uint8_t {
  kActor,
  kAgent,
  kVerb,
  kNoun,
  kAdjective,
  kTime,
  kDeterm,
  kConj,
  kPrep,
  kPronoun,
  kAuxil,
  kBy,
  kFormer,  // read as an adjective
  kNull,
  kNullTag,  // a root cancelled by a comma clause
  kComma,
  kNumber,
};

// A root's type is the word type of the same name: the two enums share their first values.
static_assert(static_cast<int>(Type::kActor) == static_cast<int>(RootType::kActor) &&
              static_cast<int>(Type::kVerb) == static_cast<int>(RootType::kVerb) &&
              static_cast<int>(Type::kTime) == static_cast<int>(RootType::kTime) &&
              static_cast<int>(Type::kPronoun) == static_cast<int>(RootType::kPronoun) &&
              static_cast<int>(Type::kFormer) == static_cast<int>(RootType::kFormer));
Type TypeOf(RootType t) { return static_cast<Type>(t); }

enum Cap : uint8_t { kNoCap, kInitialCap, kMidCap };

struct Word {
  std::string_view up;  // upper case, in Work::up
  uint32_t begin = 0, end = 0;
  uint32_t lits_b = 0, lits_e = 0;  // into Work::lits
  Type type = Type::kNull;
  Cap cap = kNoCap;
  int occ = -1;       // the root occurrence whose head this is
  int ref = -1;       // a pronoun: its antecedent's position
  int compound = -1;  // the compound segment whose head this is
  int subord = -1;    // the comma clause whose head (opening comma) this is
  bool compound_tail = false, in_compound = false;
  bool actor_head = false, actor_tail = false;  // a pronoun's, or kept in step with occ's
};

struct Occ {
  int head = 0, tail = 0;
  uint32_t root = 0;
  Type kind = Type::kNull;  // the tag's kind: the root's type, Noun, or NullTag
};

struct Segment {
  int head = 0, tail = 0;
  bool cancelled = false;
};

struct Work {
  std::string up;
  std::vector<uint32_t> up_begin;  // source byte of each character of `up`
  std::vector<Word> words;
  std::vector<LiteralMatch> lits;
  std::vector<Occ> occs;
  std::vector<Segment> compounds, subords, clauses;
  // Where each literal occurs: a bit per word (at most 128 words); `touched` lists the literals
  // set, to clear them for the next text.
  std::vector<std::array<uint64_t, 2>> lit_pos;
  std::vector<uint32_t> touched;
};

// An actor as an event's side: its code, agent, and coded compound (several codes).
struct Side {
  // Views of the dictionaries' own strings (or a literal): a side is copied often.
  std::string_view code;
  std::string_view agent;
  bool agent_prefix = false;
  const CodeBlock* compound = nullptr;  // a block of several codes, expanded at the end
  int pos = -1;                         // -1: a default code, from outside the text
  bool empty() const { return code.empty() && pos == -2; }
  bool operator==(const Side& o) const {
    return code == o.code && agent == o.agent && agent_prefix == o.agent_prefix &&
           compound == o.compound;
  }
};

struct Ev {
  Side src, tgt;
  VerbCode::Half code;
  int verb = 0;
};

bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

class Sentence {
 public:
  Sentence(const Dictionaries& d, Work* w, int date, std::string* parse)
      : d_(d), w_(*w), date_(date), parse_(parse) {}

  Coding Run(std::string_view text) {
    Coding out;
    Filter(text);
    Lex();
    if (n() < d_.options().minimum_words) {
      Say("fewer than " + std::to_string(d_.options().minimum_words) + " words: not coded");
      return out;
    }
    Roots();
    Nouns();
    Compounds();
    Commas();
    Clauses();
    Pronouns();
    Display();
    if (std::string why = Discard(); !why.empty()) {
      out.outcome = Coding::Outcome::kDiscard;
      out.why = why;
      Say(why);
      return out;
    }
    if (std::string why = Complex(); !why.empty()) {
      out.outcome = Coding::Outcome::kComplex;
      out.why = why;
      Say(why);
      return out;
    }
    TimeShift();
    if (!why_.empty()) {
      out.outcome = discard_ ? Coding::Outcome::kDiscard : Coding::Outcome::kComplex;
      out.why = why_;
      return out;
    }
    Verbs();
    Evaluate(&out);
    out.shift_days = shift_;
    return out;
  }

 private:
  int n() const { return static_cast<int>(w_.words.size()); }
  Type type(int p) const { return p >= 0 && p < n() ? w_.words[p].type : Type::kNull; }

  // ---- parse ----

  // TABARI's input filter: ';' ':' '(' ')' are commas; a comma between digits goes; a period
  // stays between digits or after a capital ("U.S."), else it is a blank; apostrophes and '$'
  // stay; a double quote is a word; other punctuation is a blank; /* … */ is skipped.
  void Filter(std::string_view s) {
    w_.up.clear();
    w_.up_begin.clear();
    w_.up.reserve(s.size() + s.size() / 4);
    w_.up_begin.reserve(s.size() + s.size() / 4);
    all_caps_ = true;
    auto put = [&](char c, size_t at) {
      w_.up += c;
      w_.up_begin.push_back(static_cast<uint32_t>(at));
    };
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      unsigned char prev = i > 0 ? static_cast<unsigned char>(s[i - 1]) : 0;
      unsigned char next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
      if (IsLower(c)) all_caps_ = false;
      if (c == '/' && next == '*') {
        size_t close = s.find("*/", i);
        i = close == std::string_view::npos ? s.size() : close + 1;
        continue;
      }
      // ASCII punctuation, as ispunct() in the C locale says, without the call.
      bool punct = (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
                   (c >= '{' && c <= '~');
      if (punct) {
        if (c == ';' || c == ':' || c == '(' || c == ')' ||
            (c == ',' && !(IsDigit(prev) && IsDigit(next)))) {
          put(' ', i), put(',', i), put(' ', i);
        } else if (c == ',') {
          // "50,000": the comma goes
        } else if (c == '.') {
          put((IsDigit(prev) && IsDigit(next)) || IsUpper(prev) ? '.' : ' ', i);
        } else if (c == '\'' || c == '$') {
          put(static_cast<char>(c), i);
        } else if (c == '"') {
          put(' ', i), put('"', i), put(' ', i);
        } else {
          put(' ', i);
        }
        continue;
      }
      bool space = c == ' ' || (c >= '\t' && c <= '\r');
      put(space ? ' ' : static_cast<char>(c), i);
    }
    end_ = static_cast<uint32_t>(s.size());
  }

  // Words, their capitals, and the literals each begins with.
  void Lex() {
    w_.words.clear();
    w_.lits.clear();
    for (uint32_t l : w_.touched) w_.lit_pos[l] = {0, 0};
    w_.touched.clear();
    if (w_.lit_pos.size() < d_.literal_count()) w_.lit_pos.resize(d_.literal_count(), {0, 0});
    bool first = true;
    size_t i = 0;
    const std::string& u = w_.up;
    while (i < u.size() && w_.words.size() < Coder::kMaxWords) {
      while (i < u.size() && u[i] == ' ') ++i;
      if (i >= u.size()) break;
      size_t j = i;
      while (j < u.size() && u[j] != ' ') ++j;
      Word word;
      word.begin = w_.up_begin[i];
      word.end = j < u.size() ? w_.up_begin[j] : end_;
      if (!all_caps_ && IsUpper(static_cast<unsigned char>(u[i]))) {
        word.cap = first ? kInitialCap : kMidCap;
        first = false;
      }
      for (size_t k = i; k < j; ++k)
        if (w_.up[k] >= 'a' && w_.up[k] <= 'z') w_.up[k] = static_cast<char>(w_.up[k] - 'a' + 'A');
      word.up = std::string_view(w_.up).substr(i, j - i);
      word.lits_b = static_cast<uint32_t>(w_.lits.size());
      if (word.up != ",") d_.MatchWord(word.up, &w_.lits);
      word.lits_e = static_cast<uint32_t>(w_.lits.size());
      size_t at = w_.words.size();
      for (uint32_t k = word.lits_b; k < word.lits_e; ++k) {
        std::array<uint64_t, 2>& bits = w_.lit_pos[w_.lits[k].literal];
        if (bits[0] == 0 && bits[1] == 0) w_.touched.push_back(w_.lits[k].literal);
        bits[at / 64] |= uint64_t{1} << (at % 64);
      }
      if (word.up == ",")
        word.type = Type::kComma;
      else if (IsDigit(static_cast<unsigned char>(word.up[0])) && word.lits_b == word.lits_e)
        word.type = Type::kNumber;
      w_.words.push_back(word);
      i = j;
    }
  }

  // The literal match of `lit` at word q, or null.
  const LiteralMatch* Lit(int q, uint32_t lit) const {
    const Word& w = w_.words[q];
    for (uint32_t k = w.lits_b; k < w.lits_e; ++k)
      if (w_.lits[k].literal == lit) return &w_.lits[k];
    return nullptr;
  }

  // TABARI's match of a root at `start`: its words in order, the first at `start`; the
  // connector of a word says whether it may be a stem (a blank or "_ " after it) and whether
  // the next may come after other words (a blank or '~'); never across a comma. A whole word's
  // regular endings count on the last word. Returns the matched characters (0: no match).
  int MatchRoot(const Root& r, int start, int* tail) const {
    int len = 0, q = start;
    bool may_gap = false;
    for (size_t k = 0; k < r.phrase.size(); ++k) {
      const Elem& e = r.phrase[k];
      const LiteralMatch* m = nullptr;
      while (true) {
        if (q >= n() || w_.words[q].type == Type::kComma) return 0;
        if ((m = Lit(q, e.item)) != nullptr) break;
        if (!may_gap) return 0;
        ++q;
      }
      const std::string& lit = d_.literal(e.item);
      len += static_cast<int>(lit.size());
      *tail = q;
      if (!m->exact && !Gap(e.conn)) {
        if (e.conn == Conn::kEqual || k + 1 < r.phrase.size()) return 0;
        std::string_view rest = w_.words[q].up.substr(lit.size());
        if (r.type == RootType::kActor || r.type == RootType::kAgent || r.type == RootType::kNoun) {
          if (rest == "S") return len + 1;
          if (rest == "'S" || rest == "ES") return len + 2;
        } else if (r.type == RootType::kVerb) {
          if (rest == "S") return len + 1;
          if (rest == "ED" || rest == "ES" || rest == "EN") return len + 2;
          if (rest == "ING") return len + 3;
          if (rest == "D" && lit.back() == 'E') return len + 1;
        }
        return 0;
      }
      may_gap = Stem(e.conn);
      ++q;
    }
    return len;
  }

  // Each untyped word: the root that matches the most characters from it (the first found on
  // a tie), among the roots opening with each of its literals; the words it matched take its
  // type.
  void Roots() {
    w_.occs.clear();
    std::vector<int> matched;
    for (int p = 0; p < n(); ++p) {
      Word& w = w_.words[p];
      if (w.type != Type::kNull || w.lits_b == w.lits_e) continue;
      int best_len = 0, best_tail = 0;
      uint32_t best = 0;
      for (uint32_t k = w.lits_b; k < w.lits_e; ++k)
        for (uint32_t r : d_.RootsOpening(w_.lits[k].literal)) {
          int tail = 0;
          int len = MatchRoot(d_.roots()[r], p, &tail);
          if (len > best_len) best_len = len, best = r, best_tail = tail;
        }
      if (best_len == 0) continue;
      // The words matched: walk the phrase again to mark exactly them.
      const Root& root = d_.roots()[best];
      Type t = TypeOf(root.type);
      int q = p;
      for (size_t k = 0; k < root.phrase.size(); ++k) {
        while (q <= best_tail && Lit(q, root.phrase[k].item) == nullptr) ++q;
        if (q > best_tail) break;
        w_.words[q].type = t;
        ++q;
      }
      w.occ = static_cast<int>(w_.occs.size());
      w_.occs.push_back({p, best_tail, best, t});
      SyncActorTags(w.occ);
    }
  }

  void SyncActorTags(int o) {
    const Occ& occ = w_.occs[o];
    bool actor = occ.kind == Type::kActor;
    w_.words[occ.head].actor_head = actor;
    // A tail can only be shared by two actors in a malformed text; keep the flag if any is.
    if (actor)
      w_.words[occ.tail].actor_tail = true;
    else if (w_.words[occ.tail].ref < 0)
      w_.words[occ.tail].actor_tail = false;
  }

  const CodeBlock* BlockAt(int p) const {
    const Word& w = w_.words[p];
    if (w.occ < 0) return nullptr;
    const Root& r = d_.roots()[w_.occs[w.occ].root];
    if (r.type != RootType::kActor) return nullptr;
    return d_.CodesOn(r.data, date_);
  }

  // Verbs after A, AN or THE, or capitalised inside a mixed-case text, are nouns; so are actors
  // coded "---" on the date.
  void Nouns() {
    for (int p = 0; p < n(); ++p) {
      Word& w = w_.words[p];
      if (w.type == Type::kVerb && p > 0) {
        if (type(p - 1) == Type::kDeterm || w.cap == kMidCap) {
          w.type = Type::kNoun;
          if (w.occ >= 0 && w_.occs[w.occ].kind == Type::kVerb) {
            Occ& o = w_.occs[w.occ];
            o.kind = Type::kNoun;
            for (int q = p + 1; q <= o.tail; ++q)
              if (w_.words[q].type == Type::kVerb && w_.words[q].occ < 0)
                w_.words[q].type = Type::kNoun;
          }
        }
      } else if (w.occ >= 0 && w_.occs[w.occ].kind == Type::kActor) {
        const CodeBlock* b = BlockAt(p);
        if (b != nullptr && b->codes.size() == 1 && b->codes[0] == "---") {
          Occ& o = w_.occs[w.occ];
          o.kind = Type::kNoun;
          for (int q = p; q <= o.tail; ++q)
            if (w_.words[q].type == Type::kActor) w_.words[q].type = Type::kNoun;
          SyncActorTags(w.occ);
          p = o.tail;
        }
      }
    }
  }

  int ActorTailFrom(int p) const {
    if (w_.words[p].ref >= 0) return p;
    for (int q = p; q < n(); ++q)
      if (w_.words[q].actor_tail) return q;
    return p;
  }

  bool IsLiteral(int p, std::string_view text) const {
    const Word& w = w_.words[p];
    for (uint32_t k = w.lits_b; k < w.lits_e; ++k)
      if (d_.literal(w_.lits[k].literal) == text) return true;
    return false;
  }

  // Parsed compound actors around AND and NOR: actors (after any determiners and adjectives)
  // joined by commas and the conjunction.
  void Compounds() {
    w_.compounds.clear();
    for (int c = 0; c < n(); ++c) {
      if (type(c) != Type::kConj || !(IsLiteral(c, "AND") || IsLiteral(c, "NOR"))) continue;
      int end = -1;
      for (int q = c + 1; q < n() && (type(q) == Type::kActor || type(q) == Type::kDeterm ||
                                      type(q) == Type::kAdjective || type(q) == Type::kFormer);
           ++q)
        if (type(q) == Type::kActor && w_.words[q].actor_head) q = end = ActorTailFrom(q);
      if (end < 0) continue;
      int start = -1;
      bool need = false;
      for (int q = c; q >= 0; --q) {
        Type t = type(q);
        if (t != Type::kActor && t != Type::kConj && t != Type::kComma && t != Type::kDeterm &&
            t != Type::kAdjective && t != Type::kFormer)
          break;
        if (t == Type::kConj || t == Type::kComma) need = false;
        if (t == Type::kActor) {
          if (need) break;
          while (q > 0 && !w_.words[q].actor_head) --q;
          start = q;
          need = true;
        }
      }
      if (start < 0) continue;
      int id = static_cast<int>(w_.compounds.size());
      for (Segment& s : w_.compounds)
        if (!s.cancelled && s.head >= start && s.head <= end) {
          s.cancelled = true;
          w_.words[s.head].compound = -1;
          w_.words[s.tail].compound_tail = false;
        }
      w_.compounds.push_back({start, end, false});
      w_.words[start].compound = id;
      w_.words[end].compound_tail = true;
      for (int q = start; q <= end; ++q) w_.words[q].in_compound = true;
    }
  }

  int AfterCompound(int p) const {
    int c = w_.words[p].compound;
    return c >= 0 ? w_.compounds[c].tail + 1 : p;
  }

  // Comma clauses of MIN..MAX words between two commas, or EMIN..EMAX from a comma to the end,
  // are removed: their words lose their types (their literals stay for patterns).
  void Commas() {
    w_.subords.clear();
    const Options& o = d_.options();
    if (o.comma_off) return;
    int p = 0;
    while (p < n()) {
      if (w_.words[p].compound >= 0) {
        p = AfterCompound(p);
        continue;
      }
      if (type(p) == Type::kComma) {
        int open = p;
        if (o.comma_bmin <= open && open <= o.comma_bmax) Subord(0, open - 1, true);
        ++p;
        while (p < n() && type(p) != Type::kComma)
          p = w_.words[p].compound >= 0 ? AfterCompound(p) : p + 1;
        int count = p - open - 1;
        if (p >= n()) {
          if (o.comma_emin <= count && count <= o.comma_emax) Subord(open, n() - 1, false);
          break;
        }
        if (o.comma_min <= count && count <= o.comma_max) Subord(open, p, false);
      }
      if (p < n()) ++p;
    }
  }

  void Subord(int h, int t, bool beginning) {
    w_.words[h].subord = static_cast<int>(w_.subords.size());
    w_.subords.push_back({h, t, false});
    if (beginning) w_.words[0].type = Type::kNull;
    for (int q = h + 1; q <= t; ++q) w_.words[q].type = Type::kNull;
    // Roots with a head or tail inside lose their tags; their heads become NullTag.
    for (size_t k = 0; k < w_.occs.size(); ++k) {
      Occ& o = w_.occs[k];
      bool head_in = o.head > h && o.head <= t, tail_in = o.tail > h && o.tail <= t;
      if (o.kind == Type::kNullTag || !(head_in || tail_in)) continue;
      o.kind = Type::kNullTag;
      w_.words[o.head].type = Type::kNullTag;
      SyncActorTags(static_cast<int>(k));
    }
    for (Segment& s : w_.compounds)
      if (!s.cancelled && ((s.head > h && s.head <= t) || (s.tail > h && s.tail <= t))) {
        s.cancelled = true;
        w_.words[s.head].compound = -1;
        w_.words[s.tail].compound_tail = false;
      }
  }

  int AfterSubord(int p) const {
    int s = w_.words[p].subord;
    return s >= 0 ? w_.subords[s].tail + 1 : p;
  }

  // Clauses: a conjunction splits the text unless it joins nouns ("bombs and lazy goats") or
  // adjectives, or sits in a compound actor or a removed comma clause.
  void Clauses() {
    w_.clauses.clear();
    int start = 0;
    int p = 0;
    while (p < n()) {
      if (w_.words[p].compound >= 0) {
        p = AfterCompound(p);
        continue;
      }
      if (w_.words[p].subord >= 0) {
        p = AfterSubord(p);
        continue;
      }
      if (type(p) == Type::kConj && p > 0 && p + 1 < n()) {
        bool brk = true;
        if (type(p - 1) == Type::kNoun) {
          int q = p + 1;
          while (type(q) == Type::kAdjective) ++q;
          if (type(q) == Type::kNoun) brk = false, p = q;
        }
        if (type(p - 1) == Type::kAdjective && type(p + 1) == Type::kAdjective)
          brk = false, p = p + 1;
        if (brk) {
          w_.clauses.push_back({start, p - 1, false});
          start = p + 1;
          p = p + 1;
        }
      }
      ++p;
    }
    w_.clauses.push_back({start, n() - 1, false});
  }

  // HE, HIM, SHE, HER, IT: the first actor before, not a compound; THEY, THEM, THEIR: the first
  // compound before, else the first actor.
  void Pronouns() {
    for (int p = 0; p < n(); ++p) {
      Word& w = w_.words[p];
      if (w.type != Type::kPronoun || w.lits_b == w.lits_e) continue;
      const std::string& first = d_.literal(w_.lits[w.lits_b].literal);
      bool singular =
          first == "HE" || first == "HIM" || first == "SHE" || first == "HER" || first == "IT";
      int ante = -1;
      for (int q = 0; q < p; ++q) {
        if (type(q) != Type::kActor) continue;
        if (singular) {
          if (w_.words[q].compound >= 0) {
            q = AfterCompound(q) - 1;
            continue;
          }
          if (!w_.words[q].actor_head) continue;
          ante = q;
          break;
        }
        if (w_.words[q].compound >= 0) {
          ante = q;
          break;
        }
        if (ante < 0) ante = q;
      }
      if (ante < 0) continue;
      w.type = Type::kActor;
      w.ref = ante;
      w.actor_head = w.actor_tail = true;
    }
  }

  // A root coded "###" anywhere (in a removed clause too, or made a noun).
  std::string Discard() const {
    for (const Occ& o : w_.occs) {
      const Root& r = d_.roots()[o.root];
      bool discard = false;
      if (r.type == RootType::kActor) {
        const CodeBlock* b = d_.CodesOn(r.data, date_);
        discard = b != nullptr && !b->codes.empty() && b->codes[0] == "###";
      } else if (r.type == RootType::kVerb) {
        const VerbCode& c = d_.verbs()[r.data].code;
        discard = c.discard() && c.paired.code.empty();
      } else if (r.type == RootType::kTime) {
        discard = d_.times()[r.data].code == "###";
      }
      if (discard) return "discard: " + Text(o.head, o.tail);
    }
    return {};
  }

  std::string Complex() const {
    const Options& o = d_.options();
    int verbs = 0, actors = 0, pronouns = 0, conj = 0;
    for (int p = 0; p < n(); ++p) {
      const Word& w = w_.words[p];
      if (w.occ >= 0 && w_.occs[w.occ].kind == Type::kVerb) ++verbs;
      if (w.actor_head) ++actors;
      if (w.type == Type::kPronoun) ++pronouns;
    }
    for (int p = 0; p < n(); ++p) {
      if (w_.words[p].compound >= 0) {
        p = AfterCompound(p) - 1;
        continue;
      }
      if (type(p) == Type::kConj) ++conj;
    }
    int v = n();
    for (int p = 0; p < n(); ++p) {
      if (w_.words[p].subord >= 0) {
        p = AfterSubord(p) - 1;
        continue;
      }
      const Word& w = w_.words[p];
      if (w.type == Type::kVerb && w.occ >= 0 && w_.occs[w.occ].kind == Type::kVerb) {
        const VerbCode& c = d_.verbs()[d_.roots()[w_.occs[w.occ].root].data].code;
        if (!(c.primary.code == "---" && c.paired.code.empty() && !c.primary.subordinate &&
              !c.primary.dominant)) {
          v = p;
          break;
        }
      }
    }
    auto actor_in = [&](int from, int to) {
      for (int p = from; p < to; ++p) {
        if (w_.words[p].subord >= 0) {
          p = AfterSubord(p) - 1;
          continue;
        }
        if (type(p) == Type::kActor) return true;
      }
      return false;
    };
    auto at_least = [](int limit, int value) { return limit > 0 && value >= limit; };
    if (at_least(o.complex_verbs, verbs)) return "complex: " + std::to_string(verbs) + " verbs";
    if (at_least(o.complex_actors, actors)) return "complex: " + std::to_string(actors) + " actors";
    if (at_least(o.complex_pronouns, pronouns))
      return "complex: " + std::to_string(pronouns) + " pronouns";
    if (at_least(o.complex_conj, conj)) return "complex: " + std::to_string(conj) + " conjunctions";
    if (o.complex_lateverb > 0 &&
        ((v < n() && v >= o.complex_lateverb) || (v >= n() && !o.complex_noverb)))
      return "complex: no verb in the first " + std::to_string(o.complex_lateverb) + " words";
    if (o.complex_actprior && !actor_in(0, v)) return "complex: no actor before the first verb";
    if (o.complex_actafter && !actor_in(v + 1, n()))
      return "complex: no actor after the first verb";
    if (o.complex_noverb && verbs == 0) return "complex: no verb";
    return {};
  }

  // ---- coding ----

  int ActorHead(int q) const {
    if (w_.words[q].ref >= 0) q = w_.words[q].ref;
    for (; q >= 0; --q)
      if (w_.words[q].actor_head) return q;
    return -1;
  }

  // An actor's side at position a: its code on the date (the antecedent's for a pronoun) and,
  // with agents, the agent next to it.
  Side SideAt(int a, bool agents) const {
    Side s;
    int p = a;
    for (int guard = 0; w_.words[p].ref >= 0 && guard < 8; ++guard) p = w_.words[p].ref;
    s.pos = p;
    const CodeBlock* b = BlockAt(p);
    if (b != nullptr && !b->codes.empty()) {
      s.code = b->codes[0];
      if (b->codes.size() > 1) s.compound = b;
    }
    if (agents && !d_.agents().empty()) Agent(a, &s);
    return s;
  }

  bool IsFormer(int p) const {
    return p >= 0 && p < n() && w_.words[p].occ >= 0 &&
           d_.roots()[w_.occs[w_.words[p].occ].root].type == RootType::kFormer;
  }

  // An agent right after the actor ("Ithilen military"), else before it, or before IN or OF
  // before it ("the president of Gondor"); FORMER makes it an elite.
  void Agent(int a, Side* s) const {
    int t = w_.words[a].ref >= 0 ? a : ActorTailFrom(a);
    bool former = false;
    if (IsFormer(t + 1)) former = true, ++t;
    if (!former && IsFormer(a - 1)) former = true;
    auto set = [&](int head) {
      const ::dyad::tabari::Agent& ag =
          d_.agents()[d_.roots()[w_.occs[w_.words[head].occ].root].data];
      s->agent = former ? std::string_view("ELI") : std::string_view(ag.code);
      s->agent_prefix = former ? false : ag.prefix;
    };
    if (t + 1 < n() && w_.words[t + 1].occ >= 0 &&
        w_.occs[w_.words[t + 1].occ].kind == Type::kAgent) {
      set(t + 1);
      return;
    }
    int b = a;
    if (type(b - 1) == Type::kPrep) --b;
    for (size_t k = 0; k < w_.occs.size(); ++k) {
      const Occ& o = w_.occs[k];
      if (o.kind == Type::kAgent && o.tail == b - 1) {
        if (IsFormer(o.head - 1)) former = true;
        set(o.head);
        return;
      }
    }
  }

  // Time phrases: the first that shifts, discards or makes the text complex.
  void TimeShift() {
    for (const Occ& o : w_.occs) {
      if (o.kind != Type::kTime) continue;
      const Time& t = d_.times()[d_.roots()[o.root].data];
      auto apply = [&](const std::string& code) {
        if (code == "###") return Flag(true, "discard: " + Text(o.head, o.tail)), true;
        if (code == "+++") return Flag(false, "complex: " + Text(o.head, o.tail)), true;
        if (code == "---") return false;
        shift_ = std::atoi(code.c_str());
        return true;
      };
      for (uint32_t k = t.patterns_begin; k < t.patterns_end; ++k) {
        Match m;
        if (MatchPattern(d_.patterns()[k], o.head, o.tail, ClauseOf(o.head), &m) &&
            apply(d_.patterns()[k].code.primary.code))
          return;
      }
      if (apply(t.code)) return;
    }
  }

  const Segment& ClauseOf(int p) const {
    for (const Segment& c : w_.clauses)
      if (p >= c.head && p <= c.tail) return c;
    return w_.clauses.back();
  }

  void Flag(bool discard, std::string why) {
    if (!why_.empty()) return;
    discard_ = discard;
    why_ = std::move(why);
  }

  struct Match {
    int src = -1, tgt = -1, cmp = -1;
    int alt_len = 0;
  };

  enum class Res : uint8_t { kNone, kPartial, kExact };
  enum class Step : uint8_t { kContinue, kDone, kFail };

  // The state of one pattern match, as TABARI keeps it.
  struct State {
    const std::vector<PatternElem>* e;
    int i = 0, q = 0;
    bool skip = false, partial_ok = false, in_alt = false;
    int alt_len = 0;
    int saved_q = 0, saved_alt = 0;
    bool saved_skip = false;
    bool up = true;
    int lo = 0, hi = 0;  // clause bounds (the lower phase is bounded by the text's start)
    Match* m;
  };

  Res Compare(const PatternElem& el, State* st) const {
    int q = st->q;
    switch (el.kind) {
      case PatternElem::Kind::kWord: {
        const LiteralMatch* lm = Lit(q, el.item);
        if (lm == nullptr) return Res::kNone;
        if (st->in_alt) st->alt_len += static_cast<int>(d_.literal(el.item).size());
        return lm->exact ? Res::kExact : Res::kPartial;
      }
      case PatternElem::Kind::kSource:
      case PatternElem::Kind::kTarget:
      case PatternElem::Kind::kAttrib: {
        if (type(q) != Type::kActor) return Res::kNone;
        int h = ActorHead(q);
        if (h < 0) return Res::kNone;
        if (el.kind == PatternElem::Kind::kSource) st->m->src = h;
        if (el.kind == PatternElem::Kind::kTarget) st->m->tgt = h;
        return Res::kExact;
      }
      case PatternElem::Kind::kSkip: {
        if (type(q) != Type::kActor) return Res::kNone;
        int h = ActorHead(q);
        if (h < 0) return Res::kNone;
        if (st->up) {
          int t = q;
          while (t <= st->hi && !w_.words[t].actor_tail) ++t;
          st->q = std::min(t, st->hi);
        } else {
          st->q = h;
        }
        return Res::kExact;
      }
      case PatternElem::Kind::kCompound:
        if (w_.words[q].compound < 0) return Res::kNone;
        st->m->cmp = q;
        return Res::kExact;
      default:
        return Res::kNone;
    }
  }

  Step Advance(State* st) const {
    const std::vector<PatternElem>& e = *st->e;
    if (st->up) {
      if (st->in_alt && st->i + 1 < static_cast<int>(e.size()) &&
          (e[st->i + 1].kind == PatternElem::Kind::kBar ||
           e[st->i + 1].kind == PatternElem::Kind::kClose)) {
        st->in_alt = false;
        while (st->i < static_cast<int>(e.size()) && e[st->i].kind != PatternElem::Kind::kClose)
          ++st->i;
      }
      st->skip = Gap(e[st->i].conn);
      if (++st->i >= static_cast<int>(e.size())) return Step::kDone;
      if (++st->q > st->hi) return Step::kFail;
      st->partial_ok = Stem(e[st->i].conn);
      return Step::kContinue;
    }
    if (--st->i < 0) return Step::kDone;
    if (st->in_alt &&
        (e[st->i].kind == PatternElem::Kind::kBar || e[st->i].kind == PatternElem::Kind::kOpen)) {
      st->in_alt = false;
      while (st->i >= 0 && e[st->i].kind != PatternElem::Kind::kOpen) --st->i;
      if (--st->i < 0) return Step::kFail;  // a group opening the pattern never matches
    }
    st->skip = Gap(e[st->i].conn);
    if (--st->q < 0) return Step::kFail;
    st->partial_ok = Stem(e[st->i].conn);
    return Step::kContinue;
  }

  Step Scan(State* st) const {
    if (st->up) return ++st->q > st->hi ? Step::kFail : Step::kContinue;
    return --st->q < 0 ? Step::kFail : Step::kContinue;
  }

  Step Accept(Res r, State* st) const {
    if (r == Res::kExact || (r == Res::kPartial && st->partial_ok)) return Advance(st);
    if (st->skip) return Scan(st);
    return Step::kFail;
  }

  Step NextAlt(State* st) const {
    const std::vector<PatternElem>& e = *st->e;
    if (st->up) {
      while (st->i < static_cast<int>(e.size()) && e[st->i].kind != PatternElem::Kind::kBar &&
             e[st->i].kind != PatternElem::Kind::kClose)
        ++st->i;
      if (st->i >= static_cast<int>(e.size()) || e[st->i].kind == PatternElem::Kind::kClose)
        return Step::kFail;
      st->q = st->saved_q, st->alt_len = st->saved_alt, st->skip = st->saved_skip;
      if (++st->i >= static_cast<int>(e.size())) return Step::kFail;
      st->partial_ok = Stem(e[st->i].conn);
      return Step::kContinue;
    }
    while (st->i >= 0 && e[st->i].kind != PatternElem::Kind::kBar &&
           e[st->i].kind != PatternElem::Kind::kOpen)
      --st->i;
    if (st->i < 0 || e[st->i].kind == PatternElem::Kind::kOpen) return Step::kFail;
    st->q = st->saved_q, st->alt_len = st->saved_alt, st->skip = st->saved_skip;
    if (--st->i < 0) return Step::kFail;
    st->partial_ok = Stem(e[st->i].conn);
    return Step::kContinue;
  }

  // A synset reference: one of its members matches here. The text moves on by one word.
  Res Synset(uint32_t set, State* st, int depth) const {
    if (depth > 8) return Res::kNone;
    const std::vector<PatternElem>* outer = st->e;
    int i = st->i, q = st->q;
    for (const Pattern& member : d_.synsets()[set]) {
      if (member.elems.empty()) continue;
      st->e = &member.elems;
      Step r;
      if (st->up) {
        st->i = 0;
        r = Loop(st, depth + 1, /*advance_first=*/false);
      } else {
        // Going down leaves a member after its first word.
        st->i = 0;
        r = Step::kContinue;
        while (r == Step::kContinue) {
          const PatternElem& el = member.elems[0];
          Res res = el.kind == PatternElem::Kind::kSynset ? Synset(el.item, st, depth + 1)
                                                          : Compare(el, st);
          if (res == Res::kExact || (res == Res::kPartial && st->partial_ok)) {
            r = Step::kDone;
          } else if (st->skip) {
            r = Scan(st);
          } else {
            r = Step::kFail;
          }
        }
      }
      st->e = outer;
      st->i = i;
      st->q = q;
      if (r == Step::kDone) return Res::kExact;
    }
    return Res::kNone;
  }

  Res SynsetDown(uint32_t set, State* st, int depth) const {
    st->in_alt = true;
    st->saved_q = st->q, st->saved_alt = st->alt_len, st->saved_skip = st->skip;
    Res res = Res::kNone;
    while (true) {
      res = Synset(set, st, depth);
      if (res != Res::kNone) break;
      if (--st->q < 0) break;
    }
    if (res == Res::kNone) {
      st->in_alt = false;
      st->q = st->saved_q, st->alt_len = st->saved_alt, st->skip = st->saved_skip;
    }
    return res;
  }

  Step Loop(State* st, int depth, bool advance_first) const {
    Step r = advance_first ? Advance(st) : Step::kContinue;
    int guard = 0;
    while (r == Step::kContinue && ++guard < 100000) {
      const PatternElem& el = (*st->e)[st->i];
      Res res;
      if (el.kind == PatternElem::Kind::kSynset) {
        res = st->up ? Synset(el.item, st, depth) : SynsetDown(el.item, st, depth);
      } else {
        if (st->up && el.kind == PatternElem::Kind::kOpen) {
          st->in_alt = true;
          st->saved_q = st->q, st->saved_alt = st->alt_len, st->saved_skip = st->skip;
          ++st->i;
        } else if (!st->up && el.kind == PatternElem::Kind::kClose) {
          st->in_alt = true;
          st->saved_q = st->q, st->saved_alt = st->alt_len, st->saved_skip = st->skip;
          --st->i;
        }
        if (st->i < 0 || st->i >= static_cast<int>(st->e->size())) return Step::kFail;
        res = Compare((*st->e)[st->i], st);
      }
      r = Accept(res, st);
      if (r == Step::kFail && st->in_alt) r = NextAlt(st);
    }
    return r == Step::kDone ? Step::kDone : Step::kFail;
  }

  // TABARI's pattern match: after the verb, left to right within its clause; then before it,
  // right to left to the text's start.
  using Bits = std::array<uint64_t, 2>;
  // Words [from, to] as bits.
  static Bits Range(int from, int to) {
    auto upto = [](int k) -> Bits {  // bits [0, k)
      if (k <= 0) return {0, 0};
      if (k >= 128) return {~uint64_t{0}, ~uint64_t{0}};
      if (k >= 64) return {~uint64_t{0}, k == 64 ? 0 : (~uint64_t{0} >> (128 - k))};
      return {~uint64_t{0} >> (64 - k), 0};
    };
    if (to < from) return {0, 0};
    Bits hi = upto(to + 1), lo = upto(from);
    return {hi[0] & ~lo[0], hi[1] & ~lo[1]};
  }
  bool Occurs(uint32_t literal, const Bits& where) const {
    const Bits& bits = w_.lit_pos[literal];
    return (bits[0] & where[0]) != 0 || (bits[1] & where[1]) != 0;
  }
  // Whether a pattern's needed literals, and one first word of each needed synset, occur where
  // the pattern looks.
  bool Possible(const std::vector<uint32_t>& need, const std::vector<uint32_t>& sets,
                const Bits& where) const {
    for (uint32_t l : need)
      if (!Occurs(l, where)) return false;
    for (uint32_t s : sets) {
      const Dictionaries::SynsetFirst& f = d_.synset_first()[s];
      if (f.open) continue;
      if (std::none_of(f.literals.begin(), f.literals.end(),
                       [&](uint32_t l) { return Occurs(l, where); }))
        return false;
    }
    return true;
  }

  bool MatchPattern(const Pattern& p, int v, int v_tail, const Segment& clause, Match* m) const {
    // A pattern whose words the text lacks where it would need them cannot match: most are
    // set aside here, without TABARI's word-by-word walk.
    if (!Possible(p.need_after, p.synsets_after, Range(v_tail + 1, clause.tail)) ||
        !Possible(p.need_before, p.synsets_before, Range(0, v - 1)))
      return false;
    return Walk(p, v, v_tail, clause, m);
  }

  bool Walk(const Pattern& p, int v, int v_tail, const Segment& clause, Match* m) const {
    const std::vector<PatternElem>& e = p.elems;
    int star = 0;
    while (e[star].kind != PatternElem::Kind::kVerb) ++star;
    State st;
    st.e = &e;
    st.m = m;
    st.hi = clause.tail;
    st.i = star;
    st.q = v_tail;
    st.up = true;
    if (Loop(&st, 0, true) != Step::kDone) return false;
    if (star > 0) {
      st.i = star;
      st.q = v;
      st.up = false;
      st.in_alt = false;
      if (Loop(&st, 0, true) != Step::kDone) return false;
    }
    m->alt_len = st.alt_len;
    return true;
  }

  // ---- events ----

  bool IsDefault(const Side& s) const { return s.pos == -1; }
  Side DefaultSide(std::string_view code) const {
    Side s;
    s.code = code;
    s.pos = -1;
    return s;
  }

  void FindSource(int v, const Segment& c) {
    for (int a = c.head; a <= c.tail; ++a) {
      if (type(a) != Type::kActor || !w_.words[a].actor_head) continue;
      Side s = SideAt(a, true);
      if (!d_.options().default_source.empty() && d_.options().default_source_prior && a > v) {
        source_ = DefaultSide(d_.options().default_source);
        has_source_ = true;
        return;
      }
      if (!has_target_ || !(s == target_)) {
        source_ = s;
        has_source_ = true;
        regular_source_ = true;
        return;
      }
    }
    if (!d_.options().default_source.empty()) {
      source_ = DefaultSide(d_.options().default_source);
      has_source_ = true;
      regular_source_ = true;
    }
  }

  void FindTarget(int v, const Segment& c) {
    for (int a = v + 1; a <= c.tail; ++a) {
      if (type(a) != Type::kActor || !w_.words[a].actor_head) continue;
      Side s = SideAt(a, true);
      if (!has_source_ || !(s == source_)) {
        target_ = s;
        has_target_ = true;
        regular_target_ = true;
        return;
      }
    }
    if (!d_.options().default_target.empty() && d_.options().default_target_after) {
      target_ = DefaultSide(d_.options().default_target);
      has_target_ = regular_target_ = true;
      return;
    }
    for (int q = v - 1; q >= c.head;) {
      if (type(q) != Type::kActor) {
        --q;
        continue;
      }
      int h = ActorHead(q);
      if (h < 0) break;
      Side s = SideAt(h, true);
      if (!has_source_ || !(s == source_)) {
        target_ = s;
        has_target_ = true;
        return;
      }
      q = h - 1;
    }
    if (has_source_ &&
        (source_.compound != nullptr || (source_.pos >= 0 && w_.words[source_.pos].in_compound))) {
      target_ = source_;
      has_target_ = true;
    } else if (!d_.options().default_source.empty() && !d_.options().default_target.empty()) {
      target_ = DefaultSide(d_.options().default_target);
      has_target_ = regular_target_ = true;
    }
  }

  bool Passive(int v) const {
    bool by = type(v + 1) == Type::kBy || type(v + 2) == Type::kBy || type(v + 3) == Type::kBy;
    return by &&
           ((v >= 1 && type(v - 1) == Type::kAuxil) || (v >= 2 && type(v - 2) == Type::kAuxil));
  }

  // The actors of a compound from its head; false when its members run out before its tail.
  bool Members(const Side& s, std::vector<Side>* out) const {
    if (IsDefault(s)) {
      out->push_back(s);
      return true;
    }
    int q = s.pos;
    const Word& w = w_.words[q];
    if (!w.in_compound || w.compound < 0) {
      out->push_back(SideAt(q, true));
      return true;
    }
    while (true) {
      out->push_back(SideAt(q, true));
      if (w_.words[ActorTailFrom(q)].compound_tail) return true;
      int next = -1;
      for (int r = q + 1; r < n(); ++r)
        if (w_.words[r].occ >= 0 && type(r) == Type::kActor) {
          next = r;
          break;
        }
      if (next < 0) return false;
      q = next;
    }
  }

  void AddEvent(const VerbCode& code, int v, const Side& s, const Side& t) {
    if (events_.size() >= 64) return;
    events_.push_back({s, t, code.primary, v});
    if (!code.paired.code.empty()) events_.push_back({t, s, code.paired, v});
  }

  void MakeEvent(const VerbCode& code, int v, const Segment& c) {
    if (code.primary.code == "---" && !code.primary.subordinate && !code.primary.dominant &&
        code.paired.code.empty())
      return;
    if (!has_source_) FindSource(v, c);
    if (!has_target_) FindTarget(v, c);
    if (!has_source_ || !has_target_) return;
    if (regular_source_ && regular_target_ && Passive(v)) {
      std::swap(source_, target_);
      passive_ = true;
    }
    bool in_compound = (source_.pos >= 0 && w_.words[source_.pos].in_compound) ||
                       (target_.pos >= 0 && w_.words[target_.pos].in_compound);
    if (!in_compound) {
      AddEvent(code, v, source_, target_);
    } else {
      std::vector<Side> ss, ts;
      // TABARI walks the members as it goes: targets that run out end the whole verb after
      // the first source's events; sources that run out end it after the last one found.
      Members(source_, &ss);
      bool targets_whole = Members(target_, &ts);
      for (const Side& s : ss) {
        for (const Side& t : ts) AddEvent(code, v, s, t);
        if (!targets_whole) break;
      }
    }
    if (!regular_source_) has_source_ = false;
    if (!regular_target_) has_target_ = false;
  }

  void DoVerb(int v, const Segment& c) {
    has_target_ = false;
    if (passive_) {
      has_source_ = false;
      passive_ = false;
    }
    const Occ& o = w_.occs[w_.words[v].occ];
    const Verb& verb = d_.verbs()[d_.roots()[o.root].data];
    size_t base = events_.size();
    const Bits after = Range(o.tail + 1, c.tail), before = Range(0, v - 1);
    bool got_alt = false, finished = false;
    int best_len = 0;
    // The patterns whose key literal the text holds, in their order; once a pattern matched
    // through a { } choice, every later pattern, as TABARI reads on until a shorter one.
    thread_local std::vector<uint32_t> candidates;
    candidates.assign(verb.keyless.begin(), verb.keyless.end());
    if (!verb.by_key.empty())
      for (uint32_t l : w_.touched)
        if (auto it = verb.by_key.find(l); it != verb.by_key.end())
          candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    std::sort(candidates.begin(), candidates.end());
    size_t next_candidate = 0;
    uint32_t next_in_order = verb.patterns_end;
    while (true) {
      uint32_t k;
      if (!got_alt) {
        if (next_candidate == candidates.size()) break;
        k = candidates[next_candidate++];
      } else {
        if (next_in_order >= verb.patterns_end) break;
        k = next_in_order++;
      }
      const Pattern& p = d_.patterns()[k];
      if (got_alt && p.length <= best_len) {
        finished = true;
        break;
      }
      Match m;
      if (!Possible(p.need_after, p.synsets_after, after) ||
          !Possible(p.need_before, p.synsets_before, before) || !Walk(p, v, o.tail, c, &m))
        continue;
      bool make = false;
      if (m.alt_len > 0) {
        if (!got_alt) next_in_order = k + 1;
        got_alt = true;
        if (p.length + m.alt_len > best_len) {
          make = true;
          best_len = p.length - p.max_alt + m.alt_len;
        }
      } else {
        got_alt = false;
        finished = true;
        make = true;
      }
      if (make) {
        Say("verb " + std::string(w_.words[v].up) + ": pattern line " + std::to_string(p.line));
        if (m.src >= 0) source_ = SideAt(m.src, true), has_source_ = true;
        if (m.tgt >= 0) target_ = SideAt(m.tgt, true), has_target_ = true;
        if (m.cmp >= 0) {
          source_ = target_ = SideAt(m.cmp, false);
          has_source_ = has_target_ = true;
        }
        events_.resize(base);
        MakeEvent(p.code, v, c);
      }
      if (finished) break;
    }
    if (!finished) {
      Say("verb " + std::string(w_.words[v].up) + ": its own code");
      MakeEvent(verb.code, v, c);
    }
  }

  void Verbs() {
    events_.clear();
    const Options::CodeBy by = d_.options().code_by;
    for (const Segment& c : w_.clauses) {
      if (c.tail - c.head < 2) continue;
      if (c.head > 0 && w_.words[c.head].actor_head) {
        source_ = SideAt(c.head, false);
        has_source_ = true;
      }
      has_target_ = false;
      size_t first_new = events_.size();
      for (int p = c.head; p <= c.tail; ++p) {
        if (w_.words[p].subord >= 0) {
          p = AfterSubord(p) - 1;
          continue;
        }
        const Word& w = w_.words[p];
        if (w.occ < 0 || w_.occs[w.occ].kind != Type::kVerb) continue;
        DoVerb(p, c);
        if (by == Options::CodeBy::kAll) continue;
        size_t from = by == Options::CodeBy::kClause ? first_new : 0;
        bool plain = false;
        for (size_t k = from; k < events_.size(); ++k)
          plain = plain || !events_[k].code.subordinate;
        if (plain) {
          if (by == Options::CodeBy::kSentence) return;
          break;
        }
      }
    }
  }

  static bool Special(std::string_view code) {
    return code.empty() || code == "---" || code == "+++" || code == "###" || code == "***";
  }

  // Subordinate and dominant codes, coded compounds, and the events that are not events.
  void Evaluate(Coding* out) {
    bool non_sub = false, dom = false;
    std::vector<bool> invalid(events_.size(), false);
    for (size_t k = 0; k < events_.size(); ++k) {
      const Ev& e = events_[k];
      if (e.code.code == "---") {
        invalid[k] = true;
        continue;
      }
      if (e.code.code == "###") {
        out->outcome = Coding::Outcome::kDiscard;
        out->why = "discard: the code of " + std::string(w_.words[e.verb].up);
        return;
      }
      if (e.code.code == "+++" || e.src.code == "+++" || e.tgt.code == "+++") {
        out->outcome = Coding::Outcome::kComplex;
        out->why = "complex: the code of " + std::string(w_.words[e.verb].up);
        return;
      }
      if (e.code.dominant) {
        dom = non_sub = true;
        break;
      }
      if (!e.code.subordinate) non_sub = true;
    }
    std::vector<Ev> kept;
    for (size_t k = 0; k < events_.size(); ++k) {
      if (invalid[k]) continue;
      if (dom && !events_[k].code.dominant) continue;
      if (!dom && non_sub && events_[k].code.subordinate) continue;
      kept.push_back(events_[k]);
    }
    bool compounds = std::any_of(kept.begin(), kept.end(), [](const Ev& e) {
      return e.src.compound != nullptr || e.tgt.compound != nullptr;
    });
    if (!compounds) {
      Emit(kept, out);
      return;
    }
    // Coded compounds: one event per code, sources first, then targets.
    std::vector<Ev> by_source;
    for (const Ev& e : kept) {
      if (e.src.compound == nullptr) {
        by_source.push_back(e);
        continue;
      }
      for (const std::string& c : e.src.compound->codes) {
        Ev x = e;
        x.src.code = c;
        x.src.compound = nullptr;
        by_source.push_back(x);
      }
    }
    auto same = [](const Ev& a, const Ev& b) {
      return a.src.code == b.src.code && a.src.agent == b.src.agent && a.tgt.code == b.tgt.code &&
             a.tgt.agent == b.tgt.agent && a.code.code == b.code.code;
    };
    std::vector<Ev> all;
    for (const Ev& e : by_source) {
      if (e.tgt.compound == nullptr) {
        all.push_back(e);
        continue;
      }
      const std::vector<std::string>& codes = e.tgt.compound->codes;
      for (size_t k = 0; k < codes.size(); ++k) {
        Ev x = e;
        x.tgt.code = codes[k];
        x.tgt.compound = nullptr;
        if (k > 0) {
          if (x.src.code == x.tgt.code && x.src.agent == x.tgt.agent) continue;
          if (std::any_of(all.begin(), all.end(), [&](const Ev& y) { return same(x, y); }))
            continue;
        }
        all.push_back(x);
      }
    }
    Emit(all, out);
  }

  // The events that are events: no special or empty code, no side toward itself, none twice.
  void Emit(const std::vector<Ev>& all, Coding* out) const {
    auto same = [](const Ev& a, const Ev& b) {
      return a.src.code == b.src.code && a.src.agent == b.src.agent && a.tgt.code == b.tgt.code &&
             a.tgt.agent == b.tgt.agent && a.code.code == b.code.code;
    };
    std::vector<const Ev*> final_events;
    for (const Ev& e : all) {
      if (Special(e.src.code) || Special(e.tgt.code)) continue;
      if (e.src.code == e.tgt.code && e.src.agent == e.tgt.agent) continue;
      if (std::any_of(final_events.begin(), final_events.end(),
                      [&](const Ev* y) { return same(e, *y); }))
        continue;
      final_events.push_back(&e);
    }
    out->events.reserve(final_events.size());
    for (const Ev* ep : final_events) {
      const Ev& e = *ep;
      CodedEvent c;
      c.source = WithAgent(e.src);
      c.target = WithAgent(e.tgt);
      c.code = e.code.code;
      const Occ& o = w_.occs[w_.words[e.verb].occ];
      c.verb_begin = w_.words[o.head].begin;
      c.verb_end = w_.words[o.tail].end;
      Span(e.src, &c.source_begin, &c.source_end);
      Span(e.tgt, &c.target_begin, &c.target_end);
      out->events.push_back(std::move(c));
    }
  }

  // "~X": the actor's code then X; "X~": X then the actor's — unless the code holds X already
  // on a three-letter boundary.
  static std::string WithAgent(const Side& s) {
    if (s.agent.empty()) return std::string(s.code);
    size_t at = s.code.find(s.agent);
    if (at != std::string_view::npos && at % 3 == 0) return std::string(s.code);
    std::string out;
    out.reserve(s.code.size() + s.agent.size());
    out.append(s.agent_prefix ? s.agent : s.code).append(s.agent_prefix ? s.code : s.agent);
    return out;
  }

  void Span(const Side& s, uint32_t* b, uint32_t* e) const {
    if (s.pos < 0) return;
    *b = w_.words[s.pos].begin;
    *e = w_.words[ActorTailFrom(s.pos)].end;
  }

  // ---- the parse display ----

  std::string Text(int i, int tail) const {
    std::string s;
    for (int k = i; k <= tail && k < n(); ++k)
      s += std::string(w_.words[k].up) + (k < tail ? " " : "");
    return s;
  }

  static const char* TypeName(Type t) {
    static const char* const kNames[] = {
        "actor",   "agent", "verb",   "noun",   "adjctv", "time",    "determ", "conj",  "prep",
        "pronoun", "auxil", "byword", "former", "null",   "nulltag", "comma",  "number"};
    return kNames[static_cast<int>(t)];
  }

  void Display() {
    if (parse_ == nullptr) return;
    for (int i = 0; i < n(); ++i) {
      const Word& w = w_.words[i];
      *parse_ += std::to_string(i) + "\t" + std::string(w.up) + "\t" + TypeName(w.type);
      if (w.occ >= 0) {
        const Occ& o = w_.occs[w.occ];
        const Root& r = d_.roots()[o.root];
        *parse_ += std::string("\t") + TypeName(o.kind) + " root line " + std::to_string(r.line) +
                   " words " + std::to_string(o.head) + "-" + std::to_string(o.tail);
        if (r.type == RootType::kActor) {
          const CodeBlock* b = d_.CodesOn(r.data, date_);
          *parse_ += " [";
          if (b != nullptr)
            for (size_t k = 0; k < b->codes.size(); ++k) *parse_ += (k ? "/" : "") + b->codes[k];
          *parse_ += "]";
        }
      }
      if (w.ref >= 0) *parse_ += "\trefers to " + std::to_string(w.ref);
      if (w.compound >= 0)
        *parse_ += "\tcompound to " + std::to_string(w_.compounds[w.compound].tail);
      if (w.subord >= 0)
        *parse_ += "\tcomma clause to " + std::to_string(w_.subords[w.subord].tail);
      if (w.cap == kMidCap) *parse_ += "\tcap";
      *parse_ += "\n";
    }
    for (const Segment& c : w_.clauses)
      *parse_ += "clause " + std::to_string(c.head) + "-" + std::to_string(c.tail) + "\n";
  }

  void Say(const std::string& s) {
    if (parse_ != nullptr) *parse_ += s + "\n";
  }

  const Dictionaries& d_;
  Work& w_;
  int date_;
  std::string* parse_;
  bool all_caps_ = true;
  uint32_t end_ = 0;
  int shift_ = 0;
  bool discard_ = false;
  std::string why_;
  // The coder's state across a text's verbs, as TABARI keeps it.
  Side source_, target_;
  bool has_source_ = false, has_target_ = false;
  bool regular_source_ = false, regular_target_ = false, passive_ = false;
  std::vector<Ev> events_;
};

}  // namespace

Coding Coder::Code(std::string_view sentence, int date, std::string* parse) const {
  thread_local Work w;
  Sentence s(*d_, &w, date, parse);
  return s.Run(sentence);
}

}  // namespace dyad::tabari
