#include "dyad/jsonl.h"

#include <charconv>
#include <cstdio>

namespace dyad {

void AppendJsonString(std::string* out, std::string_view s) {
  out->push_back('"');
  // Runs of bytes that need no escape (nearly all of them) are appended whole.
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(u, sizeof u);
      }
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

namespace {

// A date as "YYYY-MM-DD", quoted, without a temporary string.
void AppendDate(std::string* o, const Date& d) {
  char b[12] = {'"'};
  int y = d.year < 0 ? 0 : d.year % 10000;
  b[1] = static_cast<char>('0' + y / 1000), b[2] = static_cast<char>('0' + y / 100 % 10);
  b[3] = static_cast<char>('0' + y / 10 % 10), b[4] = static_cast<char>('0' + y % 10);
  b[5] = '-', b[6] = static_cast<char>('0' + d.month / 10 % 10);
  b[7] = static_cast<char>('0' + d.month % 10), b[8] = '-';
  b[9] = static_cast<char>('0' + d.day / 10 % 10), b[10] = static_cast<char>('0' + d.day % 10);
  b[11] = '"';
  o->append(b, 12);
}

void AppendInt(std::string* o, long long v) {
  char b[24];
  auto r = std::to_chars(b, b + sizeof b, v);
  o->append(b, r.ptr);
}

void DateField(std::string* o, const char* name, const Date& d) {
  *o += ",\"";
  *o += name;
  *o += "\":";
  AppendDate(o, d);
}

void SpanField(std::string* o, uint32_t begin, uint32_t end) {
  *o += ",\"span\":[";
  AppendInt(o, begin);
  o->push_back(',');
  AppendInt(o, end);
  o->push_back(']');
}

void Field(std::string* o, const char* name, std::string_view v) {
  *o += ",\"";
  *o += name;
  *o += "\":";
  AppendJsonString(o, v);
}
}  // namespace

std::string EventToJson(const Event& e) {
  std::string o;
  AppendEventJson(&o, e);
  return o;
}

void AppendEventJson(std::string* out, const Event& e) {
  std::string& o = *out;
  o += "{\"date\":";
  AppendDate(&o, e.date.begin);
  DateField(&o, "date_end", e.date.end);
  Field(&o, "date_precision", PrecisionName(e.date.precision));
  Field(&o, "source", e.source);
  Field(&o, "target", e.target);
  Field(&o, "source_country", e.source_country);
  Field(&o, "target_country", e.target_country);
  Field(&o, "source_name", e.source_name);
  Field(&o, "target_name", e.target_name);
  Field(&o, "code", e.code);
  // Goldstein weights have one decimal (−10.0 … 10.0); printed as "%.1f" would.
  char buf[48];
  auto g = std::to_chars(buf, buf + sizeof buf, e.goldstein, std::chars_format::fixed, 1);
  o += ",\"goldstein\":";
  o.append(buf, g.ptr);
  o += ",\"quad_class\":";
  AppendInt(&o, e.quad_class);
  Field(&o, "lang", e.lang);
  const Mention& m = e.Primary();
  Field(&o, "doc", m.doc);
  SpanField(&o, m.span_begin, m.span_end);
  Field(&o, "evidence", m.evidence);
  Field(&o, "section", m.section);
  Field(&o, "mode", ModeName(e.mode));
  o += ",\"quote\":[";
  for (size_t i = 0; i < e.quotes.size(); ++i) {
    if (i) o += ',';
    AppendJsonString(&o, e.quotes[i]);
  }
  o += ']';
  Field(&o, "attribution", e.attribution);
  o += e.symmetric ? ",\"symmetric\":true" : ",\"symmetric\":false";
  o += ",\"mentions\":[";
  for (size_t i = 0; i < e.mentions.size(); ++i) {
    const Mention& x = e.mentions[i];
    if (i) o += ',';
    o += "{\"doc\":";
    AppendJsonString(&o, x.doc);
    SpanField(&o, x.span_begin, x.span_end);
    Field(&o, "section", x.section);
    DateField(&o, "date", x.date.begin);
    DateField(&o, "date_end", x.date.end);
    o += '}';
  }
  o += ']';
  Field(&o, "source_label_ko", e.source_label_ko);
  Field(&o, "source_label_en", e.source_label_en);
  Field(&o, "target_label_ko", e.target_label_ko);
  Field(&o, "target_label_en", e.target_label_en);
  Field(&o, "action_ko", e.action_ko);
  Field(&o, "action_en", e.action_en);
  Field(&o, "date_basis", e.date_basis);
  if (!e.id.empty()) Field(&o, "id", e.id);
  if (!e.review.empty()) Field(&o, "review", e.review);
  if (!e.ext.empty()) {
    o += ",\"ext\":{";
    for (size_t i = 0; i < e.ext.size(); ++i) {
      if (i) o += ',';
      AppendJsonString(&o, e.ext[i].first);
      o += ':';
      AppendJsonString(&o, e.ext[i].second);
    }
    o += '}';
  }
  o += '}';
}

}  // namespace dyad
