// dyad burden: defence spending against alliance and national pledges.
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli_commands.h"
#include "dyad/burden_report.h"
#include "dyad/lexicon.h"
#include "dyad/store.h"

namespace dyad::cli {

namespace {

struct BurdenFlags {
  std::string db, format = "table", edition, group = "NATO", basis, pledge, scenario,
                  series = "share_gdp", out = "-";
  std::vector<std::string> countries, pledge_files, scenario_files;
  int year = 0, window = 5;
  bool aggregates = false;
};

bool Exists(const std::string& path) {
  if (IsPostgresUri(path)) return true;  // the database says whether it holds a store
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

// "ESP,POL" and repeated flags both give a list.
std::vector<std::string> SplitCommas(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const std::string& s : in) {
    size_t start = 0;
    while (start <= s.size()) {
      size_t comma = s.find(',', start);
      std::string part =
          s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!part.empty()) out.push_back(part);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

// The shipped data, the user's pledge and scenario files, and the editions in the store. A
// store is read only when --db names one or the default one exists: a query never creates it.
std::optional<burden::BurdenData> Load(const Global& g, const BurdenFlags& f, bool* problems_seen,
                                       bool for_import = false) {
  std::vector<std::string> problems;
  burden::LoadOptions o;
  o.data_dir = g.data_dir.empty() ? DataDir() : g.data_dir;
  o.pledge_files = f.pledge_files;
  o.scenario_files = f.scenario_files;
  Result<burden::BurdenData> d = burden::LoadBurdenData(o, &problems);
  for (const std::string& p : problems) std::cerr << "dyad: " << p << "\n";
  *problems_seen = !problems.empty();
  if (!d.ok()) {
    std::cerr << "dyad: " << d.status().message() << "\n";
    return std::nullopt;
  }
  std::string db = f.db.empty() ? DefaultDb() : f.db;
  if (!f.db.empty() && !Exists(db) && !for_import) {
    std::cerr << "dyad: " << StoreNameForMessages(db)
              << ": no store there (queries never create one; `dyad burden "
                 "import` does)\n";
    return std::nullopt;
  }
  if (Exists(db)) {
    Result<std::unique_ptr<Store>> store =
        Store::Open(db, for_import ? StoreAccess::kCreate : StoreAccess::kReadOnly);
    if (!store.ok()) {
      std::cerr << "dyad: " << store.status().message() << "\n";
      return std::nullopt;
    }
    Result<std::vector<burden::EditionData>> eds = (*store)->FigureEditions();
    if (!eds.ok()) {
      std::cerr << "dyad: " << eds.status().message() << "\n";
      return std::nullopt;
    }
    for (burden::EditionData& e : *eds) {
      std::string id = e.edition.id;
      if (Status s = d->book.Add(std::move(e)); !s.ok()) {
        std::cerr << "dyad: " << StoreNameForMessages(db) << ": " << s.message() << "\n";
        *problems_seen = true;
      }
    }
  }
  return std::move(*d);
}

burden::Query QueryOf(const BurdenFlags& f) {
  burden::Query q;
  q.year = f.year;
  q.group = f.group;
  q.basis = f.basis;
  q.edition = f.edition;
  q.countries = SplitCommas(f.countries);
  q.pledge = f.pledge;
  q.series = burden::ParseSeries(f.series).value_or(burden::Series::kShareGdp);
  q.window = f.window;
  q.scenario = f.scenario;
  q.aggregates = f.aggregates;
  return q;
}

bool WriteOut(const std::string& out, const std::string& text) {
  if (out == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return true;
  }
  std::ofstream o(out, std::ios::binary);
  o << text;
  o.close();
  if (!o) {
    std::cerr << "dyad: " << out << ": cannot write\n";
    return false;
  }
  return true;
}

void AddCommon(CLI::App* c, BurdenFlags* f) {
  c->add_option("--db", f->db,
                "a store with imported editions (default $DYAD_DB or ./dyad.db if it exists)");
  c->add_option("--edition", f->edition,
                "use this edition instead of the newest (see `dyad burden editions`)");
  c->add_option("--pledges", f->pledge_files,
                "more pledges: a TSV file in the layout of data/burden/pledges.tsv");
  c->add_option("--scenarios", f->scenario_files,
                "more scenarios: a TSV file in the layout of data/burden/scenarios.tsv");
}

void AddFormat(CLI::App* c, BurdenFlags* f) {
  c->add_option("--format", f->format, "table, csv, json or markdown")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown", "md"}));
  c->add_option("-o,--out", f->out, "write to this file instead of standard output");
}

using ReportFn = Result<burden::Report> (*)(const burden::BurdenData&, const burden::Query&);

void RunReport(Global& g, const BurdenFlags& f, ReportFn fn) {
  bool problems = false;
  std::optional<burden::BurdenData> d = Load(g, f, &problems);
  if (!d) {
    g.exit_code = 2;
    return;
  }
  Result<burden::Report> r = fn(*d, QueryOf(f));
  if (!r.ok()) {
    std::cerr << "dyad: " << r.status().message() << "\n";
    g.exit_code = 1;
    return;
  }
  if (!WriteOut(f.out, burden::Render(*r, *burden::ParseFormat(f.format)))) g.exit_code = 2;
  if (problems) g.exit_code = std::max(g.exit_code, 1);
}

}  // namespace

void RegisterBurden(CLI::App& app, Global& g) {
  CLI::App* b = app.add_subcommand(
      "burden",
      "Defence spending against alliance and national pledges, every figure with its edition");
  b->require_subcommand(1);

  auto status = std::make_shared<BurdenFlags>();
  CLI::App* st = b->add_subcommand(
      "status", "Who meets each pledge in a year; no data and not reported shown as such");
  st->add_option("--year", status->year, "the year (default: the last with figures)");
  st->add_option("--group", status->group, "NATO or IP4 (groups.tsv)");
  st->add_option("--basis", status->basis,
                 "nato, sipri or national (default: nato for NATO, sipri otherwise)");
  st->add_option("--country", status->countries,
                 "only these countries (ISO alpha-3 or names, comma-separated)");
  st->add_flag("--aggregates", status->aggregates, "add NATO Total and NATO Europe and Canada");
  AddCommon(st, status.get());
  AddFormat(st, status.get());
  st->callback([status, &g] { RunReport(g, *status, burden::StatusReport); });

  auto gap = std::make_shared<BurdenFlags>();
  CLI::App* gp = b->add_subcommand(
      "gap", "How far each country is from a pledge, and the yearly rise it needs");
  gp->add_option("--pledge", gap->pledge, "a pledge id (see `dyad burden pledges`)")->required();
  gp->add_option("--country", gap->countries, "only these countries");
  gp->add_option("--year", gap->year, "use figures up to this year (default: all)");
  AddCommon(gp, gap.get());
  AddFormat(gp, gap.get());
  gp->callback([gap, &g] { RunReport(g, *gap, burden::GapReport); });

  auto trend = std::make_shared<BurdenFlags>();
  CLI::App* tr = b->add_subcommand(
      "trend", "The recent trend projected to a pledge's deadline, against the path it needs");
  tr->add_option("--pledge", trend->pledge, "a pledge id")->required();
  tr->add_option("--country", trend->countries, "only these countries");
  tr->add_option("--year", trend->year, "use figures up to this year (default: all)");
  tr->add_option("--window", trend->window, "years fitted (default 5)");
  tr->add_option("--scenario", trend->scenario,
                 "set a scenario path beside the trend (scenarios.tsv)");
  AddCommon(tr, trend.get());
  AddFormat(tr, trend.get());
  tr->callback([trend, &g] { RunReport(g, *trend, burden::TrendReport); });

  auto rank = std::make_shared<BurdenFlags>();
  CLI::App* rk = b->add_subcommand("rank", "Countries ranked by a series in a year");
  rk->add_option("--year", rank->year, "the year (default: the last with figures)");
  rk->add_option("--series", rank->series,
                 "share_gdp, equipment_share, real_change, usd_current or usd_constant")
      ->check(CLI::IsMember(
          {"share_gdp", "equipment_share", "real_change", "usd_current", "usd_constant"}));
  rk->add_option("--group", rank->group, "NATO or IP4");
  rk->add_option("--basis", rank->basis, "nato, sipri or national");
  rk->add_option("--country", rank->countries, "only these countries");
  AddCommon(rk, rank.get());
  AddFormat(rk, rank.get());
  rk->callback([rank, &g] { RunReport(g, *rank, burden::RankReport); });

  auto rev = std::make_shared<BurdenFlags>();
  CLI::App* rv = b->add_subcommand(
      "revisions", "Each edition's figure for a country: how the publisher revised it");
  rv->add_option("--country", rev->countries, "the countries")->required();
  rv->add_option("--year", rev->year, "the year (default: every year revised)");
  rv->add_option("--series", rev->series,
                 "share_gdp, equipment_share, real_change, usd_current or usd_constant")
      ->check(CLI::IsMember(
          {"share_gdp", "equipment_share", "real_change", "usd_current", "usd_constant"}));
  AddCommon(rv, rev.get());
  AddFormat(rv, rev.get());
  rv->callback([rev, &g] { RunReport(g, *rev, burden::RevisionsReport); });

  auto chart = std::make_shared<BurdenFlags>();
  CLI::App* ch = b->add_subcommand("chart", "An SVG chart of trajectories against a pledge");
  ch->add_option("--country", chart->countries, "up to 8 countries")->required();
  ch->add_option("--pledge", chart->pledge, "the pledge line and the paths it needs");
  ch->add_option("--scenario", chart->scenario, "a scenario path to draw");
  ch->add_option("--basis", chart->basis, "without a pledge: nato, sipri or national");
  ch->add_option("--series", chart->series, "without a pledge: share_gdp or equipment_share")
      ->check(CLI::IsMember({"share_gdp", "equipment_share"}));
  ch->add_option("--year", chart->year,
                 "the needed path from the figure of this year (default: the last)");
  ch->add_option("-o,--out", chart->out, "the SVG file (default: standard output)");
  AddCommon(ch, chart.get());
  ch->callback([chart, &g] {
    bool problems = false;
    std::optional<burden::BurdenData> d = Load(g, *chart, &problems);
    if (!d) {
      g.exit_code = 2;
      return;
    }
    Result<std::string> svg = burden::TrajectoryChart(*d, QueryOf(*chart));
    if (!svg.ok()) {
      std::cerr << "dyad: " << svg.status().message() << "\n";
      g.exit_code = 1;
      return;
    }
    if (!WriteOut(chart->out, *svg)) g.exit_code = 2;
    if (problems) g.exit_code = std::max(g.exit_code, 1);
  });

  auto eds = std::make_shared<BurdenFlags>();
  CLI::App* ed =
      b->add_subcommand("editions", "The editions loaded, newest first, with their provenance");
  AddCommon(ed, eds.get());
  AddFormat(ed, eds.get());
  ed->callback([eds, &g] { RunReport(g, *eds, burden::EditionsReport); });

  auto pls = std::make_shared<BurdenFlags>();
  CLI::App* pl = b->add_subcommand("pledges", "The pledges loaded");
  AddCommon(pl, pls.get());
  AddFormat(pl, pls.get());
  pl->callback([pls, &g] { RunReport(g, *pls, burden::PledgesReport); });

  // ---- import ----
  struct ImportFlags {
    std::string file, db, edition, publisher, title, published, cutoff, basis, source,
        layout = "wide", series = "share_gdp", value_column;
    bool partial = false;
  };
  auto imf = std::make_shared<ImportFlags>();
  CLI::App* im = b->add_subcommand("import",
                                   "Store an edition of figures: a NATO table "
                                   "(country,2014,…,2025e) or SIPRI's sheet saved as CSV");
  im->add_option("FILE", imf->file, "the CSV table")->required()->check(CLI::ExistingFile);
  im->add_option("--edition", imf->edition, "an id for the edition, e.g. nato-2026-06")->required();
  im->add_option("--published", imf->published, "publication date, YYYY-MM-DD")->required();
  im->add_option("--publisher", imf->publisher,
                 "NATO, SIPRI, or a ministry (default: from --layout)");
  im->add_option("--title", imf->title, "the publication's title");
  im->add_option("--cutoff", imf->cutoff, "data cut-off date");
  im->add_option("--basis", imf->basis, "nato, sipri or national (default: from --layout)");
  im->add_option("--source", imf->source, "where the table comes from (a URL or citation)");
  im->add_option("--layout", imf->layout, "wide (NATO), sipri-sheet, or long (country,year,value)")
      ->check(CLI::IsMember({"wide", "sipri-sheet", "long"}));
  im->add_option("--series", imf->series,
                 "share_gdp, equipment_share, real_change, usd_current, usd_constant")
      ->check(CLI::IsMember(
          {"share_gdp", "equipment_share", "real_change", "usd_current", "usd_constant"}));
  im->add_option("--value-column", imf->value_column,
                 "long layout: the column holding the figures");
  im->add_flag("--partial", imf->partial, "the table quotes part of an edition");
  im->add_option("--db", imf->db, kDbHelp);
  im->callback([imf, &g] {
    if (!burden::IsPartialDate(imf->published) || imf->published.size() == 4) {
      std::cerr << "dyad: --published: '" << imf->published << "' is not YYYY-MM-DD or YYYY-MM\n";
      g.exit_code = 2;
      return;
    }
    if (imf->edition.empty() || imf->edition.find_first_of(" \t") != std::string::npos) {
      std::cerr << "dyad: --edition: give the edition an id without spaces, e.g. nato-2026-06\n";
      g.exit_code = 2;
      return;
    }
    BurdenFlags target;
    target.db = imf->db;  // the store written to, read too if it exists
    bool problems = false;
    std::optional<burden::BurdenData> d = Load(g, target, &problems, /*for_import=*/true);
    if (!d) {
      g.exit_code = 2;
      return;
    }
    const burden::Edition* shipped = d->book.FindEdition(imf->edition);
    if (shipped != nullptr && shipped->shipped) {
      std::cerr << "dyad: --edition: '" << imf->edition
                << "' is an edition dyad ships; give the import its own id\n";
      g.exit_code = 2;
      return;
    }
    burden::TableSpec spec;
    spec.layout = *burden::ParseLayout(imf->layout);
    spec.series = *burden::ParseSeries(imf->series);
    spec.value_column = imf->value_column;
    std::vector<std::string> table_problems;
    Result<std::vector<burden::Cell>> cells =
        burden::ReadFigureTable(imf->file, spec, d->names, &table_problems);
    for (const std::string& p : table_problems) std::cerr << "dyad: " << p << "\n";
    if (!cells.ok()) {
      std::cerr << "dyad: " << cells.status().message() << " (the store is unchanged)\n";
      g.exit_code = 1;
      return;
    }
    burden::EditionData data;
    burden::Edition& e = data.edition;
    e.id = imf->edition;
    bool sipri = spec.layout == burden::Layout::kSipriSheet;
    e.publisher = !imf->publisher.empty() ? imf->publisher : sipri ? "SIPRI" : "NATO";
    e.basis = !imf->basis.empty() ? imf->basis : sipri ? "sipri" : "nato";
    if (e.basis != "nato" && e.basis != "sipri" && e.basis != "national") {
      std::cerr << "dyad: --basis: '" << e.basis << "' is not nato, sipri or national\n";
      g.exit_code = 2;
      return;
    }
    e.title = !imf->title.empty() ? imf->title : imf->file;
    e.published = imf->published;
    e.cutoff = imf->cutoff;
    e.source = !imf->source.empty() ? imf->source : imf->file;
    e.partial = imf->partial;
    data.cells = std::move(*cells);
    std::string db = imf->db.empty() ? DefaultDb() : imf->db;
    Result<std::unique_ptr<Store>> store = Store::Open(db);
    if (!store.ok()) {
      std::cerr << "dyad: " << store.status().message() << "\n";
      g.exit_code = 2;
      return;
    }
    size_t n = data.cells.size();
    Result<FigureImportReport> r = (*store)->AddFigures(data);
    if (!r.ok()) {
      std::cerr << "dyad: " << imf->file << ": " << r.status().message()
                << " (the store is unchanged)\n";
      g.exit_code = 1;
      return;
    }
    std::printf("%s: edition %s, %s, %zu cells: %d stored, %d already held%s\n", imf->file.c_str(),
                e.id.c_str(), std::string(burden::SeriesName(spec.series)).c_str(), n, r->added,
                r->unchanged, r->new_edition ? " (new edition)" : "");
  });
}

}  // namespace dyad::cli
