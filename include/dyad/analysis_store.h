// The analyses over a store's events: a dyad's series, its level shifts, the alignment network
// and a triangle, each from a request to an answer. `dyad series|changes|network|triangle` and the
// HTTP API (`dyad serve`) call these, so both answer alike; each answer carries what its report
// states (the dates it covers, the penalty used, the events behind it).
//
//   SeriesRequest r{.dyads = {{"PRK", "RUS"}, {"PRK", "CHN"}}, .by = Period::kQuarter};
//   Result<SeriesAnswer> s = SeriesOf(*store, r);
#ifndef DYAD_ANALYSIS_STORE_H_
#define DYAD_ANALYSIS_STORE_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dyad/analysis.h"
#include "dyad/event.h"
#include "dyad/network.h"
#include "dyad/status.h"
#include "dyad/store.h"

namespace dyad {

struct SeriesRequest {
  // Each dyad's two sides as queries take them (ISO or CAMEO codes: PRK, RUS, NATO).
  std::vector<std::pair<std::string, std::string>> dyads;
  Period by = Period::kMonth;
  std::optional<Date> from, to;  // default: the first and the last day of the dyads' events
  std::vector<EventMode> modes = {EventMode::kActual};  // empty: every mode
  bool share = false;  // also each side's events in the period (SeriesPoint::share_a, share_b)
};

struct SeriesAnswer {
  std::vector<DyadSeries> series;  // one a dyad, in the order asked, over the same periods
  Date start, end;                 // the dates covered
};

// kNotFound, saying so, when the dyads have no events and the dates are not both given.
Result<SeriesAnswer> SeriesOf(const Store& store, const SeriesRequest& request);

// What a level shift is measured on.
enum class ShiftMeasure {
  kEvents,       // events per period (ChangePointsPoisson)
  kCooperation,  // cooperative events per period
  kConflict,     // conflictual events per period
  kTone,         // the mean Goldstein weight of the events (ChangePointsGoldstein)
};
std::optional<ShiftMeasure> ParseShiftMeasure(std::string_view s);  // events … goldstein
std::string_view ShiftMeasureName(ShiftMeasure m);

struct ChangesRequest {
  std::string a, b;
  Period by = Period::kMonth;
  std::optional<Date> from, to;
  ShiftMeasure measure = ShiftMeasure::kEvents;
  double penalty = -1;  // < 0: the method's default (docs/analysis.md)
  int evidence = 3;     // events given for each shift
};

struct Change {
  LevelShift shift;
  // The first period of the new level, and the first of it that has events (the same unless the
  // new level begins with empty periods: then the shift lies somewhere between the two).
  DateSpan period, told;
  // Events of `told`: by date, or for the tone the ones that moved it first (the most
  // conflictual of a fall, the most cooperative of a rise).
  std::vector<Event> evidence;
};

struct ChangesAnswer {
  DyadSeries series;
  std::vector<Change> changes;
  double penalty = 0;    // the penalty used per change
  long long events = 0;  // the events of the series
};

// kNotFound when the dyad has no events in the dates asked.
Result<ChangesAnswer> ChangesOf(const Store& store, const ChangesRequest& request);

struct NetworkRequest {
  std::optional<Date> from, to;  // default: every event
  NetworkOptions options;
  int evidence = 3;  // event ids behind each edge (Edge::evidence)
};

struct NetworkAnswer {
  Network network;
  // The dates covered, and the day the trend's halves split at.
  Date first, middle, last;
};

Result<NetworkAnswer> NetworkOf(const Store& store, const NetworkRequest& request);

struct TriangleAnswer {
  Triad triad;
  Date first, middle, last;
  // The weakest link's most conflictual events, up to `evidence`.
  std::vector<Event> evidence;
};

// The triad of three states in the network of the request (an edge with fewer than
// request.options.min_events events counts as missing).
Result<TriangleAnswer> TriangleOf(const Store& store, const NetworkRequest& request,
                                  const std::array<std::string, 3>& states, int evidence = 3);

}  // namespace dyad

#endif  // DYAD_ANALYSIS_STORE_H_
