// Reading and writing events: JSON Lines, CSV, GDELT, ICEWS (XLSX in format_xlsx.cc).
#include "dyad/event_io.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/regular_file.h"
#include "dyad/jsonl.h"
#include "dyad/utf8.h"
#include "store/event_table.h"
#include "store/xlsx.h"

namespace dyad {

std::string_view FormatName(EventFormat f) {
  switch (f) {
    case EventFormat::kJsonl:
      return "jsonl";
    case EventFormat::kCsv:
      return "csv";
    case EventFormat::kGdelt:
      return "gdelt";
    case EventFormat::kIcews:
      return "icews";
    case EventFormat::kXlsx:
      return "xlsx";
    case EventFormat::kGdelt2:
      return "gdelt2";
  }
  return "jsonl";
}

std::optional<EventFormat> ParseFormat(std::string_view name) {
  for (EventFormat f : {EventFormat::kJsonl, EventFormat::kCsv, EventFormat::kGdelt,
                        EventFormat::kIcews, EventFormat::kXlsx, EventFormat::kGdelt2})
    if (FormatName(f) == name) return f;
  if (name == "tsv") return EventFormat::kGdelt;
  return std::nullopt;
}

namespace {

constexpr std::string_view kIcewsHeader = "Event ID\tEvent Date";

bool EndsWithNoCase(std::string_view s, std::string_view suf) {
  if (s.size() < suf.size()) return false;
  for (size_t i = 0; i < suf.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suf.size() + i])) != suf[i])
      return false;
  return true;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (true) {
    size_t j = line.find('\t', i);
    out.push_back(line.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return out;
}

}  // namespace

std::optional<EventFormat> GuessFormat(const std::string& path, std::string_view head) {
  if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return EventFormat::kXlsx;
  std::string_view first = head.substr(0, head.find('\n'));
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (first.substr(0, 3) == "\xEF\xBB\xBF") first.remove_prefix(3);
  size_t nonspace = first.find_first_not_of(" \t");
  if (nonspace != std::string_view::npos && first[nonspace] == '{') return EventFormat::kJsonl;
  if (first.substr(0, kIcewsHeader.size()) == kIcewsHeader) return EventFormat::kIcews;
  size_t fields = SplitTabs(first).size();
  if (fields == 57 || fields == 58 || fields == 61) return EventFormat::kGdelt;
  if (first.find("date") != std::string_view::npos &&
      first.find("source") != std::string_view::npos && first.find(',') != std::string_view::npos)
    return EventFormat::kCsv;
  if (EndsWithNoCase(path, ".jsonl") || EndsWithNoCase(path, ".json")) return EventFormat::kJsonl;
  if (EndsWithNoCase(path, ".xlsx")) return EventFormat::kXlsx;
  return std::nullopt;
}

namespace {

// The longest line an event file may have: a GDELT row is under 2 KB, a JSON Lines event with
// its tellings a few KB.
constexpr size_t kMaxLineBytes = 16u << 20;

// Calls `each(line_number, begin, end, text)` for every line of the file, read a block at a
// time so a multi-gigabyte event file never sits in memory; begin and end are the line's byte
// range without its line break.
// A line past kMaxLineBytes is an error naming it, found in linear time.
template <typename F>
Result<uint64_t> ForEachLine(const std::string& path, F each) {
  if (Status s = CheckRegularFile(path); !s.ok()) return s;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::string buf, carry;
  buf.resize(1 << 20);
  uint64_t offset = 0;  // of carry's first byte
  int line = 0;
  size_t scanned = 0;  // carry's first `scanned` bytes hold no line break
  while (true) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    carry.append(buf.data(), static_cast<size_t>(got));
    size_t pos = 0;
    while (true) {
      size_t nl = carry.find('\n', std::max(pos, scanned));
      if (nl == std::string::npos) break;
      size_t stop = nl;
      if (stop > pos && carry[stop - 1] == '\r') --stop;
      each(++line, offset + pos, offset + stop, std::string_view(carry).substr(pos, stop - pos));
      pos = nl + 1;
    }
    carry.erase(0, pos);
    offset += pos;
    scanned = carry.size();
    if (carry.size() > kMaxLineBytes)
      return Status::InvalidInput(path + ":" + std::to_string(line + 1) + ": a line longer than " +
                                  std::to_string(kMaxLineBytes >> 20) +
                                  " MB, which no event file has");
  }
  if (in.bad()) return Status::IoError(path + ": read error");
  if (!carry.empty()) {
    size_t stop = carry.size();
    if (carry.back() == '\r') --stop;
    each(++line, offset, offset + stop, std::string_view(carry).substr(0, stop));
    offset += carry.size();
  }
  return offset;
}

uint64_t FileSize(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  return in ? static_cast<uint64_t>(in.tellg()) : 0;
}

