// The answers `dyad burden` gives: status by year, gaps to a pledge, trends against the required
// path, rankings and revisions, as tables rendered for a terminal, CSV, JSON or Markdown, and
// trajectories drawn as SVG.
//
// Every figure in a report names its edition; the report's notes list each edition used with
// its publisher, title and publication date, so a table can be cited as it stands.
#ifndef DYAD_BURDEN_REPORT_H_
#define DYAD_BURDEN_REPORT_H_

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dyad/burden.h"
#include "dyad/pledge.h"
#include "dyad/status.h"

namespace dyad::burden {

// A report cell: nothing (JSON null), text, a number shown with `decimals`, or yes/no.
using Value = std::variant<std::monostate, std::string, double, long long, bool>;

struct Column {
  Column(std::string k, std::string h, int d = 2, std::string g = "")
      : key(std::move(k)), header(std::move(h)), decimals(d), group(std::move(g)) {}
  std::string key;     // JSON and CSV name: share_gdp
  std::string header;  // terminal and Markdown heading: "% GDP"
  int decimals = 2;    // for numbers
  std::string group;   // JSON: nest the cell under this key ("meets": {"hague-core": true})
};

struct Report {
  std::string title;
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;
  std::vector<std::string> notes;  // summary lines and sources, printed after the table
};

enum class Format { kTable, kCsv, kJson, kMarkdown };
std::optional<Format> ParseFormat(std::string_view name);  // table, csv, json, markdown
// JSON: an array of objects, one per row (notes are not part of it). CSV: a header and rows.
// Table and Markdown: the title, the rows and the notes.
std::string Render(const Report& r, Format f);

// Everything a query needs.
struct BurdenData {
  TableNames names;
  FigureBook book;
  Groups groups;
  Pledges pledges;
  Scenarios scenarios;
};

// Loads data/burden (figures, pledges, groups, scenarios) and any user files. Problems name
// file:line; the load fails only when a file cannot be read at all.
struct LoadOptions {
  std::string data_dir;                     // dyad's data/ (countries.tsv, lexicon/, burden/)
  std::vector<std::string> pledge_files;    // user pledges
  std::vector<std::string> scenario_files;  // user scenarios
};
Result<BurdenData> LoadBurdenData(const LoadOptions& o, std::vector<std::string>* problems);

struct Query {
  int year = 0;                // status, rank: the year; gap, trend: the last year used (0: any)
  std::string group = "NATO";  // status, rank: whose figures
  std::string basis;           // status, rank: default nato for NATO, sipri otherwise
  std::string edition;         // a named edition instead of the newest
  std::vector<std::string> countries;  // ISO alpha-3; empty: everyone the query covers
  std::string pledge;                  // gap, trend, chart
  Series series = Series::kShareGdp;   // rank
  int window = 5;                      // trend: years fitted
  std::string scenario;                // trend, chart: a path to set beside the trend
  bool aggregates = false;             // status, rank: NATO Total and NATO Europe and Canada rows
};

// Who meets each pledge of the group in a year: share of GDP, the equipment share, and a yes/no
// per pledge; "no data" and "not reported" shown as such. Sorted by share, highest first.
Result<Report> StatusReport(const BurdenData& d, const Query& q);
// Each covered country's gap to the pledge, the constant yearly rise in percentage points and
// the compound growth of the share it needs; largest yearly rise first.
Result<Report> GapReport(const BurdenData& d, const Query& q);
// The recent trend against the required path: slope, value projected for the deadline year, the
// year the trend reaches the target, and the verdict; with a scenario, its value too.
Result<Report> TrendReport(const BurdenData& d, const Query& q);
// Countries ranked by a series in a year.
Result<Report> RankReport(const BurdenData& d, const Query& q);
// Every edition's figure for the countries and year: how NATO revised it.
Result<Report> RevisionsReport(const BurdenData& d, const Query& q);
// The editions loaded, newest first, with their provenance and size.
Result<Report> EditionsReport(const BurdenData& d, const Query& q);
// The pledges loaded: whom each binds, what it measures, its target and deadline, its source.
Result<Report> PledgesReport(const BurdenData& d, const Query& q);

// An SVG line chart: each country's figures (estimates dashed), the pledge's target as a line
// to its deadline, the path each country needs from its last figure, and a scenario path when
// given. Self-contained SVG 1.1 with a title, axes, a legend and the sources.
Result<std::string> TrajectoryChart(const BurdenData& d, const Query& q);

}  // namespace dyad::burden

#endif  // DYAD_BURDEN_REPORT_H_
