// TABARI's sparse parse and coding rules over dyad's compiled dictionaries (docs/tabari.md).
#include "dyad/tabari_coder.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace dyad::tabari {

namespace {

enum class Type : uint8_t {
  kNull,     // not in the dictionaries
  kLiteral,  // a later word of an actor, agent or verb phrase
  kActor,
  kAgent,
  kVerb,
  kNoun,
  kAdjective,
  kDeterm,  // A, AN, THE
  kConj,    // AND, BUT, OR, NOR
  kComma,
  kPronoun,
  kAuxil,  // WAS, WERE, BEEN
  kBy,
  kPrep,  // OF, IN (agents before a preposition and an actor)
  kNumber,
  kQuote,
};

struct Word {
  std::string_view up;  // upper case, in Work::up
  uint32_t begin = 0, end = 0;
  uint32_t entries_b = 0, entries_e = 0;
  Type type = Type::kNull;
  bool capital = false;  // capitalised in the text
  bool deleted = false;  // in a removed comma clause
  bool joins = false;    // a conjunction or comma inside a compound: no clause break
  int actor = -1;        // the actor this word is (head), or a pronoun refers to
  int verb = -1;         // the verb occurrence it heads
  int clause = 0;
};

struct ActorOcc {
  int head = 0, tail = 0;          // words
  std::vector<std::string> codes;  // several for a coded or parsed compound
  bool compound = false;
  bool null = false;  // "---" on the date: a noun, not an actor
};

struct VerbOcc {
  int head = 0, tail = 0;
  uint32_t root = 0;
};

struct Work {
  std::string up;
  std::vector<Word> words;
  std::vector<uint32_t> entries;
  std::vector<ActorOcc> actors;
  std::vector<VerbOcc> verbs;
};

// Latin-1 letters with diacritics, from U+00C0, as TABARI strips them.
constexpr char kFold[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";

bool HasEntry(const Work& w, const Word& word, uint32_t entry) {
  for (uint32_t e = word.entries_b; e < word.entries_e; ++e)
    if (w.entries[e] == entry) return true;
  return false;
}

Type ClosedClass(std::string_view s) {
  if (s == "A" || s == "AN" || s == "THE") return Type::kDeterm;
  if (s == "AND" || s == "BUT" || s == "OR" || s == "NOR") return Type::kConj;
  if (s == ",") return Type::kComma;
  if (s == "\"") return Type::kQuote;
  if (s == "HE" || s == "SHE" || s == "IT" || s == "THEY" || s == "THEM" || s == "THEIR" ||
      s == "ITS" || s == "HIS" || s == "HER" || s == "HIM")
    return Type::kPronoun;
  if (s == "WAS" || s == "WERE" || s == "BEEN") return Type::kAuxil;
  if (s == "BY") return Type::kBy;
  if (s == "OF" || s == "IN") return Type::kPrep;
  if (!s.empty() && s[0] >= '0' && s[0] <= '9') return Type::kNumber;
  return Type::kNull;
}

// TABARI's input filter and its words: upper case, diacritics off, '?', '!' and '-' blanks, a
// period after a lower-case letter a blank, commas in numbers dropped, ';' a comma, commas and
// double quotes words of their own, /* … */ skipped.
void Split(std::string_view s, Work* w) {
  w->up.clear();
  w->words.clear();
  w->up.reserve(s.size() + 16);
  size_t start = std::string::npos;  // of the word being read, in up
  uint32_t start_byte = 0;
  bool capital = false;
  auto end_word = [&](uint32_t at) {
    if (start != std::string::npos) {
      Word word;
      word.begin = start_byte;
      word.end = at;
      word.capital = capital;
      word.up = std::string_view(w->up).substr(start);  // fixed below, once up stops growing
      w->words.push_back(word);
      w->up += ' ';
    }
    start = std::string::npos;
  };
  auto punct = [&](char c, uint32_t at) {
    end_word(at);
    start = w->up.size();
    start_byte = at;
    capital = false;
    w->up += c;
    end_word(at + 1);
  };
  for (size_t i = 0; i < s.size() && w->words.size() < Coder::kMaxWords; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t at = static_cast<uint32_t>(i);
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      size_t close = s.find("*/", i + 2);
      end_word(at);
      i = close == std::string_view::npos ? s.size() : close + 1;
      continue;
    }
    if (c == ',') {
      bool in_number = start != std::string::npos && i > 0 && std::isdigit(s[i - 1]) &&
                       i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]));
      if (!in_number) punct(',', at);
      continue;
    }
    if (c == ';') {
      punct(',', at);
      continue;
    }
    if (c == '"') {
      punct('"', at);
      continue;
    }
    if (c == '.' && i > 0 && std::islower(static_cast<unsigned char>(s[i - 1]))) {
      end_word(at);
      continue;
    }
    char out = 0;
    if (c >= 0x80) {
      // Two-byte Latin-1 letters fold to their base letter; other characters end a word.
      if ((c == 0xC3) && i + 1 < s.size()) {
        unsigned char c2 = static_cast<unsigned char>(s[i + 1]);
        if (c2 >= 0x80 && c2 <= 0xBF) {
          out = kFold[c2 - 0x80];
          ++i;
        }
      }
      if (out == 0) {
        end_word(at);
        continue;
      }
    } else if (std::isspace(c) || c == '?' || c == '!' || c == '-' || c == '(' || c == ')' ||
               c == '[' || c == ']' || c == '{' || c == '}' || c == '\x93' || c == '\x94') {
      end_word(at);
      continue;
    } else {
      out = static_cast<char>(c);
    }
    if (start == std::string::npos) {
      start = w->up.size();
      start_byte = at;
      capital = std::isupper(static_cast<unsigned char>(out)) != 0;
    }
    w->up += static_cast<char>(std::toupper(static_cast<unsigned char>(out)));
  }
  end_word(static_cast<uint32_t>(s.size()));
  // Word views into the final buffer.
  size_t pos = 0;
  for (Word& word : w->words) {
    size_t sp = w->up.find(' ', pos);
    word.up = std::string_view(w->up).substr(pos, sp - pos);
    pos = sp + 1;
  }
}

