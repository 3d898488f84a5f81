// Segments: the units events are coded from — sentences of paragraphs, chronology-table rows,
// headings and table titles — each a byte range of the repaired text.
#ifndef DYAD_SEGMENT_H_
#define DYAD_SEGMENT_H_

#include <cstdint>
#include <vector>

#include "dyad/repair.h"

namespace dyad {

struct Segment {
  enum class Kind : uint8_t { kSentence, kTableRow, kHeading, kTableTitle, kQuote };
  Kind kind;
  uint32_t begin, end;         // bytes of CleanText::text
  uint32_t paragraph;          // segments of one paragraph (or one table) share it
  uint32_t date_cell_end = 0;  // table rows: end of the leading date cell
};

// Splits paragraphs into sentences at sentence-final punctuation, never inside quotation
// marks, decimals (3.5%) or abbreviations (U.S.).
std::vector<Segment> SegmentText(const CleanText& clean);

}  // namespace dyad

#endif  // DYAD_SEGMENT_H_
