// Internal to src/text: how repair reads tables whose layout the lines alone do not give away —
// flattened web tables ("name | 2018년 6월 12일 |") and chronology rows whose date cell stands
// apart from its content (cells centred vertically or set at the bottom).
#ifndef DYAD_TEXT_REPAIR_TABLES_H_
#define DYAD_TEXT_REPAIR_TABLES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace dyad::text_internal {

// Whitespace (Unicode) trimmed from both ends.
std::string_view TrimWs(std::string_view s);
// A line that reads as prose ends a table: it holds a sentence end.
bool LooksLikeProse(std::string_view t);

// A row of a flattened web table or infobox: cells between bars ("판문점 선언 | 2018년 4월
// 27일 |", "Signed | 1 October 1953 |"), or the rule under its header ("---|---|").
bool IsPipeLine(std::string_view t);
bool IsPipeRule(std::string_view t);
// A pipe line with a date in one of its cells: a dated row (a navbox of summits).
bool IsDatedPipeRow(std::string_view t);

// How each line of a chronology table joins its row, where the text alone cannot tell.
enum class RowMark : uint8_t { kDefault, kStart, kContinue };

// Marks the rows of one table (`table`: indices of its lines in order; `is_date`: a line opens
// with a date cell; `is_content`: a content line) whose date cells are set beside the middle or
// the foot of their content; leaves a table set at the top to the default.
void MarkCentredRows(const std::vector<size_t>& table, const std::vector<char>& is_date,
                     const std::vector<char>& is_content, std::vector<RowMark>* marks);

}  // namespace dyad::text_internal

#endif  // DYAD_TEXT_REPAIR_TABLES_H_
