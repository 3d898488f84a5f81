// The English analyser: sentences of a repaired document → events, one mention each.
#ifndef DYAD_CODER_CODER_EN_H_
#define DYAD_CODER_CODER_EN_H_

#include <optional>
#include <string>
#include <vector>

#include "dyad/event.h"
#include "dyad/lexicon.h"
#include "dyad/petrarch.h"
#include "dyad/repair.h"
#include "dyad/segment.h"
#include "dyad/tabari_dictionaries.h"

namespace dyad {

struct EnglishInput {
  const Resources* res;
  const petrarch::Dictionaries* dictionaries;
  const CleanText* clean;
  const std::vector<Segment>* segments;
  std::string doc_path;
  int year = 0;                  // the year in force
  std::optional<Date> doc_date;  // when the document was written or given
};

// Each sentence dated (its own date expression, else the last day named, else the dateline),
// coded by the pattern coder; events with both sides known (a state's code or an
// organisation's), between two sides, with their mode read from the sentence.
std::vector<Event> CodeEnglish(const EnglishInput& in,
                               std::vector<Unresolved>* unresolved = nullptr);

// A segment's text, without the dateline when it is the document's first ("SEOUL, June 20
// (Yonhap) -- " is where and when the story was filed, not part of its first sentence); *begin
// receives where that text starts in the clean text.
std::string_view SentenceText(const EnglishInput& in, const Segment& seg, uint32_t* begin);

// The same sentences coded by TABARI's rules with TABARI's dictionaries (dyad/tabari_coder.h):
// each event keeps the dictionaries' code; a sentence TABARI would call complex goes to the
// review queue with the condition.
std::vector<Event> CodeTabari(const EnglishInput& in, const tabari::Dictionaries& d,
                              std::vector<Unresolved>* unresolved = nullptr);

// The dateline's year, else the most frequent year the text names; 0 when none.
int EnglishDocumentYear(const CleanText& clean);

}  // namespace dyad

#endif  // DYAD_CODER_CODER_EN_H_
