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

// The fields of one JSON Lines object that make a feed item, read by SAX: the line is checked
// as JSON whole, but only "text", "date" and "id" at its top level are kept (no tree is built).
class ItemFields : public nlohmann::json::json_sax_t {
 public:
  std::optional<std::string> text, id, date;
  bool date_seen = false;
  bool is_object = false;

  bool null() override { return Scalar(nullptr); }
  bool boolean(bool) override { return Scalar(nullptr); }
  bool number_integer(number_integer_t v) override { return Number(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Number(std::to_string(v)); }
  bool number_float(number_float_t, const string_t&) override { return Scalar(nullptr); }
  bool string(string_t& v) override { return Scalar(&v); }
  bool binary(binary_t&) override { return Scalar(nullptr); }
  bool start_object(std::size_t) override {
    if (depth_ == 0) is_object = true;
    Nested();
    ++depth_;
    key_ = Key::kOther;
    return true;
  }
  bool key(string_t& k) override {
    if (depth_ == 1)
      key_ = k == "text"   ? Key::kText
             : k == "date" ? Key::kDate
             : k == "id"   ? Key::kId
                           : Key::kOther;
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    Nested();
    ++depth_;
    return true;
  }
  bool end_array() override {
    --depth_;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception&) override {
    return false;
  }

 private:
  enum class Key { kOther, kText, kDate, kId };
  // An object or array as a field's value: a "date" so is no date, a "text" no text.
  void Nested() {
    if (depth_ != 1) return;
    if (key_ == Key::kDate) date_seen = true, date = std::string();
    if (key_ == Key::kText) text_wrong_ = true;
  }
  bool Scalar(string_t* v) {
    if (depth_ != 1) return true;
    if (key_ == Key::kDate) date_seen = true;
    if (v == nullptr) {
      if (key_ == Key::kDate) date = std::string();  // not a date
      if (key_ == Key::kText) text_wrong_ = true;
      return true;
    }
    if (key_ == Key::kText) text = std::move(*v), text_wrong_ = false;
    if (key_ == Key::kDate) date = std::move(*v);
    if (key_ == Key::kId) id = std::move(*v);
    return true;
  }
  bool Number(std::string v) {
    if (depth_ != 1) return true;
    if (key_ == Key::kDate) date_seen = true, date = std::move(v);
    if (key_ == Key::kText) text_wrong_ = true;
    return true;
  }
  int depth_ = 0;
  Key key_ = Key::kOther;
  bool text_wrong_ = false;

 public:
  bool text_is_string() const { return text.has_value() && !text_wrong_; }
};

Result<std::vector<FeedItem>> ReadJsonLines(const std::string& path, std::istream& in,
                                            std::vector<std::string>* problems) {
  std::vector<FeedItem> out;
  std::string line;
  size_t line_no = 0;
  auto where = [&] { return path + ":" + std::to_string(line_no); };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (line.size() > kMaxRecord) {
      problems->push_back(where() + ": line longer than 16 MB, skipped");
      continue;
    }
    if (out.size() >= kMaxItems) {
      problems->push_back(where() + ": more than 1,000,000 items; the rest is not read");
      break;
    }
    ItemFields f;
    bool parsed = nlohmann::json::sax_parse(line, &f, nlohmann::json::input_format_t::json,
                                            /*strict=*/true);
    if (!parsed || !f.is_object) {
      problems->push_back(where() + ": not a JSON object");
      continue;
    }
    if (!f.text_is_string()) {
      problems->push_back(where() + ": no \"text\" string");
      continue;
    }
    std::optional<Date> date;
    if (f.date_seen) {
      std::string s = f.date.value_or("");
      date = ParseFeedDate(s);
      if (!date) {
        problems->push_back(where() + ": \"date\" '" + s + "' is not a date (YYYY-MM-DD)");
        continue;
      }
    }
    std::string name = f.id ? path + "#" + *f.id : where();
    if (auto err = ItemDocument(*f.text, name, &out, date))
      problems->push_back(where() + ": " + *err);
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
