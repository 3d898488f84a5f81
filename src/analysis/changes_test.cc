#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "dyad/analysis.h"

namespace dyad {
namespace {

std::vector<double> Poisson(std::mt19937& rng, const std::vector<std::pair<int, double>>& parts) {
  std::vector<double> y;
  for (auto [n, rate] : parts) {
    std::poisson_distribution<int> d(rate);
    for (int i = 0; i < n; ++i) y.push_back(d(rng));
  }
  return y;
}

TEST(ChangesTest, RecoversAPlantedShiftWithinAPeriod) {
  // A monthly count of 3 events that rises to 12 after two years, at 20 seeds.
  int exact = 0;
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    auto y = Poisson(rng, {{24, 3.0}, {24, 12.0}});
    auto cp = ChangePointsPoisson(y);
    ASSERT_EQ(cp.size(), 1u) << "seed " << seed;
    EXPECT_LE(std::abs(static_cast<int>(cp[0]) - 24), 1) << "seed " << seed;
    exact += cp[0] == 24;
    auto shifts = LevelShifts(y, cp);
    EXPECT_LT(shifts[0].before, shifts[0].after);
  }
  EXPECT_GE(exact, 15);
}

TEST(ChangesTest, FindsARiseAndAFall) {
  std::mt19937 rng(7);
  auto y = Poisson(rng, {{20, 2.0}, {16, 10.0}, {20, 2.0}});
  auto cp = ChangePointsPoisson(y);
  ASSERT_EQ(cp.size(), 2u);
  EXPECT_LE(std::abs(static_cast<int>(cp[0]) - 20), 1);
  EXPECT_LE(std::abs(static_cast<int>(cp[1]) - 36), 1);
  auto s = LevelShifts(y, cp);
  EXPECT_GT(s[0].after, s[0].before);
  EXPECT_LT(s[1].after, s[1].before);
}

TEST(ChangesTest, NoChangeInASteadySeries) {
  int false_changes = 0;
  for (unsigned seed = 1; seed <= 50; ++seed) {
    std::mt19937 rng(seed);
    false_changes += ChangePointsPoisson(Poisson(rng, {{48, 5.0}})).size();
  }
  // The penalty 3·log(n) keeps false alarms rare: at most a few in 50 steady series.
  EXPECT_LE(false_changes, 5);
  EXPECT_TRUE(ChangePointsPoisson(std::vector<double>(30, 0)).empty());
  EXPECT_TRUE(ChangePointsPoisson({1, 9}).empty());  // too short for two segments
}

// A dyad whose events come at a steady rate while their tone moves: `tones` gives, for each run
// of periods, its length and the mean Goldstein weight of its events (spread 3).
DyadSeries Tone(std::mt19937& rng, const std::vector<std::pair<int, double>>& tones,
                double rate = 6) {
  DyadSeries s;
  std::poisson_distribution<int> count(rate);
  for (auto [n, mean] : tones) {
    std::normal_distribution<double> weight(mean, 3);
    for (int i = 0; i < n; ++i) {
      SeriesPoint p;
      p.total = count(rng);
      for (long long k = 0; k < p.total; ++k) {
        double w = std::clamp(weight(rng), -10.0, 10.0);
        p.goldstein_sum += w, p.goldstein_sq += w * w;
      }
      s.points.push_back(p);
    }
  }
  return s;
}

TEST(ChangesTest, RecoversAPlantedShiftOfToneAtASteadyCount) {
  // Cooperation (mean +3) that turns to conflict (mean −2) after 16 quarters; the number of
  // events never changes, so only the tone tells.
  int exact = 0;
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    DyadSeries s = Tone(rng, {{16, 3.0}, {16, -2.0}});
    std::vector<double> counts;
    for (const SeriesPoint& p : s.points) counts.push_back(static_cast<double>(p.total));
    EXPECT_TRUE(ChangePointsPoisson(counts).empty()) << "seed " << seed;
    auto cp = ChangePointsGoldstein(s);
    ASSERT_EQ(cp.size(), 1u) << "seed " << seed;
    EXPECT_LE(std::abs(static_cast<int>(cp[0]) - 16), 1) << "seed " << seed;
    exact += cp[0] == 16;
    auto shift = GoldsteinShifts(s, cp);
    EXPECT_NEAR(shift[0].before, 3.0, 1.0);
    EXPECT_NEAR(shift[0].after, -2.0, 1.0);
  }
  EXPECT_GE(exact, 15);
}

TEST(ChangesTest, NoShiftOfToneInASteadyDyadNorFromOneStrayEvent) {
  int false_changes = 0;
  for (unsigned seed = 1; seed <= 50; ++seed) {
    std::mt19937 rng(seed);
    false_changes += ChangePointsGoldstein(Tone(rng, {{32, 1.0}})).size();
  }
  EXPECT_LE(false_changes, 5);
  // Every event of one code, then a single strike in one quarter: the floor under σ² keeps
  // one event from making a new level.
  DyadSeries same;
  for (int i = 0; i < 24; ++i) {
    SeriesPoint p;
    p.total = 2, p.goldstein_sum = 2 * 3.4, p.goldstein_sq = 2 * 3.4 * 3.4;
    if (i == 12) p.total = 3, p.goldstein_sum += -10, p.goldstein_sq += 100;
    same.points.push_back(p);
  }
  EXPECT_TRUE(ChangePointsGoldstein(same).empty());
  // Periods without events weigh nothing: a quiet stretch is no shift.
  DyadSeries quiet;
  for (int i = 0; i < 24; ++i) {
    SeriesPoint p;
    if (i < 6 || i > 18) p.total = 4, p.goldstein_sum = 4 * 2.0, p.goldstein_sq = 4 * 5.0;
    quiet.points.push_back(p);
  }
  EXPECT_TRUE(ChangePointsGoldstein(quiet).empty());
  EXPECT_TRUE(ChangePointsGoldstein(DyadSeries{}).empty());
}

}  // namespace
}  // namespace dyad
