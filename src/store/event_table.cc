#include "store/event_table.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace dyad::io {

namespace {

enum Col {
  kId,
  kDate,
  kDateEnd,
  kPrecision,
  kSource,
  kTarget,
  kSourceCountry,
  kTargetCountry,
  kSourceName,
  kTargetName,
  kSourceLabelKo,
  kSourceLabelEn,
  kTargetLabelKo,
  kTargetLabelEn,
  kCode,
  kGoldstein,
  kQuadClass,
  kSymmetric,
  kMode,
  kActionKo,
  kActionEn,
  kLang,
  kDoc,
  kSpanBegin,
  kSpanEnd,
  kSection,
  kEvidence,
  kQuote,
  kAttribution,
  kReview,
  kExt,
  kColumns
};

std::string FormatDouble(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

bool ParseUint(std::string_view s, uint32_t* out) {
  if (s.empty()) {
    *out = 0;
    return true;
  }
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::string EncodeQuotes(const std::vector<std::string>& quotes) {
  bool multiline = std::any_of(quotes.begin(), quotes.end(), [](const std::string& q) {
    return q.find('\n') != std::string::npos || (!q.empty() && q[0] == '[');
  });
  if (multiline)
    return nlohmann::json(quotes).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  for (size_t i = 0; i < quotes.size(); ++i) {
    if (i) out += '\n';
    out += quotes[i];
  }
  return out;
}

std::vector<std::string> DecodeQuotes(const std::string& text) {
  std::vector<std::string> out;
  if (!text.empty() && text[0] == '[') {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_array() &&
        std::all_of(j.begin(), j.end(), [](const auto& x) { return x.is_string(); })) {
      for (const auto& x : j) out.push_back(x.get<std::string>());
      return out;
    }
  }
  for (size_t i = 0; !text.empty() && i <= text.size();) {
    size_t j = text.find('\n', i);
    if (j == std::string::npos) j = text.size();
    out.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

const std::vector<std::string_view>& TableColumns() {
  static const std::vector<std::string_view> kNames = {"id",
                                                       "date",
                                                       "date_end",
                                                       "date_precision",
                                                       "source",
                                                       "target",
                                                       "source_country",
                                                       "target_country",
                                                       "source_name",
                                                       "target_name",
                                                       "source_label_ko",
                                                       "source_label_en",
                                                       "target_label_ko",
                                                       "target_label_en",
                                                       "code",
                                                       "goldstein",
                                                       "quad_class",
                                                       "symmetric",
                                                       "mode",
                                                       "action_ko",
                                                       "action_en",
                                                       "lang",
                                                       "doc",
                                                       "span_begin",
                                                       "span_end",
                                                       "section",
                                                       "evidence",
                                                       "quote",
                                                       "attribution",
                                                       "review",
                                                       "ext"};
  return kNames;
}

ColumnType TypeOf(std::string_view column) {
  if (column == "date" || column == "date_end") return ColumnType::kDate;
  if (column == "ext") return ColumnType::kObject;
  if (column == "goldstein") return ColumnType::kNumber;
  if (column == "quad_class" || column == "symmetric" || column == "span_begin" ||
      column == "span_end")
    return ColumnType::kInteger;
  return ColumnType::kString;
}

std::string DataPackage(std::string_view csv_name, bool bom) {
  auto quote = [](std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  };
  std::string name;
  for (char c : csv_name.substr(0, csv_name.rfind('.')))
    name += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-';
  if (name.empty()) name = "events";
  std::string j = "{\n  \"profile\": \"tabular-data-package\",\n  \"name\": " + quote(name) +
                  ",\n  \"resources\": [{\n    \"name\": " + quote(name) +
                  ",\n    \"path\": " + quote(csv_name) +
                  ",\n    \"profile\": \"tabular-data-resource\",\n    \"format\": \"csv\","
                  "\n    \"mediatype\": \"text/csv\",\n    \"encoding\": " +
                  quote(bom ? "utf-8-sig" : "utf-8") +
                  ",\n    \"dialect\": {\"delimiter\": \",\", \"lineTerminator\": \"\\r\\n\", "
                  "\"doubleQuote\": true},\n    \"schema\": {\"fields\": [";
  const auto& names = TableColumns();
  for (size_t i = 0; i < names.size(); ++i) {
    const char* type = "string";
    switch (TypeOf(names[i])) {
      case ColumnType::kDate:
        type = "date";
        break;
      case ColumnType::kInteger:
        type = "integer";
        break;
      case ColumnType::kNumber:
        type = "number";
        break;
      case ColumnType::kObject:
        type = "object";
        break;
      case ColumnType::kString:
        break;
    }
    j += std::string(i ? ",\n" : "\n") + "      {\"name\": " + quote(names[i]) + ", \"type\": \"" +
         type + "\"}";
  }
  j += "\n    ], \"missingValues\": [\"\"]}\n  }]\n}\n";
  return j;
}

std::vector<std::string> TableRow(const Event& e) {
  std::vector<std::string> c(kColumns);
  const Mention* m = e.mentions.empty() ? nullptr : &e.mentions.front();
  c[kId] = e.id;
  c[kDate] = e.date.begin.ToIso();
  c[kDateEnd] = e.date.end.ToIso();
  c[kPrecision] = std::string(PrecisionName(e.date.precision));
  c[kSource] = e.source;
  c[kTarget] = e.target;
  c[kSourceCountry] = e.source_country;
  c[kTargetCountry] = e.target_country;
  c[kSourceName] = e.source_name;
  c[kTargetName] = e.target_name;
  c[kSourceLabelKo] = e.source_label_ko;
  c[kSourceLabelEn] = e.source_label_en;
  c[kTargetLabelKo] = e.target_label_ko;
  c[kTargetLabelEn] = e.target_label_en;
  c[kCode] = e.code;
  c[kGoldstein] = FormatDouble(e.goldstein);
  c[kQuadClass] = std::to_string(e.quad_class);
  c[kSymmetric] = e.symmetric ? "1" : "0";
  c[kMode] = std::string(ModeName(e.mode));
  c[kActionKo] = e.action_ko;
  c[kActionEn] = e.action_en;
  c[kLang] = e.lang;
  if (m != nullptr) {
    c[kDoc] = m->doc;
    c[kSpanBegin] = std::to_string(m->span_begin);
    c[kSpanEnd] = std::to_string(m->span_end);
    c[kSection] = m->section;
    c[kEvidence] = m->evidence;
  }
  c[kQuote] = EncodeQuotes(e.quotes);
  c[kAttribution] = e.attribution;
  c[kReview] = e.review;
  if (!e.ext.empty()) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    for (const auto& [k, v] : e.ext) o[k] = v;
    c[kExt] = o.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return c;
}

std::string MapHeader(const std::vector<std::string>& header, std::vector<int>* index) {
  const auto& names = TableColumns();
  index->assign(names.size(), -1);
  for (size_t i = 0; i < header.size(); ++i) {
    std::string_view h = header[i];
    if (i == 0 && h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);  // a BOM Excel adds
    for (size_t c = 0; c < names.size(); ++c)
      if (names[c] == h) (*index)[c] = static_cast<int>(i);
  }
  std::string missing;
  for (int c : {kDate, kSource, kTarget, kCode})
    if ((*index)[c] < 0) missing += (missing.empty() ? "" : ", ") + std::string(names[c]);
  if (!missing.empty()) return "the header lacks dyad's column(s) " + missing;
  return {};
}

// A date cell: YYYY-MM-DD, or a spreadsheet's date serial (days since 1899-12-30, as Excel and
// LibreOffice store a date cell: "45292" is 2024-01-01).
static std::optional<Date> DateCell(const std::string& v) {
  if (std::optional<Date> d = Date::Parse(v)) return d;
  char* end = nullptr;
  double serial = std::strtod(v.c_str(), &end);
  if (v.empty() || end == v.c_str() || *end != '\0' || serial < 1 || serial > 2958465)
    return std::nullopt;
  static const long kEpoch = Date{1899, 12, 30}.ToDays();
  return Date::FromDays(kEpoch + static_cast<long>(serial));
}

std::string EventFromRow(const std::vector<std::string>& cells, const std::vector<int>& index,
                         const Codebook* codebook, Event* out) {
  auto cell = [&](int c) -> const std::string& {
    static const std::string kEmpty;
    int i = index[c];
    return i >= 0 && i < static_cast<int>(cells.size()) ? cells[i] : kEmpty;
  };
  Event e;
  e.id = cell(kId);
  std::optional<Date> begin = DateCell(cell(kDate));
  if (!begin) return "date '" + cell(kDate) + "' is not YYYY-MM-DD";
  std::optional<Date> end = cell(kDateEnd).empty() ? begin : DateCell(cell(kDateEnd));
  if (!end || *end < *begin) return "date_end '" + cell(kDateEnd) + "' is not a date after date";
  std::optional<DatePrecision> prec =
      cell(kPrecision).empty() ? DatePrecision::kDay : ParsePrecision(cell(kPrecision));
  if (!prec) return "date_precision '" + cell(kPrecision) + "' is not day, month or year";
  e.date = DateSpan{*begin, *end, *prec};
  // An actor may be missing: GDELT codes events with one actor.
  e.source = cell(kSource);
  e.target = cell(kTarget);
  e.source_country = cell(kSourceCountry);
  e.target_country = cell(kTargetCountry);
  e.source_name = cell(kSourceName);
  e.target_name = cell(kTargetName);
  e.source_label_ko = cell(kSourceLabelKo);
  e.source_label_en = cell(kSourceLabelEn);
  e.target_label_ko = cell(kTargetLabelKo);
  e.target_label_en = cell(kTargetLabelEn);
  e.code = cell(kCode);
  const CameoCode* cc = codebook != nullptr ? codebook->Find(e.code) : nullptr;
  if (e.code.empty() || (codebook != nullptr && cc == nullptr))
    return "code '" + e.code + "' is not a CAMEO event code";
  if (!cell(kGoldstein).empty()) {
    char* stop = nullptr;
    e.goldstein = std::strtod(cell(kGoldstein).c_str(), &stop);
    if (stop == nullptr || *stop != '\0' || !std::isfinite(e.goldstein))
      return "goldstein '" + cell(kGoldstein) + "' is not a number";
    if (e.goldstein < -10 || e.goldstein > 10)
      return "goldstein '" + cell(kGoldstein) + "' is outside the scale's -10 to 10";
  } else if (cc != nullptr) {
    e.goldstein = cc->goldstein;
  }
  if (!cell(kQuadClass).empty()) {
    const std::string& q = cell(kQuadClass);
    if (q.size() != 1 || q[0] < '1' || q[0] > '4') return "quad_class '" + q + "' is not 1-4";
    e.quad_class = q[0] - '0';
  } else if (cc != nullptr) {
    e.quad_class = cc->quad_class;
  }
  const std::string& sym = cell(kSymmetric);
  e.symmetric = sym == "1" || sym == "true";
  if (!cell(kMode).empty()) {
    std::optional<EventMode> mode = ParseMode(cell(kMode));
    if (!mode) return "mode '" + cell(kMode) + "' is not actual, expected, hypothetical or negated";
    e.mode = *mode;
  }
  e.action_ko = cell(kActionKo);
  e.action_en = cell(kActionEn);
  e.lang = cell(kLang);
  Mention m;
  m.doc = cell(kDoc);
  if (!ParseUint(cell(kSpanBegin), &m.span_begin) || !ParseUint(cell(kSpanEnd), &m.span_end))
    return "span_begin and span_end must be byte offsets";
  m.section = cell(kSection);
  m.evidence = cell(kEvidence);
  m.date = e.date;
  e.mentions.push_back(std::move(m));
  e.quotes = DecodeQuotes(cell(kQuote));
  e.attribution = cell(kAttribution);
  e.review = cell(kReview);
  if (!e.review.empty() && e.review != "accepted" && e.review != "edited" && e.review != "added")
    return "review '" + e.review + "' is not accepted, edited or added";
  if (!cell(kExt).empty()) {
    nlohmann::ordered_json o = nlohmann::ordered_json::parse(cell(kExt), nullptr, false);
    if (!o.is_object()) return "ext is not a JSON object";
    for (const auto& [k, v] : o.items())
      if (v.is_string()) e.ext.emplace_back(k, v.get<std::string>());
  }
  *out = std::move(e);
  return {};
}

}  // namespace dyad::io
