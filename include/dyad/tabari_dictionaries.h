// TABARI's dictionaries (.actors, .agents, .verbs, .options), read as TABARI 0.8.4 reads them
// and compiled once into an immutable matcher over literal ids.
//
// Every distinct word of every phrase is a literal. The literals a text word begins with (its
// "literal list": "RESTOR" and "RESTORE" for RESTORED) are found in one walk of a character trie
// along the word, whatever the dictionaries' size; phrases and patterns are then compared as
// runs of literal ids. How a phrase's words may match — whole, with a regular ending, or as a
// stem, next to each other or with words between — is its connectors': "A B", "A_B", "A_ B",
// "A~ B", "A=" (docs/tabari.md).
//
//   std::vector<std::string> problems;
//   Result<tabari::Dictionaries> d = tabari::Dictionaries::LoadDir(dir, &problems);
#ifndef DYAD_TABARI_DICTIONARIES_H_
#define DYAD_TABARI_DICTIONARIES_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/status.h"

namespace dyad::tabari {

// What follows a word in a phrase.
enum class Conn : uint8_t {
  kSpace,       // "A B", or the last word
  kUnder,       // "A_B", or "A_" at the end
  kUnderBlank,  // "A_ B"
  kTilde,       // "A~ B"
  kEqual,       // "A="
  kSynOpen,     // "&SET " (a synset reference before a blank)
  kSynClosed,   // "&SET_"
};
// In patterns: whether the word may match a longer text word (a stem), and whether other words
// may come between it and the next element. Roots (actor, verb … phrases) read the two the other
// way round, as TABARI does: there `Gap` says the word may be a stem and `Stem` that the next
// word may come after others.
inline bool Stem(Conn c) { return c == Conn::kSpace || c == Conn::kTilde || c == Conn::kSynClosed; }
inline bool Gap(Conn c) {
  return c == Conn::kSpace || c == Conn::kUnderBlank || c == Conn::kSynOpen;
}

// What a root is.
enum class RootType : uint8_t {
  kActor,
  kAgent,
  kVerb,
  kNoun,
  kAdjective,
  kTime,
  kDeterm,   // A, AN, THE
  kConj,     // AND, NOR, BUT, OR
  kPrep,     // IN, OF
  kPronoun,  // HE, HIM, SHE, HER, IT, THEM, THEIR, THEY
  kAuxil,    // WERE, WAS, BEEN
  kBy,       // BY
  kFormer,   // FORMER (an adjective that makes an agent an elite)
};

struct Elem {
  uint32_t item = 0;  // a literal; in patterns see PatternElem
  Conn conn = Conn::kSpace;
};

struct Root {
  std::vector<Elem> phrase;
  RootType type = RootType::kActor;
  uint32_t data = 0;  // actors: its code set; agents: agents(); verbs: verbs(); time: times()
  int line = 0;
};

// One block of an actor's codes: "[ARN]", "[ELR/GAL]", "[HOB <950601]", "[GON 950601-990815]".
struct CodeBlock {
  std::vector<std::string> codes;  // several: a coded compound; "---", "###", "+++" special
  enum class When : uint8_t { kAlways, kBefore, kAfter, kBetween } when = When::kAlways;
  int from = 0, to = 0;  // YYYYMMDD; kBefore: date < to; kAfter: date > from; kBetween inclusive
};

struct Agent {
  std::string code;     // without its '~'
  bool prefix = false;  // "NGO~": before the actor's code; "~GOV": after it
};

// An event code as a verb or pattern gives it: "064", "032:033", "023?", "031!", "---".
struct VerbCode {
  struct Half {
    std::string code;
    bool subordinate = false, dominant = false;
  };
  Half primary, paired;  // paired.code empty unless "a:b"
  bool null() const { return primary.code == "---" && paired.code.empty(); }
  bool discard() const { return primary.code == "###"; }
  bool complex() const { return primary.code == "+++"; }
};

struct PatternElem {
  enum class Kind : uint8_t {
    kWord,      // item: a literal
    kVerb,      // *
    kSource,    // $
    kTarget,    // +
    kAttrib,    // @
    kCompound,  // %
    kSkip,      // ^
    kOpen,      // {
    kBar,       // |
    kClose,     // }
    kSynset,    // item: a synset
  };
  Kind kind = Kind::kWord;
  uint32_t item = 0;
  Conn conn = Conn::kSpace;
};

struct Pattern {
  std::vector<PatternElem> elems;  // in written order, '*' among them
  VerbCode code;
  int length = 0;   // letters, digits, '_' and '\'' of the fixed words plus the longest choice
  int max_alt = 0;  // of which the choices
  int line = 0;
  // The literals the pattern cannot match without, outside { } (one match each at least):
  // after '*' in the verb's clause, and before it. A text that lacks one is not tried.
  std::vector<uint32_t> need_after, need_before;
  // And the synsets outside { } (at least one of its members' first words each).
  std::vector<uint32_t> synsets_after, synsets_before;
};

struct Verb {
  VerbCode code;
  uint32_t patterns_begin = 0, patterns_end = 0;  // into patterns(), longest first
  // The patterns by one literal each needs (its longest), and those that need none: a text
  // lacking a literal has none of its patterns tried (SAID has 1,467 in the CAMEO master file).
  std::unordered_map<uint32_t, std::vector<uint32_t>> by_key;
  std::vector<uint32_t> keyless;
};

struct Time {
  std::string code;  // "+7", "-30", "---", "###", "+++"
  uint32_t patterns_begin = 0, patterns_end = 0;
};

// A .options file's settings that change what is coded.
struct Options {
  enum class CodeBy : uint8_t { kClause, kSentence, kAll } code_by = CodeBy::kClause;
  int minimum_words = 8;  // a shorter text is not coded
  // COMMA: comma-delimited clauses of min..max words (inclusive) are removed; b*: from the start
  // to the first comma; e*: from the last comma to the end. BMIN > BMAX: off.
  int comma_min = 2, comma_max = 10, comma_bmin = 128, comma_bmax = 0, comma_emin = 2,
      comma_emax = 10;
  bool comma_off = false;
  // COMPLEX: a text is not coded when it has at least this many (0: unchecked)...
  int complex_verbs = 0, complex_actors = 0, complex_pronouns = 0, complex_conj = 0,
      complex_lateverb = 0;
  // ...or lacks these.
  bool complex_actprior = false, complex_actafter = false, complex_noverb = false;
  // DEFAULT: codes for a missing source or target ("" none).
  std::string default_source, default_target;
  bool default_source_prior = false, default_target_after = false;
};

// A dictionary file's text and the name its problems are reported under.
struct Source {
  std::string name;
  std::string text;
};

// A literal a text word begins with; exact when it is the whole word.
struct LiteralMatch {
  uint32_t literal;
  bool exact;
};

class Dictionaries {
 public:
  // Sources in TABARI's order (actors, agents, verbs); problems get one "file:line: what" each
  // and the line is left out (TABARI stops there; an analyst is better served by all at once).
  static Result<Dictionaries> LoadSources(const std::vector<Source>& actors,
                                          const std::vector<Source>& agents,
                                          const std::vector<Source>& verbs, const Source* options,
                                          std::vector<std::string>* problems);
  // A directory holding TABARI's files: *.actors, *.agents, *.verbs (one) and *.options.
  static Result<Dictionaries> LoadDir(const std::string& dir, std::vector<std::string>* problems);
  // Whether a directory holds TABARI dictionaries (a *.verbs file) rather than PETRARCH's.
  static bool IsTabariDir(const std::string& dir);

