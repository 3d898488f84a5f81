// Calendar dates and the spans events occupy.
//
// A Date is a proleptic Gregorian civil date. A DateSpan is the inclusive range [begin, end]
// an event is known to fall in, with the precision the text gave it: "2024년 6월 19일" is a
// one-day span of day precision, "6월" the whole month with month precision, "11월 말" the
// last ten days of November, also month precision.
#ifndef DYAD_DATE_H_
#define DYAD_DATE_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace dyad {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // Days since 1970-01-01 (negative before).
  long ToDays() const;
  static Date FromDays(long days);
  static bool IsValid(int y, int m, int d);
  static int DaysInMonth(int y, int m);
  // Parses exactly "YYYY-MM-DD"; nullopt on anything else or an impossible date.
  static std::optional<Date> Parse(std::string_view iso);
  // A bound of a range of dates as a query gives it: "YYYY-MM-DD", or "YYYY-MM" and "YYYY" for
  // their first day (or their last when `end`); nullopt on anything else.
  static std::optional<Date> ParseBound(std::string_view s, bool end);

  std::string ToIso() const;  // "YYYY-MM-DD"
  Date AddDays(long n) const { return FromDays(ToDays() + n); }
  bool valid() const { return IsValid(year, month, day); }

  auto operator<=>(const Date&) const = default;
};

enum class DatePrecision { kDay, kMonth, kYear };

std::string_view PrecisionName(DatePrecision p);  // "day", "month", "year"
std::optional<DatePrecision> ParsePrecision(std::string_view s);

struct DateSpan {
  Date begin;
  Date end;  // inclusive; begin <= end
  DatePrecision precision = DatePrecision::kDay;

  static DateSpan Day(Date d) { return {d, d, DatePrecision::kDay}; }
  static DateSpan Month(int y, int m);
  static DateSpan Year(int y);

  bool Overlaps(const DateSpan& o) const { return begin <= o.end && o.begin <= end; }
  bool Contains(const DateSpan& o) const { return begin <= o.begin && o.end <= end; }
  long Days() const { return end.ToDays() - begin.ToDays() + 1; }
  bool operator==(const DateSpan&) const = default;
};

}  // namespace dyad

#endif  // DYAD_DATE_H_
