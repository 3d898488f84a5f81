#include <expat.h>
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "dyad/burden_report.h"
#include "dyad/lexicon.h"
#include "dyad/store.h"
#include "testing.h"

namespace dyad::burden {
namespace {

using testing::WriteScratch;

// The shipped data, loaded once; the load must report no problem at all.
const BurdenData& Shipped() {
  static BurdenData* d = [] {
    std::vector<std::string> problems;
    Result<BurdenData> r = LoadBurdenData({DataDir(), {}, {}}, &problems);
    EXPECT_TRUE(r.ok()) << r.status().message();
    for (const std::string& p : problems) ADD_FAILURE() << p;
    return new BurdenData(std::move(*r));
  }();
  return *d;
}

// Column index by key, or -1.
int Col(const Report& r, const std::string& key) {
  for (size_t i = 0; i < r.columns.size(); ++i) {
    if (r.columns[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

const std::vector<Value>* Row(const Report& r, const std::string& iso3) {
  for (const auto& row : r.rows) {
    if (std::get<std::string>(row[Col(r, "country")]) == iso3) return &row;
  }
  return nullptr;
}

TEST(BurdenTest, StatusIn2025FromTheShippedEdition) {
  Query q;
  q.year = 2025;
  Result<Report> r = StatusReport(Shipped(), q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows.size(), 32u);  // every ally in 2025
  int share = Col(*r, "share_gdp"), status = Col(*r, "status"), core = Col(*r, "hague-core"),
      two = Col(*r, "wales-2pct");
  ASSERT_GE(share, 0);
  ASSERT_GE(core, 0);
  ASSERT_GE(two, 0);
  const auto* pol = Row(*r, "POL");
  ASSERT_NE(pol, nullptr);
  EXPECT_NEAR(std::get<double>((*pol)[share]), 4.48, 0.005);
  EXPECT_TRUE(std::get<bool>((*pol)[Col(*r, "estimate")]));  // 2025e
  std::set<std::string> at_core;
  int with_data = 0, at_two = 0;
  for (const auto& row : r->rows) {
    if (std::holds_alternative<bool>(row[core]) && std::get<bool>(row[core])) {
      at_core.insert(std::get<std::string>(row[0]));
    }
    if (std::holds_alternative<double>(row[share])) {
      ++with_data;
      at_two += std::get<bool>(row[two]);
    }
  }
  EXPECT_EQ(at_core, (std::set<std::string>{"POL", "LTU", "LVA"}));
  EXPECT_EQ(with_data, 30);
  EXPECT_EQ(at_two, 30);
  EXPECT_EQ(std::get<std::string>((*Row(*r, "DEU"))[status]), "no data");
  EXPECT_EQ(std::get<std::string>((*Row(*r, "ISL"))[status]), "not reported");
  // Names as NATO's table writes them where table_names.tsv says so.
  EXPECT_EQ(std::get<std::string>((*Row(*r, "TUR"))[Col(*r, "name")]), "Türkiye");
  EXPECT_TRUE(std::holds_alternative<std::monostate>((*Row(*r, "DEU"))[share]));
  // Sorted by share: Poland first, then Lithuania and Latvia.
  EXPECT_EQ(std::get<std::string>(r->rows[0][0]), "POL");
  EXPECT_EQ(std::get<std::string>(r->rows[1][0]), "LTU");
  EXPECT_EQ(std::get<std::string>(r->rows[2][0]), "LVA");
  // The source of every figure is named.
  std::string notes;
  for (const std::string& n : r->notes) notes += n + "\n";
  EXPECT_NE(notes.find("Defence Expenditure of NATO Countries (2014-2025)"), std::string::npos);
  EXPECT_NE(notes.find("3 of 30 with data (Poland, Lithuania, Latvia)"), std::string::npos);
}

TEST(BurdenTest, MembershipFollowsAccession) {
  Query q;
  q.year = 2022;  // before Finland (2023) and Sweden (2024)
  Result<Report> r = StatusReport(Shipped(), q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rows.size(), 30u);
  EXPECT_EQ(Row(*r, "FIN"), nullptr);
  EXPECT_EQ(Row(*r, "SWE"), nullptr);
}

TEST(BurdenTest, SpainsGapToTheHagueCorePledge) {
  const Pledge* p = Shipped().pledges.Find("hague-core");
  ASSERT_NE(p, nullptr);
  std::optional<Gap> g = ComputeGap(Shipped().book, *p, "ESP", 0);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->base_year, 2025);
  EXPECT_TRUE(g->estimate);
  EXPECT_EQ(g->basis, "nato");
  EXPECT_NEAR(g->base, 2.000015259, 1e-9);
  EXPECT_EQ(g->years_left, 10);
  EXPECT_NEAR(g->gap, 1.5, 1e-4);
  ASSERT_TRUE(g->yearly_rise.has_value());
  EXPECT_NEAR(*g->yearly_rise, 0.15, 1e-5);
  ASSERT_TRUE(g->compound_growth.has_value());
  // (3.5 / 2.000015)^(1/10) - 1
  EXPECT_NEAR(*g->compound_growth, (std::pow(3.5 / 2.000015259, 0.1) - 1) * 100, 1e-9);
  EXPECT_FALSE(g->met);

  Query q;
  q.pledge = "hague-core";
  q.countries = {"ESP"};
  Result<Report> r = GapReport(Shipped(), q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_NEAR(std::get<double>(r->rows[0][Col(*r, "yearly_rise_pp")]), 0.15, 1e-5);
  EXPECT_NE(r->notes[0].find("+0.150 percentage points a year for 10 years"), std::string::npos)
      << r->notes[0];
}

TEST(BurdenTest, KoreaIsMeasuredOnItsNationalBudget) {
  const Pledge* p = Shipped().pledges.Find("kor-3.5");
  ASSERT_NE(p, nullptr);
  std::optional<Gap> g = ComputeGap(Shipped().book, *p, "KOR", 0);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->basis, "national");
  EXPECT_EQ(g->base_year, 2025);
  EXPECT_NEAR(g->gap, 1.18, 1e-9);
  EXPECT_NEAR(*g->yearly_rise, 0.118, 1e-9);
  // A trend needs two years: the national basis has one, so the trend is SIPRI's, never a mix.
  std::optional<Trend> t = ComputeTrend(Shipped().book, *p, "KOR", 0, 5);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->gap.basis, "sipri");
  EXPECT_EQ(t->gap.base_year, 2024);
  EXPECT_EQ(t->window_from, 2020);
  // The ministry's path reaches the target in the deadline year.
  const Scenario* s = Shipped().scenarios.Find("kor-mnd-path");
  ASSERT_NE(s, nullptr);
  EXPECT_NEAR(*s->At(2035), 3.5, 1e-9);
  EXPECT_NEAR(*s->At(2028), (2.54 + 2.76) / 2, 1e-9);  // linear between 2027 and 2029
  EXPECT_FALSE(s->At(2036).has_value());
}

TEST(BurdenTest, EditionsCoexistAndTheNewestWins) {
  const FigureBook& book = Shipped().book;
  Lookup newest = book.Find(Series::kShareGdp, "nato", "POL", 2024);
  ASSERT_EQ(newest.state, Lookup::State::kValue);
  EXPECT_NEAR(newest.value, 3.79, 0.005);
  EXPECT_EQ(newest.edition->id, "nato-2025-08");
  Lookup june = book.Find(Series::kShareGdp, "nato", "POL", 2024, "nato-2024-06");
  EXPECT_NEAR(june.value, 4.12, 1e-9);
  std::vector<Lookup> revs = book.Revisions(Series::kShareGdp, "POL", 2024);
  ASSERT_EQ(revs.size(), 3u);
  EXPECT_NEAR(revs[0].value, 4.12, 1e-9);
  EXPECT_NEAR(revs[1].value, 4.07, 1e-9);
  EXPECT_NEAR(revs[2].value, 3.79, 0.005);
  // A partial edition that does not list a country leaves it to the full one.
  Lookup spain = book.Find(Series::kShareGdp, "nato", "ESP", 2024);
  EXPECT_EQ(spain.edition->id, "nato-2025-08");

  // A newer edition added later does not replace the older one.
  FigureBook b;
  Edition old_ed{"t-1", "NATO", "t", "2024-06-01", "", "nato", "", false, false};
  Edition new_ed{"t-2", "NATO", "t", "2025-06-01", "", "nato", "", false, false};
  ASSERT_TRUE(b.Add({old_ed, {{"POL", Series::kShareGdp, 2024, 4.1, true}}}).ok());
  ASSERT_TRUE(b.Add({new_ed, {{"POL", Series::kShareGdp, 2024, 3.8, false}}}).ok());
  EXPECT_NEAR(b.Find(Series::kShareGdp, "nato", "POL", 2024).value, 3.8, 1e-12);
  EXPECT_NEAR(b.Find(Series::kShareGdp, "nato", "POL", 2024, "t-1").value, 4.1, 1e-12);
  // The same edition with another figure for a cell it holds is refused.
  Status s = b.Add({old_ed, {{"POL", Series::kShareGdp, 2024, 4.2, true}}});
  EXPECT_FALSE(s.ok());
  EXPECT_NEAR(b.Find(Series::kShareGdp, "nato", "POL", 2024, "t-1").value, 4.1, 1e-12);
}

TEST(BurdenTest, WideTablesAreTakenWholeOrNotAtAll) {
  const TableNames& names = Shipped().names;
  std::string good = WriteScratch("burden/good.csv",
                                  "\xEF\xBB\xBF\"country\",\"2023\",\"2024e\"\n"
                                  "\"Poland\",3.27,4.1\n"
                                  "\"Türkiye\",1.5,\n"
                                  "\"NATO Total\",2.4,2.6\n");
  std::vector<std::string> problems;
  Result<std::vector<Cell>> cells = ReadFigureTable(good, {}, names, &problems);
  ASSERT_TRUE(cells.ok()) << cells.status().message();
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(cells->size(), 6u);
  EXPECT_EQ((*cells)[1].country, "POL");
  EXPECT_TRUE((*cells)[1].estimate);
  EXPECT_FALSE((*cells)[0].estimate);
  EXPECT_EQ((*cells)[2].country, "TUR");
  EXPECT_FALSE((*cells)[3].value.has_value());  // Türkiye 2024e left blank: no data
  EXPECT_EQ((*cells)[4].country, "NATO");
  EXPECT_TRUE(names.IsAggregate("NATO"));

  std::string bad = WriteScratch("burden/bad.csv",
                                 "country,2023,2024e,total\n"
                                 "Poland,3.27,4.1\n"
                                 "Freedonia,1.0,1.1\n"
                                 "Spain,1.2,n/a\n"
                                 "Poland,3.3,4.0\n");
  problems.clear();
  cells = ReadFigureTable(bad, {}, names, &problems);
  EXPECT_FALSE(cells.ok());
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_NE(problems[0].find("bad.csv:1: column 4 is headed 'total', not a year"),
            std::string::npos)
      << problems[0];
  EXPECT_NE(problems[1].find("bad.csv:3: unknown country 'Freedonia'"), std::string::npos)
      << problems[1];
  EXPECT_NE(problems[2].find("bad.csv:4: Spain, 2024e: 'n/a' is not a number"), std::string::npos)
      << problems[2];
  EXPECT_NE(problems[3].find("bad.csv:5: a second row for Poland"), std::string::npos)
      << problems[3];
}

TEST(BurdenTest, TablesAsSpreadsheetsSaveThem) {
  const TableNames& names = Shipped().names;
  // Trailing empty cells, CRLF line ends: the table as a spreadsheet saves it.
  std::string trailing = WriteScratch("burden/trailing.csv",
                                      "country,2023,2024e,,\r\nPoland,3.27,4.1,,\r\n"
                                      "Spain,1.16,1.43\r\n");
  std::vector<std::string> problems;
  Result<std::vector<Cell>> cells = ReadFigureTable(trailing, {}, names, &problems);
  ASSERT_TRUE(cells.ok()) << (problems.empty() ? "" : problems[0]);
  EXPECT_EQ(cells->size(), 4u);
  // A repeated year, a hexadecimal number, fractions for shares: refused with file:line.
  std::string repeated = WriteScratch("burden/repeated.csv", "country,2024,2024e\nPoland,1,2\n");
  problems.clear();
  EXPECT_FALSE(ReadFigureTable(repeated, {}, names, &problems).ok());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("repeated.csv:1: column 3 repeats the year 2024"), std::string::npos)
      << problems[0];
  std::string hex = WriteScratch("burden/hex.csv", "country,2024\nPoland,0x3\n");
  problems.clear();
  EXPECT_FALSE(ReadFigureTable(hex, {}, names, &problems).ok());
  EXPECT_NE(problems[0].find("hex.csv:2: Poland, 2024: '0x3' is not a number"), std::string::npos);
  std::string fractions =
      WriteScratch("burden/fractions.csv", "country,2024\nPoland,0.0412\nSpain,0.0143\n");
  problems.clear();
  EXPECT_FALSE(ReadFigureTable(fractions, {}, names, &problems).ok());
  EXPECT_NE(problems[0].find("the shares look like fractions"), std::string::npos);
}

TEST(BurdenTest, SipriSheetSavedAsCsv) {
  const TableNames& names = Shipped().names;
  std::string sheet =
      WriteScratch("burden/sipri.csv",
                   "Military expenditure by country as percentage of gross domestic product,,,,\n"
                   "\". . \"\" = data unavailable\",,,,\n"
                   ",,,,\n"
                   "Country,Notes,2022,2023,2024\n"
                   "Africa,,,,\n"
                   "North Africa,,,,\n"
                   "Algeria,\xC2\xA7,0.0209,0.0325,0.0362\n"
                   "\"Korea, South\",,0.0252,0.026,0.0256\n"
                   "South Sudan,\xE2\x80\xA0,xxx,. .,0.0301\n");
  std::vector<std::string> problems;
  TableSpec spec;
  spec.layout = Layout::kSipriSheet;
  Result<std::vector<Cell>> cells = ReadFigureTable(sheet, spec, names, &problems);
  ASSERT_TRUE(cells.ok()) << cells.status().message();
  EXPECT_TRUE(problems.empty());
  // Algeria 3, South Korea 3, South Sudan 2 (2022 did not exist: no cell).
  ASSERT_EQ(cells->size(), 8u);
  EXPECT_EQ((*cells)[3].country, "KOR");
  EXPECT_NEAR(*(*cells)[3].value, 2.52, 1e-9);  // fractions scaled to percent
  EXPECT_EQ((*cells)[6].country, "SSD");
  EXPECT_EQ((*cells)[6].year, 2023);
  EXPECT_FALSE((*cells)[6].value.has_value());

  std::string percent =
      WriteScratch("burden/sipri-pct.csv", "Country,Notes,2023,2024\nJapan,,1.2%,1.4%\n");
  cells = ReadFigureTable(percent, spec, names, &problems);
  ASSERT_TRUE(cells.ok());
  EXPECT_NEAR(*(*cells)[1].value, 1.4, 1e-9);

  std::string unknown =
      WriteScratch("burden/sipri-bad.csv", "Country,Notes,2023,2024\nAtlantis,,1.2%,1.4%\n");
  problems.clear();
  EXPECT_FALSE(ReadFigureTable(unknown, spec, names, &problems).ok());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("sipri-bad.csv:2: unknown country 'Atlantis'"), std::string::npos);

  std::string not_sheet = WriteScratch("burden/not-sheet.csv", "a,b\n1,2\n");
  Result<std::vector<Cell>> none = ReadFigureTable(not_sheet, spec, names, &problems);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("no header row starting with 'Country'"),
            std::string::npos);
}

TEST(BurdenTest, UserPledgesAndScenariosAreCheckedLineByLine) {
  std::string pledges =
      WriteScratch("burden/pledges.tsv",
                   "id\tname\tapplies\tseries\tbasis\ttarget\tdeadline\tmade\n"
                   "pol-5\tPoland: 5% in 2026\tPOL\tshare_gdp\tnato\t5\t2026\t2025-09\n"
                   "bad-target\tx\tPOL\tshare_gdp\tnato\tlots\t2030\t2025\n"
                   "bad-group\tx\tASEAN\tshare_gdp\tnato\t2\t2030\t2025\n"
                   "hague-core\tx\tNATO\tshare_gdp\tnato\t2\t2030\t2025\n"
                   "xyz\tx\tXYZ\tshare_gdp\tnato\t2\t2030\t2025\n"
                   "money\tx\tPOL\tusd_current\tnato\t2\t2030\t2025\n"
                   "backwards\tx\tPOL\tshare_gdp\tnato\t2\t2020\t2025-06\n");
  std::vector<std::string> problems;
  Result<BurdenData> d = LoadBurdenData({DataDir(), {pledges}, {}}, &problems);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(problems.size(), 6u);
  EXPECT_NE(problems[3].find("pledges.tsv:6: applies: 'XYZ'"), std::string::npos) << problems[3];
  EXPECT_NE(problems[4].find("pledges.tsv:7: series 'usd_current'"), std::string::npos);
  EXPECT_NE(problems[5].find("pledges.tsv:8: deadline 2020 is before the pledge was made"),
            std::string::npos)
      << problems[5];
  EXPECT_NE(problems[0].find("pledges.tsv:3: target 'lots' is not a percentage"), std::string::npos)
      << problems[0];
  EXPECT_NE(problems[1].find("pledges.tsv:4: applies: 'ASEAN'"), std::string::npos);
  EXPECT_NE(problems[2].find("pledges.tsv:5: pledge 'hague-core' is already defined"),
            std::string::npos);
  const Pledge* p = d->pledges.Find("pol-5");
  ASSERT_NE(p, nullptr);
  std::optional<Gap> g = ComputeGap(d->book, *p, "POL", 0);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->years_left, 1);
  EXPECT_NEAR(*g->yearly_rise, 5 - 4.480548763, 1e-9);

