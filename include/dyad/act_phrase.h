// How dyad says what an event is: the content line of a chronology, written from the CAMEO
// code's meaning rather than from the words that happened to tell it.
//
// The coder's predicate words are right only for the code they were written for: "군사력을
// 사용할 수 있다고 언급" is coded 138 (threaten force), and its predicate's label "군사력 사용"
// would say force was used. So an event whose code is not its predicate's own, an event coded
// from English and an imported GDELT or ICEWS event are all said by the code's phrase in
// data/cameo-phrases.tsv, which keeps the code's modality: threaten is not use, propose is not
// agree, criticise is not act.
//
//   PhraseAct(book, "138", {"북한"}, "ko")  → "북한에 무력 사용 위협"
//   PhraseAct(book, "051", {"Vladimir Putin (Russian president)", true}, "en")
//                                           → "praises Vladimir Putin (Russian president)"
#ifndef DYAD_ACT_PHRASE_H_
#define DYAD_ACT_PHRASE_H_

#include <string>
#include <string_view>

#include "dyad/cameo.h"
#include "dyad/countries.h"

namespace dyad {

struct PhraseTarget {
  std::string_view name;  // as the chronology names the target: "김정은 국무위원장", "Russia"
  bool person = false;    // a person takes 에게 where a state or office takes 에
};

// The phrase of `code` (or of its nearest parent that has one) with the target filled in; the
// Korean particle after the name agrees with its last syllable (과/와, 을/를, 으로/로). Empty when
// no phrase is known for the code.
std::string PhraseAct(const Codebook& book, std::string_view code, const PhraseTarget& target,
                      std::string_view lang);

// Fills one phrase template: "{T와} 회담" with "러시아" → "러시아와 회담"; an empty name leaves
// the act alone ("holds talks with {T}" → "holds talks"). Returns false, leaving *out
// untouched, when the template does not hold exactly one valid target slot.
bool FillPhrase(std::string_view phrase, const PhraseTarget& target, std::string* out);

// A dictionary label with the target: the label's own slot filled ("accuses {T} of intrusion",
// "{T에} 경고"), or else the target after an English label ("warns North Korea") and before a
// Korean one ("북한 비난").
std::string LabelAct(const std::string& label, const PhraseTarget& target, std::string_view lang);

// The Korean particle that follows `word`: kind is one of 와, 에, 를, 로 (the batchim-less forms),
// answered in the form the word's last syllable takes; "" for any other kind.
std::string KoreanParticle(std::string_view word, std::string_view kind, bool person = false);

// How a content line names an actor known only by its CAMEO code: the state ("North Korea",
// "북한") or the state's organ ("Russia's military", "러시아 군"); an organisation's code
// (IGOUNO) is returned as it is. `code` is "PRK", "RUSMIL", "IGOUNO".
std::string StateActorLabel(const CountryTable& countries, std::string_view code,
                            std::string_view lang);

// An English name as a sentence says it: "the United Nations", "the UN Security Council",
// "the DPRK foreign ministry", "the United States ambassador"; a proper name as it is.
std::string EnglishArticle(const std::string& name);

// Whether a content line names the target by its state instead of by the target itself: a
// newspaper or broadcaster (role MED) is where words appeared, not whom they were addressed to
// ("푸틴, 노동신문 기고" is Putin to North Korea), and a legislature that ratified a treaty is
// not the party the treaty was made with (role LEG under CAMEO 05).
bool NameTargetByState(std::string_view target_code, std::string_view event_code);

}  // namespace dyad

#endif  // DYAD_ACT_PHRASE_H_
