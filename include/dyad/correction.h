// An analyst's corrections to the store: accept an event, reject it, edit its fields, or add one
// the coder missed. Each is recorded with who made it and when, and is never lost on a recode:
// the store applies the corrections anchored in a document every time it codes that document
// again (Store::Ingest, Store::Replace).
//
// A correction is anchored to the tellings of the event it corrects: the SHA-256 of each
// document's text and the byte span of the sentence or row. When a document is coded again:
//   - a coded event with a telling at an anchor, and the code, source, target and mode it had
//     when corrected, is the corrected event: dropped when rejected or edited, kept and marked
//     when accepted;
//   - an edited, added or accepted event is stored as the analyst left it, with its tellings in
//     the stored documents, even when the coder no longer finds it;
//   - what the coder now finds differently (a new actor in the lexicon gives another target) is
//     new coding, stored unreviewed beside the analyst's version for the analyst to look at.
// A later correction of the same event supersedes the earlier ones; they stay in the record.
//
//   Result<Event> e = EditedEvent(*res, original, {.code = "138"});
//   store->Correct({.kind = CorrectionKind::kEdit, .event_id = original.id, .event = *e,
//                   .who = "analyst"});
#ifndef DYAD_CORRECTION_H_
#define DYAD_CORRECTION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/event.h"
#include "dyad/lexicon.h"
#include "dyad/status.h"

namespace dyad {

enum class CorrectionKind { kAccept, kReject, kEdit, kAdd };
std::string_view CorrectionKindName(CorrectionKind k);  // "accept", "reject", "edit", "add"
std::optional<CorrectionKind> ParseCorrectionKind(std::string_view s);

struct Correction {
  long long id = 0;  // set by the store
  CorrectionKind kind = CorrectionKind::kAccept;
  // The stored event's id (ev-…, or an imported event's own). For kAdd the store assigns an
  // an-… id and returns it.
  std::string event_id;
  // kEdit, kAdd: the event as the analyst states it. For kAdd its first mention tells where:
  // `document_id` (0: no document, the analyst's own knowledge), the span and evidence.
  Event event;
  long long document_id = 0;
  std::string note;
  std::string who;
  std::string at;           // ISO 8601 UTC, set by the store
  bool superseded = false;  // a later correction of the same event replaced it
};

// The fields an analyst sets; every one is optional for an edit. Sides are what queries take:
// ISO or CAMEO codes and the names the lexicon knows (북한, UNSC, NATO).
struct EventFields {
  std::string source, target, code, mode;
  std::string date, date_end;  // YYYY, YYYY-MM or YYYY-MM-DD
  std::string evidence;        // kAdd: the words the event is told in
};

// `original` with `fields` applied: codes resolved, Goldstein weight and quad class from the
// codebook, labels and the content line written anew (dyad/act_phrase.h). Fails naming the
// field that is wrong.
Result<Event> EditedEvent(const Resources& res, const Event& original, const EventFields& fields);
// A new event from `fields`: source, target, code and date are required.
Result<Event> NewEvent(const Resources& res, const EventFields& fields);

}  // namespace dyad

#endif  // DYAD_CORRECTION_H_