  std::string scen = WriteScratch("burden/scen.tsv",
                                  "scenario\tcountry\tyear\tshare_gdp\n"
                                  "esp-fast\tESP\t2025\t2.0\n"
                                  "esp-fast\tESP\t2030\t3.5\n"
                                  "esp-fast\tFRA\t2031\t3.6\n"
                                  "esp-fast\tESP\tsoon\t3.6\n");
  problems.clear();
  d = LoadBurdenData({DataDir(), {}, {scen}}, &problems);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("scen.tsv:4: scenario 'esp-fast' is for ESP, not FRA"),
            std::string::npos)
      << problems[0];
  EXPECT_NE(problems[1].find("scen.tsv:5: year 'soon' is not a year"), std::string::npos);
  EXPECT_NEAR(*d->scenarios.Find("esp-fast")->At(2027), 2.6, 1e-9);
}

TEST(BurdenTest, TrendIsTheLeastSquaresLine) {
  BurdenData d = [] {
    std::vector<std::string> problems;
    return std::move(*LoadBurdenData({DataDir(), {}, {}}, &problems));
  }();
  Edition e{"synthetic", "NATO", "t", "2030-01-01", "", "nato", "", false, false};
  EditionData data{e, {}};
  // A synthetic Spain: 1.0 in 2020 rising 0.2 a year to 2.0 in 2025.
  for (int y = 2020; y <= 2025; ++y) {
    data.cells.push_back({"ESP", Series::kShareGdp, y, 1.0 + 0.2 * (y - 2020), false});
  }
  FigureBook book;
  ASSERT_TRUE(book.Add(data).ok());
  const Pledge& core = *d.pledges.Find("hague-core");  // 3.5 by 2035
  std::optional<Trend> t = ComputeTrend(book, core, "ESP", 0, 5);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->window_from, 2021);
  EXPECT_NEAR(*t->slope, 0.2, 1e-9);
  EXPECT_NEAR(*t->projected, 4.0, 1e-9);  // 2.0 + 0.2 × 10
  EXPECT_EQ(*t->reaches, 2033);           // 2.0 + 0.2 × 8 = 3.6 ≥ 3.5; 7 years give 3.4
  EXPECT_EQ(t->verdict, Trend::Verdict::kOnTrack);
  const Pledge& total = *d.pledges.Find("hague-total");  // 5 by 2035
  t = ComputeTrend(book, total, "ESP", 0, 5);
  EXPECT_EQ(t->verdict, Trend::Verdict::kOffTrack);
  EXPECT_EQ(*t->reaches, 2040);
  // Figures up to 2022 only.
  t = ComputeTrend(book, core, "ESP", 2022, 5);
  EXPECT_EQ(t->gap.base_year, 2022);
  EXPECT_EQ(t->window_from, 2020);

  // A flat series has no slope and never "reaches" a target.
  EditionData flat{{"flat", "NATO", "t", "2030-01-01", "", "nato", "", false, false}, {}};
  for (int y = 2021; y <= 2025; ++y)
    flat.cells.push_back({"CAN", Series::kShareGdp, y, 1.37, false});
  FigureBook flat_book;
  ASSERT_TRUE(flat_book.Add(flat).ok());
  t = ComputeTrend(flat_book, core, "CAN", 0, 5);
  ASSERT_TRUE(t->slope.has_value());
  EXPECT_EQ(*t->slope, 0.0);
  EXPECT_FALSE(t->reaches.has_value());
  EXPECT_EQ(t->verdict, Trend::Verdict::kOffTrack);
}

