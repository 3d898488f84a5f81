// Burden-sharing reports: status, gap, trend, rank and revisions, and their renderings.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "burden/numbers.h"
#include "dyad/burden_report.h"
#include "dyad/csv.h"

namespace dyad::burden {

namespace {

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string Shown(const Value& v, const Column& c) {
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  if (std::holds_alternative<double>(v)) return Fixed(std::get<double>(v), c.decimals);
  if (std::holds_alternative<long long>(v)) return std::to_string(std::get<long long>(v));
  if (std::holds_alternative<bool>(v)) return std::get<bool>(v) ? "yes" : "no";
  return "";
}

// Display width: one column per code point (the tables hold Latin names and digits).
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsNumeric(const Value& v) {
  return std::holds_alternative<double>(v) || std::holds_alternative<long long>(v);
}

std::string RenderTable(const Report& r) {
  std::vector<size_t> w(r.columns.size());
  std::vector<bool> right(r.columns.size(), false);
  for (size_t c = 0; c < r.columns.size(); ++c) w[c] = Width(r.columns[c].header);
  for (const auto& row : r.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      w[c] = std::max(w[c], Width(Shown(row[c], r.columns[c])));
      if (IsNumeric(row[c])) right[c] = true;
    }
  }
  std::string out = r.title + "\n\n";
  auto line = [&](const std::vector<std::string>& cells) {
    std::string l;
    for (size_t c = 0; c < cells.size(); ++c) {
      size_t pad = w[c] - Width(cells[c]);
      if (c > 0) l += "  ";
      if (right[c])
        l += std::string(pad, ' ') + cells[c];
      else
        l += cells[c] + (c + 1 < cells.size() ? std::string(pad, ' ') : "");
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  std::vector<std::string> head;
  for (const Column& c : r.columns) head.push_back(c.header);
  line(head);
  for (const auto& row : r.rows) {
    std::vector<std::string> cells;
    for (size_t c = 0; c < row.size(); ++c) cells.push_back(Shown(row[c], r.columns[c]));
    line(cells);
  }
  if (!r.notes.empty()) out += "\n";
  for (const std::string& n : r.notes) out += n + "\n";
  return out;
}

std::string MdEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string RenderMarkdown(const Report& r) {
  std::string out = "### " + r.title + "\n\n|";
  for (const Column& c : r.columns) out += " " + MdEscape(c.header) + " |";
  out += "\n|";
  for (size_t c = 0; c < r.columns.size(); ++c) {
    bool numeric = std::any_of(r.rows.begin(), r.rows.end(),
                               [&](const auto& row) { return IsNumeric(row[c]); });
    out += numeric ? "---:|" : "---|";
  }
  out += "\n";
  for (const auto& row : r.rows) {
    out += "|";
    for (size_t c = 0; c < row.size(); ++c)
      out += " " + MdEscape(Shown(row[c], r.columns[c])) + " |";
    out += "\n";
  }
  if (!r.notes.empty()) out += "\n";
  for (const std::string& n : r.notes) out += "- " + n + "\n";
  return out;
}

std::string Raw(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string RenderCsv(const Report& r) {
  std::string out;
  for (size_t c = 0; c < r.columns.size(); ++c) {
    if (c) out += ',';
    const Column& col = r.columns[c];
    AppendCsvField(&out, col.group.empty() ? col.key : col.group + ":" + col.key);
  }
  out += "\n";
  for (const auto& row : r.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      const Value& v = row[c];
      if (c) out += ',';
      AppendCsvField(&out, std::holds_alternative<double>(v) ? Raw(std::get<double>(v))
                           : std::holds_alternative<bool>(v)
                               ? (std::get<bool>(v) ? "true" : "false")
                               : Shown(v, r.columns[c]));
    }
    out += "\n";
  }
  return out;
}

std::string RenderJson(const Report& r) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& row : r.rows) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    for (size_t c = 0; c < row.size(); ++c) {
      const Value& v = row[c];
      nlohmann::ordered_json j;
      if (std::holds_alternative<std::string>(v))
        j = std::get<std::string>(v);
      else if (std::holds_alternative<double>(v))
        j = std::get<double>(v);
      else if (std::holds_alternative<long long>(v))
        j = std::get<long long>(v);
      else if (std::holds_alternative<bool>(v))
        j = std::get<bool>(v);
      const Column& col = r.columns[c];
      if (col.group.empty()) {
        o[col.key] = j;
      } else {
        o[col.group][col.key] = j;
      }
    }
    arr.push_back(std::move(o));
  }
  return arr.dump(2) + "\n";
}

