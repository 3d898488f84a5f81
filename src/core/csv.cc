// RFC 4180 CSV reading and writing.
#include "dyad/csv.h"

namespace dyad {

bool NextCsvRecord(std::string_view text, size_t* pos, int* line, CsvRecord* out,
                   std::string* error) {
  out->cells.clear();
  out->line = *line;
  out->begin = *pos;
  std::string cell;
  bool quoted = false, was_quoted = false;
  size_t i = *pos;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++*line;
        cell += c;
      }
      continue;
    }
    if (c == '"' && cell.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      out->cells.push_back(std::move(cell));
      cell.clear();
      was_quoted = false;
    } else if (c == '\n' || c == '\r') {
      break;
    } else {
      cell += c;
    }
  }
  if (quoted) {
    *error = "a quoted field opened on line " + std::to_string(out->line) + " is never closed";
    return false;
  }
  out->cells.push_back(std::move(cell));
  out->end = i;
  if (i < text.size() && text[i] == '\r') ++i;
  if (i < text.size() && text[i] == '\n') ++i;
  ++*line;
  *pos = i;
  return true;
}

void AppendCsvField(std::string* out, std::string_view cell) {
  bool quote = cell.find_first_of(",\"\n\r") != std::string_view::npos;
  if (!quote) {
    out->append(cell);
    return;
  }
  out->push_back('"');
  for (char c : cell) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace dyad