TEST(BurdenTest, APassedDeadlineIsJudgedOnItsYear) {
  const Pledge* wales = Shipped().pledges.Find("wales-2pct");  // 2% by 2024
  std::optional<Gap> g = ComputeGap(Shipped().book, *wales, "ESP", 0);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->base_year, 2024);  // not 2025, when Spain reached 2.00
  EXPECT_FALSE(g->met);
  EXPECT_EQ(g->years_left, 0);
  EXPECT_FALSE(g->yearly_rise.has_value());
  g = ComputeGap(Shipped().book, *wales, "POL", 0);
  EXPECT_TRUE(g->met);
}

TEST(BurdenTest, RevisionsCompareOneBasisAndOnlyCellsHeld) {
  Query q;
  q.countries = {"POL"};
  Result<Report> r = RevisionsReport(Shipped(), q);
  ASSERT_TRUE(r.ok());
  // Without --year only revised figures: Poland's 2024, in three NATO editions.
  ASSERT_EQ(r->rows.size(), 3u);
  q.countries = {"KOR"};
  q.year = 2024;
  r = RevisionsReport(Shipped(), q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rows.size(), 1u);  // SIPRI's figure; the national budget has no 2024 cell
  for (const std::string& n : r->notes) EXPECT_EQ(n.find(" → "), std::string::npos) << n;
}