// ---- helpers for the reports ----

Value Num(std::optional<double> v) {
  if (!v) return std::monostate{};
  return *v;
}

std::string EditionLine(const Edition& e) {
  std::string s = e.id + ": " + e.publisher + ", " + e.title + ", published " + e.published;
  if (!e.cutoff.empty()) s += ", data cut-off " + e.cutoff;
  if (e.partial) s += " (extract)";
  if (!e.shipped) s += " (imported)";
  if (!e.source.empty()) s += ". " + e.source;
  return s;
}

// Report rows collected in any order and sorted by (order, key descending).
struct OrderedRow {
  std::vector<Value> cells;
  int order = 0;
  double key = 0;
};

void AppendSorted(std::vector<OrderedRow>* rows, Report* r) {
  std::stable_sort(rows->begin(), rows->end(), [](const OrderedRow& a, const OrderedRow& b) {
    return a.order != b.order ? a.order < b.order : a.key > b.key;
  });
  for (OrderedRow& row : *rows) r->rows.push_back(std::move(row.cells));
}

class EditionsUsed {
 public:
  void Add(const Edition* e) {
    if (e != nullptr && std::find(used_.begin(), used_.end(), e) == used_.end()) used_.push_back(e);
  }
  void AppendTo(std::vector<std::string>* notes) const {
    if (used_.empty()) return;
    notes->push_back("Sources:");
    for (const Edition* e : used_) notes->push_back("  " + EditionLine(*e));
  }

 private:
  std::vector<const Edition*> used_;
};

std::string ListNames(const std::vector<std::string>& names) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + names[i];
  return s;
}

// The basis a status or ranking reads: the named edition's, else --basis, else NATO's for NATO.
Result<std::string> BasisOf(const BurdenData& d, const Query& q) {
  if (!q.edition.empty()) {
    const Edition* e = d.book.FindEdition(q.edition);
    if (e != nullptr && !q.basis.empty() && q.basis != e->basis) {
      return Status::InvalidInput("--edition " + q.edition + " is on the " + e->basis +
                                  " basis, not " + q.basis);
    }
    if (e != nullptr) return e->basis;
  }
  if (!q.basis.empty()) return q.basis;
  return std::string(q.group == "NATO" ? "nato" : "sipri");
}

// A named edition must be on one of the bases that measure the pledge.
Status CheckPledgeEdition(const BurdenData& d, const Query& q, const Pledge& p) {
  if (q.edition.empty()) return Status::Ok();
  const Edition* e = d.book.FindEdition(q.edition);
  if (e == nullptr || std::find(p.basis.begin(), p.basis.end(), e->basis) != p.basis.end()) {
    return Status::Ok();
  }
  std::string bases;
  for (const std::string& b : p.basis) bases += (bases.empty() ? "" : " or ") + b;
  return Status::InvalidInput("--edition " + q.edition + " is on the " + e->basis + " basis; " +
                              p.id + " is measured on " + bases + " figures");
}

// The first and last years with figures on a basis; a year outside them is refused.
Status CheckYear(const FigureBook& book, const std::string& basis, Series series,
                 const std::string& edition, int year) {
  if (year == 0) return Status::Ok();
  int first = 9999, last = 0;
  for (const Edition* e : book.Editions()) {
    if (!edition.empty() ? e->id != edition : e->basis != basis) continue;
    for (const Cell& c : *book.CellsOf(e->id)) {
      if (c.series != series) continue;
      first = std::min(first, c.year);
      last = std::max(last, c.year);
    }
  }
  if (last == 0) {
    return Status::NotFound("no " + basis + " figures for " + std::string(SeriesName(series)));
  }
  if (year < first || year > last) {
    return Status::InvalidInput("--year " + std::to_string(year) + ": the " + basis + " " +
                                std::string(SeriesName(series)) + " figures run from " +
                                std::to_string(first) + " to " + std::to_string(last));
  }
  return Status::Ok();
}

Status CheckBasis(const std::string& basis) {
  if (basis == "nato" || basis == "sipri" || basis == "national") return Status::Ok();
  return Status::InvalidInput("--basis: '" + basis + "' is not nato, sipri or national");
}

// The last year any edition of the basis has a figure for.
int LatestYear(const FigureBook& book, const std::string& basis, Series series,
               const std::string& edition) {
  int latest = 0;
  for (const Edition* e : book.Editions()) {
    if (!edition.empty() ? e->id != edition : e->basis != basis) continue;
    for (const Cell& c : *book.CellsOf(e->id)) {
      if (c.series == series && c.value) latest = std::max(latest, c.year);
    }
  }
  return latest;
}