// Whether a phrase is at word i; *tail receives its last word. Words joined by '_' must be
// next to each other; others may have words between them, but not a comma or a conjunction.
bool PhraseAt(const Work& w, const Phrase& p, int i, int* tail) {
  int j = i;
  for (size_t k = 1; k < p.words.size(); ++k) {
    if (p.next_adjacent[k - 1]) {
      ++j;
      if (j >= static_cast<int>(w.words.size()) || !HasEntry(w, w.words[j], p.words[k]))
        return false;
      continue;
    }
    int n = static_cast<int>(w.words.size());
    for (++j; j < n; ++j) {
      if (HasEntry(w, w.words[j], p.words[k])) break;
      Type t = ClosedClass(w.words[j].up);
      if (t == Type::kComma || t == Type::kConj) return false;
    }
    if (j >= n) return false;
  }
  *tail = j;
  return true;
}

// An agent's code joined to an actor's: "~GOV" after, "NGO~" before, not doubled when the
// actor's code already holds it on a three-letter boundary.
std::string WithAgent(const std::string& actor, const Agent& a) {
  if (a.prefix) {
    if (actor.compare(0, a.code.size(), a.code) == 0) return actor;
    return a.code + actor;
  }
  for (size_t at = 0; at + a.code.size() <= actor.size(); at += 3)
    if (actor.compare(at, a.code.size(), a.code) == 0 && at + a.code.size() == actor.size())
      return actor;
  return actor + a.code;
}

std::vector<std::string> SplitCodes(const std::string& code) {
  std::vector<std::string> out;
  size_t from = 0;
  while (true) {
    size_t slash = code.find('/', from);
    out.push_back(code.substr(from, slash - from));
    if (slash == std::string::npos) break;
    from = slash + 1;
  }
  return out;
}

class Sentence {
 public:
  Sentence(const Dictionaries& d, Work* w, int date, std::string* parse)
      : d_(d), w_(*w), date_(date), parse_(parse) {}

  Coding Run(std::string_view text) {
    Coding out;
    Split(text, &w_);
    if (w_.words.empty()) return out;
    // Capitals mark nouns only in a mixed-case text (not in an all-capitals wire).
    mixed_case_ = std::any_of(text.begin(), text.end(),
                              [](char c) { return std::islower(static_cast<unsigned char>(c)); });
    Lex();
    if (!why_.empty()) {
      out.outcome = discard_ ? Coding::Outcome::kDiscard : Coding::Outcome::kComplex;
      out.why = why_;
      return out;
    }
    Nouns();
    Agents();
    Compounds();
    Pronouns();
    Commas();
    Clauses();
    Display();
    if (Complex(&out.why)) {
      Say(out.why);
      out.outcome = Coding::Outcome::kComplex;
      return out;
    }
    CodeClauses(&out);
    if (!why_.empty()) {
      out.events.clear();
      out.outcome = discard_ ? Coding::Outcome::kDiscard : Coding::Outcome::kComplex;
      out.why = why_;
    }
    return out;
  }

 private:
  int n() const { return static_cast<int>(w_.words.size()); }

