// Pledges, groups and scenarios as data, and the arithmetic of meeting a pledge.
#include <algorithm>
#include <cmath>
#include <set>

#include "burden/numbers.h"
#include "dyad/date.h"
#include "dyad/pledge.h"
#include "dyad/tsv.h"

namespace dyad::burden {

namespace {

// Columns a file must have; the first missing one makes a message.
std::string MissingColumn(const TsvTable& t, std::initializer_list<const char*> cols) {
  for (const char* c : cols) {
    if (t.Column(c) < 0) return t.name() + ": header must name " + c;
  }
  return "";
}

std::optional<int> Year(std::string_view s) {
  std::optional<double> v = ParseFigure(s);
  if (!v || *v != std::floor(*v) || *v < 1900 || *v > 2100) return std::nullopt;
  return static_cast<int>(*v);
}

bool IsIso3(std::string_view s) {
  return s.size() == 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

bool IsPartialDate(std::string_view s) {
  if (s.size() == 4) return Year(s).has_value();
  if (s.size() == 7) return Date::Parse(std::string(s) + "-01").has_value();
  return s.size() == 10 && Date::Parse(s).has_value();
}

// ---- Groups ----

Result<Groups> Groups::Load(const std::string& path, std::vector<std::string>* problems) {
  Result<TsvTable> t = TsvTable::Read(path);
  if (!t.ok()) return t.status();
  if (std::string m = MissingColumn(*t, {"group", "iso3", "joined"}); !m.empty()) {
    return Status::InvalidInput(m);
  }
  Groups g;
  std::set<std::pair<std::string, std::string>> seen;
  for (const TsvRow& r : t->rows()) {
    Member m{std::string(dyad::Cell(r, t->Column("group"))),
             std::string(dyad::Cell(r, t->Column("iso3"))),
             std::string(dyad::Cell(r, t->Column("joined")))};
    if (m.group.empty() || !IsIso3(m.iso3)) {
      problems->push_back(t->Where(r) + "group and an ISO alpha-3 code are required");
      continue;
    }
    if (!Date::Parse(m.joined)) {
      problems->push_back(t->Where(r) + "joined '" + m.joined + "' is not YYYY-MM-DD");
      continue;
    }
    if (!seen.emplace(m.group, m.iso3).second) {
      problems->push_back(t->Where(r) + m.iso3 + " is listed twice in " + m.group);
      continue;
    }
    g.members_.push_back(std::move(m));
  }
  return g;
}

bool Groups::Known(std::string_view group) const {
  return std::any_of(members_.begin(), members_.end(),
                     [&](const Member& m) { return m.group == group; });
}

std::vector<std::string> Groups::Members(std::string_view group, int year) const {
  std::vector<std::string> out;
  std::string last_day = std::to_string(year) + "-12-31";
  for (const Member& m : members_) {
    if (m.group == group && m.joined <= last_day) out.push_back(m.iso3);
  }
  return out;
}

std::vector<std::string> Groups::Names() const {
  std::vector<std::string> out;
  for (const Member& m : members_) {
    if (std::find(out.begin(), out.end(), m.group) == out.end()) out.push_back(m.group);
  }
  return out;
}

// ---- Pledges ----

Status Pledges::Load(const std::string& path, const Groups& groups, const TableNames& names,
                     std::vector<std::string>* problems) {
  Result<TsvTable> t = TsvTable::Read(path);
  if (!t.ok()) return t.status();
  if (std::string m = MissingColumn(
          *t, {"id", "name", "applies", "series", "basis", "target", "deadline", "made"});
      !m.empty()) {
    return Status::InvalidInput(m);
  }
  auto col = [&](const TsvRow& r, const char* name) {
    return std::string(dyad::Cell(r, t->Column(name)));
  };
  for (const TsvRow& r : t->rows()) {
    Pledge p;
    p.id = col(r, "id");
    p.name = col(r, "name");
    p.applies = SplitAlternatives(col(r, "applies"));
    p.basis = SplitAlternatives(col(r, "basis"));
    p.made = col(r, "made");
    p.source = t->Column("source") >= 0 ? col(r, "source") : "";
    p.note = t->Column("note") >= 0 ? col(r, "note") : "";
    std::optional<Series> series = ParseSeries(col(r, "series"));
    std::optional<double> target = ParseFigure(col(r, "target"));
    std::optional<int> deadline = Year(col(r, "deadline"));
    std::string bad;
    if (p.id.empty())
      bad = "id is required";
    else if (Find(p.id) != nullptr)
      bad = "pledge '" + p.id + "' is already defined";
    else if (p.applies.empty())
      bad = "applies is required (a group such as NATO, or ISO alpha-3 codes)";
    else if (!series || (*series != Series::kShareGdp && *series != Series::kEquipmentShare))
      bad = "series '" + col(r, "series") + "' is not share_gdp or equipment_share";
    else if (!target || *target <= 0 || *target > 100)
      bad = "target '" + col(r, "target") + "' is not a percentage";
    else if (!deadline)
      bad = "deadline '" + col(r, "deadline") + "' is not a year";
    else if (!IsPartialDate(p.made))
      bad = "made '" + p.made + "' is not YYYY, YYYY-MM or YYYY-MM-DD";
    for (const std::string& a : p.applies) {
      if (bad.empty() && !groups.Known(a) && !(IsIso3(a) && names.Knows(a))) {
        bad = "applies: '" + a + "' is neither a group in groups.tsv nor a known ISO alpha-3 code";
      }
    }
    for (const std::string& b : p.basis) {
      if (bad.empty() && b != "nato" && b != "sipri" && b != "national") {
        bad = "basis: '" + b + "' is not nato, sipri or national";
      }
    }
    if (bad.empty() && p.basis.empty()) bad = "basis is required (nato, sipri or national)";
    if (bad.empty() && *deadline < std::stoi(p.made.substr(0, 4))) {
      bad = "deadline " + std::to_string(*deadline) + " is before the pledge was made (" + p.made +
            ")";
    }
    if (!bad.empty()) {
      problems->push_back(t->Where(r) + bad);
      continue;
    }
    p.series = *series;
    p.target = *target;
    p.deadline = *deadline;
    pledges_.push_back(std::move(p));
  }
  return Status::Ok();
}

const Pledge* Pledges::Find(std::string_view id) const {
  for (const Pledge& p : pledges_) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

std::vector<std::string> Pledges::Covered(const Pledge& p, const Groups& groups, int year) const {
  std::vector<std::string> out;
  for (const std::string& a : p.applies) {
    if (groups.Known(a)) {
      for (std::string& m : groups.Members(a, year)) {
        if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(std::move(m));
      }
    } else if (std::find(out.begin(), out.end(), a) == out.end()) {
      out.push_back(a);
    }
  }
  return out;
}

// ---- Scenarios ----

std::optional<double> Scenario::At(int year) const {
  if (points.empty() || year < points.front().first || year > points.back().first) {
    return std::nullopt;
  }
  for (size_t i = 0; i + 1 < points.size(); ++i) {
    auto [y0, v0] = points[i];
    auto [y1, v1] = points[i + 1];
    if (year >= y0 && year <= y1) return v0 + (v1 - v0) * (year - y0) / (y1 - y0);
  }
  return points.back().second;
}

Status Scenarios::Load(const std::string& path, const TableNames& names,
                       std::vector<std::string>* problems) {
  Result<TsvTable> t = TsvTable::Read(path);
  if (!t.ok()) return t.status();
  if (std::string m = MissingColumn(*t, {"scenario", "country", "year", "share_gdp"}); !m.empty()) {
    return Status::InvalidInput(m);
  }
  std::set<std::string> known_before;
  for (const Scenario& s : scenarios_) known_before.insert(s.id);
  auto col = [&](const TsvRow& r, const char* name) {
    return t->Column(name) >= 0 ? std::string(dyad::Cell(r, t->Column(name))) : std::string();
  };
  for (const TsvRow& r : t->rows()) {
    std::string id = col(r, "scenario"), country = col(r, "country");
    std::optional<int> year = Year(col(r, "year"));
    std::optional<double> v = ParseFigure(col(r, "share_gdp"));
    std::string bad;
    if (id.empty())
      bad = "scenario is required";
    else if (known_before.count(id))
      bad = "scenario '" + id + "' is already defined in another file";
    else if (!IsIso3(country) || !names.Knows(country))
      bad = "country '" + country + "' is not a known ISO alpha-3 code";
    else if (!year)
      bad = "year '" + col(r, "year") + "' is not a year";
    else if (!v || *v < 0 || *v > 100)
      bad = "share_gdp '" + col(r, "share_gdp") + "' is not a percentage";
    Scenario* s = nullptr;
    for (Scenario& x : scenarios_) {
      if (x.id == id) s = &x;
    }
    if (bad.empty() && s != nullptr && s->country != country) {
      bad = "scenario '" + id + "' is for " + s->country + ", not " + country;
    }
    if (bad.empty() && s != nullptr) {
      for (auto& [y, _] : s->points) {
        if (y == *year) bad = "scenario '" + id + "' already has " + std::to_string(*year);
      }
    }
    if (!bad.empty()) {
      problems->push_back(t->Where(r) + bad);
      continue;
    }
    if (s == nullptr) {
      scenarios_.push_back({id, country, col(r, "basis"), col(r, "source"), {}});
      s = &scenarios_.back();
    }
    if (s->source.empty()) s->source = col(r, "source");
    s->points.emplace_back(*year, *v);
    std::sort(s->points.begin(), s->points.end());
  }
  return Status::Ok();
}

const Scenario* Scenarios::Find(std::string_view id) const {
  for (const Scenario& s : scenarios_) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

// ---- the arithmetic ----

namespace {

std::optional<Gap> GapOnBasis(const FigureBook& book, const Pledge& p, std::string_view country,
                              int until, std::string_view edition, const std::string& basis) {
  const Edition* named = edition.empty() ? nullptr : book.FindEdition(edition);
  if (named != nullptr && named->basis != basis) return std::nullopt;
  int year = book.LastYear(p.series, basis, country, until, edition);
  if (year == 0) return std::nullopt;
  Lookup l = book.Find(p.series, basis, country, year, edition);
  Gap g;
  g.base_year = year;
  g.base = l.value;
  g.estimate = l.estimate;
  g.edition = l.edition;
  g.basis = basis;
  g.gap = p.target - l.value;
  g.years_left = p.deadline - year;
  g.met = l.value >= p.target - 1e-9;
  if (!g.met && g.years_left > 0) {
    g.yearly_rise = g.gap / g.years_left;
    if (l.value > 0) {
      g.compound_growth = (std::pow(p.target / l.value, 1.0 / g.years_left) - 1) * 100;
    }
  }
  return g;
}

}  // namespace

std::optional<Gap> ComputeGap(const FigureBook& book, const Pledge& p, std::string_view country,
                              int until, std::string_view edition) {
  // A pledge is judged on the figures up to its deadline year: Wales's 2% by 2024 on 2024's.
  until = std::min(until == 0 ? 2100 : until, p.deadline);
  for (const std::string& basis : p.basis) {
    if (std::optional<Gap> g = GapOnBasis(book, p, country, until, edition, basis)) return g;
  }
  return std::nullopt;
}

namespace {

// Fits the last `window` years with figures, ending at the gap's base year, and gives the verdict.
void FitTrend(const FigureBook& book, const Pledge& p, std::string_view country, int window,
              std::string_view edition, Trend* t) {
  const Gap& gap = t->gap;
  std::vector<std::pair<double, double>> pts;
  for (int y = gap.base_year; y > gap.base_year - 60 && static_cast<int>(pts.size()) < window;
       --y) {
    Lookup l = book.Find(p.series, gap.basis, country, y, edition);
    if (l.state == Lookup::State::kValue) pts.emplace_back(y, l.value);
  }
  if (pts.size() >= 2) {
    // Years centred on their mean: 2021..2025 squared would lose the slope to rounding.
    double n = static_cast<double>(pts.size()), mx = 0, my = 0;
    for (auto [x, y] : pts) {
      mx += x / n;
      my += y / n;
    }
    double sxx = 0, sxy = 0;
    for (auto [x, y] : pts) {
      sxx += (x - mx) * (x - mx);
      sxy += (x - mx) * (y - my);
    }
    if (sxx > 0) {
      double slope = sxy / sxx;
      t->slope = std::fabs(slope) < 1e-9 ? 0.0 : slope;  // a flat series is flat
    }
    t->window_from = static_cast<int>(pts.back().first);
  }
  if (t->slope) {
    t->projected = gap.base + *t->slope * std::max(gap.years_left, 0);
    if (!gap.met && *t->slope > 0) {
      double y = gap.base_year + std::ceil(gap.gap / *t->slope - 1e-9);
      if (y <= 2100) t->reaches = static_cast<int>(y);
    }
  }
  if (gap.met) {
    t->verdict = Trend::Verdict::kMet;
  } else if (!t->slope) {
    t->verdict = Trend::Verdict::kNoTrend;
  } else if (gap.years_left > 0 && *t->projected >= p.target - 1e-9) {
    t->verdict = Trend::Verdict::kOnTrack;
  } else {
    t->verdict = Trend::Verdict::kOffTrack;
  }
}

}  // namespace

std::string_view VerdictName(Trend::Verdict v) {
  switch (v) {
    case Trend::Verdict::kMet:
      return "met";
    case Trend::Verdict::kOnTrack:
      return "on track";
    case Trend::Verdict::kOffTrack:
      return "off track";
    case Trend::Verdict::kNoTrend:
      return "no trend";
  }
  return "";
}

std::optional<Trend> ComputeTrend(const FigureBook& book, const Pledge& p, std::string_view country,
                                  int until, int window, std::string_view edition) {
  if (until == 0) until = 2100;
  // The first basis with enough figures for a trend; else the first with any figure.
  std::optional<Trend> first;
  for (const std::string& basis : p.basis) {
    std::optional<Gap> gap = GapOnBasis(book, p, country, until, edition, basis);
    if (!gap) continue;
    Trend t;
    t.gap = *gap;
    FitTrend(book, p, country, window, edition, &t);
    if (t.slope) return t;
    if (!first) first = t;
  }
  return first;
}

}  // namespace dyad::burden