Status CheckEdition(const BurdenData& d, const Query& q) {
  if (!q.edition.empty() && d.book.FindEdition(q.edition) == nullptr) {
    std::string known;
    for (const Edition* e : d.book.Editions()) known += (known.empty() ? "" : ", ") + e->id;
    return Status::InvalidInput("--edition: no edition '" + q.edition + "' (known: " + known + ")");
  }
  return Status::Ok();
}

Result<std::vector<std::string>> Countries(const BurdenData& d, const Query& q,
                                           std::vector<std::string> fallback) {
  if (q.countries.empty()) return fallback;
  std::vector<std::string> out;
  for (const std::string& c : q.countries) {
    std::optional<std::string> code = d.names.Find(c);
    if (!code) {
      return Status::InvalidInput("--country: unknown country '" + c +
                                  "' (give an ISO alpha-3 code such as ESP, or a name)");
    }
    out.push_back(*code);
  }
  return out;
}

Result<const Pledge*> PledgeOf(const BurdenData& d, const Query& q) {
  if (q.pledge.empty()) return Status::InvalidInput("--pledge is required");
  const Pledge* p = d.pledges.Find(q.pledge);
  if (p == nullptr) {
    std::string known;
    for (const Pledge& x : d.pledges.all()) known += (known.empty() ? "" : ", ") + x.id;
    return Status::InvalidInput("--pledge: no pledge '" + q.pledge + "' (known: " + known + ")");
  }
  return p;
}

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "csv") return Format::kCsv;
  if (name == "json") return Format::kJson;
  if (name == "markdown" || name == "md") return Format::kMarkdown;
  return std::nullopt;
}

std::string Render(const Report& r, Format f) {
  switch (f) {
    case Format::kTable:
      return RenderTable(r);
    case Format::kCsv:
      return RenderCsv(r);
    case Format::kJson:
      return RenderJson(r);
    case Format::kMarkdown:
      return RenderMarkdown(r);
  }
  return "";
}

Result<BurdenData> LoadBurdenData(const LoadOptions& o, std::vector<std::string>* problems) {
  std::string dir = o.data_dir + "/burden";
  Result<CountryTable> countries = CountryTable::Load(
      o.data_dir + "/countries.tsv", o.data_dir + "/lexicon/country_aliases.tsv", problems);
  if (!countries.ok()) return countries.status();
  Result<TableNames> names = TableNames::Load(*countries, dir + "/table_names.tsv", problems);
  if (!names.ok()) return names.status();
  Result<FigureBook> book = LoadShippedFigures(dir, *names, problems);
  if (!book.ok()) return book.status();
  Result<Groups> groups = Groups::Load(dir + "/groups.tsv", problems);
  if (!groups.ok()) return groups.status();
  BurdenData d{std::move(*names), std::move(*book), std::move(*groups), {}, {}};
  std::vector<std::string> pledge_files = {dir + "/pledges.tsv"};
  pledge_files.insert(pledge_files.end(), o.pledge_files.begin(), o.pledge_files.end());
  for (const std::string& f : pledge_files) {
    if (Status s = d.pledges.Load(f, d.groups, d.names, problems); !s.ok()) return s;
  }
  std::vector<std::string> scenario_files = {dir + "/scenarios.tsv"};
  scenario_files.insert(scenario_files.end(), o.scenario_files.begin(), o.scenario_files.end());
  for (const std::string& f : scenario_files) {
    if (Status s = d.scenarios.Load(f, d.names, problems); !s.ok()) return s;
  }
  return d;
}

// ---- status ----

