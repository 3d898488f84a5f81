// dyad's flat table of events, shared by CSV and XLSX: one row per event, its primary mention,
// its quotations in one cell (EncodeQuotes). Internal to src/store.
#ifndef DYAD_STORE_EVENT_TABLE_H_
#define DYAD_STORE_EVENT_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "dyad/cameo.h"
#include "dyad/csv.h"
#include "dyad/event.h"

namespace dyad::io {

// Quotations in one text, as the table's quote cell and the store's quotes column hold them:
// one a line, readable in a spreadsheet; a JSON array of strings when a quotation holds a line
// break itself, so that it comes back as one quotation (repro quote-newline-split).
std::string EncodeQuotes(const std::vector<std::string>& quotes);
std::vector<std::string> DecodeQuotes(const std::string& text);

// Column names, in the order dyad writes them.
const std::vector<std::string_view>& TableColumns();

// What a column holds, for readers that type their cells (XLSX cells, a CSV's Table Schema):
// `code` is text ("030" stays "030"), dates are days, counts and scores are numbers.
enum class ColumnType { kString, kDate, kInteger, kNumber, kObject };  // kObject: JSON text
ColumnType TypeOf(std::string_view column);

// A Frictionless Data Package describing a CSV of events written by dyad: its path as written
// in the package, the encoding, and every column's type (TypeOf). JSON.
std::string DataPackage(std::string_view csv_name, bool bom);

// The cells of an event, in TableColumns() order.
std::vector<std::string> TableRow(const Event& e);

// Maps a header row to TableColumns() positions: index[i] is the cell holding column i, or -1.
// Fails (returns a message) when date, source, target or code is missing.
std::string MapHeader(const std::vector<std::string>& header, std::vector<int>* index);

// An event from a data row; returns a message naming the bad field, or empty.
std::string EventFromRow(const std::vector<std::string>& cells, const std::vector<int>& index,
                         const Codebook* codebook, Event* out);

}  // namespace dyad::io

#endif  // DYAD_STORE_EVENT_TABLE_H_
