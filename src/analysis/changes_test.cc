#include <gtest/gtest.h>

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

}  // namespace
}  // namespace dyad
