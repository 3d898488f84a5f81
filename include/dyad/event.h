// The event model: who did what to whom, when, and where in which document it is told.
//
// An Event is one real-world interaction between two actors, coded in CAMEO. It keeps every
// Mention that told of it: a narrative sentence and a chronology-table row describing the same
// visit are two mentions of one event. The first mention is the primary one; its span and
// evidence are what the JSON Lines contract prints.
//
// Span invariant: for a mention of document D, D.text.substr(span_begin, span_end - span_begin)
// is the extracted text the evidence was read from (the evidence itself is that text with PDF
// line wraps joined and footnote marks removed).
#ifndef DYAD_EVENT_H_
#define DYAD_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/date.h"

namespace dyad {

// Whether the text says the event happened. Briefs also tell what is expected ("방문할 것으로
// 전망된다"), what would happen under a condition ("방북한다면") and what did not happen
// ("방문하지 않았다", "회담이 무산되었다"); those are coded with their mode and left out unless
// asked for.
enum class EventMode { kActual, kExpected, kHypothetical, kNegated };

std::string_view ModeName(EventMode m);  // "actual", "expected", "hypothetical", "negated"
std::optional<EventMode> ParseMode(std::string_view s);

struct Mention {
  std::string doc;          // document path as given
  uint32_t span_begin = 0;  // byte offsets into the document's extracted text
  uint32_t span_end = 0;
  std::string evidence;       // the sentence or table row
  std::string section;        // "table" or "text"
  DateSpan date;              // the date this mention gave (mentions may differ in precision)
  long long document_id = 0;  // the stored document that tells it (set by Store::Events)
};

// A sentence or row that looks like an event but could not be coded, and why: the review queue
// an analyst works through to grow the dictionaries.
struct Unresolved {
  std::string doc;
  uint32_t span_begin = 0, span_end = 0;  // bytes of the extracted text, as for a Mention
  std::string evidence;
  std::string reason;     // "no date", "unknown actor", "no counterpart", "unknown predicate"
  std::string predicate;  // the words of the predicate, when there is one
  // For "unknown actor": the phrase that names no actor the dictionaries know (the subject or
  // topic of the predicate), what an analyst adds to actors.tsv.
  std::string words;
};

struct Event {
  DateSpan date;
  std::string source;  // CAMEO actor code, e.g. "PRKGOV", "IGOUNO"
  std::string target;
  std::string source_country;  // ISO alpha-3, empty for an organisation
  std::string target_country;
  std::string source_person;  // dictionary id of the source when a known person (not printed)
  std::string source_name;    // the words in the text
  std::string target_name;
  std::string source_label_ko;  // the actor as a chronology names it: "최선희 외무상"
  std::string source_label_en;  // "Choe Son Hui (DPRK foreign minister)"
  std::string target_label_ko;
  std::string target_label_en;
  std::string code;  // CAMEO event code, e.g. "042"
  double goldstein = 0;
  int quad_class = 0;      // 1 verbal cooperation .. 4 material conflict
  bool symmetric = false;  // a meeting or exchange: either direction is right
  std::string action_ko;   // what the chronology says the source did: "방러", "회담"
  std::string action_en;   // "visits Russia", "holds talks with"
  std::string lang;        // "ko" or "en"
  EventMode mode = EventMode::kActual;
  std::vector<std::string> quotes;  // what the source said, as the text quotes it
  std::string attribution;          // who reported it: 조선중앙통신, 타스
  std::vector<Mention> mentions;    // at least one; mentions[0] is primary
  // The identifier the event has in the dataset it was imported from (GDELT GlobalEventID,
  // ICEWS Event ID); empty for events dyad coded.
  std::string id;
  // Where the date came from: "text" (the words of the mention), "document" (the document's
  // date: what a speech or statement itself does, on the day it was given) or "document-year"
  // (an act the text tells without a date: the document's year, up to the document's date).
  std::string date_basis = "text";
  // An analyst's word on the event (dyad/correction.h): "" as dyad coded or imported it,
  // "accepted" (checked and kept), "edited" (the analyst's fields in place of the coder's) or
  // "added" (an event the coder missed).
  std::string review;
  // The fields of the dataset an event was imported from that dyad does not model, by the
  // dataset's own column names, as read (GDELT: AvgTone, NumMentions, IsRootEvent,
  // Actor1Type1Code, ActionGeo_Lat, DATEADDED…; ICEWS: Intensity, Story ID, Latitude…). Kept in
  // the store, printed in JSON Lines and written back when exported to the same format.
  std::vector<std::pair<std::string, std::string>> ext;
  // The value of ext field `name`, or "".
  const std::string& Ext(std::string_view name) const;
  // mentions[0], or an empty mention for an event that has none (a stored event whose document
  // row was deleted outside dyad, a damaged store): readers never index an empty list.
  const Mention& Primary() const;
};

}  // namespace dyad

#endif  // DYAD_EVENT_H_
