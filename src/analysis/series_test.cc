#include <gtest/gtest.h>

#include "dyad/analysis.h"

namespace dyad {
namespace {

TEST(SeriesTest, PeriodsFollowTheCalendar) {
  // 2024-06-19 was a Wednesday: its ISO week runs Monday 17 to Sunday 23 June, week 25.
  DateSpan w = PeriodOf({2024, 6, 19}, Period::kWeek);
  EXPECT_EQ(w.begin, (Date{2024, 6, 17}));
  EXPECT_EQ(w.end, (Date{2024, 6, 23}));
  EXPECT_EQ(PeriodLabel(w, Period::kWeek), "2024-W25");
  // The ISO year of a week is its Thursday's: 2024-12-30 is in 2025's first week.
  EXPECT_EQ(PeriodLabel(PeriodOf({2024, 12, 30}, Period::kWeek), Period::kWeek), "2025-W01");
  EXPECT_EQ(PeriodLabel(PeriodOf({2021, 1, 3}, Period::kWeek), Period::kWeek), "2020-W53");
  DateSpan q = PeriodOf({2024, 8, 5}, Period::kQuarter);
  EXPECT_EQ(q.begin, (Date{2024, 7, 1}));
  EXPECT_EQ(q.end, (Date{2024, 9, 30}));
  EXPECT_EQ(PeriodLabel(q, Period::kQuarter), "2024-Q3");
  EXPECT_EQ(PeriodLabel(PeriodOf({2024, 2, 29}, Period::kMonth), Period::kMonth), "2024-02");
  EXPECT_EQ(PeriodOf({2024, 2, 29}, Period::kMonth).end, (Date{2024, 2, 29}));
  EXPECT_EQ(PeriodLabel(PeriodOf({2023, 5, 1}, Period::kYear), Period::kYear), "2023");
  EXPECT_EQ(ParsePeriod("quarter"), Period::kQuarter);
  EXPECT_FALSE(ParsePeriod("fortnight"));
}

TEST(SeriesTest, EveryPeriodIsPresentAndCountsAddUp) {
  std::vector<DayCount> days = {
      {{2024, 1, 14}, true, 1, 2, 2.0},   // two statements PRK→RUS
      {{2024, 1, 16}, false, 2, 1, 3.4},  // one material cooperation RUS→PRK
      {{2024, 3, 28}, false, 3, 1, -2.0},
      {{2024, 6, 19}, true, 1, 3, 5.7},
  };
  DyadSeries s = BuildSeries("PRK", "RUS", days, Period::kMonth, {2024, 1, 1}, {2024, 6, 30});
  ASSERT_EQ(s.points.size(), 6u);  // January to June, the empty months as zeros
  const SeriesPoint& jan = s.points[0];
  EXPECT_EQ(jan.total, 3);
  EXPECT_EQ(jan.forward, 2);
  EXPECT_EQ(jan.backward, 1);
  EXPECT_EQ(jan.quad[1], 2);
  EXPECT_EQ(jan.quad[2], 1);
  EXPECT_EQ(jan.cooperation, 3);
  EXPECT_DOUBLE_EQ(jan.goldstein_sum, 5.4);
  EXPECT_DOUBLE_EQ(jan.goldstein_mean, 1.8);
  EXPECT_EQ(s.points[1].total, 0);  // February: a zero row, not missing
  EXPECT_EQ(s.points[1].goldstein_mean, 0);
  EXPECT_EQ(s.points[2].conflict, 1);
  EXPECT_EQ(s.points[5].forward, 3);
  // Days outside the periods asked for are left out.
  DyadSeries q = BuildSeries("PRK", "RUS", days, Period::kQuarter, {2024, 2, 1}, {2024, 3, 31});
  ASSERT_EQ(q.points.size(), 1u);
  EXPECT_EQ(q.points[0].total, 4);
}

TEST(SeriesTest, SharesTellARiseFromMoreCoverage) {
  std::vector<DayCount> dyad = {{{2024, 1, 5}, true, 1, 2, 0}, {{2024, 2, 5}, true, 1, 2, 0}};
  // PRK is in 4 events in January and 20 in February: the same 2 dyad events are a smaller
  // share of its events.
  std::vector<DayCount> prk = {{{2024, 1, 5}, true, 1, 4, 0}, {{2024, 2, 5}, true, 1, 20, 0}};
  DyadSeries s =
      BuildSeries("PRK", "RUS", dyad, Period::kMonth, {2024, 1, 1}, {2024, 2, 29}, prk, {});
  EXPECT_DOUBLE_EQ(s.points[0].share_a, 0.5);
  EXPECT_DOUBLE_EQ(s.points[1].share_a, 0.1);
  EXPECT_EQ(s.points[0].share_b, 0);  // no counts for RUS given
}

}  // namespace
}  // namespace dyad
