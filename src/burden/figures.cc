// Figure tables and the book of editions.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "burden/numbers.h"
#include "dyad/burden.h"
#include "dyad/csv.h"
#include "dyad/pledge.h"
#include "dyad/tsv.h"
#include "dyad/utf8.h"

namespace dyad::burden {

namespace {

constexpr Series kAllSeries[] = {Series::kShareGdp, Series::kEquipmentShare, Series::kRealChange,
                                 Series::kUsdCurrent, Series::kUsdConstant};

// Lower-case ASCII, typographic apostrophes made plain, footnote marks and surrounding space
// dropped: "Türkiye*" and "türkiye" fold alike.
std::string Fold(std::string_view name) {
  std::string s(utf8::TrimAscii(name));
  for (;;) {
    bool cut = false;
    for (std::string_view mark : {"*", "\xE2\x80\xA0", "\xE2\x80\xA1", "\xC2\xA7", "\xC2\xB6",
                                  "\xC7\x81", " "}) {  // * † ‡ § ¶ ǁ
      if (s.size() > mark.size() && s.ends_with(mark)) {
        s.resize(s.size() - mark.size());
        cut = true;
      }
    }
    if (!cut) break;
  }
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
      out += '\'';
      i += 2;
    } else {
      char c = s[i];
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return out;
}

Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  if (s.starts_with("\xEF\xBB\xBF")) s.erase(0, 3);  // a spreadsheet's byte-order mark
  return s;
}

// "2014" or "2024e" (an estimate); Excel may write "2014.0".
bool ParseYearHeader(std::string_view h, int* year, bool* estimate) {
  h = utf8::TrimAscii(h);
  *estimate = false;
  if (h.ends_with("e") || h.ends_with("E")) {
    *estimate = true;
    h.remove_suffix(1);
  }
  if (h.ends_with(".0")) h.remove_suffix(2);
  if (h.size() != 4) return false;
  int y = 0;
  for (char c : h) {
    if (c < '0' || c > '9') return false;
    y = y * 10 + (c - '0');
  }
  if (y < 1900 || y > 2100) return false;
  *year = y;
  return true;
}

bool IsSipriBlank(std::string_view cell) {
  cell = utf8::TrimAscii(cell);
  return cell.empty() || cell == ".." || cell == ". ." || cell == "..." || cell == "xxx";
}

std::vector<CsvRecord> Records(const std::string& text, const std::string& path,
                               std::vector<std::string>* problems, bool* ok) {
  std::vector<CsvRecord> out;
  size_t pos = 0;
  int line = 1;
  *ok = true;
  while (pos < text.size()) {
    CsvRecord rec;
    std::string err;
    if (!NextCsvRecord(text, &pos, &line, &rec, &err)) {
      problems->push_back(path + ": " + err);
      *ok = false;
      break;
    }
    out.push_back(std::move(rec));
  }
  return out;
}

bool AllBlank(const CsvRecord& r) {
  return std::all_of(r.cells.begin(), r.cells.end(),
                     [](const std::string& c) { return utf8::TrimAscii(c).empty(); });
}

std::string Where(const std::string& path, int line) {
  return path + ":" + std::to_string(line) + ": ";
}

std::string UnknownCountry(const std::string& path, int line, std::string_view name) {
  return Where(path, line) + "unknown country '" + std::string(utf8::TrimAscii(name)) +
         "' (add how this table spells it to data/burden/table_names.tsv)";
}

}  // namespace

std::string_view SeriesName(Series s) {
  switch (s) {
    case Series::kShareGdp:
      return "share_gdp";
    case Series::kEquipmentShare:
      return "equipment_share";
    case Series::kRealChange:
      return "real_change";
    case Series::kUsdCurrent:
      return "usd_current";
    case Series::kUsdConstant:
      return "usd_constant";
  }
  return "";
}

std::optional<Series> ParseSeries(std::string_view name) {
  for (Series s : kAllSeries) {
    if (SeriesName(s) == name) return s;
  }
  return std::nullopt;
}

std::optional<Layout> ParseLayout(std::string_view name) {
  if (name == "wide") return Layout::kWide;
  if (name == "long") return Layout::kLong;
  if (name == "sipri-sheet") return Layout::kSipriSheet;
  return std::nullopt;
}

std::string_view StateName(Lookup::State s) {
  switch (s) {
    case Lookup::State::kValue:
      return "reported";
    case Lookup::State::kNoData:
      return "no data";
    case Lookup::State::kNotReported:
      return "not reported";
  }
  return "";
}

