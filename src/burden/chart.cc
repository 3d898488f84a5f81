// Trajectories against a pledge, drawn as a self-contained SVG line chart.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "burden/numbers.h"
#include "core/svg.h"
#include "dyad/burden_report.h"

namespace dyad::burden {

namespace {

using svg::kPalette;
std::string Xml(std::string_view s) { return svg::Escape(s); }
std::string F(double v) { return svg::Num(v); }

struct Frame {
  double left = 64, top = 48, width = 600, height = 360;
  int x0 = 2014, x1 = 2035;
  double y1 = 5;
  double X(double year) const { return left + (year - x0) * width / (x1 - x0); }
  double Y(double v) const { return top + height - v * height / y1; }
};

std::string Polyline(const Frame& f, const std::vector<std::pair<int, double>>& pts,
                     const std::string& colour, const std::string& extra, const char* width = "2") {
  std::string s = "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" + width +
                  "\"" + extra + " points=\"";
  for (size_t i = 0; i < pts.size(); ++i) {
    s += (i ? " " : "") + F(f.X(pts[i].first)) + "," + F(f.Y(pts[i].second));
  }
  return s + "\"/>\n";
}

}  // namespace

Result<std::string> TrajectoryChart(const BurdenData& d, const Query& q) {
  const Pledge* p = nullptr;
  if (!q.pledge.empty()) {
    p = d.pledges.Find(q.pledge);
    if (p == nullptr) return Status::InvalidInput("--pledge: no pledge '" + q.pledge + "'");
  }
  const Scenario* scenario = nullptr;
  if (!q.scenario.empty()) {
    scenario = d.scenarios.Find(q.scenario);
    if (scenario == nullptr) {
      return Status::InvalidInput("--scenario: no scenario '" + q.scenario + "'");
    }
  }
  std::vector<std::string> countries;
  for (const std::string& c : q.countries) {
    std::optional<std::string> code = d.names.Find(c);
    if (!code) return Status::InvalidInput("--country: unknown country '" + c + "'");
    countries.push_back(*code);
  }
  if (countries.empty() && scenario != nullptr) countries.push_back(scenario->country);
  if (countries.empty()) {
    return Status::InvalidInput("name the countries to draw with --country (up to 8)");
  }
  if (countries.size() > 8) return Status::InvalidInput("a chart holds at most 8 countries");
  Series series = p != nullptr ? p->series : q.series;
  if (series != Series::kShareGdp && series != Series::kEquipmentShare) {
    return Status::InvalidInput("a chart draws share_gdp or equipment_share, not " +
                                std::string(SeriesName(series)));
  }

  // One line per country and basis: figures of different bases are never joined, but a
  // country measured on two (SIPRI's history, the government's budget) shows both.
  struct Line {
    std::string code, name, basis;
    size_t colour = 0;
    bool secondary = false;  // a country's second basis: thinner, hollow points
    std::vector<std::pair<int, double>> actual, estimated;  // estimated joins the last actual
    std::optional<Gap> gap;  // on the line whose basis the pledge measures first
  };
  std::vector<Line> lines;
  std::vector<const Edition*> used;
  int first = 9999, last = 0;
  double top = p != nullptr ? p->target : 0;
  for (size_t ci = 0; ci < countries.size(); ++ci) {
    const std::string& code = countries[ci];
    std::vector<std::string> bases =
        p != nullptr ? p->basis : std::vector<std::string>{q.basis.empty() ? "nato" : q.basis};
    if (!q.edition.empty()) {
      const Edition* e = d.book.FindEdition(q.edition);
      if (e == nullptr) return Status::InvalidInput("--edition: no edition '" + q.edition + "'");
      bases = {e->basis};
    }
    std::optional<Gap> gap;
    if (p != nullptr) gap = ComputeGap(d.book, *p, code, q.year, q.edition);
    size_t before = lines.size();
    for (const std::string& basis : bases) {
      if (d.book.LastYear(series, basis, code, 2100, q.edition) == 0) continue;
      Line l{code, d.names.Name(code), basis, ci, lines.size() > before, {}, {}, std::nullopt};
      for (int y = 1990; y <= 2100; ++y) {
        Lookup k = d.book.Find(series, basis, code, y, q.edition);
        if (k.state != Lookup::State::kValue) continue;
        if (std::find(used.begin(), used.end(), k.edition) == used.end()) {
          used.push_back(k.edition);
        }
        if (k.estimate) {
          if (l.estimated.empty() && !l.actual.empty()) l.estimated.push_back(l.actual.back());
          l.estimated.emplace_back(y, k.value);
        } else {
          l.actual.emplace_back(y, k.value);
        }
        first = std::min(first, y);
        last = std::max(last, y);
        top = std::max(top, k.value);
      }
      if (gap && gap->basis == basis) l.gap = gap;
      lines.push_back(std::move(l));
    }
    if (lines.size() == before) {
      return Status::NotFound(d.names.Name(code) + ": no figures on the " +
                              (bases.empty() ? std::string("chosen") : bases.front()) + " basis");
    }
    if (lines.size() - before > 1) {
      for (size_t i = before; i < lines.size(); ++i) lines[i].name += ", " + lines[i].basis;
    }
  }
  if (scenario != nullptr) {
    for (auto [y, v] : scenario->points) {
      first = std::min(first, y);
      last = std::max(last, y);
      top = std::max(top, v);
    }
  }
  Frame f;
  f.x0 = q.year != 0 && q.year < last ? std::min(first, q.year) : first;
  f.x1 = std::max(last, p != nullptr ? p->deadline : last);
  if (f.x1 == f.x0) ++f.x1;
  double step = top > 12 ? 5 : top > 6 ? 2 : top > 3 ? 1 : 0.5;
  if (series != Series::kShareGdp) step = top > 40 ? 10 : 5;
  f.y1 = std::ceil(top * 1.08 / step) * step;
  if (f.y1 <= 0) f.y1 = step;

  // Tall enough for the legend and one line per source under the plot.
  const double W = 940, H = std::max(500.0, f.top + f.height + 44 + 13.0 * (used.size() + 1) + 12);
  std::string unit = series == Series::kShareGdp ? "% of GDP" : "% of defence spending";
  std::string title = p != nullptr ? p->name : "Defence spending, " + unit;
  std::string s;
  s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + F(W) +
       "\" height=\"" + F(H) + "\" viewBox=\"0 0 " + F(W) + " " + F(H) +
       "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  s += "<title>" + Xml(title) + "</title>\n";
  s += "<rect x=\"0\" y=\"0\" width=\"" + F(W) + "\" height=\"" + F(H) + "\" fill=\"#ffffff\"/>\n";
  s += "<text x=\"" + F(f.left) + "\" y=\"24\" font-size=\"15\" font-weight=\"bold\">" +
       Xml(title) + "</text>\n";
  // Axes and grid.
  s += "<g class=\"grid\" stroke=\"#dddddd\" stroke-width=\"1\">\n";
  for (double v = 0; v <= f.y1 + 1e-9; v += step) {
    s += "<line x1=\"" + F(f.left) + "\" y1=\"" + F(f.Y(v)) + "\" x2=\"" + F(f.left + f.width) +
         "\" y2=\"" + F(f.Y(v)) + "\"/>\n";
  }
  s += "</g>\n<g class=\"axes\" fill=\"#333333\">\n";
  for (double v = 0; v <= f.y1 + 1e-9; v += step) {
    char lab[32];
    std::snprintf(lab, sizeof lab, step < 1 ? "%.1f" : "%.0f", v);
    s += "<text x=\"" + F(f.left - 8) + "\" y=\"" + F(f.Y(v) + 4) + "\" text-anchor=\"end\">" +
         lab + "</text>\n";
  }
  int xstep = f.x1 - f.x0 > 12 ? 2 : 1;
  for (int y = f.x0; y <= f.x1; y += xstep) {
    s += "<text x=\"" + F(f.X(y)) + "\" y=\"" + F(f.top + f.height + 18) +
         "\" text-anchor=\"middle\">" + std::to_string(y) + "</text>\n";
  }
  s += "<text x=\"16\" y=\"" + F(f.top + f.height / 2) + "\" transform=\"rotate(-90 16 " +
       F(f.top + f.height / 2) + ")\" text-anchor=\"middle\">" + Xml(unit) + "</text>\n";
  s += "<line x1=\"" + F(f.left) + "\" y1=\"" + F(f.top + f.height) + "\" x2=\"" +
       F(f.left + f.width) + "\" y2=\"" + F(f.top + f.height) + "\" stroke=\"#333333\"/>\n";
  s += "<line x1=\"" + F(f.left) + "\" y1=\"" + F(f.top) + "\" x2=\"" + F(f.left) + "\" y2=\"" +
       F(f.top + f.height) + "\" stroke=\"#333333\"/>\n</g>\n";
  // The pledge line, from the year it was made (or the chart's start) to its deadline.
  if (p != nullptr) {
    int from = std::max(f.x0, std::stoi(p->made.substr(0, 4)));
    s += "<g class=\"pledge\">\n<line x1=\"" + F(f.X(from)) + "\" y1=\"" + F(f.Y(p->target)) +
         "\" x2=\"" + F(f.X(p->deadline)) + "\" y2=\"" + F(f.Y(p->target)) +
         "\" stroke=\"#C00000\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>\n";
    s += "<text x=\"" + F(f.X(from) + 4) + "\" y=\"" + F(f.Y(p->target) - 6) +
         "\" fill=\"#C00000\">" +
         Xml(p->id + ": " + ShortNumber(p->target) + "% by " + std::to_string(p->deadline)) +
         "</text>\n</g>\n";
  }
  // Each country: figures, estimates dashed, and the path it needs.
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    std::string colour = kPalette[l.colour % 8];
    const char* weight = l.secondary ? "1.2" : "2";
    s += "<g class=\"country\" data-country=\"" + l.code + "\" data-basis=\"" + l.basis + "\">\n";
    if (l.actual.size() >= 2) s += Polyline(f, l.actual, colour, "", weight);
    if (l.estimated.size() >= 2) {
      s += Polyline(f, l.estimated, colour, " stroke-dasharray=\"5 3\"", weight);
    }
    for (const auto* pts : {&l.actual, &l.estimated}) {
      for (auto [y, v] : *pts) {
        s += "<circle cx=\"" + F(f.X(y)) + "\" cy=\"" + F(f.Y(v)) + "\" r=\"" +
             (l.secondary ? "3" : "2.5") + "\" fill=\"" + (l.secondary ? "#ffffff" : colour) +
             "\" stroke=\"" + colour + "\"/>\n";
      }
    }
    if (l.gap && !l.gap->met && l.gap->years_left > 0) {
      s += "<line class=\"required\" x1=\"" + F(f.X(l.gap->base_year)) + "\" y1=\"" +
           F(f.Y(l.gap->base)) + "\" x2=\"" + F(f.X(p->deadline)) + "\" y2=\"" + F(f.Y(p->target)) +
           "\" stroke=\"" + colour +
           "\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\" opacity=\"0.8\"/>\n";
    }
    s += "</g>\n";
  }
  if (scenario != nullptr) {
    s += "<g class=\"scenario\">\n" +
         Polyline(f, scenario->points, "#555555", " stroke-dasharray=\"10 3 2 3\"") + "</g>\n";
  }
  // Legend.
  double lx = f.left + f.width + 20, ly = f.top + 4;
  s += "<g class=\"legend\">\n";
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    std::string label = l.name;
    const auto& tail = !l.estimated.empty() ? l.estimated : l.actual;
    if (!tail.empty()) {
      char buf[96];
      std::snprintf(buf, sizeof buf, " %.2f%% (%d%s)", tail.back().second, tail.back().first,
                    &tail == &l.estimated ? "e" : "");
      label += buf;
    }
    s += "<line x1=\"" + F(lx) + "\" y1=\"" + F(ly) + "\" x2=\"" + F(lx + 18) + "\" y2=\"" + F(ly) +
         "\" stroke=\"" + kPalette[l.colour % 8] + "\" stroke-width=\"" +
         (l.secondary ? "1.5" : "3") + "\"/>\n";
    s += "<text x=\"" + F(lx + 24) + "\" y=\"" + F(ly + 4) + "\">" + Xml(label) + "</text>\n";
    ly += 20;
  }
  if (scenario != nullptr) {
    s += "<line x1=\"" + F(lx) + "\" y1=\"" + F(ly) + "\" x2=\"" + F(lx + 18) + "\" y2=\"" + F(ly) +
         "\" stroke=\"#555555\" stroke-width=\"2\" stroke-dasharray=\"10 3 2 3\"/>\n";
    s += "<text x=\"" + F(lx + 24) + "\" y=\"" + F(ly + 4) + "\">" +
         Xml("scenario " + scenario->id) + "</text>\n";
    ly += 20;
  }
  ly += 8;
  for (const char* key : {"solid: reported", "dashed: estimate", "dotted: path needed"}) {
    s += "<text x=\"" + F(lx) + "\" y=\"" + F(ly) + "\" fill=\"#555555\">" + key + "</text>\n";
    ly += 16;
  }
  s += "</g>\n";
  // Sources, one line each.
  double sy = f.top + f.height + 44;
  s += "<g class=\"sources\" font-size=\"10\" fill=\"#555555\">\n";
  for (const Edition* e : used) {
    std::string line = "Source: " + e->publisher + ", " + e->title + ", published " + e->published +
                       " (" + e->id + ", " + e->basis + " basis)";
    s += "<text x=\"" + F(f.left) + "\" y=\"" + F(sy) + "\">" + Xml(line) + "</text>\n";
    sy += 13;
  }
  if (p != nullptr) {
    s += "<text x=\"" + F(f.left) + "\" y=\"" + F(sy) + "\">" + Xml("Pledge: " + p->source) +
         "</text>\n";
  }
  s += "</g>\n</svg>\n";
  return s;
}

}  // namespace dyad::burden
