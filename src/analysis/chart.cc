// A dyad series drawn as SVG: lines per dyad, level shifts marked, labelled for a brief.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/svg.h"
#include "dyad/analysis.h"

namespace dyad {

namespace {

using svg::kPalette;
std::string Xml(std::string_view s) { return svg::Escape(s); }
std::string F(double v) { return svg::Num(v); }

double Value(const SeriesPoint& p, const std::string& measure) {
  if (measure == "forward") return static_cast<double>(p.forward);
  if (measure == "backward") return static_cast<double>(p.backward);
  if (measure == "cooperation") return static_cast<double>(p.cooperation);
  if (measure == "conflict") return static_cast<double>(p.conflict);
  if (measure == "goldstein_sum") return p.goldstein_sum;
  if (measure == "goldstein_mean") return p.goldstein_mean;
  return static_cast<double>(p.total);
}

// A round step for an axis holding `span`: 1, 2 or 5 times a power of ten.
double Step(double span) {
  if (span <= 0) return 1;
  double raw = span / 5, power = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw) return m * power;
  return 10 * power;
}

}  // namespace

std::string SeriesChart(const std::vector<DyadSeries>& series, const std::string& measure,
                        const std::string& title, const std::string& source) {
  const double left = 64, top = 56, width = 640, height = 300;
  size_t n = series.empty() ? 0 : series.front().points.size();
  bool tone = measure == "goldstein_mean";
  double lo = 0, hi = 1;
  for (const DyadSeries& s : series)
    for (const SeriesPoint& p : s.points) {
      double v = Value(p, measure);
      lo = std::min(lo, v), hi = std::max(hi, v);
    }
  double step = Step(hi - lo);
  lo = std::floor(lo / step) * step, hi = std::ceil(hi / step) * step;
  auto X = [&](size_t i) {
    return left +
           (n <= 1 ? width / 2 : static_cast<double>(i) * width / static_cast<double>(n - 1));
  };
  auto Y = [&](double v) { return top + height - (v - lo) * height / (hi - lo); };
  double total_height = top + height + 70 + 18 * static_cast<double>(series.size());
  std::string o = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + F(left + width + 40) +
                  "\" height=\"" + F(total_height) +
                  "\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" "
                  "height=\"100%\" fill=\"white\"/>\n";
  o += "<text x=\"" + F(left) + "\" y=\"24\" font-size=\"15\" font-weight=\"bold\">" + Xml(title) +
       "</text>\n";
  // Grid and the y axis.
  for (double v = lo; v <= hi + step / 2; v += step) {
    o += "<line x1=\"" + F(left) + "\" x2=\"" + F(left + width) + "\" y1=\"" + F(Y(v)) +
         "\" y2=\"" + F(Y(v)) + "\" stroke=\"#ddd\"/>\n";
    o +=
        "<text x=\"" + F(left - 8) + "\" y=\"" + F(Y(v) + 4) + "\" text-anchor=\"end\">" +
        (std::fabs(v - std::round(v)) < 1e-9 ? std::to_string(static_cast<long long>(std::round(v)))
                                             : F(v)) +
        "</text>\n";
  }
  o += "<text x=\"" + F(left) + "\" y=\"" + F(top - 8) + "\" fill=\"#555\">" +
       (tone ? std::string("mean Goldstein weight of the period's events (gaps: no events)")
             : Xml(measure) + " per period") +
       "</text>\n";
  // Period labels: at most about twelve.
  size_t every = std::max<size_t>(1, (n + 11) / 12);
  for (size_t i = 0; i < n; i += every)
    o += "<text x=\"" + F(X(i)) + "\" y=\"" + F(top + height + 18) + "\" text-anchor=\"middle\">" +
         Xml(PeriodLabel(series.front().points[i].period, series.front().by)) + "</text>\n";
  // Lines, then each dyad's level shifts in its colour.
  for (size_t k = 0; k < series.size(); ++k) {
    const char* colour = kPalette[k % 8];
    const DyadSeries& s = series[k];
    if (tone) {
      // The tone of a period without events is unknown, not 0: the line breaks there, and
      // each period with events is a dot.
      for (size_t i = 0; i < s.points.size();) {
        if (s.points[i].total == 0) {
          ++i;
          continue;
        }
        size_t end = i;
        while (end < s.points.size() && s.points[end].total > 0) ++end;
        if (end - i > 1) {
          o += "<polyline fill=\"none\" stroke=\"" + std::string(colour) +
               "\" stroke-width=\"2\" points=\"";
          for (size_t j = i; j < end; ++j) {
            if (j > i) o += ' ';
            o += F(X(j)) + "," + F(Y(s.points[j].goldstein_mean));
          }
          o += "\"/>\n";
        }
        for (size_t j = i; j < end; ++j)
          o += "<circle cx=\"" + F(X(j)) + "\" cy=\"" + F(Y(s.points[j].goldstein_mean)) +
               "\" r=\"3\" fill=\"" + colour + "\"/>\n";
        i = end;
      }
    } else {
      o += "<polyline fill=\"none\" stroke=\"" + std::string(colour) +
           "\" stroke-width=\"2\" points=\"";
      for (size_t i = 0; i < s.points.size(); ++i) {
        if (i > 0) o += ' ';
        o += F(X(i)) + "," + F(Y(Value(s.points[i], measure)));
      }
      o += "\"/>\n";
    }
    std::vector<double> counts;
    for (const SeriesPoint& p : s.points) counts.push_back(static_cast<double>(p.total));
    std::vector<size_t> changes =
        measure == "goldstein_mean" ? ChangePointsGoldstein(s) : ChangePointsPoisson(counts);
    for (size_t c : changes) {
      double x = (X(c - 1) + X(c)) / 2;
      o += "<line x1=\"" + F(x) + "\" x2=\"" + F(x) + "\" y1=\"" + F(top) + "\" y2=\"" +
           F(top + height) + "\" stroke=\"" + colour + "\" stroke-dasharray=\"5,4\"/>\n";
      o += "<text x=\"" + F(x + 4) + "\" y=\"" + F(top + 12 + 14 * static_cast<double>(k)) +
           "\" fill=\"" + colour + "\">shift " + Xml(PeriodLabel(s.points[c].period, s.by)) +
           "</text>\n";
    }
    double ly = top + height + 40 + 18 * static_cast<double>(k);
    o += "<line x1=\"" + F(left) + "\" x2=\"" + F(left + 24) + "\" y1=\"" + F(ly - 4) + "\" y2=\"" +
         F(ly - 4) + "\" stroke=\"" + colour + "\" stroke-width=\"2\"/>\n";
    o += "<text x=\"" + F(left + 30) + "\" y=\"" + F(ly) + "\">" + Xml(s.a + "–" + s.b) +
         "</text>\n";
  }
  o += "<text x=\"" + F(left) + "\" y=\"" + F(total_height - 10) + "\" fill=\"#555\">" +
       Xml(source) + "</text>\n</svg>\n";
  return o;
}

}  // namespace dyad
