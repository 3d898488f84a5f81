// The analysis layer: how a relationship moves period by period, over the events in the store
// (coded by dyad or imported from GDELT or ICEWS). The CLI (`dyad series`) and the HTTP API call
// these functions.
//
//   Result<std::vector<DayCount>> days = store->DailyCounts(query_for_PRK_RUS, "PRK");
//   DyadSeries s = BuildSeries(*days, Period::kQuarter, from, to);
#ifndef DYAD_ANALYSIS_H_
#define DYAD_ANALYSIS_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"

namespace dyad {

enum class Period { kWeek, kMonth, kQuarter, kYear };
std::string_view PeriodName(Period p);  // "week", "month", "quarter", "year"
std::optional<Period> ParsePeriod(std::string_view s);
// The period holding `d`: weeks run Monday to Sunday (ISO 8601), quarters from January, April,
// July and October.
DateSpan PeriodOf(const Date& d, Period p);
// How a period is named in a table: "2024-W25", "2024-06", "2024-Q2", "2024".
std::string PeriodLabel(const DateSpan& period, Period p);

// The events of one day between two sides, one way, in one quad class: what the store counts
// (Store::DailyCounts), and what every series is built from.
struct DayCount {
  Date day;              // the event's first day: an event of a month or a year counts there
  bool forward = false;  // from the first side to the second (for one side: it is the source)
  int quad_class = 0;    // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
                         // 4 material conflict
  long long events = 0;
  double goldstein = 0;     // the sum of the events' Goldstein weights
  double goldstein_sq = 0;  // the sum of their squares (the spread within a period)
};

// One period of a dyad's series. Counts are of events; "forward" runs from the first side to
// the second.
struct SeriesPoint {
  DateSpan period;
  long long forward = 0, backward = 0, total = 0;
  std::array<long long, 5> quad{};  // quad[1..4]: events by quad class
  double goldstein_sum = 0;
  double goldstein_mean = 0;  // 0 for a period without events
  double goldstein_sq = 0;    // Σ of the squared weights: the spread within the period
  long long cooperation = 0;  // quad classes 1 and 2
  long long conflict = 0;     // quad classes 3 and 4
  // The dyad's events as a share of all the events each side takes part in during the period
  // (so a dyad's rise is told apart from more coverage of one side); 0 when the side has none.
  double share_a = 0, share_b = 0;
};

struct DyadSeries {
  std::string a, b;  // the sides as queried (codes)
  Period by = Period::kMonth;
  std::vector<SeriesPoint> points;  // every period from `from` to `to`, empty ones as zeros
};

// The series of one dyad from its daily counts, every period between `from` and `to` (the
// periods holding them) present, in order. `a_days`/`b_days` (may be empty): the daily counts of
// all events of each side, for the shares.
DyadSeries BuildSeries(const std::string& a, const std::string& b,
                       const std::vector<DayCount>& days, Period by, const Date& from,
                       const Date& to, const std::vector<DayCount>& a_days = {},
                       const std::vector<DayCount>& b_days = {});

// Where the level of a count series shifts: PELT (Killick, Fearnhead and Eckley, "Optimal
// detection of changepoints with a linear computational cost", JASA 107, 2012) with the Poisson
// cost of a segment, 2·Σ(λ̂ − yᵢ·log λ̂) = 2·(S − S·log(S/m)) for a segment of m periods summing
// to S (λ̂ = S/m; 0 when S = 0), and the penalty β = 3·log(n) per change unless one is given
// (the modified BIC's weight, Zhang and Siegmund 2007: a change adds its place and a new rate;
// 2·log(n) found false changes in steady monthly counts). Segments are at least `min_length`
// periods long.
// Returns the indexes where a new level begins, in order.
std::vector<size_t> ChangePointsPoisson(const std::vector<double>& counts, double penalty = -1,
                                        size_t min_length = 2);

struct LevelShift {
  size_t index = 0;   // the first period of the new level
  double before = 0;  // the mean count per period of the segment before
  double after = 0;   // and of the segment from `index` on
};
// The shifts of a series at the given change points: each with the means of its two segments.
std::vector<LevelShift> LevelShifts(const std::vector<double>& counts,
                                    const std::vector<size_t>& changes);

// Where the tone of a dyad shifts: the mean Goldstein weight of its events, by PELT with the
// Gaussian cost of a segment at its own mean, each event one observation. With n_i events
// summing to S_i in period i, a segment costs (Σ S_i²/n_i − (Σ S_i)²/Σ n_i) / σ²: the spread
// of the period means around the segment's, weighted by their events (the spread within a
// period is the same for every segmentation, so it drops out). σ² is the pooled variance of
// the events within their periods, at least 1 (Goldstein weights are coarse: a dyad whose
// events share one code would otherwise split on a single stray event). Periods without events
// weigh nothing. The observations are the events, so the penalty is 3·log(N events) per change
// unless one is given (the modified BIC's weight, as for counts); segments are at least
// `min_length` periods long.
// Returns the indexes where a new tone begins, in order.
std::vector<size_t> ChangePointsGoldstein(const DyadSeries& s, double penalty = -1,
                                          size_t min_length = 2);
// The shifts at the given change points, `before` and `after` the mean Goldstein weight per
// event of the two segments.
std::vector<LevelShift> GoldsteinShifts(const DyadSeries& s, const std::vector<size_t>& changes);

// The series drawn as a self-contained SVG line chart, readable in a brief: one line per dyad
// (`measure` is events, forward, backward, cooperation, conflict, goldstein_sum or
// goldstein_mean), each dyad's level shifts (ChangePointsGoldstein for goldstein_mean,
// ChangePointsPoisson over its event counts otherwise) marked
// as dashed verticals, the title naming the data and the period, and `source` under the plot.
std::string SeriesChart(const std::vector<DyadSeries>& series, const std::string& measure,
                        const std::string& title, const std::string& source);

}  // namespace dyad

#endif  // DYAD_ANALYSIS_H_