  // Each word's dictionary entries and type: at each word not yet taken, the longest actor
  // phrase opening there, else the longest verb root, else an agent; closed-class words by
  // their spelling.
  void Lex() {
    w_.entries.clear();
    w_.actors.clear();
    w_.verbs.clear();
    for (Word& word : w_.words) {
      word.entries_b = static_cast<uint32_t>(w_.entries.size());
      d_.MatchWord(word.up, &w_.entries);
      word.entries_e = static_cast<uint32_t>(w_.entries.size());
    }
    for (int i = 0; i < n(); ++i) {
      Word& word = w_.words[i];
      if (word.type == Type::kLiteral) continue;
      Type closed = ClosedClass(word.up);
      if (closed == Type::kComma || closed == Type::kQuote) {
        word.type = closed;
        continue;
      }
      // The dictionaries first: a phrase may open with THE ("THE_SHIRE") or a number.
      if (TakeActor(i) || TakeVerb(i) || TakeAgent(i)) continue;
      if (closed != Type::kNull) {
        word.type = closed;
        continue;
      }
      for (uint32_t e = word.entries_b; e < word.entries_e; ++e) {
        if (d_.IsNoun(w_.entries[e]))
          word.type = Type::kNoun;
        else if (d_.IsAdjective(w_.entries[e]) && word.type == Type::kNull)
          word.type = Type::kAdjective;
      }
    }
  }

  // The longest phrase opening at word i among those `opening` lists for its entries.
  template <typename Opening, typename PhraseOf>
  bool Longest(int i, Opening opening, PhraseOf phrase_of, uint32_t* which, int* tail) {
    const Word& word = w_.words[i];
    int best_words = 0;
    for (uint32_t e = word.entries_b; e < word.entries_e; ++e) {
      const std::vector<uint32_t>* list = opening(w_.entries[e]);
      if (list == nullptr) continue;
      for (uint32_t k : *list) {
        const Phrase& p = phrase_of(k);
        if (static_cast<int>(p.words.size()) <= best_words) break;  // longest first
        int t = 0;
        if (PhraseAt(w_, p, i, &t)) {
          best_words = static_cast<int>(p.words.size());
          *which = k;
          *tail = t;
          break;
        }
      }
    }
    return best_words > 0;
  }

  bool TakeActor(int i) {
    uint32_t which = 0;
    int tail = 0;
    if (!Longest(
            i, [&](uint32_t e) { return d_.ActorsOpening(e); },
            [&](uint32_t k) -> const Phrase& { return d_.actors()[k].phrase; }, &which, &tail))
      return false;
    const std::string& code = d_.ActorCode(which, date_);
    ActorOcc a;
    a.head = i;
    a.tail = tail;
    if (code == "###") {
      Flag(true, "discard: " + Text(i, tail));
    } else if (code == "+++") {
      Flag(false, "complex: " + Text(i, tail));
    }
    a.null = code == "---";
    a.codes = SplitCodes(code);
    Mark(i, tail, a.null ? Type::kNoun : Type::kActor);
    if (!a.null) {
      w_.words[i].actor = static_cast<int>(w_.actors.size());
      w_.actors.push_back(std::move(a));
    }
    return true;
  }

  bool TakeVerb(int i) {
    uint32_t which = 0;
    int tail = 0;
    if (!Longest(
            i, [&](uint32_t e) { return d_.RootsOpening(e); },
            [&](uint32_t k) -> const Phrase& { return d_.roots()[k].phrase; }, &which, &tail))
      return false;
    const VerbRoot& root = d_.roots()[which];
    // A root coded only "---" with no patterns is no verb at all.
    if (root.code.null() && root.patterns_begin == root.patterns_end) {
      Mark(i, tail, Type::kNoun);
      return true;
    }
    if (root.code.discard()) Flag(true, "discard: " + Text(i, tail));
    if (root.code.complex()) Flag(false, "complex: " + Text(i, tail));
    Mark(i, tail, Type::kVerb);
    w_.words[i].verb = static_cast<int>(w_.verbs.size());
    w_.verbs.push_back({i, tail, which});
    return true;
  }

  bool TakeAgent(int i) {
    uint32_t which = 0;
    int tail = 0;
    if (!Longest(
            i, [&](uint32_t e) { return d_.AgentsOpening(e); },
            [&](uint32_t k) -> const Phrase& { return d_.agents()[k].phrase; }, &which, &tail))
      return false;
    Mark(i, tail, Type::kAgent);
    agent_of_[i] = which;
    return true;
  }

  void Mark(int i, int tail, Type t) {
    w_.words[i].type = t;
    for (int k = i + 1; k <= tail; ++k)
      if (w_.words[k].type == Type::kNull) w_.words[k].type = Type::kLiteral;
  }