// ---- TableNames ----

Result<TableNames> TableNames::Load(const CountryTable& countries,
                                    const std::string& table_names_tsv,
                                    std::vector<std::string>* problems) {
  TableNames t;
  for (const Country& c : countries.all()) {
    t.names_[c.iso3] = c.name_en;
    t.by_name_.emplace(Fold(c.iso3), c.iso3);
    t.by_name_.emplace(Fold(c.name_en), c.iso3);
    for (const std::string& n : c.names) t.by_name_.emplace(Fold(n), c.iso3);
  }
  Result<TsvTable> tsv = TsvTable::Read(table_names_tsv);
  if (!tsv.ok()) return tsv.status();
  int name_col = tsv->Column("name"), code_col = tsv->Column("code"),
      kind_col = tsv->Column("kind");
  if (name_col < 0 || code_col < 0 || kind_col < 0) {
    return Status::InvalidInput(table_names_tsv + ": header must name name, code, kind");
  }
  for (const TsvRow& r : tsv->rows()) {
    std::string name(dyad::Cell(r, name_col)), code(dyad::Cell(r, code_col)),
        kind(dyad::Cell(r, kind_col));
    if (name.empty() || code.empty()) {
      problems->push_back(tsv->Where(r) + "name and code are required");
      continue;
    }
    if (kind != "state" && kind != "aggregate" && kind != "former") {
      problems->push_back(tsv->Where(r) + "unknown kind '" + kind +
                          "' (expected state, aggregate or former)");
      continue;
    }
    // A later spelling of the same name replaces a CLDR one: the table's sense wins.
    t.by_name_[Fold(name)] = code;
    int display_col = tsv->Column("display");
    if (display_col >= 0 && dyad::Cell(r, display_col) == "yes") t.names_[code] = name;
    if (kind == "aggregate") {
      t.aggregate_[code] = true;
      t.names_.emplace(code, name);
    } else if (countries.Find(code) == nullptr) {
      t.names_.emplace(code, name);  // a code dyad's country table lacks (Kosovo: XKX)
    }
  }
  return t;
}

