#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "dyad/analysis_store.h"
#include "testing.h"

namespace dyad {
namespace {

// A store holding planted events: PRK–RUS once a month in 2020 and six times a month in 2021
// (material cooperation), PRK–USA conflict once a month in both years, KOR–USA cooperation.
std::unique_ptr<Store> Planted(const std::string& name) {
  std::vector<Event> events;
  auto add = [&](const char* a, const char* b, Date d, const char* code, double g, int quad) {
    events.push_back(testing::PlantedEvent("p-" + std::to_string(events.size() + 1), a, b, d, code,
                                           g, quad, name));
  };
  for (int year : {2020, 2021})
    for (int month = 1; month <= 12; ++month) {
      for (int k = 0; k < (year == 2020 ? 1 : 6); ++k)
        add("PRK", "RUS", {year, month, 1 + k}, "057", 8.0, 2);
      add("PRK", "USA", {year, month, 10}, "138", -7.0, 4);
      add("KOR", "USA", {year, month, 12}, "042", 1.9, 1);
    }
  return testing::PlantedStore(std::string(DYAD_TEST_TMP) + "/" + name, name, events);
}

TEST(OverStoreTest, SeriesChangesNetworkAndTriangleFromOneStore) {
  std::unique_ptr<Store> store = Planted("over_store.db");
  ASSERT_NE(store, nullptr);

  auto series = SeriesOf(*store, {.dyads = {{"PRK", "RUS"}, {"PRK", "USA"}}, .by = Period::kYear});
  ASSERT_TRUE(series.ok()) << series.status().message();
  ASSERT_EQ(series->series.size(), 2u);
  EXPECT_EQ(series->start, (Date{2020, 1, 1}));
  EXPECT_EQ(series->series[0].points.size(), 2u);
  EXPECT_EQ(series->series[0].points[0].total, 12);
  EXPECT_EQ(series->series[0].points[1].total, 72);
  EXPECT_EQ(series->series[1].points[1].total, 12);
  auto none = SeriesOf(*store, {.dyads = {{"PRK", "BRA"}}});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), Status::Code::kNotFound);

  auto changes = ChangesOf(*store, {.a = "PRK", .b = "RUS", .by = Period::kMonth, .evidence = 2});
  ASSERT_TRUE(changes.ok()) << changes.status().message();
  ASSERT_EQ(changes->changes.size(), 1u);
  const Change& c = changes->changes[0];
  EXPECT_EQ(c.period.begin, (Date{2021, 1, 1}));
  EXPECT_DOUBLE_EQ(c.shift.before, 1);
  EXPECT_DOUBLE_EQ(c.shift.after, 6);
  ASSERT_EQ(c.evidence.size(), 2u);
  EXPECT_EQ(c.evidence[0].date.begin, (Date{2021, 1, 1}));
  EXPECT_EQ(changes->events, 84);
  EXPECT_NEAR(changes->penalty, 3 * std::log(24.0), 1e-9);
  auto tone = ChangesOf(*store, {.a = "PRK", .b = "RUS", .measure = ShiftMeasure::kTone});
  ASSERT_TRUE(tone.ok());
  EXPECT_TRUE(tone->changes.empty());  // the same code throughout: no shift of tone

  auto net = NetworkOf(*store, {.options = {.min_events = 3}, .evidence = 2});
  ASSERT_TRUE(net.ok()) << net.status().message();
  EXPECT_EQ(net->network.edges.size(), 3u);
  EXPECT_EQ(net->first, (Date{2020, 1, 1}));
  for (const Edge& e : net->network.edges) EXPECT_EQ(e.evidence.size(), 2u) << e.a << e.b;
  auto year = NetworkOf(*store, {.from = Date{2021, 1, 1}, .to = Date{2021, 12, 31}});
  ASSERT_TRUE(year.ok());
  for (const Edge& e : year->network.edges)
    if (e.a == "PRK" && e.b == "RUS") EXPECT_EQ(e.events, 72);

  auto tri = TriangleOf(*store, {}, {"PRK", "RUS", "USA"}, 2);
  ASSERT_TRUE(tri.ok()) << tri.status().message();
  EXPECT_EQ(tri->triad.balance, 0);  // RUS–USA has no events
  const Edge& weakest = tri->triad.edges[tri->triad.weakest];
  EXPECT_EQ(weakest.a + weakest.b, "PRKUSA");
  ASSERT_EQ(tri->evidence.size(), 2u);
  EXPECT_EQ(tri->evidence[0].code, "138");
}

}  // namespace
}  // namespace dyad