  std::string Text(int i, int tail) const {
    std::string s;
    for (int k = i; k <= tail; ++k) s += std::string(w_.words[k].up) + (k < tail ? " " : "");
    return s;
  }

  void Flag(bool discard, std::string why) {
    if (!why_.empty() && !discard) return;
    discard_ = discard;
    why_ = std::move(why);
  }

  // A verb after A, AN or THE, or capitalised inside a mixed-case sentence, is a noun.
  void Nouns() {
    for (int i = 0; i < n(); ++i) {
      Word& word = w_.words[i];
      if (word.type != Type::kVerb) continue;
      bool noun = i > 0 && w_.words[i - 1].type == Type::kDeterm;
      if (!noun && i > 0 && word.capital && mixed_case_) noun = true;
      if (noun) {
        word.type = Type::kNoun;
        word.verb = -1;
      }
    }
    // Drop the verb occurrences that became nouns.
    std::vector<VerbOcc> kept;
    for (const VerbOcc& v : w_.verbs)
      if (w_.words[v.head].type == Type::kVerb) {
        w_.words[v.head].verb = static_cast<int>(kept.size());
        kept.push_back(v);
      }
    w_.verbs = std::move(kept);
  }

  // An agent next to an actor, or before OF or IN and an actor, joins the actor's code.
  void Agents() {
    for (auto& [i, agent] : agent_of_) {
      const Agent& a = d_.agents()[agent];
      int actor = -1;
      if (i + 1 < n() && w_.words[i + 1].actor >= 0)
        actor = w_.words[i + 1].actor;
      else if (i > 0 && ActorEndingAt(i - 1) >= 0)
        actor = ActorEndingAt(i - 1);
      else if (i + 2 < n() && w_.words[i + 1].type == Type::kPrep && w_.words[i + 2].actor >= 0)
        actor = w_.words[i + 2].actor;
      if (actor < 0) continue;
      bool former = false;
      int before = std::min(i, w_.actors[actor].head) - 1;
      if (before >= 0 && w_.words[before].up == "FORMER") former = true;
      for (std::string& c : w_.actors[actor].codes) {
        if (former) {
          Agent elite = a;
          elite.code = "ELI";
          c = WithAgent(c, elite);
        } else {
          c = WithAgent(c, a);
        }
      }
      w_.words[i].type = Type::kLiteral;
    }
  }

  int ActorEndingAt(int k) const {
    for (size_t a = 0; a < w_.actors.size(); ++a)
      if (w_.actors[a].tail == k) return static_cast<int>(a);
    return -1;
  }

  // Parsed compounds: np (, np)* AND np, where np is an actor after any determiners and
  // adjectives; and the conjunctions of compound nouns and adjectives, which split no clause.
  void Compounds() {
    for (int i = 0; i < n(); ++i) {
      if (w_.words[i].actor < 0) continue;
      int first = w_.words[i].actor;
      std::vector<int> members{first};
      std::vector<int> joiners;
      int k = w_.actors[first].tail + 1;
      while (k < n()) {
        Type t = w_.words[k].type;
        if (t != Type::kComma && t != Type::kConj) break;
        int m = k + 1;
        // ", and Osgiliath": the serial comma before the conjunction.
        if (t == Type::kComma && m < n() && w_.words[m].type == Type::kConj) {
          joiners.push_back(k);
          k = m;
          t = Type::kConj;
          ++m;
        }
        while (m < n() &&
               (w_.words[m].type == Type::kDeterm || w_.words[m].type == Type::kAdjective))
          ++m;
        if (m >= n() || w_.words[m].actor < 0) break;
        joiners.push_back(k);
        members.push_back(w_.words[m].actor);
        k = w_.actors[w_.words[m].actor].tail + 1;
        if (t == Type::kConj) break;
      }
      // A list is a compound only when it ends with its conjunction.
      while (!joiners.empty() && w_.words[joiners.back()].type != Type::kConj) {
        joiners.pop_back();
        members.pop_back();
      }
      if (members.size() < 2) continue;
      ActorOcc& head = w_.actors[first];
      for (size_t m = 1; m < members.size(); ++m)
        for (const std::string& c : w_.actors[members[m]].codes)
          if (std::find(head.codes.begin(), head.codes.end(), c) == head.codes.end())
            head.codes.push_back(c);
      head.compound = true;
      head.tail = w_.actors[members.back()].tail;
      for (int j : joiners) w_.words[j].joins = true;
      for (size_t m = 1; m < members.size(); ++m) {
        w_.words[w_.actors[members[m]].head].actor = -1;
        w_.words[w_.actors[members[m]].head].type = Type::kLiteral;
      }
      i = head.tail;
    }
    for (int i = 1; i + 1 < n(); ++i) {
      if (w_.words[i].type != Type::kConj || w_.words[i].joins) continue;
      Type before = w_.words[i - 1].type;
      int m = i + 1;
      while (m < n() && w_.words[m].type == Type::kAdjective) ++m;
      Type after = m < n() ? w_.words[m].type : Type::kNull;
      if ((before == Type::kNoun && after == Type::kNoun) ||
          (before == Type::kAdjective && w_.words[i + 1].type == Type::kAdjective))
        w_.words[i].joins = true;
    }
  }