TEST(BurdenTest, AnEditionIsAddedWholeOrNotAtAll) {
  FigureBook b;
  Edition e{"t-1", "NATO", "t", "2024-06-01", "", "nato", "", false, false};
  ASSERT_TRUE(b.Add({e, {{"POL", Series::kShareGdp, 2024, 4.1, true}}}).ok());
  // ESP would be new, POL conflicts (the estimate flag differs): neither is taken.
  Status s = b.Add({e,
                    {{"ESP", Series::kShareGdp, 2024, 1.4, true},
                     {"POL", Series::kShareGdp, 2024, 4.1, false}}});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(b.Find(Series::kShareGdp, "nato", "ESP", 2024).state, Lookup::State::kNotReported);
  // A new edition that fails leaves no trace.
  Edition e2{"t-2", "NATO", "t", "2025-06-01", "", "nato", "", false, false};
  EXPECT_FALSE(b.Add({e2,
                      {{"ESP", Series::kShareGdp, 2024, 1.4, true},
                       {"ESP", Series::kShareGdp, 2024, 1.5, true}}})
                   .ok());
  EXPECT_EQ(b.FindEdition("t-2"), nullptr);
}

TEST(BurdenTest, QueriesRefuseWhatTheyCannotAnswer) {
  Query q;
  q.year = 1800;
  Result<Report> r = StatusReport(Shipped(), q);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("run from 2014 to 2025"), std::string::npos);
  q.year = 2024;
  q.edition = "sipri-2025-04";
  r = StatusReport(Shipped(), q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Col(*r, "hague-core"), -1);  // NATO's pledges are not scored on SIPRI's figures
  q.pledge = "hague-core";
  EXPECT_FALSE(GapReport(Shipped(), q).ok());
  q.edition = "nato-2031";
  EXPECT_FALSE(GapReport(Shipped(), q).ok());
  q.edition.clear();
  q.window = 1;
  EXPECT_FALSE(TrendReport(Shipped(), q).ok());
}

