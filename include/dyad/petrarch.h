// The PETRARCH/TABARI dictionaries, read as the event-data community ships them: actors with
// synonyms and dated roles, agents, verb blocks with patterns and synsets, and discards.
//
// Load reads the files as they are (PETR.Validate.* and the Phoenix dictionaries), reports each
// line it cannot use as "file:line: problem" and keeps the rest; the result is immutable.
// Formats and their meaning: docs/petrarch.md.
//
//   std::vector<std::string> problems;
//   Result<petrarch::Dictionaries> d = petrarch::Dictionaries::LoadDir(dir, &problems);
#ifndef DYAD_PETRARCH_H_
#define DYAD_PETRARCH_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/status.h"

namespace dyad::petrarch {

// A phrase of upper-case words; adjacent[i] says word i+1 must follow word i immediately
// (written '_'), else other words may come between (written ' ').
struct Phrase {
  std::vector<std::string> words;
  std::vector<bool> adjacent;
};

// One code of an actor, valid on dates in [from, to] (YYYYMMDD, inclusive; 0 = open).
struct DatedCode {
  std::string code;
  int from = 0, to = 0;
  bool dated = false;  // a restricted code; the first one matching the date wins
};

struct ActorRecord {
  std::vector<DatedCode> codes;
  std::string file;
  int line = 0;
  // The code on a date: the first restricted code whose dates hold it, else the unrestricted
  // code, else "---" (a phrase recognised as no actor).
  std::string CodeOn(int yyyymmdd) const;
};

struct ActorName {
  Phrase phrase;
  int record = 0;  // into actors()
};

struct Agent {
  Phrase phrase;
  std::string code;     // without its '~'
  bool prefix = false;  // "NGO~": put before the actor's code; "~GOV": after it
};

struct PatternElem {
  enum class Kind { kWord, kSynset, kSource, kTarget, kCompound, kSkip } kind = Kind::kWord;
  std::string text;       // the word, or the synset's name with its '&'
  bool adjacent = false;  // joined by '_' to the verb or the element before it (nearer the verb)
};

struct Pattern {
  std::vector<PatternElem> upper;  // before the verb, nearest first
  std::vector<PatternElem> lower;  // after the verb
  std::string code;                // "---": the pattern suppresses the event
  int line = 0;
  size_t length = 0;  // elements on both sides: longer patterns are tried first
};

struct VerbBlock {
  std::string key;                // the first verb of the block
  std::string code;               // the block's default, "---" for none
  std::vector<Pattern> patterns;  // longest first, then in file order
};

// A form of a verb as it appears in text; a multi-word verb lists its other words.
struct VerbForm {
  std::vector<std::string> before, after;
  int block = 0;
  std::string code;  // the verb line's code, else its block's
};

struct Discard {
  std::vector<std::string> words;
  bool story = false;  // '+': the whole story is not coded
};

// A dictionary file's text, with the name its problems are reported under.
struct Source {
  std::string name;
  std::string text;
};
Result<Source> ReadSource(const std::string& path);

class Dictionaries {
 public:
  // Dictionaries held in memory (dyad's own lexicon rendered in these formats, in front of
  // shipped files): the same reading as files.
  // Verb sources are read in order: for a form in several, the first source's block is tried
  // first.
  static Result<Dictionaries> LoadSources(const std::vector<Source>& actors,
                                          const std::vector<Source>& agents,
                                          const std::vector<Source>& verbs,
                                          const std::vector<Source>& discards,
                                          std::vector<std::string>* problems);
  // Any file may be empty (""); actor and agent files may be several.
  static Result<Dictionaries> Load(const std::vector<std::string>& actor_files,
                                   const std::vector<std::string>& agent_files,
                                   const std::string& verb_file,
                                   const std::vector<std::string>& discard_files,
                                   std::vector<std::string>* problems);
  // A directory in the Phoenix layout: *actors*.txt, *agents*.txt, *discards*.txt and one verb
  // file (*verbs*.txt, else CAMEO*.txt). The validation suite's PETR.* files are left out.
  static Result<Dictionaries> LoadDir(const std::string& dir, std::vector<std::string>* problems);

  const std::vector<ActorRecord>& actors() const { return actors_; }
  const std::vector<ActorName>& actor_names() const { return actor_names_; }
  const std::vector<Agent>& agents() const { return agents_; }
  const std::vector<VerbBlock>& blocks() const { return blocks_; }
  const std::vector<Discard>& discards() const { return discards_; }
  // dyad's extension: closed word lists of data/en, upper case, by name; empty unless set.
  //   act_nouns        nouns that name an act ("LAUNCH", "PROVISION"): "the provision of
  //                    munitions by the DPRK" is the DPRK's act
  //   agreement_nouns  nouns that name an agreement ("TREATY"): "X is a treaty between A and B
  //                    signed on …" tells of A and B agreeing
  //   occasion_nouns   gatherings ("SUMMIT", "FORUM"): "during a NATO summit" names the occasion,
  //                    not a counterpart
  //   group_nouns      what a number counts in "the three countries", "both sides"
  const std::unordered_set<std::string>& Words(std::string_view list) const;
  void SetWords(std::string list, std::unordered_set<std::string> words) {
    word_lists_[std::move(list)] = std::move(words);
  }

  // Phrases starting with a word, longest first (indexes into actor_names() / agents()).
  const std::vector<int>* ActorsStartingWith(const std::string& word) const;
  const std::vector<int>* AgentsStartingWith(const std::string& word) const;
  // Forms whose verb word (the '+' word of a multi-word verb) is `word`, longest first.
  const std::vector<VerbForm>* FormsOf(const std::string& word) const;
  // Members of a synset ("&CURRENCY"), each a run of words, plurals included.
  const std::vector<std::vector<std::string>>* Synset(const std::string& name) const;

  size_t pattern_count() const;

 private:
  std::vector<ActorRecord> actors_;
  std::vector<ActorName> actor_names_;
  std::vector<Agent> agents_;
  std::vector<VerbBlock> blocks_;
  std::vector<Discard> discards_;
  std::unordered_map<std::string, std::unordered_set<std::string>> word_lists_;
  std::unordered_map<std::string, std::vector<int>> actor_index_, agent_index_;
  std::unordered_map<std::string, std::vector<VerbForm>> forms_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> synsets_;
  friend class Reader;
};

// The regular plural of a phrase's last word: Y → IES, S → SES, else + S.
std::string Plural(const std::string& word);

}  // namespace dyad::petrarch

#endif  // DYAD_PETRARCH_H_