  // HE, SHE, IT: the first actor; ITS, HIS, HER: the first before it; THEY, THEM, THEIR: the
  // first compound, else the first actor.
  void Pronouns() {
    int first = -1, first_compound = -1;
    for (int i = 0; i < n(); ++i)
      if (w_.words[i].actor >= 0) {
        if (first < 0) first = w_.words[i].actor;
        if (first_compound < 0 && w_.actors[w_.words[i].actor].compound)
          first_compound = w_.words[i].actor;
      }
    int last_before = -1;
    for (int i = 0; i < n(); ++i) {
      Word& word = w_.words[i];
      if (word.type == Type::kActor && word.actor >= 0) {
        if (last_before < 0) last_before = word.actor;
        continue;
      }
      if (word.type != Type::kPronoun) continue;
      std::string_view p = word.up;
      int ref = -1;
      if (p == "HE" || p == "SHE" || p == "IT")
        ref = first;
      else if (p == "ITS" || p == "HIS" || p == "HER")
        ref = last_before;
      else if (p == "THEY" || p == "THEM" || p == "THEIR")
        ref = first_compound >= 0 ? first_compound : first;
      if (ref >= 0) {
        word.actor = ref;
        word.type = Type::kActor;
        pronoun_[i] = true;
      }
    }
  }

  // Comma-delimited clauses of more than min and at most max words are removed; the first
  // (before a comma) by bmin/bmax, the last (after one) by emin/emax.
  void Commas() {
    const Options& o = d_.options();
    std::vector<int> commas;
    for (int i = 0; i < n(); ++i)
      if (w_.words[i].type == Type::kComma && !w_.words[i].joins) commas.push_back(i);
    if (commas.empty()) return;
    auto count = [&](int b, int e) {  // words in (b, e)
      int c = 0;
      for (int k = b + 1; k < e; ++k) c += w_.words[k].type != Type::kQuote;
      return c;
    };
    auto drop = [&](int b, int e) {
      for (int k = b; k <= e && k < n(); ++k)
        if (k >= 0) w_.words[k].deleted = true;
    };
    if (o.comma_bmax > 0) {
      int c = count(-1, commas[0]);
      if (c > o.comma_bmin && c <= o.comma_bmax) drop(0, commas[0]);
    }
    for (size_t k = 0; k + 1 < commas.size(); ++k) {
      int c = count(commas[k], commas[k + 1]);
      if (o.comma_max > 0 && c > o.comma_min && c <= o.comma_max)
        drop(commas[k], commas[k + 1] - 1);
    }
    if (o.comma_emax > 0) {
      int c = count(commas.back(), n());
      if (c > o.comma_emin && c <= o.comma_emax) drop(commas.back(), n() - 1);
    }
  }

  // Clauses: conjunctions that join no compound split the sentence.
  void Clauses() {
    int clause = 0;
    for (Word& word : w_.words) {
      if (word.type == Type::kConj && !word.joins && !word.deleted) ++clause;
      word.clause = clause;
    }
    clauses_ = clause + 1;
  }

  bool Complex(std::string* why) {
    const Options& o = d_.options();
    int verbs = 0, conj = 0, actors = 0, pronouns = 0;
    int first_verb = -1;
    for (int i = 0; i < n(); ++i) {
      const Word& word = w_.words[i];
      if (word.deleted) continue;
      if (word.type == Type::kVerb) {
        ++verbs;
        if (first_verb < 0) first_verb = i;
      }
      if (word.type == Type::kConj && !word.joins) ++conj;
      if (word.type == Type::kActor && !pronoun_.count(i)) ++actors;
      if (pronoun_.count(i)) ++pronouns;
    }
    auto at_least = [&](int limit, int value, const char* what) {
      if (limit > 0 && value >= limit) {
        *why = std::string("complex: ") + std::to_string(value) + " " + what;
        return true;
      }
      return false;
    };
    if (at_least(o.complex_verbs, verbs, "verbs") ||
        at_least(o.complex_conj, conj, "conjunctions") ||
        at_least(o.complex_actors, actors, "actors") ||
        at_least(o.complex_pronouns, pronouns, "pronouns"))
      return true;
    if (o.complex_noverb && first_verb < 0) {
      *why = "complex: no verb";
      return true;
    }
    if (o.complex_noactprior && first_verb >= 0) {
      bool prior = false;
      for (int i = 0; i < first_verb && !prior; ++i)
        prior = !w_.words[i].deleted && w_.words[i].type == Type::kActor;
      if (!prior) {
        *why = "complex: no actor before the first verb";
        return true;
      }
    }
    if (o.complex_noactafter && first_verb >= 0) {
      bool after = false;
      for (int i = first_verb + 1; i < n() && !after; ++i)
        after = !w_.words[i].deleted && w_.words[i].type == Type::kActor;
      if (!after) {
        *why = "complex: no actor after the first verb";
        return true;
      }
    }
    return false;
  }