TEST(BurdenTest, JsonRowsCarryTheContractFields) {
  Query q;
  q.year = 2025;
  Result<Report> r = StatusReport(Shipped(), q);
  ASSERT_TRUE(r.ok());
  nlohmann::json j = nlohmann::json::parse(Render(*r, Format::kJson));
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 32u);
  const nlohmann::json& pol = j[0];
  EXPECT_EQ(pol["country"], "POL");
  EXPECT_EQ(pol["name"], "Poland");
  EXPECT_EQ(pol["year"], 2025);
  EXPECT_NEAR(pol["share_gdp"].get<double>(), 4.4805, 1e-4);
  EXPECT_EQ(pol["meets"]["hague-core"], true);
  EXPECT_EQ(pol["meets"]["hague-total"], false);
  bool germany = false;
  for (const auto& row : j) {
    if (row["country"] == "DEU") {
      germany = true;
      EXPECT_TRUE(row["share_gdp"].is_null());
      EXPECT_EQ(row["status"], "no data");
      EXPECT_TRUE(row["meets"]["hague-core"].is_null());
    }
  }
  EXPECT_TRUE(germany);

  std::string csv = Render(*r, Format::kCsv);
  EXPECT_EQ(csv.substr(0, csv.find('\n')).substr(0, 33), "country,name,year,share_gdp,estim");
  EXPECT_NE(csv.find("\nPOL,Poland,2025,4.480548763,true,reported,"), std::string::npos);
  std::string md = Render(*r, Format::kMarkdown);
  EXPECT_NE(md.find("| POL | Poland | 2025 | 4.48 | yes | reported |"), std::string::npos);
}

