// TABARI's dictionaries (.actors, .agents, .verbs, .options), read as TABARI reads them and
// compiled once into an immutable matcher over word ids.
//
// TABARI matches a dictionary word against a text word three ways: a bare word is a stem
// ("RESTOR" matches RESTORE, RESTORED), a word ending in '_' is whole, with the regular endings
// (S, 'S, ED, ES, EN, ING) allowed on a phrase's last word, and a word ending in '=' is whole
// only. Every such (spelling, way) is one entry of a character trie, so the dictionary words a
// text word matches are found in one walk along its letters, whatever the dictionaries' size.
// Phrases (actor and agent names, verb roots, the words of patterns) are runs of entry ids.
//
//   std::vector<std::string> problems;
//   Result<tabari::Dictionaries> d = tabari::Dictionaries::LoadDir(dir, &problems);
//
// Formats and what dyad does with each construct: docs/tabari.md.
#ifndef DYAD_TABARI_DICTIONARIES_H_
#define DYAD_TABARI_DICTIONARIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/status.h"

namespace dyad::tabari {

// How a dictionary word matches a text word.
enum class WordMode : uint8_t {
  kStem,    // bare: any text word it begins
  kEnding,  // '_' on a phrase's last word: the word, or the word and a regular ending
  kWhole,   // '=', or '_' inside a phrase: the word only
};

// A run of words. next_adjacent[i]: word i+1 must follow word i at once ('_'); else other
// words may come between (' ').
struct Phrase {
  std::vector<uint32_t> words;  // entry ids
  std::vector<bool> next_adjacent;
};

// One code of an actor, valid on dates in [from, to] (YYYYMMDD inclusive, 0 = open).
struct DatedCode {
  std::string code;  // "ARN", "ELR/GAL" (a coded compound), "---", "###", "+++"
  int from = 0, to = 0;
  bool restricted = false;
};

struct Actor {
  Phrase phrase;
  uint32_t codes = 0;  // into actor_codes()
  int line = 0;
};

struct Agent {
  Phrase phrase;
  std::string code;     // without its '~'
  bool prefix = false;  // "NGO~": before the actor's code; "~GOV": after it
};

// An event code as a verb or pattern gives it.
struct VerbCode {
  std::string code, paired;  // "032" and "033" for [032:033]; paired empty when none
  bool subordinate = false;  // '?': only when the sentence has no other event
  bool dominant = false;     // '!'
  bool null() const { return code == "---"; }
  bool discard() const { return code == "###"; }
  bool complex() const { return code == "+++"; }
};

// One element of a pattern.
struct PatternElem {
  enum class Kind : uint8_t {
    kWord,      // word: an entry id
    kChoice,    // a synset or { a | b }: any of choices[word] (phrases)
    kSource,    // $
    kTarget,    // +
    kCompound,  // %: a compound actor, both source and target
    kSkip,      // ^: an actor passed over
  };
  Kind kind = Kind::kWord;
  uint32_t word = 0;
  bool adjacent = false;  // '_' joins it to the element before it (toward the verb: after)
};

struct Pattern {
  std::vector<PatternElem> before;  // the words before '*', in text order
  std::vector<PatternElem> after;   // the words after '*', in text order
  VerbCode code;
  int length =
      0;  // TABARI's: letters of its words (a choice counts its longest); tried longest first
  int line = 0;
};

struct VerbRoot {
  Phrase phrase;  // the root as written, "BURN DOWN"; its first word is the verb
  VerbCode code;  // the root's own
  uint32_t patterns_begin = 0, patterns_end = 0;  // into patterns(), longest first
  int line = 0;
};

// A .options file's settings that change what is coded.
struct Options {
  enum class CodeBy : uint8_t { kClause, kSentence, kAll } code_by = CodeBy::kClause;
  // COMMA: comma-delimited clauses of more than min and at most max words are removed (0 max:
  // off); b* at the start of a sentence, e* at its end.
  int comma_min = 2, comma_max = 10, comma_bmin = 0, comma_bmax = 0, comma_emin = 2,
      comma_emax = 10;
  // COMPLEX: a sentence is not coded when it has at least this many (0: unchecked)...
  int complex_verbs = 0, complex_actors = 0, complex_pronouns = 0, complex_conj = 0,
      complex_comma = 0, complex_lateverb = 0;
  // ...or lacks these.
  bool complex_noactprior = false, complex_noactafter = false, complex_noverb = false,
       complex_nosource = false, complex_notarget = false, complex_noevent = false;
  // DEFAULT: codes for a missing source or target ("" none).
  std::string default_source, default_target;
  bool default_source_prior = false, default_target_after = false;
};

// A dictionary file's text and the name its problems are reported under.
struct Source {
  std::string name;
  std::string text;
};

class Dictionaries {
 public:
  // Any source may be missing; problems get one "file:line: what" each, and the line is left
  // out (TABARI stops there; an analyst is better served by all of them at once).
  static Result<Dictionaries> LoadSources(const std::vector<Source>& actors,
                                          const std::vector<Source>& agents,
                                          const std::vector<Source>& verbs, const Source* options,
                                          std::vector<std::string>* problems);
  // A directory holding TABARI's files: *.actors, *.agents, *.verbs (one) and *.options.
  static Result<Dictionaries> LoadDir(const std::string& dir, std::vector<std::string>* problems);
  // Whether a directory holds TABARI dictionaries (a *.verbs file) rather than PETRARCH's.
  static bool IsTabariDir(const std::string& dir);