  // ---- coding ----

  struct Binding {
    int source = -1, target = -1;  // actor occurrences
    int source_word = -1, target_word = -1;
    bool both = false;  // '%': the compound is source and target
  };

  // The words a pattern may look at around a verb: its clause, up to a comma or conjunction.
  void Bounds(const VerbOcc& v, int* lo, int* hi) const {
    *lo = v.head;
    while (*lo > 0) {
      const Word& p = w_.words[*lo - 1];
      if ((p.type == Type::kComma || p.type == Type::kConj) && !p.joins && !p.deleted) break;
      --*lo;
    }
    *hi = v.tail;
    while (*hi + 1 < n()) {
      const Word& p = w_.words[*hi + 1];
      if ((p.type == Type::kComma || p.type == Type::kConj) && !p.joins && !p.deleted) break;
      ++*hi;
    }
  }

  bool ElemAt(const PatternElem& e, int k, Binding* b, int* end) const {
    const Word& word = w_.words[k];
    if (word.deleted) return false;
    switch (e.kind) {
      case PatternElem::Kind::kWord:
        *end = k;
        return HasEntry(w_, word, e.word);
      case PatternElem::Kind::kChoice:
        for (const Phrase& p : d_.choices()[e.word]) {
          if (!HasEntry(w_, word, p.words[0])) continue;
          int t = 0;
          if (PhraseAt(w_, p, k, &t)) {
            *end = t;
            return true;
          }
        }
        return false;
      case PatternElem::Kind::kSource:
      case PatternElem::Kind::kTarget:
      case PatternElem::Kind::kCompound:
      case PatternElem::Kind::kSkip: {
        if (word.actor < 0 || word.type != Type::kActor) return false;
        const ActorOcc& a = w_.actors[word.actor];
        if (e.kind == PatternElem::Kind::kCompound && !a.compound) return false;
        *end = pronoun_.count(k) ? k : std::max(k, a.tail);
        if (e.kind == PatternElem::Kind::kSource) b->source = word.actor, b->source_word = k;
        if (e.kind == PatternElem::Kind::kTarget) b->target = word.actor, b->target_word = k;
        if (e.kind == PatternElem::Kind::kCompound) {
          b->source = b->target = word.actor;
          b->source_word = b->target_word = k;
          b->both = true;
        }
        return true;
      }
    }
    return false;
  }

  // Elements [k, end) in text order from word `from`, each after the last; the last one must
  // end at `must_end` when it is joined there (-1: anywhere before `limit`).
  bool MatchForward(const std::vector<PatternElem>& elems, size_t k, int from, int limit,
                    bool first_joined_to_from, int joined_end, Binding* b) const {
    if (k == elems.size()) return true;
    const PatternElem& e = elems[k];
    bool joined_prev = k == 0 ? first_joined_to_from : elems[k].adjacent;
    int last_start = joined_prev ? from : limit - 1;
    for (int pos = from; pos <= last_start && pos < limit; ++pos) {
      Binding trial = *b;
      int end = pos;
      if (!ElemAt(e, pos, &trial, &end) || end >= limit) continue;
      // The element joined to the verb must end just before it.
      if (k + 1 == elems.size() && joined_end >= 0 && end != joined_end) continue;
      if (MatchForward(elems, k + 1, end + 1, limit, false, joined_end, &trial)) {
        *b = trial;
        return true;
      }
    }
    return false;
  }

