// dyad's English coder for the PETRARCH/TABARI dictionaries: shallow matching on tokens, no
// parser. A sentence is tokenised, actors and agents are found by dictionary, noun chunks and
// compound mentions ("Arnor, Gondor and Osgiliath") are built around them, verbs are matched
// against their blocks' patterns (longest first), and each coded verb takes its source from
// before it and its target from its clause. The rules, and what they cannot do without a
// parse, are in docs/petrarch.md.
//
//   PatternCoder coder(&dictionaries);
//   SentenceCoding c = coder.Code("Arnor restored ties with Gondor.", 19950101, {});
#ifndef DYAD_PATTERN_CODER_H_
#define DYAD_PATTERN_CODER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dyad/petrarch.h"

namespace dyad::en {

// PETRARCH's options, with its defaults.
struct PatternOptions {
  int new_actor_length = 0;  // > 0: an unknown noun phrase of at most N words is its own code
  bool require_dyad = true;  // drop events whose source or target is exactly "---"
  // Comma clauses of [min, max] words are deleted (max 0: never): internal, initial, terminal.
  int comma_min = 2, comma_max = 8;
  int comma_bmin = 0, comma_bmax = 0;
  int comma_emin = 2, comma_emax = 8;
  // dyad's reading of documents (PETRARCH's validation runs with both false/true as below):
  // a null noun phrase may be a target ("---", later dropped by require_dyad), hiding a
  // compound source's meeting with itself ("Yoon and Ishiba held their first summit")...
  bool null_targets = true;
  // ...and a place after IN or AT ("talks in Vientiane") is a target only when nothing else is.
  bool places_are_not_targets = false;
  // ...and a last comma clause is not deleted when no verb stands before it, nor an inner one
  // that names an actor and holds no verb (a subject before its apposition).
  bool keep_verbless_rest = false;
  // The actor the previous sentence was about (its subject's code), when known: "North Korea
  // fired a missile … The launch was condemned by Seoul" — an act named only by a noun ("the
  // launch", "the strikes") as the other side of an event is that actor's.
  std::string antecedent;
  // Discard phrases that are a bare year ("1953", as Phoenix lists 1914–2013 to skip history in
  // news) are applied. dyad codes history on purpose and dates it itself: false in documents.
  bool year_discards = true;
};

struct CodedTriple {
  std::string source, target, code;
  // The words of the source and target mentions (as written), when the coder found them.
  std::string source_words, target_words;
  // The words of the verb's clause before it, upper case, nearest last ("IS EXPECTED TO",
  // "DID N'T", "IF … WOULD"): what the sentence says of the act's reality.
  std::string before_verb;
  std::string verb;  // the verb as matched, upper case ("CONDEMNED", "EXPECTED")
  // Codes only: the words are what an event was read from, not what it is.
  bool operator==(const CodedTriple& o) const {
    return source == o.source && target == o.target && code == o.code;
  }
};

struct SentenceCoding {
  std::vector<CodedTriple> events;
  std::string discard;  // "storydiscard" or "sentencediscard" when a discard phrase matched
  // Named actors of two or more capitalised words ("Choe Son Hui" → PRKGOV): their first and
  // last words, which a document may use alone later ("Choe", "Lavrov"); and the description an
  // organisation named here goes by later ("THE ALLIANCE" after NATO).
  std::vector<std::pair<std::string, std::string>> names;  // (words, code)
  // The code of the actor the sentence is about (the subject of its first verb that is not a
  // report, or a passive's agent); "-" when that subject is a compound; empty when unknown.
  std::string subject;
  std::vector<std::string> subject_members;  // the subject's actors, several for a compound
  // For the review queue: the codes of the actors the sentence names, and its first verb the
  // dictionaries know (upper case; empty when it has none).
  std::vector<std::string> actors;
  std::string verb;
};

// A report of what someone said ("SAID", "TOLD", "SAYING"), upper case.
bool IsReportVerb(std::string_view word);

// Whether a month's name ("MAY", "MARCH") between these words reads as the month: before a day
// number ("May 7") or after a time preposition ("in May", "since March"). Upper case.
bool ReadsAsMonth(std::string_view prev, std::string_view next);

// Words a document has introduced as actors: upper-case word (or "THE ALLIANCE") → code.
using LearnedNames = std::unordered_map<std::string, std::string>;

class PatternCoder {
 public:
  explicit PatternCoder(const petrarch::Dictionaries* dictionaries) : d_(dictionaries) {}
  // date: YYYYMMDD, choosing actors' dated roles.
  // `learned` (may be null): words the document introduced, read as actors where the
  // dictionaries know nothing.
  SentenceCoding Code(std::string_view text, int date, const PatternOptions& opt,
                      const LearnedNames* learned = nullptr) const;

 private:
  const petrarch::Dictionaries* d_;
};

}  // namespace dyad::en

#endif  // DYAD_PATTERN_CODER_H_