std::optional<std::string> TableNames::Find(std::string_view name) const {
  auto it = by_name_.find(Fold(name));
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

std::string TableNames::Name(std::string_view code) const {
  auto it = names_.find(std::string(code));
  return it == names_.end() ? std::string(code) : it->second;
}

bool TableNames::IsAggregate(std::string_view code) const {
  return aggregate_.count(std::string(code)) > 0;
}

// ---- reading tables ----

namespace {

Result<std::vector<Cell>> ReadWide(const std::vector<CsvRecord>& recs, const std::string& path,
                                   const TableSpec& spec, const TableNames& names,
                                   std::vector<std::string>* problems) {
  size_t before = problems->size();
  std::vector<Cell> cells;
  size_t h = 0;
  while (h < recs.size() && AllBlank(recs[h])) ++h;
  if (h == recs.size()) return Status::InvalidInput(path + ": empty table");
  const CsvRecord& header = recs[h];
  // Spreadsheets often end rows with empty cells: they are not columns.
  size_t width = header.cells.size();
  while (width > 1 && utf8::TrimAscii(header.cells[width - 1]).empty()) --width;
  std::vector<std::pair<int, bool>> years;  // per column after the first
  std::set<int> year_seen;
  for (size_t c = 1; c < width; ++c) {
    int y = 0;
    bool est = false;
    if (!ParseYearHeader(header.cells[c], &y, &est)) {
      problems->push_back(Where(path, header.line) + "column " + std::to_string(c + 1) +
                          " is headed '" + std::string(utf8::TrimAscii(header.cells[c])) +
                          "', not a year (expected country,2014,…,2024e,2025e)");
      y = 0;
    } else if (!year_seen.insert(y).second) {
      problems->push_back(Where(path, header.line) + "column " + std::to_string(c + 1) +
                          " repeats the year " + std::to_string(y));
      y = 0;
    }
    years.emplace_back(y, est);
  }
  std::set<std::string> seen;
  for (size_t r = h + 1; r < recs.size(); ++r) {
    const CsvRecord& rec = recs[r];
    if (AllBlank(rec)) continue;
    std::string_view name = rec.cells[0];
    std::optional<std::string> code = names.Find(name);
    if (!code) {
      problems->push_back(UnknownCountry(path, rec.line, name));
      continue;
    }
    if (!seen.insert(*code).second) {
      problems->push_back(Where(path, rec.line) + "a second row for " + names.Name(*code) + " ('" +
                          std::string(utf8::TrimAscii(name)) + "')");
      continue;
    }
    size_t used = rec.cells.size();
    while (used > width && utf8::TrimAscii(rec.cells[used - 1]).empty()) --used;
    if (used > width) {
      problems->push_back(Where(path, rec.line) + std::to_string(used) +
                          " cells, but the header has " + std::to_string(width));
      continue;
    }
    for (size_t c = 1; c < width; ++c) {
      auto [year, est] = years[c - 1];
      if (year == 0) continue;
      Cell cell{*code, spec.series, year, std::nullopt, est};
      std::string_view text = c < rec.cells.size() ? std::string_view(rec.cells[c]) : "";
      if (!utf8::TrimAscii(text).empty()) {
        cell.value = ParseFigure(text, nullptr);
        if (!cell.value) {
          problems->push_back(Where(path, rec.line) + std::string(utf8::TrimAscii(name)) + ", " +
                              std::string(utf8::TrimAscii(header.cells[c])) + ": '" +
                              std::string(utf8::TrimAscii(text)) + "' is not a number");
          continue;
        }
      }
      cells.push_back(std::move(cell));
    }
  }
  // A sheet saved with shares as fractions (0.0448 for 4.48%) would read as tiny percentages.
  if (spec.series == Series::kShareGdp) {
    std::vector<double> v;
    for (const Cell& c : cells)
      if (c.value) v.push_back(*c.value);
    if (!v.empty()) {
      std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
      if (v[v.size() / 2] < 0.2) {
        problems->push_back(path + ": the shares look like fractions (median " +
                            std::to_string(v[v.size() / 2]) +
                            "); NATO's layout gives percent: save the sheet with 4.48 for 4.48%");
      }
    }
  }
  if (problems->size() > before) {
    return Status::InvalidInput(path + ": " + std::to_string(problems->size() - before) +
                                " problem(s); nothing read from this table");
  }
  return cells;
}

Result<std::vector<Cell>> ReadLong(const std::vector<CsvRecord>& recs, const std::string& path,
                                   const TableSpec& spec, const TableNames& names,
                                   std::vector<std::string>* problems) {
  size_t before = problems->size();
  if (recs.empty()) return Status::InvalidInput(path + ": empty table");
  const CsvRecord& header = recs[0];
  int country = -1, year = -1, value = -1, estimate = -1;
  for (size_t c = 0; c < header.cells.size(); ++c) {
    std::string h = Fold(header.cells[c]);
    if (h == "country") country = static_cast<int>(c);
    if (h == "year") year = static_cast<int>(c);
    if (h == "estimate") estimate = static_cast<int>(c);
    if (!spec.value_column.empty() ? h == Fold(spec.value_column)
                                   : h == SeriesName(spec.series) || h == "value") {
      value = static_cast<int>(c);
    }
  }
  if (country < 0 || year < 0 || value < 0) {
    return Status::InvalidInput(Where(path, header.line) + "header must name country, year and " +
                                (spec.value_column.empty()
                                     ? std::string(SeriesName(spec.series)) + " (or value)"
                                     : spec.value_column));
  }
  std::set<std::pair<std::string, int>> seen;
  std::vector<Cell> cells;
  for (size_t r = 1; r < recs.size(); ++r) {
    const CsvRecord& rec = recs[r];
    if (AllBlank(rec)) continue;
    auto cell = [&](int c) {
      return c < static_cast<int>(rec.cells.size()) ? utf8::TrimAscii(rec.cells[c])
                                                    : std::string_view();
    };
    std::optional<std::string> code = names.Find(cell(country));
    if (!code) {
      problems->push_back(UnknownCountry(path, rec.line, cell(country)));
      continue;
    }
    int y = 0;
    bool est = false;
    if (!ParseYearHeader(cell(year), &y, &est)) {
      problems->push_back(Where(path, rec.line) + "year '" + std::string(cell(year)) +
                          "' is not a year");
      continue;
    }
    if (estimate >= 0) {
      std::string e = Fold(cell(estimate));
      est = est || e == "yes" || e == "true" || e == "1" || e == "e";
    }
    if (!seen.emplace(*code, y).second) {
      problems->push_back(Where(path, rec.line) + "a second row for " + names.Name(*code) + " " +
                          std::to_string(y));
      continue;
    }
    Cell out{*code, spec.series, y, std::nullopt, est};
    if (!cell(value).empty()) {
      out.value = ParseFigure(cell(value), nullptr);
      if (!out.value) {
        problems->push_back(Where(path, rec.line) + header.cells[value] + ": '" +
                            std::string(cell(value)) + "' is not a number");
        continue;
      }
    }
    cells.push_back(std::move(out));
  }
  if (problems->size() > before) {
    return Status::InvalidInput(path + ": " + std::to_string(problems->size() - before) +
                                " problem(s); nothing read from this table");
  }
  return cells;
}

// SIPRI's sheet: title and legend rows, a header "Country,Notes,1949,…,2024", region headings
// with no figures, ". ." for unavailable and "xxx" for a state that did not exist. Saved from
// Excel the shares are either "1.9%" or fractions (0.019); fractions are recognised by their
// median and scaled to percent.
Result<std::vector<Cell>> ReadSipriSheet(const std::vector<CsvRecord>& recs,
                                         const std::string& path, const TableSpec& spec,
                                         const TableNames& names,
                                         std::vector<std::string>* problems) {
  size_t before = problems->size();
  size_t h = 0;
  while (h < recs.size() && (recs[h].cells.empty() || Fold(recs[h].cells[0]) != "country")) ++h;
  if (h == recs.size()) {
    return Status::InvalidInput(path +
                                ": no header row starting with 'Country' (is this SIPRI's "
                                "share-of-GDP sheet saved as CSV?)");
  }
  const CsvRecord& header = recs[h];
  std::vector<int> years(header.cells.size(), 0);
  int n_years = 0;
  for (size_t c = 1; c < header.cells.size(); ++c) {
    bool est = false;
    if (ParseYearHeader(header.cells[c], &years[c], &est)) ++n_years;
  }
  if (n_years == 0) {
    return Status::InvalidInput(Where(path, header.line) + "the header row has no year columns");
  }
  std::vector<Cell> cells;
  std::vector<double> values;  // figures written without a % sign
  std::vector<size_t> bare;    // their cells
  std::set<std::string> seen;
  for (size_t r = h + 1; r < recs.size(); ++r) {
    const CsvRecord& rec = recs[r];
    if (AllBlank(rec)) continue;
    std::string_view name = rec.cells[0];
    bool has_figures = false;
    for (size_t c = 1; c < rec.cells.size() && c < years.size(); ++c) {
      if (years[c] != 0 && !IsSipriBlank(rec.cells[c])) has_figures = true;
    }
    std::optional<std::string> code = names.Find(name);
    if (!code) {
      // A region heading ("Africa", "Central America and the Caribbean") carries no figures.
      if (has_figures) problems->push_back(UnknownCountry(path, rec.line, name));
      continue;
    }
    if (!seen.insert(*code).second) {
      problems->push_back(Where(path, rec.line) + "a second row for " + names.Name(*code));
      continue;
    }
    for (size_t c = 1; c < years.size(); ++c) {
      if (years[c] == 0) continue;
      std::string_view text =
          c < rec.cells.size() ? utf8::TrimAscii(rec.cells[c]) : std::string_view();
      if (text == "xxx") continue;  // the state did not exist: no cell at all
      Cell cell{*code, spec.series, years[c], std::nullopt, false};
      if (!IsSipriBlank(text)) {
        bool percent = false;
        cell.value = ParseFigure(text, &percent, &cell.estimate);
        if (cell.value && !percent) bare.push_back(cells.size());
        if (!cell.value) {
          problems->push_back(Where(path, rec.line) + std::string(utf8::TrimAscii(name)) + ", " +
                              std::to_string(years[c]) + ": '" + std::string(text) +
                              "' is not a number");
          continue;
        }
        if (cell.value && !percent) values.push_back(*cell.value);
      }
      cells.push_back(std::move(cell));
    }
  }
  if (problems->size() > before) {
    return Status::InvalidInput(path + ": " + std::to_string(problems->size() - before) +
                                " problem(s); nothing read from this table");
  }
  // Cells saved without a % sign may be fractions (0.019 for 1.9%): decided by their median.
  if (!values.empty() && spec.series == Series::kShareGdp) {
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    if (values[values.size() / 2] < 0.2) {
      for (size_t i : bare) *cells[i].value *= 100;
    }
  }
  return cells;
}

}  // namespace

Result<std::vector<Cell>> ReadFigureTable(const std::string& path, const TableSpec& spec,
                                          const TableNames& names,
                                          std::vector<std::string>* problems) {
  Result<std::string> text = ReadWhole(path);
  if (!text.ok()) return text.status();
  bool ok = true;
  std::vector<CsvRecord> recs = Records(*text, path, problems, &ok);
  if (!ok) return Status::InvalidInput(path + ": not a readable CSV table");
  switch (spec.layout) {
    case Layout::kWide:
      return ReadWide(recs, path, spec, names, problems);
    case Layout::kLong:
      return ReadLong(recs, path, spec, names, problems);
    case Layout::kSipriSheet:
      return ReadSipriSheet(recs, path, spec, names, problems);
  }
  return Status::Internal("unknown layout");
}

// ---- FigureBook ----

Status FigureBook::Add(EditionData data) {
  Held* held = nullptr;
  bool created = false;
  for (auto& h : editions_) {
    if (h->edition.id == data.edition.id) held = h.get();
  }
  if (held != nullptr) {
    const Edition& a = held->edition;
    const Edition& b = data.edition;
    if (a.published != b.published || a.basis != b.basis || a.publisher != b.publisher) {
      return Status::InvalidInput("edition " + b.id + " is already held as " + a.publisher + ", " +
                                  a.basis + " basis, published " + a.published +
                                  "; give this one its own edition id");
    }
  } else {
    editions_.push_back(std::make_unique<Held>());
    held = editions_.back().get();
    held->edition = data.edition;
    created = true;
  }
  // Check every cell before adding any: an edition is added whole or not at all.
  std::map<std::tuple<int, std::string, int>, const Cell*> incoming;
  for (const Cell& c : data.cells) {
    auto key = std::make_tuple(static_cast<int>(c.series), c.country, c.year);
    const Cell* old = nullptr;
    if (auto it = held->index.find(key); it != held->index.end()) old = &held->cells[it->second];
    if (auto it = incoming.find(key); it != incoming.end()) old = it->second;
    if (old != nullptr && (old->value != c.value || old->estimate != c.estimate)) {
      if (created) editions_.pop_back();  // the edition was new: leave no trace
      return Status::InvalidInput("edition " + data.edition.id + " already holds " +
                                  std::string(SeriesName(c.series)) + " for " + c.country + " " +
                                  std::to_string(c.year) + " with another figure or estimate flag");
    }
    incoming.emplace(key, &c);
  }
  for (Cell& c : data.cells) {
    auto key = std::make_tuple(static_cast<int>(c.series), c.country, c.year);
    if (held->index.count(key)) continue;
    held->index.emplace(key, held->cells.size());
    held->cells.push_back(std::move(c));
  }
  // Kept newest first, so lookups walk the editions in order without sorting them each time.
  if (created) {
    std::stable_sort(editions_.begin(), editions_.end(), [](const auto& a, const auto& b) {
      return a->edition.published != b->edition.published
                 ? a->edition.published > b->edition.published
                 : a->edition.id > b->edition.id;
    });
  }
  return Status::Ok();
}

std::vector<const Edition*> FigureBook::Editions() const {
  std::vector<const Edition*> out;
  for (const auto& h : editions_) out.push_back(&h->edition);
  return out;
}

const Edition* FigureBook::FindEdition(std::string_view id) const {
  for (const auto& h : editions_) {
    if (h->edition.id == id) return &h->edition;
  }
  return nullptr;
}

const std::vector<Cell>* FigureBook::CellsOf(std::string_view edition_id) const {
  for (const auto& h : editions_) {
    if (h->edition.id == edition_id) return &h->cells;
  }
  return nullptr;
}

Lookup FigureBook::Find(Series series, std::string_view basis, std::string_view country, int year,
                        std::string_view edition) const {
  Lookup out;
  const Held* holding_country = nullptr;
  auto key = std::make_tuple(static_cast<int>(series), std::string(country), year);
  for (const auto& held : editions_) {  // newest first
    const Held* h = held.get();
    if (!edition.empty() ? h->edition.id != edition : h->edition.basis != basis) continue;
    auto it = h->index.find(key);
    if (it != h->index.end()) {
      const Cell& c = h->cells[it->second];
      out.edition = &h->edition;
      out.estimate = c.estimate;
      out.state = c.value ? Lookup::State::kValue : Lookup::State::kNoData;
      out.value = c.value.value_or(0);
      return out;
    }
    if (holding_country == nullptr) {
      // Does the edition list the country for this series at all (another year)?
      auto lo =
          h->index.lower_bound(std::make_tuple(static_cast<int>(series), std::string(country), 0));
      if (lo != h->index.end() && std::get<0>(lo->first) == static_cast<int>(series) &&
          std::get<1>(lo->first) == country) {
        holding_country = h;
      }
    }
  }
  if (holding_country != nullptr) {
    out.state = Lookup::State::kNoData;
    out.edition = &holding_country->edition;
  }
  return out;
}

std::vector<Lookup> FigureBook::Revisions(Series series, std::string_view country, int year) const {
  std::vector<Lookup> out;
  auto key = std::make_tuple(static_cast<int>(series), std::string(country), year);
  for (auto h = editions_.rbegin(); h != editions_.rend(); ++h) {  // oldest first
    auto it = (*h)->index.find(key);
    if (it == (*h)->index.end()) continue;  // the edition has no cell for this year
    const Cell& c = (*h)->cells[it->second];
    Lookup l;
    l.edition = &(*h)->edition;
    l.estimate = c.estimate;
    l.state = c.value ? Lookup::State::kValue : Lookup::State::kNoData;
    l.value = c.value.value_or(0);
    out.push_back(l);
  }
  return out;
}

int FigureBook::LastYear(Series series, std::string_view basis, std::string_view country, int until,
                         std::string_view edition) const {
  std::set<int> years;
  for (const auto& h : editions_) {
    if (!edition.empty() ? h->edition.id != edition : h->edition.basis != basis) continue;
    for (const Cell& c : h->cells) {
      if (c.series == series && c.country == country && c.value && c.year <= until) {
        years.insert(c.year);
      }
    }
  }
  for (auto it = years.rbegin(); it != years.rend(); ++it) {
    if (Find(series, basis, country, *it, edition).state == Lookup::State::kValue) return *it;
  }
  return 0;
}

Result<FigureBook> LoadShippedFigures(const std::string& burden_dir, const TableNames& names,
                                      std::vector<std::string>* problems) {
  std::string manifest = burden_dir + "/editions.tsv";
  Result<TsvTable> t = TsvTable::Read(manifest);
  if (!t.ok()) return t.status();
  const char* required[] = {"edition",      "file",      "layout", "series",
                            "value_column", "publisher", "title",  "published",
                            "basis",        "coverage",  "source"};
  for (const char* col : required) {
    if (t->Column(col) < 0) {
      return Status::InvalidInput(manifest + ": header must name " + col);
    }
  }
  auto col = [&](const TsvRow& r, const char* name) {
    return std::string(dyad::Cell(r, t->Column(name)));
  };
  FigureBook book;
  for (const TsvRow& r : t->rows()) {
    Edition e;
    e.id = col(r, "edition");
    e.publisher = col(r, "publisher");
    e.title = col(r, "title");
    e.published = col(r, "published");
    e.cutoff = t->Column("cutoff") >= 0 ? col(r, "cutoff") : "";
    e.basis = col(r, "basis");
    e.source = col(r, "source");
    e.partial = col(r, "coverage") == "partial";
    e.shipped = true;
    TableSpec spec;
    std::optional<Layout> layout = ParseLayout(col(r, "layout"));
    std::optional<Series> series = ParseSeries(col(r, "series"));
    spec.value_column = col(r, "value_column");
    std::string bad;
    if (e.id.empty()) bad = "edition is required";
    if (!layout) bad = "unknown layout '" + col(r, "layout") + "' (wide, long or sipri-sheet)";
    if (!series) bad = "unknown series '" + col(r, "series") + "'";
    if (e.basis != "nato" && e.basis != "sipri" && e.basis != "national") {
      bad = "unknown basis '" + e.basis + "' (nato, sipri or national)";
    }
    if (!IsPartialDate(e.published)) bad = "published must be YYYY-MM-DD or YYYY-MM";
    if (!bad.empty()) {
      problems->push_back(t->Where(r) + bad);
      continue;
    }
    spec.layout = *layout;
    spec.series = *series;
    Result<std::vector<Cell>> cells =
        ReadFigureTable(burden_dir + "/" + col(r, "file"), spec, names, problems);
    if (!cells.ok()) {
      problems->push_back(t->Where(r) + cells.status().message());
      continue;
    }
    if (Status s = book.Add({e, std::move(*cells)}); !s.ok()) {
      problems->push_back(t->Where(r) + s.message());
    }
  }
  return book;
}

}  // namespace dyad::burden
