// The Korean analyser: segments of a repaired document → events, one mention each.
#ifndef DYAD_CODER_CODER_KO_H_
#define DYAD_CODER_CODER_KO_H_

#include <optional>
#include <string>
#include <vector>

#include "dyad/coder.h"
#include "dyad/event.h"
#include "dyad/lexicon.h"
#include "dyad/repair.h"
#include "dyad/segment.h"

namespace dyad {

struct KoreanInput {
  const Resources* res;
  const CleanText* clean;
  const std::vector<Segment>* segments;
  std::string doc_path;
  int year = 0;  // the document's year in force
  // The year was given (dyad code --year), not read from the text: an act with no date of its
  // own falls in it, at year precision.
  bool year_given = false;
  std::string self_country;
  std::optional<Date> doc_date;  // when the document was written or given
  // The document is the author's own speech or statement (a New Year address, a ministry's
  // statement): what it says to other states is its act, on doc_date (segment_voice.cc).
  bool author_speaks = false;
};

std::vector<Event> CodeKorean(const KoreanInput& in, std::vector<Unresolved>* unresolved = nullptr);

// Drops spaces that broke a word in two ("남조 선당국은", "북침전쟁 소동에"): between two Hangul
// runs, when neither is a word the lexicon reads and the two together are, through a key that
// crosses the space; only in a text that shows such damage (lone particles: "관심속 에", one
// word in 200). Keeps the offsets to the extracted bytes. Returns the spaces dropped.
size_t GlueBrokenWords(const Lexicon& lex, CleanText* clean);

// The year a Korean document speaks of: its first table title's year, else a year opening its
// first sentence, else the most frequent "YYYY년"; 0 when it names none.
int KoreanDocumentYear(const CleanText& clean, const std::vector<Segment>& segments);

}  // namespace dyad

#endif  // DYAD_CODER_CODER_KO_H_
