#include <cmath>
#include <limits>

#include "dyad/analysis.h"

namespace dyad {

std::vector<size_t> ChangePointsPoisson(const std::vector<double>& y, double penalty,
                                        size_t min_length) {
  size_t n = y.size();
  if (min_length < 1) min_length = 1;
  if (n < 2 * min_length) return {};
  double beta = penalty >= 0 ? penalty : 3 * std::log(static_cast<double>(n));
  std::vector<double> sum(n + 1, 0);
  for (size_t i = 0; i < n; ++i) sum[i + 1] = sum[i] + std::max(0.0, y[i]);
  // The Poisson deviance of y[s..t) at its own mean.
  auto cost = [&](size_t s, size_t t) {
    double total = sum[t] - sum[s];
    if (total <= 0) return 0.0;
    return 2 * (total - total * std::log(total / static_cast<double>(t - s)));
  };
  std::vector<double> best(n + 1, std::numeric_limits<double>::infinity());
  std::vector<size_t> last(n + 1, 0);
  best[0] = -beta;
  std::vector<size_t> candidates;  // the pruned set R of PELT
  for (size_t t = min_length; t <= n; ++t) {
    // A segment may end at t only if it began min_length or more periods before.
    if (t >= min_length) candidates.push_back(t - min_length);
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
    // Pruning: a start that cannot be best now never will be (the deviance cost adds
    // nothing when a segment is split, so K = 0).
    std::vector<size_t> kept;
    for (size_t k = 0; k < candidates.size(); ++k)
      if (!std::isfinite(f[k]) || f[k] - beta <= best[t]) kept.push_back(candidates[k]);
    candidates.swap(kept);
  }
  std::vector<size_t> out;
  for (size_t t = n; t > 0 && last[t] > 0; t = last[t]) out.insert(out.begin(), last[t]);
  return out;
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

}  // namespace dyad