std::string Where(const std::string& path, int line) {
  return path + ":" + std::to_string(line) + ": ";
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<Date> CompactDate(std::string_view s) {
  if (s.size() < 8 || !AllDigits(s.substr(0, 8))) return std::nullopt;
  int y = std::atoi(std::string(s.substr(0, 4)).c_str());
  int m = std::atoi(std::string(s.substr(4, 2)).c_str());
  int d = std::atoi(std::string(s.substr(6, 2)).c_str());
  if (!Date::IsValid(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

// A finite number (strtod also reads "nan" and "inf", which no store or JSON can hold).
bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  std::string tmp(s);
  char* stop = nullptr;
  *out = std::strtod(tmp.c_str(), &stop);
  return stop != nullptr && *stop == '\0' && std::isfinite(*out);
}

// A Goldstein weight or an ICEWS intensity: on the scale of -10 to 10.
bool ParseWeight(std::string_view s, double* out) {
  return ParseDouble(s, out) && *out >= -10 && *out <= 10;
}

void Progress(const ReadContext& ctx, int64_t rows, size_t done, size_t total) {
  if (ctx.progress && rows % 20000 == 0) ctx.progress(done, total);
}

// ---- GDELT ----

// The columns of GDELT 1.0 event files (57 without SOURCEURL before April 2013, 58 after) and
// of GDELT 2.0 (61: an ADM2 code for each of the three places), in GDELT's names.
const std::vector<std::string>& GdeltColumns(size_t fields) {
  auto actor = [](std::vector<std::string>* c, const char* a) {
    for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                          "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"})
      c->push_back(std::string(a) + f);
  };
  auto build = [&](bool v2) {
    std::vector<std::string> c = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
    actor(&c, "Actor1");
    actor(&c, "Actor2");
    for (const char* f : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"})
      c.push_back(f);
    for (const char* g : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code"})
        c.push_back(std::string(g) + f);
      if (v2) c.push_back(std::string(g) + "ADM2Code");
      for (const char* f : {"Lat", "Long", "FeatureID"}) c.push_back(std::string(g) + f);
    }
    c.push_back("DATEADDED");
    c.push_back("SOURCEURL");
    return c;
  };
  static const std::vector<std::string> v1 = build(false), v2 = build(true);
  return fields == 61 ? v2 : v1;
}

// The GDELT columns dyad models (the event's id, date, sides, code, quad class and Goldstein
// weight, and the row's URL as its source); every other column is kept in Event::ext.
bool GdeltModelled(std::string_view name) {
  // What derives from these (MonthYear, EventRootCode, the GoldsteinScale as written: "-10" or
  // "-10.0") is kept as read, so an export gives the row back as it was.
  for (const char* m :
       {"GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code",
        "Actor2Name", "Actor2CountryCode", "EventCode", "QuadClass", "SOURCEURL"})
    if (name == m) return true;
  return false;
}

Result<ReadStats> ReadGdelt(const std::string& path, const ReadContext& ctx,
                            const std::function<void(Event&&)>& sink,
                            std::vector<std::string>* problems) {
  ReadStats st;
  uint64_t size = FileSize(path);
  Result<uint64_t> done =
      ForEachLine(path, [&](int line, uint64_t b, uint64_t e, std::string_view row) {
        if (row.find_first_not_of(" \t") == std::string_view::npos) return;
        ++st.rows;
        Progress(ctx, st.rows, e, size);
        auto bad = [&](const std::string& msg) {
          problems->push_back(Where(path, line) + msg);
          ++st.skipped;
        };
        std::vector<std::string_view> f = SplitTabs(row);
        if (f.size() != 57 && f.size() != 58 && f.size() != 61) {
          bad(std::to_string(f.size()) + " fields; a GDELT event row has 57, 58 or 61");
          return;
        }
        if (!AllDigits(f[0]))
          return bad("GlobalEventID '" + std::string(f[0]) + "' is not a number");
        std::optional<Date> day = CompactDate(f[1]);
        if (!day || f[1].size() != 8)
          return bad("SQLDATE '" + std::string(f[1]) + "' is not YYYYMMDD");
        if (!AllDigits(f[26]))
          return bad("EventCode '" + std::string(f[26]) + "' is not a CAMEO code");
        Event ev;
        ev.id = std::string(f[0]);
        ev.date = DateSpan::Day(*day);
        ev.source = std::string(f[5]);
        ev.source_name = std::string(f[6]);
        ev.source_country = std::string(f[7]);
        ev.target = std::string(f[15]);
        ev.target_name = std::string(f[16]);
        ev.target_country = std::string(f[17]);
        ev.code = std::string(f[26]);
        if (f[29].size() != 1 || f[29][0] < '1' || f[29][0] > '4')
          return bad("QuadClass '" + std::string(f[29]) + "' is not 1-4");
        ev.quad_class = f[29][0] - '0';
        if (!ParseWeight(f[30], &ev.goldstein))
          return bad("GoldsteinScale '" + std::string(f[30]) + "' is not a number from -10 to 10");
        const std::vector<std::string>& names = GdeltColumns(f.size());
        for (size_t i = 0; i < f.size(); ++i)
          if (!f[i].empty() && !GdeltModelled(names[i]))
            ev.ext.emplace_back(names[i], std::string(f[i]));
        Mention m;
        size_t url = f.size() == 61 ? 60 : 57;
        m.doc = url < f.size() && !f[url].empty() ? std::string(f[url]) : path;
        m.span_begin = static_cast<uint32_t>(b);
        m.span_end = static_cast<uint32_t>(e);
        m.section = "gdelt";
        m.date = ev.date;
        ev.mentions.push_back(std::move(m));
        ++st.events;
        sink(std::move(ev));
      });
  if (!done.ok()) return done.status();
  return st;
}

// ---- ICEWS ----

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// ICEWS sectors ("Government,Executive,Executive Office") as a CAMEO sector code.
std::string SectorCode(std::string_view sectors) {
  std::string s = Lower(sectors);
  static const std::pair<const char*, const char*> kMap[] = {{"military", "MIL"},
                                                             {"police", "COP"},
                                                             {"intelligence", "SPY"},
                                                             {"legislative", "LEG"},
                                                             {"parliament", "LEG"},
                                                             {"judicial", "JUD"},
                                                             {"government", "GOV"},
                                                             {"executive", "GOV"},
                                                             {"cabinet", "GOV"},
                                                             {"media", "MED"},
                                                             {"news", "MED"},
                                                             {"business", "BUS"},
                                                             {"opposition", "OPP"},
                                                             {"rebel", "REB"},
                                                             {"insurgent", "REB"},
                                                             {"ngo", "NGO"},
                                                             {"nongovernmental", "NGO"},
                                                             {"religious", "REL"}};
  for (const auto& [word, code] : kMap)
    if (s.find(word) != std::string::npos) return code;
  return {};
}

// The columns of an ICEWS event file, in its order.
const std::vector<std::string>& IcewsColumns() {
  static const std::vector<std::string> c = {
      "Event ID",       "Event Date", "Source Name",     "Source Sectors", "Source Country",
      "Event Text",     "CAMEO Code", "Intensity",       "Target Name",    "Target Sectors",
      "Target Country", "Story ID",   "Sentence Number", "Publisher",      "City",
      "District",       "Province",   "Country",         "Latitude",       "Longitude"};
  return c;
}

bool IcewsModelled(std::string_view name) {
  for (const char* m : {"Event ID", "Event Date", "Source Name", "Target Name", "Event Text",
                        "CAMEO Code", "Publisher"})
    if (name == m) return true;
  return false;
}

Result<ReadStats> ReadIcews(const std::string& path, const ReadContext& ctx,
                            const std::function<void(Event&&)>& sink,
                            std::vector<std::string>* problems) {
  std::unordered_map<std::string, std::string> by_name;
  if (ctx.countries != nullptr) {
    for (const Country& c : ctx.countries->all()) {
      by_name.emplace(Lower(c.name_en), c.iso3);
      for (const std::string& n : c.names) by_name.emplace(Lower(n), c.iso3);
    }
  }
  ReadStats st;
  uint64_t size = FileSize(path);
  std::unordered_map<std::string, int> col;
  Status header_error;
  Result<uint64_t> done =
      ForEachLine(path, [&](int line, uint64_t b, uint64_t e, std::string_view row) {
        if (line == 1) {
          if (row.substr(0, 3) == "\xEF\xBB\xBF") row.remove_prefix(3);
          std::vector<std::string_view> h = SplitTabs(row);
          for (size_t i = 0; i < h.size(); ++i) col[std::string(h[i])] = static_cast<int>(i);
          for (const char* need :
               {"Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
                "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country"})
            if (!col.count(need))
              header_error =
                  Status::InvalidInput(Where(path, 1) + "the ICEWS header lacks '" + need + "'");
          return;
        }
        if (!header_error.ok() || row.find_first_not_of(" \t") == std::string_view::npos) return;
        ++st.rows;
        Progress(ctx, st.rows, e, size);
        auto bad = [&](const std::string& msg) {
          problems->push_back(Where(path, line) + msg);
          ++st.skipped;
        };
        std::vector<std::string_view> f = SplitTabs(row);
        auto get = [&](const char* name) -> std::string_view {
          auto it = col.find(name);
          return it != col.end() && it->second < static_cast<int>(f.size()) ? f[it->second]
                                                                            : std::string_view();
        };
        Event ev;
        ev.id = std::string(get("Event ID"));
        std::optional<Date> day = Date::Parse(get("Event Date"));
        if (!day)
          return bad("Event Date '" + std::string(get("Event Date")) + "' is not YYYY-MM-DD");
        ev.date = DateSpan::Day(*day);
        std::string code(get("CAMEO Code"));
        if (!AllDigits(code)) return bad("CAMEO Code '" + code + "' is not a code");
        while (code.size() < 3) code.insert(code.begin(), '0');
        const CameoCode* cc = ctx.codebook != nullptr ? ctx.codebook->Find(code) : nullptr;
        if (ctx.codebook != nullptr && cc == nullptr)
          return bad("CAMEO Code '" + code + "' is not in the CAMEO codebook");
        ev.code = code;
        if (!ParseWeight(get("Intensity"), &ev.goldstein))
          return bad("Intensity '" + std::string(get("Intensity")) +
                     "' is not a number from -10 to 10");
        ev.quad_class = cc != nullptr ? cc->quad_class : 0;
        std::string why;
        auto side = [&](const char* country_col, const char* sectors_col, const char* name_col,
                        std::string* code_out, std::string* country_out, std::string* name_out) {
          *name_out = std::string(get(name_col));
          std::string_view country = get(country_col);
          if (country.empty()) {
            *code_out = "";  // an actor of no state (an organisation): the name says who
            return true;
          }
          auto it = by_name.find(Lower(country));
          if (it == by_name.end()) {
            why = std::string(country_col) + " '" + std::string(country) + "' is not a known state";
            return false;
          }
          *country_out = it->second;
          *code_out = it->second + SectorCode(get(sectors_col));
          return true;
        };
        if (!side("Source Country", "Source Sectors", "Source Name", &ev.source, &ev.source_country,
                  &ev.source_name) ||
            !side("Target Country", "Target Sectors", "Target Name", &ev.target, &ev.target_country,
                  &ev.target_name))
          return bad(why);
        Mention m;
        m.doc = path;
        m.span_begin = static_cast<uint32_t>(b);
        m.span_end = static_cast<uint32_t>(e);
        m.section = "icews";
        m.evidence = std::string(get("Event Text"));
        m.date = ev.date;
        ev.mentions.push_back(std::move(m));
        ev.attribution = std::string(get("Publisher"));
        // Every column dyad does not model, as read: sectors and countries as ICEWS names them,
        // Intensity as written, the story, the sentence and the place.
        for (const auto& [name, at] : col)
          if (!IcewsModelled(name) && at < static_cast<int>(f.size()) && !f[at].empty())
            ev.ext.emplace_back(name, std::string(f[at]));
        std::sort(ev.ext.begin(), ev.ext.end(),
                  [&](const auto& x, const auto& y) { return col[x.first] < col[y.first]; });
        ++st.events;
        sink(std::move(ev));
      });
  if (!done.ok()) return done.status();
  if (!header_error.ok()) return header_error;
  return st;
}

// ---- JSON Lines ----

}  // namespace

Result<Event> EventFromJson(std::string_view row, const ReadContext& ctx) {
  nlohmann::json j = nlohmann::json::parse(row, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidInput("not a JSON object");
  std::string field;
  auto str = [&](const char* name, bool required = false) -> std::string {
    auto it = j.find(name);
    if (it == j.end() || it->is_null()) {
      if (required) field = name;
      return {};
    }
    if (!it->is_string()) {
      field = name;
      return {};
    }
    return it->get<std::string>();
  };
  Event ev;
  std::string date = str("date", true), date_end = str("date_end");
  ev.source = str("source", true);
  ev.target = str("target", true);
  ev.code = str("code", true);
  if (!field.empty())
    return Status::InvalidInput("field '" + field + "' is missing or not a string");
  std::optional<Date> begin = Date::Parse(date);
  std::optional<Date> end = date_end.empty() ? begin : Date::Parse(date_end);
  if (!begin || !end || *end < *begin)
    return Status::InvalidInput("date/date_end '" + date + "' is not a span");
  std::optional<DatePrecision> prec = DatePrecision::kDay;
  if (std::string p = str("date_precision"); !p.empty()) prec = ParsePrecision(p);
  if (!prec) return Status::InvalidInput("date_precision is not day, month or year");
  ev.date = DateSpan{*begin, *end, *prec};
  const CameoCode* cc = ctx.codebook != nullptr ? ctx.codebook->Find(ev.code) : nullptr;
  if (ctx.codebook != nullptr && cc == nullptr)
    return Status::InvalidInput("code '" + ev.code + "' is not in the CAMEO codebook");
  ev.source_country = str("source_country");
  ev.target_country = str("target_country");
  ev.source_name = str("source_name");
  ev.target_name = str("target_name");
  ev.source_label_ko = str("source_label_ko");
  ev.source_label_en = str("source_label_en");
  ev.target_label_ko = str("target_label_ko");
  ev.target_label_en = str("target_label_en");
  ev.action_ko = str("action_ko");
  ev.action_en = str("action_en");
  ev.lang = str("lang");
  ev.attribution = str("attribution");
  ev.id = str("id");
  if (std::string review = str("review"); !review.empty()) {
    if (review != "accepted" && review != "edited" && review != "added")
      return Status::InvalidInput("review '" + review + "' is not accepted, edited or added");
    ev.review = review;
  }
  if (std::string basis = str("date_basis"); !basis.empty()) {
    if (basis != "text" && basis != "document" && basis != "document-year")
      return Status::InvalidInput("date_basis '" + basis +
                                  "' is not text, document or document-year");
    ev.date_basis = basis;
  }
  if (auto it = j.find("goldstein"); it != j.end() && it->is_number()) {
    ev.goldstein = it->get<double>();
    if (!std::isfinite(ev.goldstein) || ev.goldstein < -10 || ev.goldstein > 10)
      return Status::InvalidInput("goldstein " + it->dump() + " is not a number from -10 to 10");
  } else if (cc != nullptr)
    ev.goldstein = cc->goldstein;
  if (auto it = j.find("quad_class"); it != j.end() && it->is_number_integer())
    ev.quad_class = it->get<int>();
  else if (cc != nullptr)
    ev.quad_class = cc->quad_class;
  if (auto it = j.find("symmetric"); it != j.end() && it->is_boolean())
    ev.symmetric = it->get<bool>();
  if (std::string mode = str("mode"); !mode.empty()) {
    std::optional<EventMode> m = ParseMode(mode);
    if (!m)
      return Status::InvalidInput("mode '" + mode +
                                  "' is not actual, expected, hypothetical or negated");
    ev.mode = *m;
  }
  if (auto it = j.find("ext"); it != j.end() && it->is_object())
    for (const auto& [k, v] : it->items())
      if (v.is_string()) ev.ext.emplace_back(k, v.get<std::string>());
  if (auto it = j.find("quote"); it != j.end() && it->is_array())
    for (const auto& q : *it)
      if (q.is_string()) ev.quotes.push_back(q.get<std::string>());
  auto span_of = [](const nlohmann::json& o, Mention* m) {
    auto it = o.find("span");
    if (it != o.end() && it->is_array() && it->size() == 2 && (*it)[0].is_number_unsigned() &&
        (*it)[1].is_number_unsigned()) {
      m->span_begin = (*it)[0].get<uint32_t>();
      m->span_end = (*it)[1].get<uint32_t>();
    }
  };
  if (auto it = j.find("mentions"); it != j.end() && it->is_array()) {
    for (const auto& o : *it) {
      if (!o.is_object()) continue;
      Mention m;
      if (auto d = o.find("doc"); d != o.end() && d->is_string()) m.doc = d->get<std::string>();
      if (auto s = o.find("section"); s != o.end() && s->is_string())
        m.section = s->get<std::string>();
      span_of(o, &m);
      m.date = ev.date;
      std::optional<Date> mb, me;
      if (auto d = o.find("date"); d != o.end() && d->is_string())
        mb = Date::Parse(d->get<std::string>());
      if (auto d = o.find("date_end"); d != o.end() && d->is_string())
        me = Date::Parse(d->get<std::string>());
      if (mb && me && !(*me < *mb)) {
        m.date.begin = *mb;
        m.date.end = *me;
        m.date.precision = *mb == *me ? DatePrecision::kDay : ev.date.precision;
      }
      ev.mentions.push_back(std::move(m));
    }
  }
  if (ev.mentions.empty()) {
    Mention m;
    m.doc = str("doc");
    m.section = str("section");
    span_of(j, &m);
    m.date = ev.date;
    ev.mentions.push_back(std::move(m));
  }
  // The primary mention's evidence is the event's.
  ev.mentions.front().evidence = str("evidence");
  return ev;
}

namespace {

Result<ReadStats> ReadJsonl(const std::string& path, const ReadContext& ctx,
                            const std::function<void(Event&&)>& sink,
                            std::vector<std::string>* problems) {
  ReadStats st;
  uint64_t size = FileSize(path);
  Result<uint64_t> done =
      ForEachLine(path, [&](int line, uint64_t, uint64_t e, std::string_view row) {
        if (row.find_first_not_of(" \t") == std::string_view::npos) return;
        ++st.rows;
        Progress(ctx, st.rows, e, size);
        auto bad = [&](const std::string& msg) {
          problems->push_back(Where(path, line) + msg);
          ++st.skipped;
        };
        Result<Event> ev = EventFromJson(row, ctx);
        if (!ev.ok()) return bad(ev.status().message());
        ++st.events;
        sink(std::move(*ev));
      });
  if (!done.ok()) return done.status();
  return st;
}

// ---- CSV and XLSX: dyad's table ----

// The rows of a table, one record at a time from `next` (false at the end): the header row
// first. `total` is the input's size, for the progress of `end` offsets.
Result<ReadStats> ReadTableRows(const std::string& path, const ReadContext& ctx, size_t total,
                                const std::function<bool(CsvRecord*)>& next,
                                const std::function<void(Event&&)>& sink,
                                std::vector<std::string>* problems) {
  ReadStats st;
  CsvRecord rec;
  if (!next(&rec)) return Status::InvalidInput(path + ": empty; dyad's header row is needed");
  std::vector<int> index;
  if (std::string err = io::MapHeader(rec.cells, &index); !err.empty())
    return Status::InvalidInput(Where(path, rec.line) + err);
  while (next(&rec)) {
    bool blank = true;
    for (const std::string& c : rec.cells) blank &= c.empty();
    if (blank) continue;
    ++st.rows;
    Progress(ctx, st.rows, rec.end, total);
    Event ev;
    if (std::string err = io::EventFromRow(rec.cells, index, ctx.codebook, &ev); !err.empty()) {
      problems->push_back(Where(path, rec.line) + err);
      ++st.skipped;
      continue;
    }
    ++st.events;
    sink(std::move(ev));
  }
  return st;
}

// A CSV is read a block at a time and its records parsed as they are stored: memory is a block
// and one record, whatever the file's size. A record (its quoted fields may hold line breaks)
// is taken once its line break has been read; one longer than kMaxLineBytes is an error.
Result<ReadStats> ReadCsv(const std::string& path, const ReadContext& ctx,
                          const std::function<void(Event&&)>& sink,
                          std::vector<std::string>* problems) {
  if (Status s = CheckRegularFile(path); !s.ok()) return s;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::error_code ec;
  uint64_t total = std::filesystem::file_size(path, ec);
  std::string window;  // the unread part of the file read so far
  size_t pos = 0;      // where the next record starts in it
  uint64_t base = 0;   // the file offset of window[0]
  bool eof = false;
  int line = 1;
  // Reads more: as much again as is pending (so a long record is parsed a logarithmic number
  // of times), at least a megabyte. False at the end of the file.
  auto fill = [&]() {
    if (eof) return false;
    if (pos > 0) {
      window.erase(0, pos);
      base += pos;
      pos = 0;
    }
    // Never much past the longest record allowed.
    constexpr size_t kMost = kMaxLineBytes + (1 << 20);
    size_t have = window.size();
    size_t want = std::min(std::max<size_t>(have, 1 << 20), have < kMost ? kMost - have : 0);
    window.resize(have + want);
    in.read(window.data() + have, static_cast<std::streamsize>(want));
    window.resize(have + static_cast<size_t>(in.gcount()));
    if (!in) eof = true;
    return window.size() > have;
  };
  Status failure;
  auto next = [&](CsvRecord* rec) {
    for (;;) {
      if (pos >= window.size() && !fill()) return false;
      size_t p = pos;
      int l = line;
      std::string err;
      bool ok = NextCsvRecord(window, &p, &l, rec, &err);
      if ((ok ? p : window.size()) - pos > kMaxLineBytes) {
        failure =
            Status::InvalidInput(Where(path, line) + "a record longer than " +
                                 std::to_string(kMaxLineBytes >> 20) + " MB (an unclosed quote?)");
        return false;
      }
      if ((ok && p < window.size()) || eof) {
        if (!ok) {
          // The rest of the file is one unclosed field: report it, keep what came before.
          problems->push_back(Where(path, rec->line) + err);
          pos = window.size();
          return false;
        }
        pos = p, line = l;
        rec->begin += base, rec->end += base;
        return true;
      }
      fill();
    }
  };
  Result<ReadStats> r = ReadTableRows(path, ctx, total, next, sink, problems);
  if (!failure.ok()) return failure;
  if (r.ok() && in.bad()) return Status::IoError(path + ": read error");
  return r;
}

Result<ReadStats> ReadXlsx(const std::string& path, const ReadContext& ctx,
                           const std::function<void(Event&&)>& sink,
                           std::vector<std::string>* problems) {
  Result<std::vector<io::SheetRow>> rows = io::ReadFirstSheet(path);
  if (!rows.ok()) return rows.status();
  size_t at = 0;
  auto next = [&](CsvRecord* rec) {
    if (at >= rows->size()) return false;
    io::SheetRow& r = (*rows)[at++];
    rec->line = r.number;
    rec->cells = std::move(r.cells);
    rec->end = at;
    return true;
  };
  return ReadTableRows(path, ctx, rows->size(), next, sink, problems);
}

}  // namespace

namespace {
Result<ReadStats> ReadEventsIn(const std::string& path, EventFormat format, const ReadContext& ctx,
                               const std::function<void(Event&&)>& sink,
                               std::vector<std::string>* problems);
}  // namespace

Result<ReadStats> ReadEvents(const std::string& path, EventFormat format, const ReadContext& ctx,
                             const std::function<void(Event&&)>& raw_sink,
                             std::vector<std::string>* problems) {
  // Text that is not UTF-8 (a Latin-1 name in a GDELT row) is stored with U+FFFD in place of
  // each bad byte: the store, its JSON Lines and its workbooks stay valid (repro
  // gdelt-invalid-utf8). Said once per file.
  size_t repaired = 0;
  auto sink = [&](Event&& e) {
    for (std::string* f : {&e.source, &e.target, &e.source_country, &e.target_country,
                           &e.source_name, &e.target_name, &e.source_label_ko, &e.source_label_en,
                           &e.target_label_ko, &e.target_label_en, &e.code, &e.action_ko,
                           &e.action_en, &e.lang, &e.attribution, &e.id, &e.date_basis, &e.review})
      repaired += utf8::Sanitize(f);
    for (std::string& q : e.quotes) repaired += utf8::Sanitize(&q);
    for (Mention& m : e.mentions) {
      repaired += utf8::Sanitize(&m.doc) + utf8::Sanitize(&m.evidence);
      repaired += utf8::Sanitize(&m.section);
    }
    for (auto& [k, v] : e.ext) repaired += utf8::Sanitize(&k) + utf8::Sanitize(&v);
    raw_sink(std::move(e));
  };
  Result<ReadStats> stats = ReadEventsIn(path, format, ctx, sink, problems);
  if (repaired > 0 && problems != nullptr)
    problems->push_back(path + ": " + std::to_string(repaired) +
                        " bytes that are not UTF-8 stored as U+FFFD (the file is not UTF-8 "
                        "throughout)");
  return stats;
}

namespace {

Result<ReadStats> ReadEventsIn(const std::string& path, EventFormat format, const ReadContext& ctx,
                               const std::function<void(Event&&)>& sink,
                               std::vector<std::string>* problems) {
  switch (format) {
    case EventFormat::kGdelt:
    case EventFormat::kGdelt2:
      return ReadGdelt(path, ctx, sink, problems);
    case EventFormat::kIcews:
      return ReadIcews(path, ctx, sink, problems);
    case EventFormat::kJsonl:
      return ReadJsonl(path, ctx, sink, problems);
    case EventFormat::kCsv:
      return ReadCsv(path, ctx, sink, problems);
    case EventFormat::kXlsx:
      return ReadXlsx(path, ctx, sink, problems);
  }
  return Status::Internal("unknown format");
}

}  // namespace

// ---- writers ----

namespace {

class StreamWriter : public EventWriter {
 public:
  StreamWriter(const std::string& path, std::unique_ptr<std::ofstream> file)
      : path_(path), file_(std::move(file)), out_(file_ ? file_.get() : &std::cout) {}
  Status Finish() override {
    out_->flush();
    if (!*out_) return Status::IoError(path_ + ": write error");
    return Status::Ok();
  }

 protected:
  Status Put(const std::string& s) {
    out_->write(s.data(), static_cast<std::streamsize>(s.size()));
    if (!*out_) return Status::IoError(path_ + ": write error");
    return Status::Ok();
  }
  std::string path_;

 private:
  std::unique_ptr<std::ofstream> file_;
  std::ostream* out_;
};

class JsonlWriter : public StreamWriter {
 public:
  using StreamWriter::StreamWriter;
  Status Write(const Event& e) override {
    if (e.mentions.empty()) return Status::InvalidInput("an event without a mention");
    return Put(EventToJson(e) + "\n");
  }
};

class CsvWriter : public StreamWriter {
 public:
  using StreamWriter::StreamWriter;
  Status Bom() { return Put("\xEF\xBB\xBF"); }
  Status Write(const Event& e) override {
    std::string line;
    if (!header_done_) {
      const auto& names = io::TableColumns();
      for (size_t i = 0; i < names.size(); ++i) {
        if (i) line += ',';
        line += names[i];
      }
      line += "\r\n";
      header_done_ = true;
    }
    std::vector<std::string> row = io::TableRow(e);
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) line += ',';
      AppendCsvField(&line, row[i]);
    }
    line += "\r\n";
    return Put(line);
  }
  Status Finish() override {
    if (!header_done_) {  // an empty table still has its header
      const auto& names = io::TableColumns();
      std::string line;
      for (size_t i = 0; i < names.size(); ++i) {
        if (i) line += ',';
        line += names[i];
      }
      if (Status s = Put(line + "\r\n"); !s.ok()) return s;
    }
    return StreamWriter::Finish();
  }

 private:
  bool header_done_ = false;
};

// GDELT's columns (1.0's 58, or 2.0's 61 with --format gdelt2): what dyad models from the
// event, every other column from what an imported event kept (Event::ext), and nothing
// invented: a column neither gives (a coded event's tone, its places, when GDELT added it) is
// left empty. The date columns derive from the date, the type code from the actor's sector
// (PRKGOV → GOV), the counts from the event's tellings.
class GdeltWriter : public StreamWriter {
 public:
  GdeltWriter(const std::string& path, std::unique_ptr<std::ofstream> file, size_t fields)
      : StreamWriter(path, std::move(file)), names_(GdeltColumns(fields)) {}
  Status Write(const Event& e) override {
    ++seq_;
    std::vector<std::string> f(names_.size());
    const Date& d = e.date.begin;
    char buf[64];
    std::set<std::string> docs;
    for (const Mention& m : e.mentions) docs.insert(m.doc);
    // A row read from a GDELT file gives back what it held; only dyad's own events are filled
    // from what dyad knows of them.
    bool from_gdelt = !e.mentions.empty() && e.mentions.front().section == "gdelt";
    for (size_t i = 0; i < names_.size(); ++i) {
      const std::string& name = names_[i];
      if (const std::string& kept = e.Ext(name); !kept.empty()) {
        f[i] = kept;
        continue;
      }
      auto actor = [&](const char* prefix, const std::string& code, const std::string& actor_name,
                       const std::string& country) {
        std::string field = name.substr(std::strlen(prefix));
        if (field == "Code") return code;
        if (field == "Name") return actor_name;
        if (field == "CountryCode") return country;
        // The sector after the state's code (PRKGOV → GOV) is the actor's type.
        if (field == "Type1Code" && !from_gdelt && !country.empty() &&
            code.size() >= country.size() + 3 && code.compare(0, country.size(), country) == 0)
          return code.substr(country.size(), 3);
        return std::string();
      };
      if (name == "GLOBALEVENTID") {
        f[i] = AllDigits(e.id) ? e.id : std::to_string(seq_);
      } else if (name == "SQLDATE") {
        std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
        f[i] = buf;
      } else if (name == "MonthYear") {
        std::snprintf(buf, sizeof buf, "%04d%02d", d.year, d.month);
        f[i] = buf;
      } else if (name == "Year") {
        f[i] = std::to_string(d.year);
      } else if (name == "FractionDate") {
        long doy = d.ToDays() - Date{d.year, 1, 1}.ToDays() + 1;
        std::snprintf(buf, sizeof buf, "%.4f", d.year + doy / 365.0);
        f[i] = buf;
      } else if (name.rfind("Actor1", 0) == 0 && name.find("Geo_") == std::string::npos) {
        f[i] = actor("Actor1", e.source, e.source_name, e.source_country);
      } else if (name.rfind("Actor2", 0) == 0 && name.find("Geo_") == std::string::npos) {
        f[i] = actor("Actor2", e.target, e.target_name, e.target_country);
      } else if (name == "EventCode") {
        f[i] = e.code;
      } else if (name == "EventBaseCode") {
        f[i] = e.code.substr(0, 3);
      } else if (name == "EventRootCode") {
        f[i] = e.code.substr(0, 2);
      } else if (name == "QuadClass") {
        f[i] = std::to_string(e.quad_class);
      } else if (name == "GoldsteinScale") {
        std::snprintf(buf, sizeof buf, "%.1f", e.goldstein);
        f[i] = buf;
      } else if ((name == "NumMentions" || name == "NumArticles") && !from_gdelt) {
        f[i] = std::to_string(e.mentions.size());  // a coded event's tellings
      } else if (name == "NumSources" && !from_gdelt) {
        f[i] = std::to_string(docs.size());
      } else if (name == "SOURCEURL" && !e.mentions.empty()) {
        // An imported row without a URL named the file it came from: not a source to write.
        const Mention& m = e.mentions.front();
        bool url = m.doc.rfind("http://", 0) == 0 || m.doc.rfind("https://", 0) == 0;
        if (url || !from_gdelt) f[i] = m.doc;
      }
    }
    std::string line;
    for (size_t i = 0; i < f.size(); ++i) {
      if (i) line += '\t';
      for (char c : f[i]) line += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    }
    line += '\n';
    return Put(line);
  }

 private:
  const std::vector<std::string>& names_;
  long seq_ = 0;
};

// ICEWS's columns: an imported ICEWS event's kept fields, else what dyad models. Sectors,
// countries and the event text are written in ICEWS's English words (the sector of an actor
// code, the state's English name, the CAMEO description); places, story and sentence are left
// empty for an event that did not come with them.
class IcewsWriter : public StreamWriter {
 public:
  IcewsWriter(const std::string& path, std::unique_ptr<std::ofstream> file, const ReadContext& ctx)
      : StreamWriter(path, std::move(file)), ctx_(ctx) {}
  Status Write(const Event& e) override {
    std::string line;
    if (!header_done_) {
      for (size_t i = 0; i < IcewsColumns().size(); ++i)
        line += (i ? "\t" : "") + IcewsColumns()[i];
      line += '\n';
      header_done_ = true;
    }
    auto country = [&](const std::string& iso3) {
      const Country* c = ctx_.countries != nullptr ? ctx_.countries->Find(iso3) : nullptr;
      return c != nullptr ? c->name_en : iso3;
    };
    auto sector = [&](const std::string& code, const std::string& iso3) -> std::string {
      static const std::pair<const char*, const char*> kWords[] = {
          {"GOV", "Government"},
          {"MIL", "Military"},
          {"LEG", "Legislative / Parliamentary"},
          {"JUD", "Judicial"},
          {"MED", "Media"},
          {"COP", "Police"},
          {"SPY", "Intelligence"},
          {"BUS", "Business"},
          {"OPP", "Opposition"},
          {"REB", "Rebel"},
          {"NGO", "Nongovernmental Organization"}};
      if (iso3.empty() || code.size() < iso3.size() + 3) return "";
      std::string role = code.substr(iso3.size(), 3);
      for (const auto& [k, w] : kWords)
        if (role == k) return w;
      return "";
    };
    char buf[32];
    for (size_t i = 0; i < IcewsColumns().size(); ++i) {
      const std::string& name = IcewsColumns()[i];
      std::string v = e.Ext(name);
      if (v.empty()) {
        if (name == "Event ID")
          v = e.id;
        else if (name == "Event Date")
          v = e.date.begin.ToIso();
        else if (name == "Source Name")
          v = e.source_name.empty() ? e.source_label_en : e.source_name;
        else if (name == "Target Name")
          v = e.target_name.empty() ? e.target_label_en : e.target_name;
        else if (name == "Source Sectors")
          v = sector(e.source, e.source_country);
        else if (name == "Target Sectors")
          v = sector(e.target, e.target_country);
        else if (name == "Source Country" && !e.source_country.empty())
          v = country(e.source_country);
        else if (name == "Target Country" && !e.target_country.empty())
          v = country(e.target_country);
        else if (name == "CAMEO Code")
          v = e.code;
        else if (name == "Publisher")
          v = e.attribution;
        else if (name == "Event Text") {
          const CameoCode* cc = ctx_.codebook != nullptr ? ctx_.codebook->Find(e.code) : nullptr;
          v = !e.mentions.empty() && e.mentions.front().section == "icews"
                  ? e.mentions.front().evidence
                  : (cc != nullptr ? cc->name : "");
        } else if (name == "Intensity") {
          std::snprintf(buf, sizeof buf, "%.1f", e.goldstein);
          v = buf;
        }
      }
      if (i) line += '\t';
      for (char c : v) line += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    }
    line += '\n';
    return Put(line);
  }
  Status Finish() override {
    if (!header_done_) {
      std::string line;
      for (size_t i = 0; i < IcewsColumns().size(); ++i)
        line += (i ? "\t" : "") + IcewsColumns()[i];
      if (Status s = Put(line + "\n"); !s.ok()) return s;
    }
    return StreamWriter::Finish();
  }

 private:
  ReadContext ctx_;
  bool header_done_ = false;
};

// XLSX to standard output: the workbook is written to a temporary file, then copied.
class StdoutXlsxWriter : public EventWriter {
 public:
  StdoutXlsxWriter(std::string tmp, std::unique_ptr<EventWriter> inner)
      : tmp_(std::move(tmp)), inner_(std::move(inner)) {}
  ~StdoutXlsxWriter() override { std::remove(tmp_.c_str()); }
  Status Write(const Event& e) override { return inner_->Write(e); }
  Status Finish() override {
    if (Status s = inner_->Finish(); !s.ok()) return s;
    std::ifstream in(tmp_, std::ios::binary);
    std::cout << in.rdbuf();
    std::cout.flush();
    return std::cout ? Status::Ok() : Status::IoError("standard output: write error");
  }

 private:
  std::string tmp_;
  std::unique_ptr<EventWriter> inner_;
};

}  // namespace