// Well-formed XML, and what the chart must hold.
struct SvgCounts {
  int svg = 0, polyline = 0, country_groups = 0, pledge = 0, text = 0, depth = 0;
  bool root_ok = false;
  std::string error;
};

TEST(BurdenTest, ChartIsValidSvg) {
  Query q;
  q.pledge = "hague-core";
  q.countries = {"POL", "ESP", "DEU"};
  Result<std::string> svg = TrajectoryChart(Shipped(), q);
  ASSERT_TRUE(svg.ok()) << svg.status().message();
  SvgCounts c;
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &c);
  XML_SetElementHandler(
      p,
      [](void* ud, const XML_Char* name, const XML_Char** attrs) {
        auto* c = static_cast<SvgCounts*>(ud);
        std::string n = name;
        if (c->depth++ == 0) {
          c->root_ok = n == "svg";
          bool xmlns = false, viewbox = false;
          for (int i = 0; attrs[i]; i += 2) {
            xmlns |= std::string(attrs[i]) == "xmlns" &&
                     std::string(attrs[i + 1]) == "http://www.w3.org/2000/svg";
            viewbox |= std::string(attrs[i]) == "viewBox";
          }
          c->root_ok = c->root_ok && xmlns && viewbox;
        }
        if (n == "polyline") {
          ++c->polyline;
          for (int i = 0; attrs[i]; i += 2) {
            std::string v = attrs[i + 1];
            if (std::string(attrs[i]) == "points" &&
                (v.find("nan") != std::string::npos || v.find("inf") != std::string::npos)) {
              c->error = "non-finite point";
            }
          }
        }
        if (n == "text") ++c->text;
        if (n == "g") {
          for (int i = 0; attrs[i]; i += 2) {
            std::string k = attrs[i], v = attrs[i + 1];
            if (k == "class" && v == "country") ++c->country_groups;
            if (k == "class" && v == "pledge") ++c->pledge;
          }
        }
      },
      [](void* ud, const XML_Char*) { --static_cast<SvgCounts*>(ud)->depth; });
  ASSERT_EQ(XML_Parse(p, svg->data(), static_cast<int>(svg->size()), 1), XML_STATUS_OK)
      << XML_ErrorString(XML_GetErrorCode(p)) << " at line " << XML_GetCurrentLineNumber(p);
  XML_ParserFree(p);
  EXPECT_TRUE(c.root_ok);
  EXPECT_EQ(c.country_groups, 3);
  EXPECT_EQ(c.pledge, 1);
  // Reported years solid and estimates dashed for each of the three.
  EXPECT_EQ(c.polyline, 6);
  EXPECT_GT(c.text, 20);  // axes, legend, title, sources
  EXPECT_EQ(c.error, "");
  EXPECT_NE(svg->find("Source: NATO, Defence Expenditure of NATO Countries (2014-2025)"),
            std::string::npos);

  q.countries = {"Freedonia"};
  EXPECT_FALSE(TrajectoryChart(Shipped(), q).ok());
  q.countries.clear();
  EXPECT_FALSE(TrajectoryChart(Shipped(), q).ok());
}

