// RFC 4180 CSV, read a record at a time and written a field at a time.
//
// Quoted fields may hold commas, doubled quotes and newlines; each record keeps the line it
// starts on, so a caller can name file:line in its messages.
#ifndef DYAD_CSV_H_
#define DYAD_CSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// One record: its cells, the line it starts on and its byte range in the text.
struct CsvRecord {
  std::vector<std::string> cells;
  int line = 0;
  size_t begin = 0, end = 0;
};
// Reads the record at *pos and moves *pos and *line past it; a field written behind an
// apostrophe against formula injection (AppendCsvField) is read without it. Returns false and
// a message when a quoted field is never closed.
bool NextCsvRecord(std::string_view text, size_t* pos, int* line, CsvRecord* out,
                   std::string* error);
// Appends one field, quoted when it holds a comma, a quote or a line break. A text field a
// spreadsheet would run as a formula (one that begins with =, +, -, @, a tab or a carriage
// return, and is not a plain number such as -5.0) is written behind an apostrophe, as OWASP
// advises against CSV injection; NextCsvRecord takes the apostrophe off again, so text dyad
// writes reads back exactly.
void AppendCsvField(std::string* out, std::string_view cell);
// The field as a spreadsheet may open it, and back.
std::string NeutraliseFormula(std::string_view cell);
std::string RestoreFormula(std::string_view cell);

}  // namespace dyad

#endif  // DYAD_CSV_H_