std::string CsvDataPackage(std::string_view csv_name, bool bom) {
  return io::DataPackage(csv_name, bom);
}

Result<std::unique_ptr<EventWriter>> OpenEventWriter(EventFormat format, const std::string& path,
                                                     bool bom, const ReadContext& names) {
  if (format == EventFormat::kXlsx) {
    if (path != "-") return io::NewXlsxWriter(path);
    char tmpl[] = "/tmp/dyad-export-XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0) return Status::IoError("cannot create a temporary file for the workbook");
    close(fd);
    Result<std::unique_ptr<EventWriter>> inner = io::NewXlsxWriter(tmpl);
    if (!inner.ok()) return inner.status();
    return std::unique_ptr<EventWriter>(
        std::make_unique<StdoutXlsxWriter>(tmpl, std::move(inner).value()));
  }
  std::unique_ptr<std::ofstream> file;
  if (path != "-") {
    file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
    if (!*file) return Status::IoError(path + ": cannot create");
  }
  std::string name = path == "-" ? "standard output" : path;
  std::unique_ptr<EventWriter> w;
  switch (format) {
    case EventFormat::kJsonl:
      w = std::make_unique<JsonlWriter>(name, std::move(file));
      break;
    case EventFormat::kCsv: {
      auto csv = std::make_unique<CsvWriter>(name, std::move(file));
      if (bom) {
        if (Status s = csv->Bom(); !s.ok()) return s;
      }
      w = std::move(csv);
      break;
    }
    case EventFormat::kGdelt:
      w = std::make_unique<GdeltWriter>(name, std::move(file), 58);
      break;
    case EventFormat::kGdelt2:
      w = std::make_unique<GdeltWriter>(name, std::move(file), 61);
      break;
    case EventFormat::kIcews:
      w = std::make_unique<IcewsWriter>(name, std::move(file), names);
      break;
    default:
      return Status::Internal("unreachable");
  }
  return w;
}

}  // namespace dyad
