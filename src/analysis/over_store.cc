// The analyses over a store (dyad/analysis_store.h): the queries each needs, then the analysis.
#include <algorithm>
#include <cmath>

#include "dyad/analysis_store.h"

namespace dyad {

namespace {

// The first and the last day of `q`'s events, or the dates `q` gives.
std::pair<Date, Date> Covered(const Store& store, const EventQuery& q) {
  Date first = q.from.value_or(Date{1900, 1, 1}), last = q.to.value_or(Date{2100, 12, 31});
  if (!q.from || !q.to) {
    Result<std::vector<DayCount>> all = store.DailyCounts(q);
    if (all.ok() && !all->empty()) {
      if (!q.from) first = all->front().day;
      if (!q.to) last = all->back().day;
    }
  }
  return {first, last};
}

}  // namespace

Result<SeriesAnswer> SeriesOf(const Store& store, const SeriesRequest& request) {
  if (request.dyads.empty()) return Status::InvalidInput("a series needs a dyad");
  auto counts = [&](EventQuery q) {
    q.from = request.from, q.to = request.to, q.modes = request.modes;
    return store.DailyCounts(q);
  };
  // The dyads' days first: without dates the series spans their events.
  std::vector<std::vector<DayCount>> days;
  Date first{9999, 12, 31}, last{1, 1, 1};
  for (const auto& [a, b] : request.dyads) {
    EventQuery q;
    q.side_a = a, q.side_b = b;
    Result<std::vector<DayCount>> d = counts(q);
    if (!d.ok()) return d.status();
    for (const DayCount& x : *d) first = std::min(first, x.day), last = std::max(last, x.day);
    days.push_back(std::move(d).value());
  }
  if (first > last && (!request.from || !request.to))
    return Status::NotFound(std::string("no stored events between these sides") +
                            (request.from || request.to ? " in the dates asked" : "") +
                            " (widen the dates, or check the sides with dyad events --actor)");
  SeriesAnswer out;
  out.start = request.from.value_or(first), out.end = request.to.value_or(last);
  for (size_t i = 0; i < request.dyads.size(); ++i) {
    std::vector<DayCount> a_days, b_days;
    if (request.share) {
      EventQuery qa, qb;
      qa.actor = request.dyads[i].first, qb.actor = request.dyads[i].second;
      Result<std::vector<DayCount>> da = counts(qa), db = counts(qb);
      if (!da.ok()) return da.status();
      if (!db.ok()) return db.status();
      a_days = std::move(da).value(), b_days = std::move(db).value();
    }
    out.series.push_back(BuildSeries(request.dyads[i].first, request.dyads[i].second, days[i],
                                     request.by, out.start, out.end, a_days, b_days));
  }
  return out;
}

std::optional<ShiftMeasure> ParseShiftMeasure(std::string_view s) {
  if (s == "events") return ShiftMeasure::kEvents;
  if (s == "cooperation") return ShiftMeasure::kCooperation;
  if (s == "conflict") return ShiftMeasure::kConflict;
  if (s == "goldstein") return ShiftMeasure::kTone;
  return std::nullopt;
}

std::string_view ShiftMeasureName(ShiftMeasure m) {
  switch (m) {
    case ShiftMeasure::kEvents:
      return "events";
    case ShiftMeasure::kCooperation:
      return "cooperation";
    case ShiftMeasure::kConflict:
      return "conflict";
    case ShiftMeasure::kTone:
      return "goldstein";
  }
  return "events";
}

Result<ChangesAnswer> ChangesOf(const Store& store, const ChangesRequest& request) {
  EventQuery q;
  q.side_a = request.a, q.side_b = request.b;
  q.from = request.from, q.to = request.to;
  q.modes = {EventMode::kActual};
  Result<std::vector<DayCount>> days = store.DailyCounts(q);
  if (!days.ok()) return days.status();
  if (days->empty())
    return Status::NotFound("no stored events between " + request.a + " and " + request.b +
                            (request.from || request.to ? " in the dates asked" : ""));
  ChangesAnswer out;
  Date start = request.from.value_or(days->front().day);
  Date end = request.to.value_or(days->back().day);
  out.series = BuildSeries(request.a, request.b, *days, request.by, start, end);
  const std::vector<SeriesPoint>& points = out.series.points;
  std::vector<double> y;
  for (const SeriesPoint& p : points) {
    out.events += p.total;
    y.push_back(static_cast<double>(request.measure == ShiftMeasure::kCooperation ? p.cooperation
                                    : request.measure == ShiftMeasure::kConflict  ? p.conflict
                                                                                  : p.total));
  }
  bool tone = request.measure == ShiftMeasure::kTone;
  std::vector<size_t> cps = tone ? ChangePointsGoldstein(out.series, request.penalty)
                                 : ChangePointsPoisson(y, request.penalty);
  // The penalty the method used (the defaults of dyad/analysis.h).
  out.penalty = request.penalty >= 0 ? request.penalty
                : tone               ? 3 * std::log(std::max(2.0, static_cast<double>(out.events)))
                       : 3 * std::log(static_cast<double>(std::max<size_t>(1, y.size())));
  std::vector<LevelShift> shifts = tone ? GoldsteinShifts(out.series, cps) : LevelShifts(y, cps);
  for (const LevelShift& sh : shifts) {
    Change c;
    c.shift = sh;
    c.period = points[sh.index].period;
    // The evidence comes from the first period of the new level that has events.
    size_t told = sh.index;
    while (told + 1 < points.size() && points[told].total == 0) ++told;
    c.told = points[told].period;
    EventQuery eq = q;
    eq.from = c.told.begin, eq.to = c.told.end;
    Result<std::vector<Event>> ev = store.Events(eq);
    if (!ev.ok()) return ev.status();
    if (tone)
      std::stable_sort(ev->begin(), ev->end(), [&](const Event& x, const Event& y) {
        return sh.after > sh.before ? x.goldstein > y.goldstein : x.goldstein < y.goldstein;
      });
    if (ev->size() > static_cast<size_t>(std::max(0, request.evidence)))
      ev->resize(static_cast<size_t>(std::max(0, request.evidence)));
    c.evidence = std::move(ev).value();
    out.changes.push_back(std::move(c));
  }
  return out;
}

Result<NetworkAnswer> NetworkOf(const Store& store, const NetworkRequest& request) {
  EventQuery q;
  q.from = request.from, q.to = request.to;
  q.modes = {EventMode::kActual};
  NetworkAnswer out;
  // The trend compares the two halves of the period (of the events when no dates are given).
  std::tie(out.first, out.last) = Covered(store, q);
  out.middle = Date::FromDays((out.first.ToDays() + out.last.ToDays() + 1) / 2);
  Result<PairTable> pairs = store.Pairs(q, out.middle, request.evidence);
  if (!pairs.ok()) return pairs.status();
  Result<Network> net = BuildNetwork(pairs->counts, request.options);
  if (!net.ok()) return net.status();
  AttachEvidence(*net, pairs->evidence);
  out.network = std::move(net).value();
  return out;
}

Result<TriangleAnswer> TriangleOf(const Store& store, const NetworkRequest& request,
                                  const std::array<std::string, 3>& states, int evidence) {
  NetworkRequest r = request;
  r.evidence = 0;
  Result<NetworkAnswer> n = NetworkOf(store, r);
  if (!n.ok()) return n.status();
  TriangleAnswer out;
  out.triad = AnalyseTriad(n->network, states[0], states[1], states[2]);
  out.first = n->first, out.middle = n->middle, out.last = n->last;
  // The weakest link's most conflictual events.
  const Edge& w = out.triad.edges[out.triad.weakest];
  EventQuery eq;
  eq.from = request.from, eq.to = request.to;
  eq.modes = {EventMode::kActual};
  eq.side_a = w.a, eq.side_b = w.b;
  Result<std::vector<Event>> ev = store.Events(eq);
  if (!ev.ok()) return ev.status();
  std::stable_sort(ev->begin(), ev->end(),
                   [](const Event& x, const Event& y) { return x.goldstein < y.goldstein; });
  if (ev->size() > static_cast<size_t>(std::max(0, evidence)))
    ev->resize(static_cast<size_t>(std::max(0, evidence)));
  out.evidence = std::move(ev).value();
  return out;
}

}  // namespace dyad
