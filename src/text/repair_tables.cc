// Tables repair cannot read line by line: flattened web tables, and chronology rows whose date
// cell stands apart from its content (see repair_tables.h).
#include "text/repair_tables.h"

#include <algorithm>
#include <cctype>

namespace dyad::text_internal {

namespace {

// Whether a cell opens with a date: "2018년 4월 27일", "2024.06.19", "1 October 1953",
// "October 1, 1953".
bool CellIsDate(std::string_view c) {
  auto digit = [&](size_t i) { return i < c.size() && c[i] >= '0' && c[i] <= '9'; };
  if (digit(0) && digit(1) && digit(2) && digit(3)) {
    std::string_view rest = c.substr(4);
    return rest.starts_with("년") || rest.starts_with(".") || rest.starts_with("-") ||
           rest.starts_with("/");
  }
  size_t i = 0;
  while (digit(i)) ++i;
  if (i >= 1 && i <= 2 && i + 1 < c.size() && c[i] == ' ' &&
      std::isupper(static_cast<unsigned char>(c[i + 1])))
    return true;  // 1 October 1953
  size_t sp = c.find(' ');
  return sp != std::string_view::npos && sp >= 3 &&
         std::isupper(static_cast<unsigned char>(c[0])) && digit(sp + 1) &&
         c.find(',') != std::string_view::npos;  // October 1, 1953
}

}  // namespace

// A row of a flattened web table or infobox: cells between bars ("판문점 선언 | 2018년 4월
// 27일 |", "Signed | 1 October 1953 |"), or the rule under its header ("---|---|").
bool IsPipeLine(std::string_view t) {
  if (t.find('|') == std::string_view::npos || LooksLikeProse(t)) return false;
  return t.find(" | ") != std::string_view::npos || t.back() == '|' || t.front() == '|';
}

bool IsPipeRule(std::string_view t) {
  return t.find_first_not_of("-|: ") == std::string_view::npos && t.find('-') != t.npos;
}

// A pipe line with a date in one of its cells: a dated row (a navbox of summits).
bool IsDatedPipeRow(std::string_view t) {
  for (size_t b = 0; b < t.size();) {
    size_t e = t.find('|', b);
    if (e == std::string_view::npos) e = t.size();
    std::string_view cell = TrimWs(t.substr(b, e - b));
    if (!cell.empty() && CellIsDate(cell)) return true;
    b = e + 1;
  }
  return false;
}

// Table rows whose date cell stands apart from its content. A cell set at the top puts the date
// on the row's first line: the default, each date line opens a row. A cell centred vertically
// puts the date beside (or between) the middle lines — "최선희 외무상 방러, … / 1/14~1/17 / 푸틴
// 대통령 예방" — and one set at the bottom beside the last. The table shows which: content
// before its first date line means the cells are not set at the top; no content after its last
// date line means they are set at the bottom. Centred, a row has as many content lines after its
// date as before it (or one more), so the lines between two dates split between the rows.
// `table` holds the indices of one table's lines, in order; `is_date` whether each is a date
// line and `is_content` a content line (anything else — header, quotation — is skipped).
void MarkCentredRows(const std::vector<size_t>& table, const std::vector<char>& is_date,
                     const std::vector<char>& is_content, std::vector<RowMark>* marks) {
  std::vector<size_t> dates;
  for (size_t k = 0; k < table.size(); ++k)
    if (is_date[k]) dates.push_back(k);
  if (dates.empty()) return;
  auto content_between = [&](size_t from, size_t to) {  // content lines in (from, to)
    std::vector<size_t> out;
    for (size_t k = from; k < to; ++k)
      if (is_content[k]) out.push_back(k);
    return out;
  };
  std::vector<size_t> before_first = content_between(0, dates.front());
  if (before_first.empty()) return;  // set at the top: the default
  std::vector<size_t> after_last = content_between(dates.back() + 1, table.size());
  bool bottom = after_last.empty();
  std::vector<size_t> before = before_first;
  for (size_t d = 0; d < dates.size(); ++d) {
    size_t start = before.empty() ? dates[d] : before.front();
    (*marks)[table[start]] = RowMark::kStart;
    for (size_t k : before)
      if (k != start) (*marks)[table[k]] = RowMark::kContinue;
    if (dates[d] != start) (*marks)[table[dates[d]]] = RowMark::kContinue;
    size_t next = d + 1 < dates.size() ? dates[d + 1] : table.size();
    std::vector<size_t> between = content_between(dates[d] + 1, next);
    size_t after = d + 1 == dates.size() ? between.size()
                   : bottom              ? 0
                                         : std::min(between.size(), before.size());
    for (size_t k = 0; k < after; ++k) (*marks)[table[between[k]]] = RowMark::kContinue;
    before.assign(between.begin() + static_cast<long>(after), between.end());
  }
}

}  // namespace dyad::text_internal