Result<Report> StatusReport(const BurdenData& d, const Query& q) {
  if (!d.groups.Known(q.group)) {
    return Status::InvalidInput("--group: no group '" + q.group +
                                "' (known: " + ListNames(d.groups.Names()) + ")");
  }
  if (Status s = CheckEdition(d, q); !s.ok()) return s;
  Result<std::string> basis_or = BasisOf(d, q);
  if (!basis_or.ok()) return basis_or.status();
  std::string basis = *basis_or;
  if (Status s = CheckBasis(basis); !s.ok()) return s;
  if (Status s = CheckYear(d.book, basis, Series::kShareGdp, q.edition, q.year); !s.ok()) return s;
  int year = q.year != 0 ? q.year : LatestYear(d.book, basis, Series::kShareGdp, q.edition);
  if (year == 0) return Status::NotFound("no " + basis + " figures loaded");
  std::vector<const Pledge*> pledges;
  for (const Pledge& p : d.pledges.all()) {
    // A pledge is scored only on the figures that measure it: NATO's pledges on NATO's.
    if (std::find(p.applies.begin(), p.applies.end(), q.group) != p.applies.end() &&
        std::find(p.basis.begin(), p.basis.end(), basis) != p.basis.end()) {
      pledges.push_back(&p);
    }
  }
  Result<std::vector<std::string>> members = Countries(d, q, d.groups.Members(q.group, year));
  if (!members.ok()) return members.status();
  // A member's own pledge (South Korea's 3.5% by 2035), measured on the pledge's own basis.
  auto national = [&](const std::string& code) -> const Pledge* {
    for (const Pledge& p : d.pledges.all()) {
      if (p.series == Series::kShareGdp && p.applies.size() == 1 && p.applies[0] == code) return &p;
    }
    return nullptr;
  };
  bool any_national = std::any_of(members->begin(), members->end(),
                                  [&](const std::string& c) { return national(c) != nullptr; });
  if (q.aggregates) {
    for (const Edition* e : d.book.Editions()) {
      if (e->basis != basis) continue;
      for (const Cell& c : *d.book.CellsOf(e->id)) {
        if (d.names.IsAggregate(c.country) &&
            std::find(members->begin(), members->end(), c.country) == members->end()) {
          members->push_back(c.country);
        }
      }
    }
  }

  Report r;
  r.title = q.group + " " + (q.group == "NATO" ? "allies" : "members") + ", " +
            std::to_string(year) + ": defence spending against pledges (" + basis + " basis" +
            (q.edition.empty() ? ", newest edition" : ", edition " + q.edition) + ")";
  r.columns = {{"country", "country"}, {"name", "name"},
               {"year", "year"},       {"share_gdp", "% GDP"},
               {"estimate", "est."},   {"status", "status"},
               {"edition", "edition"}, {"equipment_share", "equip. %"}};
  for (const Pledge* p : pledges) {
    std::string head = p->series == Series::kEquipmentShare ? "eq. " + ShortNumber(p->target) + "%"
                                                            : ShortNumber(p->target) + "%";
    r.columns.push_back({p->id, head, 2, "meets"});
  }
  if (any_national) {
    r.columns.push_back({"national_pledge", "own pledge"});
    r.columns.push_back({"national_target", "target"});
    r.columns.push_back({"national_deadline", "by"});
    r.columns.push_back({"national_basis", "basis"});
    r.columns.push_back({"national_share", "% GDP"});
    r.columns.push_back({"national_gap_pp", "gap pp"});
    r.columns.push_back({"national_met", "met"});
  }
  struct Line {
    std::vector<Value> cells;
    Lookup::State state;
    double share;
    std::string name;
  };
  std::vector<Line> lines;
  EditionsUsed used;
  std::map<std::string, std::vector<std::string>> meeting;  // pledge → names
  std::map<std::string, int> with_data;
  std::vector<std::string> no_data, not_reported;
  for (const std::string& code : *members) {
    Lookup share = d.book.Find(Series::kShareGdp, basis, code, year, q.edition);
    Lookup equip = d.book.Find(Series::kEquipmentShare, basis, code, year, q.edition);
    used.Add(share.edition);
    if (equip.state == Lookup::State::kValue) used.Add(equip.edition);
    std::string name = d.names.Name(code);
    bool aggregate = d.names.IsAggregate(code);
    Line l{{code, name, static_cast<long long>(year)}, share.state, share.value, name};
    bool has = share.state == Lookup::State::kValue;
    l.cells.push_back(has ? Value(share.value) : Value());
    l.cells.push_back(has ? Value(share.estimate) : Value());
    l.cells.push_back(std::string(StateName(share.state)));
    l.cells.push_back(share.edition ? Value(share.edition->id) : Value());
    bool has_eq = equip.state == Lookup::State::kValue;
    l.cells.push_back(has_eq ? Value(equip.value) : Value());
    for (const Pledge* p : pledges) {
      bool eq = p->series == Series::kEquipmentShare;
      bool known = eq ? has_eq : has;
      if (!known) {
        l.cells.push_back(Value());
        continue;
      }
      bool met = (eq ? equip.value : share.value) >= p->target - 1e-9;
      l.cells.push_back(met);
      if (!aggregate) {
        ++with_data[p->id];
        if (met) meeting[p->id].push_back(name);
      }
    }
    if (any_national) {
      const Pledge* np = national(code);
      std::optional<Gap> g;
      if (np != nullptr) g = ComputeGap(d.book, *np, code, year, q.edition);
      if (g) used.Add(g->edition);
      l.cells.push_back(np ? Value(np->id) : Value());
      l.cells.push_back(np ? Value(np->target) : Value());
      l.cells.push_back(np ? Value(static_cast<long long>(np->deadline)) : Value());
      l.cells.push_back(g ? Value(g->basis + " " + std::to_string(g->base_year)) : Value());
      l.cells.push_back(g ? Value(g->base) : Value());
      l.cells.push_back(g ? Value(g->gap) : Value());
      l.cells.push_back(g ? Value(g->met) : Value());
    }
    if (!aggregate && share.state == Lookup::State::kNoData) no_data.push_back(name);
    if (!aggregate && share.state == Lookup::State::kNotReported) not_reported.push_back(name);
    lines.push_back(std::move(l));
  }
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    if (a.state != b.state) return a.state < b.state;
    if (a.state == Lookup::State::kValue && a.share != b.share) return a.share > b.share;
    return a.name < b.name;
  });
  for (Line& l : lines) r.rows.push_back(std::move(l.cells));

  std::map<std::string, size_t> position;  // name → row, highest share first
  for (size_t i = 0; i < lines.size(); ++i) position[lines[i].name] = i;
  for (const Pledge* p : pledges) {
    std::vector<std::string>& m = meeting[p->id];
    std::sort(m.begin(), m.end(), [&](const std::string& a, const std::string& b) {
      return position[a] < position[b];
    });
    std::string what = p->series == Series::kEquipmentShare
                           ? ShortNumber(p->target) + "% of defence spending on major equipment"
                           : ShortNumber(p->target) + "% of GDP";
    std::string line = "At or above " + what + " (" + p->id + "): " + std::to_string(m.size()) +
                       " of " + std::to_string(with_data[p->id]) + " with data";
    if (!m.empty() && m.size() <= 6) line += " (" + ListNames(m) + ")";
    r.notes.push_back(line + ".");
  }
  if (!no_data.empty()) {
    r.notes.push_back("No data (blank, or no figure yet for " + std::to_string(year) +
                      ", in the newest edition listing the country): " + ListNames(no_data) + ".");
  }
  if (!not_reported.empty()) {
    r.notes.push_back("Not reported (absent from every " + basis +
                      " edition loaded): " + ListNames(not_reported) + ".");
  }
  r.notes.push_back("est. = the publisher's estimate. Members as of " + std::to_string(year) +
                    "-12-31.");
  used.AppendTo(&r.notes);
  return r;
}

