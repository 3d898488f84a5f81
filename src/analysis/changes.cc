#include <algorithm>
#include <cmath>
#include <limits>

#include "dyad/analysis.h"

namespace dyad {

namespace {

// PELT over n observations: `cost(s, t)` is the cost of the segment [s, t), and splitting a
// segment never raises its cost (so the pruning constant K is 0). Returns where each new
// segment begins.
template <typename Cost>
std::vector<size_t> Pelt(size_t n, const Cost& cost, double beta, size_t min_length) {
  if (min_length < 1) min_length = 1;
  if (n < 2 * min_length) return {};
  std::vector<double> best(n + 1, std::numeric_limits<double>::infinity());
  std::vector<size_t> last(n + 1, 0);
  best[0] = -beta;
  std::vector<size_t> candidates;  // the pruned set R of PELT
  for (size_t t = min_length; t <= n; ++t) {
    // A segment may end at t only if it began min_length or more periods before.
    candidates.push_back(t - min_length);
    std::vector<double> f(candidates.size());
    for (size_t k = 0; k < candidates.size(); ++k) {
      size_t s = candidates[k];
      if (!std::isfinite(best[s])) {
        f[k] = std::numeric_limits<double>::infinity();
        continue;
      }
      f[k] = best[s] + cost(s, t) + beta;
      if (f[k] < best[t]) best[t] = f[k], last[t] = s;
    }
    // Pruning: a start that cannot be best now never will be.
    std::vector<size_t> kept;
    for (size_t k = 0; k < candidates.size(); ++k)
      if (!std::isfinite(f[k]) || f[k] - beta <= best[t]) kept.push_back(candidates[k]);
    candidates.swap(kept);
  }
  std::vector<size_t> out;
  for (size_t t = n; t > 0 && last[t] > 0; t = last[t]) out.insert(out.begin(), last[t]);
  return out;
}

double DefaultPenalty(double penalty, size_t n) {
  return penalty >= 0 ? penalty : 3 * std::log(static_cast<double>(std::max<size_t>(n, 1)));
}

}  // namespace

std::vector<size_t> ChangePointsPoisson(const std::vector<double>& y, double penalty,
                                        size_t min_length) {
  size_t n = y.size();
  std::vector<double> sum(n + 1, 0);
  for (size_t i = 0; i < n; ++i) sum[i + 1] = sum[i] + std::max(0.0, y[i]);
  // The Poisson deviance of y[s..t) at its own mean.
  auto cost = [&](size_t s, size_t t) {
    double total = sum[t] - sum[s];
    if (total <= 0) return 0.0;
    return 2 * (total - total * std::log(total / static_cast<double>(t - s)));
  };
  return Pelt(n, cost, DefaultPenalty(penalty, n), min_length);
}

std::vector<size_t> ChangePointsGoldstein(const DyadSeries& series, double penalty,
                                          size_t min_length) {
  const std::vector<SeriesPoint>& p = series.points;
  size_t n = p.size();
  // Prefix sums of the events, their weights and Σ S_i²/n_i; the pooled variance within periods.
  std::vector<double> events(n + 1, 0), sum(n + 1, 0), between(n + 1, 0);
  double within = 0, total_events = 0, periods_with_events = 0;
  for (size_t i = 0; i < n; ++i) {
    double k = static_cast<double>(p[i].total), s = p[i].goldstein_sum;
    events[i + 1] = events[i] + k;
    sum[i + 1] = sum[i] + s;
    between[i + 1] = between[i] + (k > 0 ? s * s / k : 0);
    if (k > 0) {
      within += std::max(0.0, p[i].goldstein_sq - s * s / k);
      total_events += k, periods_with_events += 1;
    }
  }
  double dof = total_events - periods_with_events;
  double variance = std::max(1.0, dof > 0 ? within / dof : 0);
  auto cost = [&](size_t s, size_t t) {
    double k = events[t] - events[s];
    if (k <= 0) return 0.0;
    double total = sum[t] - sum[s];
    return std::max(0.0, between[t] - between[s] - total * total / k) / variance;
  };
  // The observations are the events: the modified BIC's weight on their number.
  double beta = penalty >= 0 ? penalty : 3 * std::log(std::max(total_events, 2.0));
  return Pelt(n, cost, beta, min_length);
}

std::vector<LevelShift> LevelShifts(const std::vector<double>& y,
                                    const std::vector<size_t>& changes) {
  std::vector<size_t> bounds{0};
  bounds.insert(bounds.end(), changes.begin(), changes.end());
  bounds.push_back(y.size());
  auto mean = [&](size_t s, size_t t) {
    double total = 0;
    for (size_t i = s; i < t; ++i) total += y[i];
    return t > s ? total / static_cast<double>(t - s) : 0;
  };
  std::vector<LevelShift> out;
  for (size_t i = 1; i + 1 < bounds.size(); ++i)
    out.push_back({bounds[i], mean(bounds[i - 1], bounds[i]), mean(bounds[i], bounds[i + 1])});
  return out;
}

std::vector<LevelShift> GoldsteinShifts(const DyadSeries& s, const std::vector<size_t>& changes) {
  std::vector<size_t> bounds{0};
  bounds.insert(bounds.end(), changes.begin(), changes.end());
  bounds.push_back(s.points.size());
  auto mean = [&](size_t from, size_t to) {
    double total = 0, events = 0;
    for (size_t i = from; i < to && i < s.points.size(); ++i)
      total += s.points[i].goldstein_sum, events += static_cast<double>(s.points[i].total);
    return events > 0 ? total / events : 0;
  };
  std::vector<LevelShift> out;
  for (size_t i = 1; i + 1 < bounds.size(); ++i)
    out.push_back({bounds[i], mean(bounds[i - 1], bounds[i]), mean(bounds[i], bounds[i + 1])});
  return out;
}

}  // namespace dyad
