// Event output in the JSON Lines contract of DESIGN.md, and JSON string escaping.
//
// Fields, in this order: date, date_end, date_precision, source, target, source_country,
// target_country, source_name, target_name, code, goldstein, quad_class, lang, doc, span,
// evidence; then dyad's additions: section, mode (actual, expected, hypothetical, negated),
// quote (what the source said, a list), attribution (who reported it), symmetric, mentions
// (every mention, primary first), source_label_ko, source_label_en, target_label_ko,
// target_label_en, action_ko, action_en (how a chronology names them), date_basis, id (the
// event's stable id: dyad's ev-…, an analyst's an-…, or the id in the dataset it was imported
// from) when it has one, and review (accepted, edited, added: dyad/correction.h) when an
// analyst has corrected it, and ext (an imported event's own fields dyad does not model, by the
// dataset's column names) when it has any.
#ifndef DYAD_JSONL_H_
#define DYAD_JSONL_H_

#include <string>
#include <string_view>

#include "dyad/event.h"

namespace dyad {

void AppendJsonString(std::string* out, std::string_view s);
// One line, without the newline.
std::string EventToJson(const Event& e);
// The same, appended to *out (no string of its own: a writer of many events reuses one buffer).
void AppendEventJson(std::string* out, const Event& e);

}  // namespace dyad

#endif  // DYAD_JSONL_H_
