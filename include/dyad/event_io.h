// Event interchange: reading and writing events in the formats event data lives in.
//
// Read: dyad JSON Lines, CSV and XLSX as dyad writes them, GDELT 1.0 and 2.0 event files
// (tab-separated, 57, 58 or 61 fields, no header) and ICEWS event files (tab-separated with
// their header). Write: JSON Lines, CSV, GDELT 1.0 (58 fields) and 2.0 (61), ICEWS and XLSX.
// An imported event keeps every column of its file (Event::ext), and an export to the same
// format writes them back; a column neither the event nor its file gives is left empty.
//
// A malformed row never stops a read: it is reported as "path:line: problem" and skipped, and
// the rows around it are read. Every event read points back to its bytes: its mention's span
// is the row's byte range in the file, its doc the row's URL or story (GDELT SOURCEURL, ICEWS
// Story ID) or else the file.
//
// What each format carries is listed in docs/formats.md; export then import gives back every
// field the format carries.
//
//   std::vector<std::string> problems;
//   Result<ReadStats> r = ReadEvents("20160728.export.CSV", EventFormat::kGdelt, countries,
//                                    [&](Event&& e) { events.push_back(std::move(e)); },
//                                    &problems);
#ifndef DYAD_EVENT_IO_H_
#define DYAD_EVENT_IO_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/cameo.h"
#include "dyad/countries.h"
#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad {

// kGdelt reads GDELT 1.0 and 2.0 files and writes 1.0's 58 columns; kGdelt2 writes 2.0's 61.
enum class EventFormat { kJsonl, kCsv, kGdelt, kIcews, kXlsx, kGdelt2 };

// "jsonl", "csv", "gdelt", "icews", "xlsx", "gdelt2".
std::string_view FormatName(EventFormat f);
std::optional<EventFormat> ParseFormat(std::string_view name);

// The format of a file from its name and first bytes: a zip header is XLSX, a line opening
// with '{' JSON Lines, an ICEWS header ICEWS, tab-separated rows of 57, 58 or 61 fields GDELT,
// a header naming dyad's columns CSV. Nothing when none fits.
std::optional<EventFormat> GuessFormat(const std::string& path, std::string_view head);

struct ReadStats {
  int64_t rows = 0;     // data rows seen (headers and blank lines aside)
  int64_t events = 0;   // events passed to the sink
  int64_t skipped = 0;  // rows reported as problems
};

// What a reader needs to know: states by name (ICEWS names them in English) and the codebook
// (Goldstein weights and quad classes for codes a file gives without them).
struct ReadContext {
  const CountryTable* countries = nullptr;
  const Codebook* codebook = nullptr;
  // Called every few thousand rows with bytes read and the file's size; may be empty.
  std::function<void(uint64_t done, uint64_t total)> progress;
};

// One event from a line of dyad's JSON Lines; the error says which field is wrong. Mentions
// carry their evidence only for the primary one, as the contract prints it.
Result<Event> EventFromJson(std::string_view line, const ReadContext& ctx);

// Reads every event of `path`. Fails only when the file cannot be opened or is not in the
// format at all (an XLSX that is not a zip, a CSV without dyad's header); bad rows go to
// `problems`.
Result<ReadStats> ReadEvents(const std::string& path, EventFormat format, const ReadContext& ctx,
                             const std::function<void(Event&&)>& sink,
                             std::vector<std::string>* problems);

// Writes events one by one; Finish completes the file (XLSX is written there).
class EventWriter {
 public:
  virtual ~EventWriter() = default;
  virtual Status Write(const Event& e) = 0;
  virtual Status Finish() = 0;
  // What the file could not hold as it was (an XLSX cell past Excel's 32,767 characters, cut
  // and marked), to say to the user after the file's name; empty when it holds every event
  // whole.
  virtual std::string Notes() const { return ""; }
};

// Rows an XLSX sheet holds below its header (Excel's limit, 1,048,576 rows a sheet).
inline constexpr size_t kXlsxMaxEvents = 1048575;

// Writes to the file `path`, or to standard output when `path` is "-" (XLSX goes through a
// temporary file, since a workbook is written whole). Fails when the file cannot be created.
// `bom`: a CSV opens with a UTF-8 byte-order mark, which Excel needs to read it as UTF-8.
// `names`: the states' English names and the codebook an ICEWS file writes a coded event with.
Result<std::unique_ptr<EventWriter>> OpenEventWriter(EventFormat format, const std::string& path,
                                                     bool bom = false,
                                                     const ReadContext& names = {});

// A Frictionless Data Package (datapackage.json) for a CSV of events dyad wrote under the name
// `csv_name`: every column with its type (`code` a string, `date` a date, counts integers), so
// pandas, R or a Frictionless reader type the cells as dyad meant them.
std::string CsvDataPackage(std::string_view csv_name, bool bom);

}  // namespace dyad

#endif  // DYAD_EVENT_IO_H_