TEST(BurdenTest, StoredEditionsAreNeverOverwritten) {
  std::string path = WriteScratch("burden/figures.db", "");
  std::filesystem::remove(path);
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_TRUE(store.ok());
  Edition e{"nato-2026-06", "NATO", "Defence Expenditure", "2026-06-20", "", "nato", "",
            false,          false};
  EditionData data{e,
                   {{"POL", Series::kShareGdp, 2025, 4.3, true},
                    {"DEU", Series::kShareGdp, 2025, std::nullopt, true}}};
  Result<FigureImportReport> r = (*store)->AddFigures(data);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->new_edition);
  EXPECT_EQ(r->added, 2);
  // Again: nothing changes.
  r = (*store)->AddFigures(data);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->added, 0);
  EXPECT_EQ(r->unchanged, 2);
  // Another series of the same edition is added.
  EditionData eq{e, {{"POL", Series::kEquipmentShare, 2025, 50.0, true}}};
  ASSERT_TRUE((*store)->AddFigures(eq).ok());
  // A revised figure under the same id is refused, and nothing of that import is kept.
  EditionData revised{
      e,
      {{"ESP", Series::kShareGdp, 2025, 2.1, true}, {"POL", Series::kShareGdp, 2025, 4.4, true}}};
  r = (*store)->AddFigures(revised);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("never overwritten"), std::string::npos);
  Result<std::vector<EditionData>> back = (*store)->FigureEditions();
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0].edition.published, "2026-06-20");
  ASSERT_EQ((*back)[0].cells.size(), 3u);  // no ESP
  for (const Cell& c : (*back)[0].cells) {
    EXPECT_NE(c.country, "ESP");
    if (c.country == "DEU") EXPECT_FALSE(c.value.has_value());
    if (c.country == "POL" && c.series == Series::kShareGdp) EXPECT_NEAR(*c.value, 4.3, 1e-12);
  }
}

}  // namespace
}  // namespace dyad::burden