// ---- gap ----

namespace {

std::vector<std::string> Covered(const BurdenData& d, const Pledge& p) {
  return d.pledges.Covered(p, d.groups, 9999);
}

}  // namespace

Result<Report> GapReport(const BurdenData& d, const Query& q) {
  Result<const Pledge*> pr = PledgeOf(d, q);
  if (!pr.ok()) return pr.status();
  const Pledge& p = **pr;
  if (Status s = CheckEdition(d, q); !s.ok()) return s;
  if (Status s = CheckPledgeEdition(d, q, p); !s.ok()) return s;
  Result<std::vector<std::string>> countries = Countries(d, q, Covered(d, p));
  if (!countries.ok()) return countries.status();
  Report r;
  r.title = p.name + " (" + p.id + "): the gap from the last figure, and the rise it needs";
  r.columns = {{"country", "country"},
               {"name", "name"},
               {"pledge", "pledge"},
               {"target", "target", 2},
               {"deadline", "by"},
               {"year", "year"},
               {std::string(SeriesName(p.series)),
                p.series == Series::kEquipmentShare ? "equip. %" : "% GDP"},
               {"estimate", "est."},
               {"edition", "edition"},
               {"basis", "basis"},
               {"status", "status"},
               {"gap_pp", "gap pp"},
               {"years_left", "years"},
               {"yearly_rise_pp", "pp/year", 3},
               {"compound_growth_pct", "growth %/yr"},
               {"met", "met"}};
  std::vector<OrderedRow> lines;
  EditionsUsed used;
  std::vector<std::string> sentences;
  for (const std::string& code : *countries) {
    std::optional<Gap> g = ComputeGap(d.book, p, code, q.year, q.edition);
    std::string name = d.names.Name(code);
    OrderedRow l{{code, name, p.id, p.target, static_cast<long long>(p.deadline)}, 2, 0};
    if (!g) {
      for (int i = 0; i < 11; ++i) l.cells.push_back(Value());
      l.cells[10] = std::string("not reported");
      lines.push_back(std::move(l));
      continue;
    }
    used.Add(g->edition);
    l.cells.push_back(static_cast<long long>(g->base_year));
    l.cells.push_back(g->base);
    l.cells.push_back(g->estimate);
    l.cells.push_back(g->edition ? Value(g->edition->id) : Value());
    l.cells.push_back(g->basis);
    l.cells.push_back(std::string("reported"));
    l.cells.push_back(g->gap);
    l.cells.push_back(static_cast<long long>(g->years_left));
    l.cells.push_back(Num(g->yearly_rise));
    l.cells.push_back(Num(g->compound_growth));
    l.cells.push_back(g->met);
    l.order = g->met ? 1 : 0;
    l.key = g->met ? g->base : g->yearly_rise.value_or(1e9);
    lines.push_back(std::move(l));
    std::string unit = p.series == Series::kEquipmentShare ? "% of defence spending" : "% of GDP";
    std::string from = name + " stood at " + Fixed(g->base, 2) + unit + " in " +
                       std::to_string(g->base_year) + (g->estimate ? " (estimate)" : "") + ", " +
                       g->basis + " basis";
    if (g->met) {
      sentences.push_back(from + ": the " + ShortNumber(p.target) + "% target is met" +
                          (g->years_left == 0 ? " in the deadline year." : "."));
    } else if (g->yearly_rise) {
      std::string s = from + ": to reach " + ShortNumber(p.target) + "% in " +
                      std::to_string(p.deadline) + " it needs +" + Fixed(*g->yearly_rise, 3) +
                      " percentage points a year for " + std::to_string(g->years_left) + " years";
      if (g->compound_growth) {
        s += " (the share growing " + Fixed(*g->compound_growth, 2) + "% a year)";
      }
      sentences.push_back(s + ".");
    } else {
      sentences.push_back(from + ": the target was not met by the deadline, " +
                          std::to_string(p.deadline) + ".");
    }
  }
  AppendSorted(&lines, &r);
  if (countries->size() <= 3) r.notes = sentences;
  r.notes.push_back(
      "pp/year: the constant rise in percentage points that reaches the target in "
      "the deadline year; growth %/yr: the compound growth of the share that does. "
      "A pledge whose deadline has passed is judged on the deadline year's figure.");
  r.notes.push_back("Pledge: " + p.source + (p.note.empty() ? "" : " (" + p.note + ")") + ".");
  used.AppendTo(&r.notes);
  return r;
}

