#include "ko/dates_ko.h"

#include <gtest/gtest.h>

namespace dyad::ko {
namespace {

// The one date in text, resolved with the given year (and month) in force.
std::optional<DateSpan> One(std::string_view text, int year = 2024, int month = 0,
                            std::optional<DateSpan> prev = std::nullopt) {
  auto found = FindKoreanDates(text);
  EXPECT_EQ(found.size(), 1u) << text;
  if (found.size() != 1) return std::nullopt;
  return ResolveDate(found[0], year, month, prev);
}

DateSpan Span(Date a, Date b, DatePrecision p) { return {a, b, p}; }

TEST(DatesKoTest, AbsoluteForms) {
  EXPECT_EQ(One("2024년 6월 19일 평양"), DateSpan::Day({2024, 6, 19}));
  EXPECT_EQ(One("2023년 9월 러시아를", 2024), DateSpan::Month(2023, 9));
  EXPECT_EQ(One("6월에는", 2024), DateSpan::Month(2024, 6));
  EXPECT_EQ(One("2019년 블라디보스토크"), DateSpan::Year(2019));
  EXPECT_EQ(One("21일 북한이", 2023, 11), DateSpan::Day({2023, 11, 21}));
}

TEST(DatesKoTest, PartsOfMonthsAndYears) {
  EXPECT_EQ(One("11월 말에"), Span({2024, 11, 21}, {2024, 11, 30}, DatePrecision::kMonth));
  EXPECT_EQ(One("6월 초"), Span({2024, 6, 1}, {2024, 6, 10}, DatePrecision::kMonth));
  EXPECT_EQ(One("3월 하순에는"), Span({2024, 3, 21}, {2024, 3, 31}, DatePrecision::kMonth));
  EXPECT_EQ(One("2024년 상반기"), Span({2024, 1, 1}, {2024, 6, 30}, DatePrecision::kYear));
  EXPECT_EQ(One("6월 말레이시아 방문"), DateSpan::Month(2024, 6));  // 말 of 말레이시아 is no part
}

TEST(DatesKoTest, Ranges) {
  EXPECT_EQ(One("1/15~1/17 방러"), Span({2024, 1, 15}, {2024, 1, 17}, DatePrecision::kDay));
  EXPECT_EQ(One("10/28~11/6"), Span({2024, 10, 28}, {2024, 11, 6}, DatePrecision::kDay));
  EXPECT_EQ(One("10월 28일~11월 6일"), Span({2024, 10, 28}, {2024, 11, 6}, DatePrecision::kDay));
  EXPECT_EQ(One("9월 18일부터 20일까지"), Span({2024, 9, 18}, {2024, 9, 20}, DatePrecision::kDay));
  EXPECT_EQ(One("6월 13일에서 6월 15일까지"), Span({2024, 6, 13}, {2024, 6, 15}, DatePrecision::kDay));
  EXPECT_EQ(One("1970년대"), Span({1970, 1, 1}, {1979, 12, 31}, DatePrecision::kYear));
  // "이듬해" counts from the narrative's date; "이날" is the date in force.
  EXPECT_EQ(One("이듬해에 발효", 2024, 0, DateSpan::Day({1991, 12, 13})), DateSpan::Year(1992));
  EXPECT_EQ(One("이날 회담", 2024, 0, DateSpan::Day({2024, 6, 19})), DateSpan::Day({2024, 6, 19}));
  EXPECT_EQ(One("1970년대부터 1980년대에 걸쳐"), Span({1970, 1, 1}, {1989, 12, 31}, DatePrecision::kYear));
  EXPECT_EQ(One("2024 년 6 월 19 일"), Span({2024, 6, 19}, {2024, 6, 19}, DatePrecision::kDay));
  EXPECT_EQ(One("6월 13일에서 열린"), Span({2024, 6, 13}, {2024, 6, 13}, DatePrecision::kDay));
  EXPECT_EQ(One("6월 18~19일"), Span({2024, 6, 18}, {2024, 6, 19}, DatePrecision::kDay));
  EXPECT_EQ(One("12/28~1/3"), Span({2024, 12, 28}, {2025, 1, 3}, DatePrecision::kDay));
}

TEST(DatesKoTest, RelativeForms) {
  DateSpan d = DateSpan::Day({2023, 11, 21});
  EXPECT_EQ(One("이튿날 효력을", 2023, 11, d), DateSpan::Day({2023, 11, 22}));
  EXPECT_EQ(One("이틀 뒤 성명을", 2023, 11, d), DateSpan::Day({2023, 11, 23}));
  EXPECT_EQ(One("전날 밤", 2023, 11, d), DateSpan::Day({2023, 11, 20}));
  EXPECT_EQ(One("엿새 뒤 발표", 2023, 11, d), DateSpan::Day({2023, 11, 27}));
  EXPECT_EQ(One("연초 이후", 2024), (DateSpan{{2024, 1, 1}, {2024, 3, 31}, DatePrecision::kYear}));
  EXPECT_EQ(One("같은 기간 방북", 2023, 7, DateSpan::Month(2023, 7)), DateSpan::Month(2023, 7));
  EXPECT_EQ(One("지난달 방북", 2023, 7, DateSpan::Day({2023, 7, 20})), DateSpan::Month(2023, 6));
  EXPECT_EQ(One("지난해 회담", 2024, 0, std::nullopt), DateSpan::Year(2023));
  EXPECT_EQ(One("올해 들어", 2024, 0, std::nullopt), DateSpan::Year(2024));
  EXPECT_TRUE(FindKoreanDates("축전 전달").empty());  // 전달 delivers; it is not a month
  // A relative day needs a day to count from.
  EXPECT_EQ(One("이튿날", 2023, 7, DateSpan::Month(2023, 7)), std::nullopt);
}

TEST(DatesKoTest, NotDates) {
  for (const char* t : {"9·19 남북군사합의", "70주년 기념행사", "4년 만의", "제10차 회의",
                        "3일간 체류", "1만 2천 명", "3개월 동안"})
    EXPECT_TRUE(FindKoreanDates(t).empty()) << t;
}

TEST(DatesKoTest, YearlessDatesNeedAYearInForce) {
  auto found = FindKoreanDates("6월 19일");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(ResolveDate(found[0], 0, 0, std::nullopt), std::nullopt);
}

}  // namespace
}  // namespace dyad::ko
