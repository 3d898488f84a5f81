// Korean eojeol analysis: what follows a known stem — particles, a verb ending, the copula.
//
// dyad does not run a full morphological analyser. The lexicon knows the stems that matter
// (names, offices, action nouns and verbs); this file decides whether the rest of a word is
// something grammar allows after such a stem, and if so what it tells: the case role a particle
// gives a noun phrase (subject, topic, object, recipient, counterpart…) or the kind of clause a
// verb ending closes (final, connective, quotative, conditional, adnominal…).
//
//   Suffix s;
//   AnalyzeNounSuffix("과의", &s);    // particles; role kGenitive (의 last)
//   AnalyzeNounSuffix("했으며", &s);  // verbal (하다); ending kConnective
#ifndef DYAD_KO_EOJEOL_H_
#define DYAD_KO_EOJEOL_H_

#include <string>
#include <string_view>
#include <vector>

namespace dyad::ko {

enum class Role : uint8_t {
  kNone,        // bare noun
  kSubject,     // 이/가/께서
  kTopic,       // 은/는
  kObject,      // 을/를
  kGenitive,    // 의 (also 와의, 에의)
  kDative,      // 에/에게/께/한테: recipient or place of arrival
  kComitative,  // 와/과/이랑: counterpart
  kLocative,    // 에서
  kAblative,    // 에게서/로부터
  kDirection,   // 으로/로
  kFocus,       // 도/만/까지: stands where a subject would
};

enum class Ending : uint8_t {
  kNone,
  kFinal,        // 했다
  kConnective,   // 하고, 하며, 하여, 하자, 했으나, 했는데
  kQuote,        // 했다고, 라고
  kConditional,  // 한다면, 하면
  kPurpose,      // 하려고, 하고자, 하도록
  kAdnominal,    // 한, 하는, 할, 했던
  kNominal,      // 하기, 함
  kNegAux,       // 하지 (않다/못하다 follows)
  kOther,
};

struct Suffix {
  enum class Kind : uint8_t { kEmpty, kParticles, kVerbal, kCopula } kind = Kind::kEmpty;
  Role role = Role::kNone;
  Ending ending = Ending::kNone;
};

// rest: the bytes of a word after a noun stem. False when rest is not grammatical after a
// noun (then the stem was only the start of a longer word, e.g. 회담장).
bool AnalyzeNounSuffix(std::string_view rest, Suffix* out);

// rest after a verb stem form (the form as matched, e.g. 만났 of 만나다). False when rest is
// not a verb ending.
bool AnalyzeVerbEnding(std::string_view form, std::string_view rest, Suffix* out);

// The forms a verb stem takes before endings: 만나 → 만나, 만났, 만난, 만날, 만남;
// 가지 → 가지, 가져, 가졌, 가진, 가질; 찾 → 찾. The stem itself comes first.
std::vector<std::string> StemForms(std::string_view stem);

// A word standing only as particles (e.g. "은" after a closing parenthesis); sets the role.
bool IsParticleWord(std::string_view word, Role* role);

}  // namespace dyad::ko

#endif  // DYAD_KO_EOJEOL_H_
