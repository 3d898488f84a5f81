// Spending pledges, alliance membership and scenario paths as data, and the arithmetic of
// meeting a pledge: the gap, the constant yearly rise and the compound growth it needs, and the
// recent trend set against the required path.
//
// Pledges (data/burden/pledges.tsv), groups (groups.tsv) and scenarios (scenarios.tsv) are TSV an
// analyst edits; a user's own files of the same layout add to the shipped ones. Loading checks
// every row and reports "file:line: …".
#ifndef DYAD_PLEDGE_H_
#define DYAD_PLEDGE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/burden.h"
#include "dyad/status.h"

namespace dyad::burden {

struct Pledge {
  std::string id;                    // hague-core
  std::string name;                  // The Hague: 3.5% of GDP on core defence by 2035
  std::vector<std::string> applies;  // a group (NATO, IP4) or ISO alpha-3 codes
  Series series = Series::kShareGdp;
  std::vector<std::string> basis;  // figures that measure it, preferred first
  double target = 0;               // percent, met at or above
  int deadline = 0;                // the year it must be met in
  std::string made;                // YYYY-MM-DD, YYYY-MM or YYYY
  std::string source, note;
};

// Alliance and partner groups with the day each member joined.
class Groups {
 public:
  static Result<Groups> Load(const std::string& path, std::vector<std::string>* problems);
  bool Known(std::string_view group) const;
  // Members in `year` (joined on or before its last day), in file order.
  std::vector<std::string> Members(std::string_view group, int year) const;
  std::vector<std::string> Names() const;

 private:
  struct Member {
    std::string group, iso3, joined;
  };
  std::vector<Member> members_;
};

class Pledges {
 public:
  // Adds the pledges of a file; an id already held, an unknown group or country, a series other
  // than share_gdp or equipment_share, a deadline before the pledge was made are problems.
  Status Load(const std::string& path, const Groups& groups, const TableNames& names,
              std::vector<std::string>* problems);
  const Pledge* Find(std::string_view id) const;
  const std::vector<Pledge>& all() const { return pledges_; }
  // The states a pledge covers in `year`.
  std::vector<std::string> Covered(const Pledge& p, const Groups& groups, int year) const;

 private:
  std::vector<Pledge> pledges_;
};

// A spending path: points by year, linear between them.
struct Scenario {
  std::string id, country, basis, source;
  std::vector<std::pair<int, double>> points;  // by year
  // The path's value in `year`, or nothing outside its first and last year.
  std::optional<double> At(int year) const;
};

class Scenarios {
 public:
  Status Load(const std::string& path, const TableNames& names, std::vector<std::string>* problems);
  const Scenario* Find(std::string_view id) const;
  const std::vector<Scenario>& all() const { return scenarios_; }

 private:
  std::vector<Scenario> scenarios_;
};

// How far a country is from a pledge, from its last reported figure.
struct Gap {
  int base_year = 0;  // the year of the figure
  double base = 0;    // percent
  bool estimate = false;
  const Edition* edition = nullptr;
  std::string basis;   // the basis used
  double gap = 0;      // target - base, percentage points (≤ 0: met)
  int years_left = 0;  // deadline - base_year
  bool met = false;    // base ≥ target
  // Needed each year to reach the target in the deadline year; nothing when met or when the
  // deadline is not after the base year.
  std::optional<double> yearly_rise;      // constant rise, percentage points a year
  std::optional<double> compound_growth;  // growth of the share, percent a year
};

// The pledge's gap for a country, using the first of the pledge's bases with a figure in or
// before `until` and the deadline year (a pledge whose deadline has passed is judged on the
// deadline year's figure); nothing when no basis has one.
std::optional<Gap> ComputeGap(const FigureBook& book, const Pledge& p, std::string_view country,
                              int until, std::string_view edition = "");

// YYYY, YYYY-MM or YYYY-MM-DD, each a real date: how publication and pledge dates are written
// when the day (or month) is not known.
bool IsPartialDate(std::string_view s);

// The recent trend against the path the pledge requires.
struct Trend {
  Gap gap;
  int window_from = 0;              // first year of the fit
  std::optional<double> slope;      // least-squares slope over the window, pp a year
  std::optional<double> projected;  // base + slope × years_left: the value in the deadline year
  std::optional<int> reaches;       // the year the trend reaches the target, if ever by 2100
  enum class Verdict { kMet, kOnTrack, kOffTrack, kNoTrend };
  Verdict verdict = Verdict::kNoTrend;
};
std::string_view VerdictName(Trend::Verdict v);  // met, on track, off track, no trend

// Fits the last `window` years with values up to the gap's base year (at least two needed), on
// the first of the pledge's bases that has two such years; a trend never mixes bases.
std::optional<Trend> ComputeTrend(const FigureBook& book, const Pledge& p, std::string_view country,
                                  int until, int window, std::string_view edition = "");

}  // namespace dyad::burden

#endif  // DYAD_PLEDGE_H_