  bool MatchPattern(const Pattern& p, const VerbOcc& v, int lo, int hi, Binding* b) const {
    // Before the verb: the elements in order from the clause's start; the last one, when
    // joined ('_') to the verb, right before it.
    if (!p.before.empty()) {
      // In `before`, adjacent means joined to the next element (toward the verb); MatchForward
      // reads adjacency toward the previous, so shift it.
      std::vector<PatternElem> before = p.before;
      for (size_t k = before.size(); k-- > 1;) before[k].adjacent = p.before[k - 1].adjacent;
      before[0].adjacent = false;
      int joined_end = p.before.back().adjacent ? v.head - 1 : -1;
      if (!MatchForward(before, 0, lo, v.head, false, joined_end, b)) return false;
    }
    if (!p.after.empty()) {
      if (!MatchForward(p.after, 0, v.tail + 1, hi + 1, p.after[0].adjacent, -1, b)) return false;
    }
    return true;
  }

  int FirstActor(int from, int to, const std::vector<std::string>* distinct_from) const {
    for (int i = from; i < to; ++i) {
      const Word& word = w_.words[i];
      if (word.deleted || word.type != Type::kActor || word.actor < 0) continue;
      if (distinct_from && w_.actors[word.actor].codes == *distinct_from) continue;
      return i;
    }
    return -1;
  }

  void CodeClauses(Coding* out) {
    struct Found {
      CodedEvent e;
      bool subordinate, dominant;
    };
    std::vector<Found> found;
    int carried_source = -1;  // the source word kept across clauses
    bool sentence_done = false;
    for (int c = 0; c < clauses_ && !sentence_done; ++c) {
      int clause_begin = 0;
      while (clause_begin < n() && w_.words[clause_begin].clause < c) ++clause_begin;
      // An actor right after the conjunction replaces the kept source.
      if (c > 0) {
        int k = clause_begin;
        while (k < n() && (w_.words[k].type == Type::kConj || w_.words[k].deleted)) ++k;
        if (k < n() && w_.words[k].type == Type::kActor) carried_source = k;
      }
      bool clause_has_event = false, clause_subordinate = false;
      for (const VerbOcc& v : w_.verbs) {
        if (w_.words[v.head].clause != c || w_.words[v.head].deleted) continue;
        if (clause_has_event && d_.options().code_by != Options::CodeBy::kAll) break;
        int lo = 0, hi = 0;
        Bounds(v, &lo, &hi);
        const VerbRoot& root = d_.roots()[v.root];
        const VerbCode* code = &root.code;
        Binding b;
        for (uint32_t p = root.patterns_begin; p < root.patterns_end; ++p) {
          Binding trial;
          if (MatchPattern(d_.patterns()[p], v, lo, hi, &trial)) {
            code = &d_.patterns()[p].code;
            b = trial;
            Say("verb " + std::string(w_.words[v.head].up) + ": pattern line " +
                std::to_string(d_.patterns()[p].line) + " [" + code->code + "]");
            break;
          }
        }
        if (code == &root.code)
          Say("verb " + std::string(w_.words[v.head].up) + ": root [" + code->code + "]");
        if (code->discard()) Flag(true, "discard: " + Text(v.head, v.tail));
        if (code->complex()) Flag(false, "complex: " + Text(v.head, v.tail));
        if (code->null() || code->discard() || code->complex()) continue;
        // Source: as bound, else the kept one, else the first actor before the verb in the
        // sentence (distinct from a bound target).
        int src = b.source_word, tgt = b.target_word;
        const std::vector<std::string>* tgt_codes =
            tgt >= 0 ? &w_.actors[w_.words[tgt].actor].codes : nullptr;
        if (src < 0) {
          if (carried_source >= 0 && c > 0)
            src = carried_source;
          else
            src = FirstActor(0, v.head, tgt_codes);
        }
        const std::vector<std::string>* src_codes =
            src >= 0 ? &w_.actors[w_.words[src].actor].codes : nullptr;
        if (tgt < 0) {
          tgt = FirstActor(v.tail + 1, n(), src_codes);
          if (tgt < 0) tgt = FirstActor(0, v.head, src_codes);
          if (tgt < 0 && src >= 0 && w_.actors[w_.words[src].actor].compound) tgt = src;
        }
        // Passive: WAS, WERE or BEEN one or two words before the verb and BY right after.
        if (b.source_word < 0 && b.target_word < 0 && Passive(v)) std::swap(src, tgt);
        std::string dsrc, dtgt;
        if (src < 0 && !d_.options().default_source.empty()) dsrc = d_.options().default_source;
        if (tgt < 0 && !d_.options().default_target.empty()) dtgt = d_.options().default_target;
        if ((src < 0 && dsrc.empty()) || (tgt < 0 && dtgt.empty())) continue;
        if (c == 0 && src >= 0 && carried_source < 0) carried_source = src;
        std::vector<std::string> srcs =
            src >= 0 ? w_.actors[w_.words[src].actor].codes : std::vector<std::string>{dsrc};
        std::vector<std::string> tgts =
            tgt >= 0 ? w_.actors[w_.words[tgt].actor].codes : std::vector<std::string>{dtgt};
        size_t before = found.size();
        for (const std::string& s : srcs)
          for (const std::string& t : tgts) {
            if (s == t) continue;
            Found f{Event(s, t, code->code, v, src, tgt), code->subordinate, code->dominant};
            found.push_back(f);
            if (!code->paired.empty()) {
              Found g{Event(t, s, code->paired, v, tgt, src), code->subordinate, code->dominant};
              found.push_back(g);
            }
          }
        if (found.size() == before) continue;
        if (code->subordinate) {
          clause_subordinate = true;
          continue;  // a subordinate event does not end the clause's search
        }
        clause_has_event = true;
        if (d_.options().code_by == Options::CodeBy::kSentence) sentence_done = true;
      }
      (void)clause_subordinate;
      // The first clause with no event: its first actor is the source kept for the next.
      if (c == 0 && carried_source < 0) carried_source = FirstActor(clause_begin, n(), nullptr);
    }
    bool dominant = false, plain = false;
    for (const Found& f : found) {
      dominant = dominant || f.dominant;
      plain = plain || !f.subordinate;
    }
    for (const Found& f : found) {
      if (dominant && !f.dominant) continue;
      if (!dominant && plain && f.subordinate) continue;
      if (std::find(out->events.begin(), out->events.end(), f.e) != out->events.end()) continue;
      out->events.push_back(f.e);
    }
  }

