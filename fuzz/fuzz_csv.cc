// libFuzzer target: arbitrary bytes as CSV. Contracts: no crash, lines advance, and any record
// written back with AppendCsvField reads back to the same cells (formula guards included).
#include "dyad/csv.h"
#include "fuzz_util.h"

using namespace dyad;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::Bytes(data, size);
  size_t pos = 0;
  int line = 1;
  CsvRecord r;
  std::string error;
  for (int guard = 0; pos < text.size() && guard < 100000; ++guard) {
    size_t before = pos;
    if (!NextCsvRecord(text, &pos, &line, &r, &error)) break;
    fuzz::Check(pos > before);
    std::string again;
    for (size_t i = 0; i < r.cells.size(); ++i) {
      if (i) again += ',';
      AppendCsvField(&again, r.cells[i]);
    }
    size_t p2 = 0;
    int l2 = 1;
    CsvRecord back;
    std::string e2;
    fuzz::Check(NextCsvRecord(again, &p2, &l2, &back, &e2));
    // A record of one empty cell reads back as one empty cell; otherwise cell for cell.
    fuzz::Check(back.cells == r.cells || (r.cells.size() == 1 && r.cells[0].empty()));
  }
  return 0;
}
