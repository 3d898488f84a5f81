// A reader for the self-describing TSV files dyad's data and dictionaries are written in.
//
// The first non-comment line is the header; columns are found by name, so an analyst may add
// or reorder columns. Lines starting with '#' and blank lines are skipped. Every row remembers
// its line number so errors can say file:line.
#ifndef DYAD_TSV_H_
#define DYAD_TSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad {

// A field for a TSV line dyad prints: a backslash, tab, line feed or carriage return in it
// becomes \\, \t, \n or \r, so no text can end a field or forge a row (the escaping of
// PostgreSQL's COPY text format and of "linear TSV").
std::string TsvField(std::string_view s);

struct TsvRow {
  int line = 0;
  std::vector<std::string> cells;
};

class TsvTable {
 public:
  // Parses a whole file. Fails on an unreadable file, invalid UTF-8 (naming the line) or a
  // missing header.
  static Result<TsvTable> Read(const std::string& path);
  static Result<TsvTable> Parse(std::string_view content, const std::string& name);

  const std::string& name() const { return name_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<TsvRow>& rows() const { return rows_; }
  // Column index by name, or -1.
  int Column(std::string_view name) const;
  // "file:line: " prefix for a message about row r.
  std::string Where(const TsvRow& r) const;

 private:
  std::string name_;
  std::vector<std::string> header_;
  std::vector<TsvRow> rows_;
};

// Cell c of row r, or "" when the row is short or c < 0.
std::string_view Cell(const TsvRow& r, int c);
// Splits "a|b|c" into trimmed, non-empty parts.
std::vector<std::string> SplitAlternatives(std::string_view cell);

}  // namespace dyad

#endif  // DYAD_TSV_H_