  // The entries (dictionary word, way) a text word matches, appended to *out: one walk of the
  // trie along the word. `text` is upper case.
  void MatchWord(std::string_view text, std::vector<uint32_t>* out) const;
  size_t entry_count() const { return entry_text_.size(); }
  const std::string& entry_text(uint32_t id) const { return entry_text_[id]; }

  const std::vector<Actor>& actors() const { return actors_; }
  const std::vector<std::vector<DatedCode>>& actor_codes() const { return actor_codes_; }
  const std::vector<Agent>& agents() const { return agents_; }
  const std::vector<VerbRoot>& roots() const { return roots_; }
  const std::vector<Pattern>& patterns() const { return patterns_; }
  const std::vector<std::vector<Phrase>>& choices() const { return choices_; }
  const Options& options() const { return options_; }
  // Phrases that open with an entry, longest first: actors, agents, verb roots (by index).
  const std::vector<uint32_t>* ActorsOpening(uint32_t entry) const;
  const std::vector<uint32_t>* AgentsOpening(uint32_t entry) const;
  const std::vector<uint32_t>* RootsOpening(uint32_t entry) const;
  // <NOUN> and <ADJECTIVE> words of the actors file.
  bool IsNoun(uint32_t entry) const { return Flag(entry, kNoun); }
  bool IsAdjective(uint32_t entry) const { return Flag(entry, kAdjective); }

  // The code of an actor on a date (YYYYMMDD): the first restricted code whose dates hold it,
  // else the unrestricted one, else "---".
  const std::string& ActorCode(uint32_t actor, int yyyymmdd) const;

 private:
  friend class Reader;
  enum : uint8_t { kNoun = 1, kAdjective = 2 };
  bool Flag(uint32_t entry, uint8_t f) const {
    return entry < entry_flags_.size() && (entry_flags_[entry] & f) != 0;
  }

  // The trie: node 0 is the root; a node's children are a sorted run of `edges_`.
  struct Node {
    uint32_t edges_begin = 0, edges_end = 0;
    uint32_t entries_begin = 0, entries_end = 0;  // into node_entries_
  };
  struct Edge {
    char c;
    uint32_t node;
  };
  struct NodeEntry {
    uint32_t id;
    WordMode mode;
  };
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<NodeEntry> node_entries_;
  std::vector<std::string> entry_text_;
  std::vector<uint8_t> entry_flags_;

  std::vector<Actor> actors_;
  std::vector<std::vector<DatedCode>> actor_codes_;
  std::vector<Agent> agents_;
  std::vector<VerbRoot> roots_;
  std::vector<Pattern> patterns_;
  std::vector<std::vector<Phrase>> choices_;
  Options options_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> actor_index_, agent_index_, root_index_;
};

}  // namespace dyad::tabari

#endif  // DYAD_TABARI_DICTIONARIES_H_
