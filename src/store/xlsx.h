// XLSX for dyad's event table: written with libxlsxwriter, read with minizip and expat.
// Internal to src/store; the public entry points are in dyad/event_io.h.
#ifndef DYAD_STORE_XLSX_H_
#define DYAD_STORE_XLSX_H_

#include <memory>
#include <string>
#include <vector>

#include "dyad/event_io.h"

namespace dyad::io {

// The rows of the first worksheet, each cell as text (shared and inline strings, numbers as
// written). Row numbers follow the sheet's (1-based); empty rows are left out.
struct SheetRow {
  int number = 0;
  std::vector<std::string> cells;
};
Result<std::vector<SheetRow>> ReadFirstSheet(const std::string& path);

// A writer of dyad's event table into a workbook at `path`, written on Finish.
Result<std::unique_ptr<EventWriter>> NewXlsxWriter(const std::string& path);

}  // namespace dyad::io

#endif  // DYAD_STORE_XLSX_H_