  // The literals `word` (upper case) begins with, shortest first, appended to *out: one walk of
  // the trie. A one-letter literal ("A") only begins a word whose second character is no letter
  // or digit, as in TABARI.
  void MatchWord(std::string_view word, std::vector<LiteralMatch>* out) const;
  const std::string& literal(uint32_t id) const { return literals_[id]; }
  size_t literal_count() const { return literals_.size(); }

  const std::vector<Root>& roots() const { return roots_; }
  // Roots whose first word is this literal, in the order they were read.
  const std::vector<uint32_t>& RootsOpening(uint32_t literal) const { return by_literal_[literal]; }
  const std::vector<std::vector<CodeBlock>>& code_sets() const { return code_sets_; }
  const std::vector<Agent>& agents() const { return agents_; }
  const std::vector<Verb>& verbs() const { return verbs_; }
  const std::vector<Time>& times() const { return times_; }
  const std::vector<Pattern>& patterns() const { return patterns_; }
  // A synset's members, each a pattern without '*'.
  const std::vector<std::vector<Pattern>>& synsets() const { return synsets_; }
  // The literals a synset's members open with (through nested synsets too); `open` when a
  // member opens with something else (an actor mark or a choice), which any text may hold.
  struct SynsetFirst {
    std::vector<uint32_t> literals;
    bool open = false;
  };
  const std::vector<SynsetFirst>& synset_first() const { return synset_first_; }
  const Options& options() const { return options_; }

  // The codes of an actor's code set on a date (YYYYMMDD): the first block whose restriction
  // holds, in written order; null when none does.
  const CodeBlock* CodesOn(uint32_t code_set, int yyyymmdd) const;

 private:
  friend class Reader;
  struct Node {
    uint32_t edges_begin = 0, edges_end = 0;
    int32_t literal = -1;
  };
  struct Edge {
    char c;
    uint32_t node;
  };
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;                // each node's sorted by character
  std::array<uint32_t, 256> root_next_{};  // the root's children by first character
  std::vector<std::string> literals_;
  std::vector<std::vector<uint32_t>> by_literal_;

  std::vector<Root> roots_;
  std::vector<std::vector<CodeBlock>> code_sets_;
  std::vector<Agent> agents_;
  std::vector<Verb> verbs_;
  std::vector<Time> times_;
  std::vector<Pattern> patterns_;
  std::vector<std::vector<Pattern>> synsets_;
  std::vector<SynsetFirst> synset_first_;
  Options options_;
};

}  // namespace dyad::tabari

#endif  // DYAD_TABARI_DICTIONARIES_H_