// ---- trend ----

Result<Report> TrendReport(const BurdenData& d, const Query& q) {
  Result<const Pledge*> pr = PledgeOf(d, q);
  if (!pr.ok()) return pr.status();
  const Pledge& p = **pr;
  if (Status s = CheckEdition(d, q); !s.ok()) return s;
  if (Status s = CheckPledgeEdition(d, q, p); !s.ok()) return s;
  if (q.window < 2) return Status::InvalidInput("--window must be at least 2 years");
  const Scenario* scenario = nullptr;
  if (!q.scenario.empty()) {
    scenario = d.scenarios.Find(q.scenario);
    if (scenario == nullptr) {
      return Status::InvalidInput("--scenario: no scenario '" + q.scenario + "'");
    }
  }
  std::vector<std::string> fallback = Covered(d, p);
  if (scenario != nullptr && q.countries.empty()) fallback = {scenario->country};
  Result<std::vector<std::string>> countries = Countries(d, q, fallback);
  if (!countries.ok()) return countries.status();
  Report r;
  r.title = p.name + " (" + p.id + "): the recent trend against the required path";
  r.columns = {{"country", "country"},
               {"name", "name"},
               {"pledge", "pledge"},
               {"target", "target"},
               {"deadline", "by"},
               {"year", "year"},
               {std::string(SeriesName(p.series)),
                p.series == Series::kEquipmentShare ? "equip. %" : "% GDP"},
               {"basis", "basis"},
               {"trend_from", "fit from"},
               {"trend_pp", "trend pp/yr", 3},
               {"required_pp", "needed pp/yr", 3},
               {"projected", "projected"},
               {"reaches", "reaches"},
               {"verdict", "verdict"}};
  if (scenario != nullptr) {
    r.columns.push_back({"scenario", "scenario"});
    r.columns.push_back({"scenario_value", "scenario %"});
    r.columns.push_back({"scenario_meets", "scenario meets"});
  }
  std::vector<OrderedRow> lines;
  EditionsUsed used;
  std::map<Trend::Verdict, std::vector<std::pair<double, std::string>>> by_verdict;
  for (const std::string& code : *countries) {
    std::optional<Trend> t = ComputeTrend(d.book, p, code, q.year, q.window, q.edition);
    std::string name = d.names.Name(code);
    OrderedRow l{{code, name, p.id, p.target, static_cast<long long>(p.deadline)}, 9, 0};
    if (!t) {
      for (int i = 0; i < 9; ++i) l.cells.push_back(Value());
      l.cells.back() = std::string("not reported");
    } else {
      used.Add(t->gap.edition);
      l.cells.push_back(static_cast<long long>(t->gap.base_year));
      l.cells.push_back(t->gap.base);
      l.cells.push_back(t->gap.basis);
      l.cells.push_back(t->slope ? Value(static_cast<long long>(t->window_from)) : Value());
      l.cells.push_back(Num(t->slope));
      l.cells.push_back(Num(t->gap.yearly_rise));
      l.cells.push_back(Num(t->projected));
      l.cells.push_back(t->reaches ? Value(static_cast<long long>(*t->reaches)) : Value());
      l.cells.push_back(std::string(VerdictName(t->verdict)));
      l.order = static_cast<int>(t->verdict);
      l.key = t->projected.value_or(t->gap.base);
      by_verdict[t->verdict].emplace_back(l.key, name);
    }
    if (scenario != nullptr) {
      if (scenario->country == code) {
        std::optional<double> v = scenario->At(p.deadline);
        l.cells.push_back(scenario->id);
        l.cells.push_back(Num(v));
        l.cells.push_back(v ? Value(*v >= p.target - 1e-9) : Value());
      } else {
        l.cells.insert(l.cells.end(), 3, Value());
      }
    }
    lines.push_back(std::move(l));
  }
  AppendSorted(&lines, &r);
  auto names = [&](Trend::Verdict v) {
    auto it = by_verdict.find(v);
    if (it == by_verdict.end() || it->second.empty()) return std::string("none");
    std::stable_sort(it->second.begin(), it->second.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> n;
    for (const auto& [key, name] : it->second) n.push_back(name);
    return ListNames(n);
  };
  r.notes.push_back("Already at " + ShortNumber(p.target) + "%: " + names(Trend::Verdict::kMet) +
                    ".");
  r.notes.push_back("On track for " + ShortNumber(p.target) + "% by " + std::to_string(p.deadline) +
                    " on their recent trend: " + names(Trend::Verdict::kOnTrack) + ".");
  r.notes.push_back("Trend: the least-squares line through the last " + std::to_string(q.window) +
                    " years with figures, carried from the last figure to the deadline year; "
                    "needed: the constant rise that reaches the target then.");
  if (scenario != nullptr) {
    r.notes.push_back("Scenario " + scenario->id + " (" + scenario->country + ", " +
                      scenario->basis + " basis): " + scenario->source);
  }
  if (!p.note.empty()) r.notes.push_back("Pledge note: " + p.note + ".");
  used.AppendTo(&r.notes);
  return r;
}

// ---- rank ----

Result<Report> RankReport(const BurdenData& d, const Query& q) {
  if (!d.groups.Known(q.group)) {
    return Status::InvalidInput("--group: no group '" + q.group + "'");
  }
  if (Status s = CheckEdition(d, q); !s.ok()) return s;
  Result<std::string> basis_or = BasisOf(d, q);
  if (!basis_or.ok()) return basis_or.status();
  std::string basis = *basis_or;
  if (Status s = CheckBasis(basis); !s.ok()) return s;
  if (Status s = CheckYear(d.book, basis, q.series, q.edition, q.year); !s.ok()) return s;
  int year = q.year != 0 ? q.year : LatestYear(d.book, basis, q.series, q.edition);
  if (year == 0) return Status::NotFound("no " + basis + " figures loaded");
  Result<std::vector<std::string>> members = Countries(d, q, d.groups.Members(q.group, year));
  if (!members.ok()) return members.status();
  std::string series(SeriesName(q.series));
  Report r;
  r.title =
      q.group + ", " + std::to_string(year) + ": ranked by " + series + " (" + basis + " basis)";
  r.columns = {{"rank", "rank"}, {"country", "country"}, {"name", "name"},      {"year", "year"},
               {series, series}, {"estimate", "est."},   {"edition", "edition"}};
  struct Line {
    std::string code, name;
    Lookup l;
  };
  std::vector<Line> lines;
  std::vector<std::string> missing;
  EditionsUsed used;
  for (const std::string& code : *members) {
    Lookup l = d.book.Find(q.series, basis, code, year, q.edition);
    if (l.state != Lookup::State::kValue) {
      missing.push_back(d.names.Name(code) + " (" + std::string(StateName(l.state)) + ")");
      continue;
    }
    used.Add(l.edition);
    lines.push_back({code, d.names.Name(code), l});
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line& a, const Line& b) { return a.l.value > b.l.value; });
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    r.rows.push_back({static_cast<long long>(i + 1), l.code, l.name, static_cast<long long>(year),
                      l.l.value, l.l.estimate, l.l.edition->id});
  }
  if (!missing.empty()) r.notes.push_back("Not ranked: " + ListNames(missing) + ".");
  used.AppendTo(&r.notes);
  return r;
}

