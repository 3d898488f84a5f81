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
  for (std::string& c : out->cells) c = RestoreFormula(c);
  out->end = i;
  if (i < text.size() && text[i] == '\r') ++i;
  if (i < text.size() && text[i] == '\n') ++i;
  ++*line;
  *pos = i;
  return true;
}

namespace {

bool Trigger(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// A plain decimal number (-5.0, +7, 1e3): what a spreadsheet reads as a number, not a formula.
bool PlainNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  bool digits = false;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, digits = true;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, digits = true;
  }
  if (digits && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    bool exp = false;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, exp = true;
    if (!exp) return false;
  }
  return digits && i == s.size();
}

// Does the cell, past any apostrophes already put before it, open with a formula trigger?
bool Guarded(std::string_view cell) {
  size_t i = 0;
  while (i < cell.size() && cell[i] == '\'') ++i;
  return i < cell.size() && Trigger(cell[i]) && !PlainNumber(cell.substr(i));
}

}  // namespace

std::string NeutraliseFormula(std::string_view cell) {
  // Apostrophes already there get one more, so RestoreFormula takes exactly one off.
  std::string out;
  if (Guarded(cell)) out += '\'';
  out += cell;
  return out;
}

std::string RestoreFormula(std::string_view cell) {
  if (!cell.empty() && cell[0] == '\'' && Guarded(cell.substr(1)))
    return std::string(cell.substr(1));
  return std::string(cell);
}

void AppendCsvField(std::string* out, std::string_view raw) {
  std::string guarded = NeutraliseFormula(raw);
  std::string_view cell = guarded;
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
