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
// Reads the record at *pos and moves *pos and *line past it. Returns false and a message when a
// quoted field is never closed.
bool NextCsvRecord(std::string_view text, size_t* pos, int* line, CsvRecord* out,
                   std::string* error);
void AppendCsvField(std::string* out, std::string_view cell);

}  // namespace dyad

#endif  // DYAD_CSV_H_
