#include <cstdio>
#include <map>

#include "dyad/analysis.h"

namespace dyad {

std::string_view PeriodName(Period p) {
  switch (p) {
    case Period::kWeek:
      return "week";
    case Period::kMonth:
      return "month";
    case Period::kQuarter:
      return "quarter";
    case Period::kYear:
      return "year";
  }
  return "month";
}

std::optional<Period> ParsePeriod(std::string_view s) {
  for (Period p : {Period::kWeek, Period::kMonth, Period::kQuarter, Period::kYear})
    if (PeriodName(p) == s) return p;
  return std::nullopt;
}

DateSpan PeriodOf(const Date& d, Period p) {
  switch (p) {
    case Period::kWeek: {
      // 1970-01-01 was a Thursday: days since then, shifted so Monday is 0.
      long days = d.ToDays();
      long weekday = ((days + 3) % 7 + 7) % 7;
      Date monday = Date::FromDays(days - weekday);
      return {monday, monday.AddDays(6), DatePrecision::kDay};
    }
    case Period::kMonth:
      return DateSpan::Month(d.year, d.month);
    case Period::kQuarter: {
      int first = (d.month - 1) / 3 * 3 + 1;
      return {Date{d.year, first, 1}, Date{d.year, first + 2, Date::DaysInMonth(d.year, first + 2)},
              DatePrecision::kMonth};
    }
    case Period::kYear:
      return DateSpan::Year(d.year);
  }
  return DateSpan::Month(d.year, d.month);
}

std::string PeriodLabel(const DateSpan& period, Period p) {
  char buf[32];
  const Date& d = period.begin;
  switch (p) {
    case Period::kWeek: {
      // ISO week: the week's Thursday gives the year; the week number counts Thursdays.
      Date thursday = d.AddDays(3);
      long day_of_year = thursday.ToDays() - Date{thursday.year, 1, 1}.ToDays();
      std::snprintf(buf, sizeof buf, "%04d-W%02ld", thursday.year, day_of_year / 7 + 1);
      return buf;
    }
    case Period::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
      return buf;
    case Period::kQuarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%d", d.year, (d.month - 1) / 3 + 1);
      return buf;
    case Period::kYear:
      return std::to_string(d.year);
  }
  return d.ToIso();
}

DyadSeries BuildSeries(const std::string& a, const std::string& b,
                       const std::vector<DayCount>& days, Period by, const Date& from,
                       const Date& to, const std::vector<DayCount>& a_days,
                       const std::vector<DayCount>& b_days) {
  DyadSeries s{a, b, by, {}};
  // Every period from the one holding `from` to the one holding `to`: empty ones are zeros.
  std::map<Date, size_t> at;
  for (DateSpan p = PeriodOf(from, by); p.begin <= to; p = PeriodOf(p.end.AddDays(1), by)) {
    at[p.begin] = s.points.size();
    SeriesPoint point;
    point.period = p;
    s.points.push_back(point);
  }
  auto point_of = [&](const Date& day) -> SeriesPoint* {
    auto it = at.find(PeriodOf(day, by).begin);
    return it == at.end() ? nullptr : &s.points[it->second];
  };
  for (const DayCount& d : days) {
    SeriesPoint* p = point_of(d.day);
    if (p == nullptr) continue;
    (d.forward ? p->forward : p->backward) += d.events;
    p->total += d.events;
    if (d.quad_class >= 1 && d.quad_class <= 4) p->quad[d.quad_class] += d.events;
    p->goldstein_sum += d.goldstein;
    p->goldstein_sq += d.goldstein_sq;
  }
  std::vector<long long> a_total(s.points.size()), b_total(s.points.size());
  for (const auto& [side_days, totals] : {std::pair{&a_days, &a_total}, {&b_days, &b_total}})
    for (const DayCount& d : *side_days)
      if (SeriesPoint* p = point_of(d.day)) (*totals)[p - s.points.data()] += d.events;
  for (size_t i = 0; i < s.points.size(); ++i) {
    SeriesPoint& p = s.points[i];
    p.goldstein_mean = p.total > 0 ? p.goldstein_sum / static_cast<double>(p.total) : 0;
    p.cooperation = p.quad[1] + p.quad[2];
    p.conflict = p.quad[3] + p.quad[4];
    if (a_total[i] > 0) p.share_a = static_cast<double>(p.total) / static_cast<double>(a_total[i]);
    if (b_total[i] > 0) p.share_b = static_cast<double>(p.total) / static_cast<double>(b_total[i]);
  }
  return s;
}

}  // namespace dyad
