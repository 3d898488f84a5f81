#include "dyad/jsonl.h"

#include <cstdio>

namespace dyad {

void AppendJsonString(std::string* out, std::string_view s) {
  out->push_back('"');
  for (char c : s) {
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
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

namespace {
void Field(std::string* o, const char* name, std::string_view v) {
  *o += ",\"";
  *o += name;
  *o += "\":";
  AppendJsonString(o, v);
}
}  // namespace

std::string EventToJson(const Event& e) {
  std::string o = "{\"date\":";
  AppendJsonString(&o, e.date.begin.ToIso());
  Field(&o, "date_end", e.date.end.ToIso());
  Field(&o, "date_precision", PrecisionName(e.date.precision));
  Field(&o, "source", e.source);
  Field(&o, "target", e.target);
  Field(&o, "source_country", e.source_country);
  Field(&o, "target_country", e.target_country);
  Field(&o, "source_name", e.source_name);
  Field(&o, "target_name", e.target_name);
  Field(&o, "code", e.code);
  char buf[96];
  std::snprintf(buf, sizeof buf, ",\"goldstein\":%.1f,\"quad_class\":%d", e.goldstein,
                e.quad_class);
  o += buf;
  Field(&o, "lang", e.lang);
  const Mention& m = e.Primary();
  Field(&o, "doc", m.doc);
  std::snprintf(buf, sizeof buf, ",\"span\":[%u,%u]", m.span_begin, m.span_end);
  o += buf;
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
    std::snprintf(buf, sizeof buf, ",\"span\":[%u,%u]", x.span_begin, x.span_end);
    o += buf;
    Field(&o, "section", x.section);
    Field(&o, "date", x.date.begin.ToIso());
    Field(&o, "date_end", x.date.end.ToIso());
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
  return o;
}

}  // namespace dyad
