// The chronology of a dyad, as an analyst pastes it into a brief: one row per real-world event
// (a visit and the meetings held during it are one row), a short content line in Korean or
// English, and the documents it came from.
//
//   std::vector<ChronologyRow> rows = BuildChronology(events, {.lang = "ko"});
//   std::string md = RenderChronology(rows, ChronologyFormat::kMarkdown, "ko");
#ifndef DYAD_CHRONOLOGY_H_
#define DYAD_CHRONOLOGY_H_

#include <string>
#include <vector>

#include "dyad/cameo.h"
#include "dyad/event.h"
#include "dyad/lexicon.h"

namespace dyad {

struct ChronologyOptions {
  std::string lang = "ko";  // "ko" or "en"
  // The phrases, state and organisation names content lines are written from when an event
  // carries no words of its own in `lang` (imported GDELT or ICEWS events; dyad/act_phrase.h).
  // Either may be null: such an event's line is then its codes.
  const Codebook* codebook = nullptr;
  const Lexicon* lexicon = nullptr;
};

struct ChronologyRow {
  DateSpan date;
  std::string content;  // "최선희 외무상 방러, 푸틴 대통령과 회담"
  std::string sources;  // document names, "; "-separated
};

std::vector<ChronologyRow> BuildChronology(const std::vector<Event>& events,
                                           const ChronologyOptions& options);

// The two halves of a content line for one event: who acted, and what was done to whom.
std::string ChronologySource(const Event& e, const ChronologyOptions& options);
std::string ChronologyAct(const Event& e, const ChronologyOptions& options);

enum class ChronologyFormat { kMarkdown, kCsv, kTable };
std::string RenderChronology(const std::vector<ChronologyRow>& rows, ChronologyFormat format,
                             const std::string& lang);

// "2023-07-25~07-27", "2023-09", "2023-06-12".
std::string FormatSpan(const DateSpan& d);
// Terminal columns a UTF-8 string occupies (Hangul and CJK are two wide).
size_t DisplayWidth(std::string_view s);

}  // namespace dyad

#endif  // DYAD_CHRONOLOGY_H_
