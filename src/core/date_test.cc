#include "dyad/date.h"

#include <gtest/gtest.h>

#include <random>

namespace dyad {
namespace {

// The slow obvious way: count days from 1970-01-01 one month at a time.
long SlowDays(const Date& d) {
  long n = 0;
  if (d.year >= 1970) {
    for (int y = 1970; y < d.year; ++y) n += Date::DaysInMonth(y, 2) == 29 ? 366 : 365;
  } else {
    for (int y = d.year; y < 1970; ++y) n -= Date::DaysInMonth(y, 2) == 29 ? 366 : 365;
  }
  for (int m = 1; m < d.month; ++m) n += Date::DaysInMonth(d.year, m);
  return n + d.day - 1;
}

TEST(DateTest, DaysMatchSlowCountOnRandomDates) {
  std::mt19937 rng(42);
  for (int i = 0; i < 2000; ++i) {
    int y = 1900 + static_cast<int>(rng() % 250), m = 1 + static_cast<int>(rng() % 12);
    int d = 1 + static_cast<int>(rng() % Date::DaysInMonth(y, m));
    Date date{y, m, d};
    ASSERT_EQ(date.ToDays(), SlowDays(date)) << date.ToIso();
    ASSERT_EQ(Date::FromDays(date.ToDays()), date);
  }
}

TEST(DateTest, ParseAcceptsOnlyRealIsoDates) {
  EXPECT_EQ(Date::Parse("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_FALSE(Date::Parse("2024-13-01"));
  EXPECT_FALSE(Date::Parse("2024-1-01"));
  EXPECT_FALSE(Date::Parse("20240101"));
  EXPECT_FALSE(Date::Parse("2024-01-0x"));
}

TEST(DateTest, SpansAndPrecision) {
  DateSpan m = DateSpan::Month(2024, 2);
  EXPECT_EQ(m.end, (Date{2024, 2, 29}));
  EXPECT_EQ(m.precision, DatePrecision::kMonth);
  EXPECT_TRUE(m.Contains(DateSpan::Day({2024, 2, 10})));
  EXPECT_FALSE(m.Contains(DateSpan::Day({2024, 3, 1})));
  EXPECT_EQ(DateSpan::Year(2023).Days(), 365);
  EXPECT_EQ(PrecisionName(DatePrecision::kMonth), "month");
  EXPECT_EQ(ParsePrecision("year"), DatePrecision::kYear);
}

}  // namespace
}  // namespace dyad
