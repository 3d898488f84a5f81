// TABARI's sparse parse, over dyad's compiled TABARI dictionaries: a sentence is filtered and
// split into words as TABARI does, each word is typed by one walk of the dictionary trie
// (actor, agent, verb, noun, adjective, or a closed-class word), compound actors, pronouns,
// comma clauses and conjunction clauses are marked, and each clause's verbs are tried against
// their patterns, longest first, with TABARI's default source and target rules, passive voice,
// paired, subordinate and dominant codes. What dyad does and does not reproduce:
// docs/tabari.md.
//
//   tabari::Coder coder(&dictionaries);
//   tabari::Coding c = coder.Code("Arnor restored full diplomatic ties with Gondor.", 19950101);
#ifndef DYAD_TABARI_CODER_H_
#define DYAD_TABARI_CODER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/tabari_dictionaries.h"

namespace dyad::tabari {

struct CodedEvent {
  std::string source, target, code;
  // Byte ranges in the sentence: the verb, and the source and target actors (begin == end when
  // the side came from elsewhere: a default code or a pronoun's antecedent outside the text).
  uint32_t verb_begin = 0, verb_end = 0;
  uint32_t source_begin = 0, source_end = 0, target_begin = 0, target_end = 0;
  bool operator==(const CodedEvent& o) const {
    return source == o.source && target == o.target && code == o.code;
  }
};

struct Coding {
  enum class Outcome : uint8_t {
    kCoded,    // events (possibly none)
    kDiscard,  // a ### phrase: nothing in the sentence is coded
    kComplex,  // a +++ phrase or a COMPLEX condition of the options
  } outcome = Outcome::kCoded;
  std::string why;  // for kDiscard and kComplex: which phrase or condition
  std::vector<CodedEvent> events;
  int shift_days = 0;  // a <TIME> phrase's shift of the text's date ("YESTERDAY [-1]")
};

class Coder {
 public:
  explicit Coder(const Dictionaries* d) : d_(d) {}
  // date: YYYYMMDD, choosing actors' dated codes. A text is coded on its first kMaxWords
  // words, as TABARI does.
  // With `parse`, it also receives TABARI's parse display in text: each word with its type,
  // actor codes, clause and whether a comma clause removed it, then each verb's pattern.
  Coding Code(std::string_view sentence, int date, std::string* parse = nullptr) const;
  static constexpr size_t kMaxWords = 126;

 private:
  const Dictionaries* d_;
};

}  // namespace dyad::tabari

#endif  // DYAD_TABARI_CODER_H_
