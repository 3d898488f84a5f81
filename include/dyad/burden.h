// Defence-spending figures with their provenance: the editions of NATO's and SIPRI's tables and
// national budget figures.
//
// Every figure belongs to an edition (publisher, title, publication date, cut-off, basis) and
// carries its estimate flag. NATO revises past years in each edition, so editions coexist: adding
// a newer one never replaces an older one, and a query takes each country's figure from the
// newest edition that has a cell for it unless an edition is named. A blank cell in the table is
// "no data"; a country the edition's table leaves out is "not reported". Figures of different
// bases (NATO's definition, SIPRI's broader one, a government's own budget) are never mixed: a
// query names its basis.
//
//   Result<FigureBook> book = LoadShippedFigures(data_dir, names, &problems);
//   Lookup l = book->Find(Series::kShareGdp, "nato", "POL", 2025);  // 4.48, estimate
#ifndef DYAD_BURDEN_H_
#define DYAD_BURDEN_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "dyad/countries.h"
#include "dyad/status.h"

namespace dyad::burden {

enum class Series { kShareGdp, kEquipmentShare, kRealChange, kUsdCurrent, kUsdConstant };
// share_gdp, equipment_share, real_change, usd_current, usd_constant.
std::string_view SeriesName(Series s);
std::optional<Series> ParseSeries(std::string_view name);

struct Edition {
  std::string id;         // nato-2025-08
  std::string publisher;  // NATO, SIPRI, KOR MND
  std::string title;
  std::string published;  // YYYY-MM-DD: orders editions
  std::string cutoff;     // data cut-off, may be empty
  std::string basis;      // nato | sipri | national
  std::string source;     // where the figures come from (a URL or a citation)
  bool partial = false;   // figures quoted from the edition, not its whole table
  bool shipped = false;   // from data/burden, not from a store
};

// One cell of a table: a value, or none when the table leaves it blank.
struct Cell {
  std::string country;  // ISO alpha-3 or an aggregate's code (NATO, NATO-EUCAN)
  Series series = Series::kShareGdp;
  int year = 0;
  std::optional<double> value;
  bool estimate = false;
};

struct EditionData {
  Edition edition;
  std::vector<Cell> cells;
};

// How states and aggregates are spelled in published tables: the country names dyad knows
// (CLDR and the analyst's aliases) plus data/burden/table_names.tsv.
class TableNames {
 public:
  // problems receives "file:line: …" for bad rows.
  static Result<TableNames> Load(const CountryTable& countries, const std::string& table_names_tsv,
                                 std::vector<std::string>* problems);
  // The code for a name as a table writes it (case, surrounding space and footnote marks such as
  // "*" or "†" ignored), or nothing.
  std::optional<std::string> Find(std::string_view name) const;
  // English display name of a code ("Poland"), the code itself when unknown.
  std::string Name(std::string_view code) const;
  bool IsAggregate(std::string_view code) const;
  // A state, former state or aggregate code the tables know.
  bool Knows(std::string_view code) const { return names_.count(std::string(code)) > 0; }

 private:
  std::unordered_map<std::string, std::string> by_name_;  // folded name → code
  std::unordered_map<std::string, std::string> names_;    // code → display name
  std::unordered_map<std::string, bool> aggregate_;
};

// The layouts figure tables come in.
enum class Layout {
  kWide,        // country,2014,…,2024e,2025e: NATO's published layout
  kLong,        // country,year,<value column>
  kSipriSheet,  // SIPRI's share-of-GDP sheet saved as CSV: title rows, then Country,[Notes,]years
};
std::optional<Layout> ParseLayout(std::string_view name);  // wide, long, sipri-sheet

struct TableSpec {
  Layout layout = Layout::kWide;
  Series series = Series::kShareGdp;
  std::string value_column;  // kLong: the column holding the values
};

// Reads one figure table. Every problem (unknown country, malformed cell, duplicate row, a header
// that is not years) goes to problems as "file:line: …" and makes the read fail, so a table is
// taken whole or not at all.
Result<std::vector<Cell>> ReadFigureTable(const std::string& path, const TableSpec& spec,
                                          const TableNames& names,
                                          std::vector<std::string>* problems);

// What a query finds for one country and year.
struct Lookup {
  enum class State { kValue, kNoData, kNotReported };
  State state = State::kNotReported;
  double value = 0;
  bool estimate = false;
  const Edition* edition = nullptr;  // set for kValue and kNoData
};
std::string_view StateName(Lookup::State s);  // reported, no data, not reported

// Every edition's figures. Immutable once built.
class FigureBook {
 public:
  // Adds an edition's cells, all or none. Fails when the edition id is already held with other
  // metadata, or holds one of the cells with another figure or estimate flag; adding the same
  // cells again is allowed (an edition split over several files adds each).
  Status Add(EditionData data);

  // The figure of the newest edition of `basis` holding a cell for (country, year), or of
  // `edition` when given. A partial edition that does not list the country is skipped.
  Lookup Find(Series series, std::string_view basis, std::string_view country, int year,
              std::string_view edition = "") const;
  // The cell of each edition that has one for the year (a figure, or blank: kNoData), oldest
  // edition first, whatever the basis.
  std::vector<Lookup> Revisions(Series series, std::string_view country, int year) const;
  // The last year with a value for the country on the basis, at most `until`; 0 when none.
  int LastYear(Series series, std::string_view basis, std::string_view country, int until,
               std::string_view edition = "") const;
  // Newest first.
  std::vector<const Edition*> Editions() const;
  const Edition* FindEdition(std::string_view id) const;
  const std::vector<Cell>* CellsOf(std::string_view edition_id) const;

 private:
  struct Held {
    Edition edition;
    std::vector<Cell> cells;
    std::map<std::tuple<int, std::string, int>, size_t> index;  // (series, country, year) → cell
  };
  // Newest first (publication date, then id); stable addresses for Lookup::edition.
  std::vector<std::unique_ptr<Held>> editions_;
};

// Loads data/burden/editions.tsv and every file it lists. Problems name file:line.
Result<FigureBook> LoadShippedFigures(const std::string& burden_dir, const TableNames& names,
                                      std::vector<std::string>* problems);

}  // namespace dyad::burden

#endif  // DYAD_BURDEN_H_