  bool Passive(const VerbOcc& v) const {
    if (v.tail + 1 >= n() || w_.words[v.tail + 1].type != Type::kBy) return false;
    for (int k = v.head - 1; k >= 0 && k >= v.head - 2; --k)
      if (w_.words[k].type == Type::kAuxil) return true;
    return false;
  }

  CodedEvent Event(const std::string& s, const std::string& t, const std::string& code,
                   const VerbOcc& v, int src, int tgt) const {
    CodedEvent e;
    e.source = s;
    e.target = t;
    e.code = code;
    e.verb_begin = w_.words[v.head].begin;
    e.verb_end = w_.words[v.tail].end;
    auto span = [&](int word, uint32_t* b, uint32_t* en) {
      if (word < 0) return;
      if (pronoun_.count(word)) {
        *b = w_.words[word].begin;
        *en = w_.words[word].end;
        return;
      }
      const ActorOcc& a = w_.actors[w_.words[word].actor];
      *b = w_.words[a.head].begin;
      *en = w_.words[a.tail].end;
    };
    span(src, &e.source_begin, &e.source_end);
    span(tgt, &e.target_begin, &e.target_end);
    return e;
  }

  static const char* TypeName(Type t) {
    static const char* const kNames[] = {"null",   "litr",   "actor",  "agent", "verb",    "noun",
                                         "adjctv", "determ", "conj",   "comma", "pronoun", "auxil",
                                         "byword", "prep",   "number", "quote"};
    return kNames[static_cast<int>(t)];
  }

  void Display() {
    if (parse_ == nullptr) return;
    for (int i = 0; i < n(); ++i) {
      const Word& word = w_.words[i];
      *parse_ += std::to_string(i) + "\t" + std::string(word.up) + "\t" + TypeName(word.type) +
                 "\tclause " + std::to_string(word.clause);
      if (word.deleted) *parse_ += "\tremoved";
      if (word.joins) *parse_ += "\tjoins";
      if (word.actor >= 0) {
        const ActorOcc& a = w_.actors[word.actor];
        *parse_ += "\t[";
        for (size_t k = 0; k < a.codes.size(); ++k) *parse_ += (k ? "/" : "") + a.codes[k];
        *parse_ += "]";
        if (a.compound) *parse_ += " compound";
        *parse_ += " words " + std::to_string(a.head) + "-" + std::to_string(a.tail);
      }
      if (word.verb >= 0) {
        const VerbOcc& v = w_.verbs[word.verb];
        *parse_ += "\troot line " + std::to_string(d_.roots()[v.root].line);
      }
      *parse_ += "\n";
    }
  }

  void Say(const std::string& s) {
    if (parse_ != nullptr) *parse_ += s + "\n";
  }

  const Dictionaries& d_;
  Work& w_;
  int date_;
  std::string* parse_;
  int clauses_ = 1;
  bool discard_ = false;
  bool mixed_case_ = true;
  std::string why_;
  std::map<int, uint32_t> agent_of_;
  std::map<int, bool> pronoun_;
};

}  // namespace

Coding Coder::Code(std::string_view sentence, int date, std::string* parse) const {
  Work w;
  Sentence s(*d_, &w, date, parse);
  return s.Run(sentence);
}

}  // namespace dyad::tabari
