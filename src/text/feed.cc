// Feeds: JSON Lines read line by line with nlohmann-json, PETRARCH story XML with expat.
#include "dyad/feed.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/xml.h"
#include "dyad/utf8.h"

namespace dyad {

namespace {

constexpr size_t kMaxRecord = size_t{16} << 20;
constexpr size_t kMaxItems = 1000000;

bool EndsWith(const std::string& s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

// A feed item's text as a document named for where it came from; the problem when it is none.
std::optional<std::string> ItemDocument(const std::string& text, const std::string& name,
                                        std::vector<FeedItem>* out, std::optional<Date> date) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return "empty text";
  if (!utf8::IsValid(text)) return "text is not valid UTF-8";
  FeedItem item;
  item.doc.path = name;
  item.doc.format = "feed";
  item.doc.encoding = "utf-8";
  item.doc.text = text;
  item.date = date;
  out->push_back(std::move(item));
  return std::nullopt;
}

Result<std::vector<FeedItem>> ReadJsonLines(const std::string& path, std::istream& in,
                                            std::vector<std::string>* problems) {
  std::vector<FeedItem> out;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::string where = path + ":" + std::to_string(line_no);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (line.size() > kMaxRecord) {
      problems->push_back(where + ": line longer than 16 MB, skipped");
      continue;
    }
    if (out.size() >= kMaxItems) {
      problems->push_back(where + ": more than 1,000,000 items; the rest is not read");
      break;
    }
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      problems->push_back(where + ": not a JSON object");
      continue;
    }
    auto text = j.find("text");
    if (text == j.end() || !text->is_string()) {
      problems->push_back(where + ": no \"text\" string");
      continue;
    }
    std::optional<Date> date;
    if (auto d = j.find("date"); d != j.end()) {
      std::string s = d->is_string()           ? d->get<std::string>()
                      : d->is_number_integer() ? std::to_string(d->get<long long>())
                                               : "";
      date = ParseFeedDate(s);
      if (!date) {
        problems->push_back(where + ": \"date\" '" + s + "' is not a date (YYYY-MM-DD)");
        continue;
      }
    }
    std::string name = where;
    if (auto id = j.find("id"); id != j.end() && id->is_string())
      name = path + "#" + id->get<std::string>();
    if (auto err = ItemDocument(text->get<std::string>(), name, &out, date))
      problems->push_back(where + ": " + *err);
  }
  if (in.bad()) return Status::IoError(path + ": read error");
  return out;
}

struct XmlFeed {
  std::string path;
  std::vector<FeedItem>* out;
  std::vector<std::string>* problems;
  bool in_sentence = false, in_text = false;
  std::string date, id, text;
  int line = 0;
};

void OnStart(XmlFeed* st, std::string_view n, const char** attrs, int line) {
  if (n == "Sentence" || n == "Story") {
    st->in_sentence = true;
    st->date.clear(), st->id.clear(), st->text.clear();
    st->line = line;
    if (const char* v = xml::Attr(attrs, "date")) st->date = v;
    if (const char* v = xml::Attr(attrs, "id")) st->id = v;
  } else if (n == "Text" && st->in_sentence) {
    st->in_text = true;
  }
}

void OnEnd(XmlFeed* st, std::string_view n) {
  if (n == "Text") st->in_text = false;
  if ((n != "Sentence" && n != "Story") || !st->in_sentence) return;
  st->in_sentence = false;
  std::string where = st->path + ":" + std::to_string(st->line);
  if (st->out->size() >= kMaxItems) return;
  std::optional<Date> date;
  if (!st->date.empty()) {
    date = ParseFeedDate(st->date);
    if (!date) {
      st->problems->push_back(where + ": date '" + st->date + "' is not a date (YYYYMMDD)");
      return;
    }
  }
  std::string doc_name = st->id.empty() ? where : st->path + "#" + st->id;
  if (auto err = ItemDocument(st->text, doc_name, st->out, date))
    st->problems->push_back(where + ": " + *err);
}

void OnText(XmlFeed* st, std::string_view s) {
  if (st->in_text && st->text.size() + s.size() <= kMaxRecord) st->text.append(s);
}

}  // namespace

bool IsFeedPath(const std::string& path) {
  return EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson") || EndsWith(path, ".xml");
}

std::optional<Date> ParseFeedDate(std::string_view s) {
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') return Date::Parse(s.substr(0, 10));
  if (s.size() == 8 && s.find_first_not_of("0123456789") == std::string_view::npos)
    return Date::Parse(std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" +
                       std::string(s.substr(6, 2)));
  return std::nullopt;
}

Result<std::vector<FeedItem>> ReadFeed(const std::string& path,
                                       std::vector<std::string>* problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open file (missing or unreadable)");
  if (!EndsWith(path, ".xml")) return ReadJsonLines(path, in, problems);
  std::ostringstream buf;
  buf << in.rdbuf();
  std::vector<FeedItem> out;
  XmlFeed st{path, &out, problems};
  xml::Handlers h;
  h.start = [&](std::string_view n, const char** attrs) { OnStart(&st, n, attrs, h.line); };
  h.end = [&](std::string_view n) { OnEnd(&st, n); };
  h.text = [&](std::string_view s) { OnText(&st, s); };
  // Records read before a syntax error are kept; the error is named.
  if (Status s = xml::Parse(buf.str(), path, &h); !s.ok()) {
    problems->push_back(s.message());
    if (out.empty()) return s;
  }
  return out;
}

}  // namespace dyad