// ---- revisions ----

Result<Report> RevisionsReport(const BurdenData& d, const Query& q) {
  if (q.countries.empty()) return Status::InvalidInput("--country is required");
  Result<std::vector<std::string>> countries = Countries(d, q, {});
  if (!countries.ok()) return countries.status();
  std::string series(SeriesName(q.series));
  Report r;
  r.title = "Revisions of " + series + (q.year ? " for " + std::to_string(q.year) : "") +
            ": each edition's figure";
  r.columns = {{"country", "country"}, {"name", "name"},           {"year", "year"},
               {"edition", "edition"}, {"publisher", "publisher"}, {"published", "published"},
               {"basis", "basis"},     {series, series},           {"estimate", "est."}};
  EditionsUsed used;
  for (const std::string& code : *countries) {
    std::set<int> years;
    if (q.year != 0) {
      years.insert(q.year);
    } else {
      for (const Edition* e : d.book.Editions()) {
        for (const Cell& c : *d.book.CellsOf(e->id)) {
          if (c.country == code && c.series == q.series) years.insert(c.year);
        }
      }
    }
    for (int y : years) {
      // A revision compares editions of one basis: SIPRI's figure is not a revision of NATO's.
      std::map<std::string, std::vector<Lookup>> by_basis;
      for (const Lookup& l : d.book.Revisions(q.series, code, y)) {
        by_basis[l.edition->basis].push_back(l);
      }
      for (const auto& [basis, revs] : by_basis) {
        if (q.year == 0 && revs.size() < 2) continue;  // without --year: only revised figures
        std::string chain;
        for (const Lookup& l : revs) {
          used.Add(l.edition);
          r.rows.push_back({code, d.names.Name(code), static_cast<long long>(y), l.edition->id,
                            l.edition->publisher, l.edition->published, l.edition->basis,
                            l.state == Lookup::State::kValue ? Value(l.value) : Value(),
                            l.estimate});
          chain += (chain.empty() ? "" : " → ") +
                   (l.state == Lookup::State::kValue ? Fixed(l.value, 2) : std::string("no data")) +
                   " (" + l.edition->id + ")";
        }
        if (revs.size() > 1) {
          r.notes.push_back(d.names.Name(code) + " " + std::to_string(y) + ", " + basis +
                            " basis: " + chain + ".");
        }
      }
    }
  }
  used.AppendTo(&r.notes);
  return r;
}

// ---- editions and pledges ----

Result<Report> EditionsReport(const BurdenData& d, const Query& q) {
  (void)q;
  Report r;
  r.title = "Editions of defence-spending figures, newest first";
  r.columns = {{"edition", "edition"}, {"publisher", "publisher"}, {"published", "published"},
               {"cutoff", "cut-off"},  {"basis", "basis"},         {"cells", "cells"},
               {"partial", "extract"}, {"shipped", "shipped"},     {"title", "title"},
               {"source", "source"}};
  for (const Edition* e : d.book.Editions()) {
    r.rows.push_back({e->id, e->publisher, e->published, e->cutoff, e->basis,
                      static_cast<long long>(d.book.CellsOf(e->id)->size()), e->partial, e->shipped,
                      e->title, e->source});
  }
  return r;
}

Result<Report> PledgesReport(const BurdenData& d, const Query& q) {
  (void)q;
  Report r;
  r.title = "Pledges";
  r.columns = {{"pledge", "pledge"}, {"applies", "applies"}, {"series", "series"},
               {"basis", "basis"},   {"target", "target"},   {"deadline", "by"},
               {"made", "made"},     {"name", "name"},       {"source", "source"},
               {"note", "note"}};
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : "|") + x;
    return s;
  };
  for (const Pledge& p : d.pledges.all()) {
    r.rows.push_back({p.id, join(p.applies), std::string(SeriesName(p.series)), join(p.basis),
                      p.target, static_cast<long long>(p.deadline), p.made, p.name, p.source,
                      p.note});
  }
  return r;
}

}  // namespace dyad::burden
