// Document dates and voices. Design note: a header line is recognised by what it lacks — after
// the date and its furniture (labels, times, weekdays, agencies, dashes) nothing may remain —
// so a sentence that merely names a date is never taken for the document's date. Lines are
// normalised first (full-width digits and punctuation to ASCII, no-break spaces to spaces), so
// "２０２４년 ６월" reads as "2024년 6월".
#include "dyad/document_date.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "dyad/utf8.h"

namespace dyad {

namespace {

std::string Normalise(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size();) {
    int len;
    char32_t c = utf8::Decode(line, i, &len);
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII
    if (c == 0x3000 || c == 0xA0 || c == '\t' || c == '\r' || c == 0xFEFF) c = ' ';
    utf8::Append(&out, c);
    i += len;
  }
  return out;
}

bool IsDigitAt(std::string_view s, size_t i) {
  return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
}

// Reads up to `max` digits at *i; -1 when there are none.
int Digits(std::string_view s, size_t* i, int max) {
  int v = 0, n = 0;
  while (n < max && IsDigitAt(s, *i)) v = v * 10 + (s[(*i)++] - '0'), ++n;
  return n == 0 ? -1 : v;
}

void SkipSpaces(std::string_view s, size_t* i) {
  while (*i < s.size() && s[*i] == ' ') ++*i;
}

bool Consume(std::string_view s, size_t* i, std::string_view word) {
  if (s.substr(*i).starts_with(word)) {
    *i += word.size();
    return true;
  }
  return false;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// "June", "Jun.", "Sept." at *i: the month, and *i past it.
int EnglishMonth(std::string_view s, size_t* i) {
  size_t j = *i;
  std::string word;
  while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j])))
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(s[j++])));
  if (word.size() < 3) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    bool full = word == kMonths[m];
    bool abbrev = word.size() <= 4 && kMonths[m].starts_with(word);
    if (!full && !abbrev) continue;
    if (abbrev && j < s.size() && s[j] == '.') ++j;
    *i = j;
    return static_cast<int>(m) + 1;
  }
  return 0;
}

bool Valid(int y, int m, int d) { return y >= 1900 && y <= 2100 && Date::IsValid(y, m, d); }

// A date at *i in one of the header forms; *i moves past it. `labelled` admits a two-digit
// year ("작성날자 26-01-14"), which unlabelled is too easily a score or a count.
std::optional<Date> DateAt(std::string_view s, size_t* i, bool labelled, int year_hint) {
  size_t j = *i;
  // 주체113(2024)년: the Juche year with the common era in brackets.
  if (Consume(s, &j, "주체")) {
    if (Digits(s, &j, 3) < 0 || !Consume(s, &j, "(")) return std::nullopt;
    int y = Digits(s, &j, 4);
    if (!Consume(s, &j, ")") || !Consume(s, &j, "년")) return std::nullopt;
    size_t k = j;
    SkipSpaces(s, &k);
    int m = Digits(s, &k, 2);
    if (m < 0 || !Consume(s, &k, "월")) return std::nullopt;
    SkipSpaces(s, &k);
    int d = Digits(s, &k, 2);
    if (d < 0 || !Consume(s, &k, "일") || !Valid(y, m, d)) return std::nullopt;
    *i = k;
    return Date{y, m, d};
  }
  if (IsDigitAt(s, j)) {
    size_t k = j;
    int first = Digits(s, &k, 4);
    size_t width = k - j;
    if (width == 4 && Consume(s, &k, "년")) {  // 2024년 6월 19일
      SkipSpaces(s, &k);
      int m = Digits(s, &k, 2);
      if (m < 0 || !Consume(s, &k, "월")) return std::nullopt;
      SkipSpaces(s, &k);
      int d = Digits(s, &k, 2);
      if (d < 0 || !Consume(s, &k, "일") || !Valid(first, m, d)) return std::nullopt;
      *i = k;
      return Date{first, m, d};
    }
    if ((width == 4 || (width == 2 && labelled)) && k < s.size() &&
        (s[k] == '.' || s[k] == '-' || s[k] == '/')) {  // 2024.06.19, 2024-06-19, 26-01-14
      char sep = s[k++];
      SkipSpaces(s, &k);
      int m = Digits(s, &k, 2);
      if (m < 0 || k >= s.size() || s[k] != sep) return std::nullopt;
      ++k;
      SkipSpaces(s, &k);
      int d = Digits(s, &k, 2);
      if (d < 0 || IsDigitAt(s, k)) return std::nullopt;
      if (k < s.size() && s[k] == '.' && sep == '.') ++k;
      int y = width == 4 ? first : (first < 50 ? 2000 + first : 1900 + first);
      if (!Valid(y, m, d)) return std::nullopt;
      *i = k;
      return Date{y, m, d};
    }
    if (width <= 2 && first >= 1 && first <= 31) {  // 19 June 2024
      SkipSpaces(s, &k);
      int m = EnglishMonth(s, &k);
      if (m == 0) return std::nullopt;
      SkipSpaces(s, &k);
      if (k < s.size() && s[k] == ',') ++k;
      SkipSpaces(s, &k);
      int y = Digits(s, &k, 4);
      if (y < 0 || !Valid(y, m, first)) return std::nullopt;
      *i = k;
      return Date{y, m, first};
    }
    return std::nullopt;
  }
  // June 19, 2024; Oct. 26, 2023; June 19 (with the year from the hint, in a wire dateline).
  size_t k = j;
  int m = EnglishMonth(s, &k);
  if (m == 0) return std::nullopt;
  SkipSpaces(s, &k);
  int d = Digits(s, &k, 2);
  if (d < 1) return std::nullopt;
  size_t after_day = k;
  if (k < s.size() && s[k] == ',') ++k;
  SkipSpaces(s, &k);
  int y = Digits(s, &k, 4);
  if (y < 1000) {
    if (year_hint == 0) return std::nullopt;
    y = year_hint;
    k = after_day;
  }
  if (!Valid(y, m, d)) return std::nullopt;
  *i = k;
  return Date{y, m, d};
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Strips a date label at *i ("기사입력", "Posted on"), with a colon after it.
bool StripLabel(std::string_view s, size_t* i, const DocumentCues& cues) {
  std::string lower = Lower(s.substr(*i));
  for (const std::string& label : cues.date_labels) {
    if (!lower.starts_with(Lower(label))) continue;
    *i += label.size();
    SkipSpaces(s, i);
    if (*i < s.size() && s[*i] == ':') ++*i;
    SkipSpaces(s, i);
    return true;
  }
  return false;
}

// What may stand beside a header date: times, weekdays, agencies in brackets, dashes, bars and
// labels. True when nothing else is left.
bool OnlyFurniture(std::string_view s, size_t i, const DocumentCues& cues) {
  // A byline after the date: a name or two and the byline's word ("성재영 기자").
  std::string_view rest = utf8::TrimAscii(s.substr(std::min(i, s.size())));
  for (const std::string& b : cues.bylines)
    if (rest.size() > b.size() && rest.size() <= b.size() + 32 && rest.ends_with(b) &&
        rest.find_first_of("0123456789.") == std::string_view::npos)
      return true;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '-' || c == '|' || c == ',' || c == '.' || c == ':' || c == '/') {
      ++i;
      continue;
    }
    if (IsDigitAt(s, i)) {  // 09:33, 09:33:11
      size_t k = i;
      Digits(s, &k, 2);
      if (k < s.size() && s[k] == ':') {
        ++k;
        if (Digits(s, &k, 2) < 0) return false;
        if (k < s.size() && s[k] == ':') {  // seconds
          ++k;
          if (Digits(s, &k, 2) < 0) return false;
        }
        i = k;
        continue;
      }
      return false;
    }
    if (c == '(' || c == '[') {  // (수), (Yonhap), [KST]
      size_t close = s.find(c == '(' ? ')' : ']', i);
      if (close == std::string_view::npos || close - i > 40) return false;
      i = close + 1;
      continue;
    }
    std::string lower = Lower(s.substr(i));
    bool skipped = false;
    for (std::string_view w : {"am", "pm", "kst", "utc", "gmt", "edt", "est"})
      if (lower.starts_with(w) && (lower.size() == w.size() ||
                                   !std::isalpha(static_cast<unsigned char>(lower[w.size()])))) {
        i += w.size();
        skipped = true;
        break;
      }
    if (skipped) continue;
    if (StripLabel(s, &i, cues)) continue;
    // "\xE2\x80\x94" (em dash), "\xE2\x80\x93" (en dash), "\xC2\xB7" (middle dot)
    if (Consume(s, &i, "\xE2\x80\x94") || Consume(s, &i, "\xE2\x80\x93") ||
        Consume(s, &i, "\xC2\xB7"))
      continue;
    return false;
  }
  return true;
}

bool IsUpperWord(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c)))
      letter = true;
    else if (c != ' ' && c != '.' && c != '&' && c != '-')
      return false;
  }
  return letter;
}

std::optional<Date> ReadCell(std::string_view s, const DocumentCues& cues, int year_hint) {
  size_t i = 0;
  auto skip_lead = [&] {
    for (;;) {
      SkipSpaces(s, &i);
      if (i < s.size() && (s[i] == '-' || s[i] == '|' || s[i] == '*')) {
        ++i;
        continue;
      }
      if (Consume(s, &i, "\xE2\x80\x94") || Consume(s, &i, "\xE2\x80\x93") ||
          Consume(s, &i, "\xE2\x80\xA2") || Consume(s, &i, "\xC2\xB7"))
        continue;
      break;
    }
  };
  skip_lead();
  bool labelled = StripLabel(s, &i, cues);
  skip_lead();
  std::optional<Date> d = DateAt(s, &i, labelled, year_hint);
  if (d && OnlyFurniture(s, i, cues)) return d;
  // A wire dateline: "SEOUL, June 19 (Yonhap) --", "WASHINGTON, D.C., Jan. 5, 2024 -".
  size_t comma = s.find(',');
  if (comma == std::string_view::npos || comma > 40 || !IsUpperWord(s.substr(0, comma)))
    return std::nullopt;
  size_t j = comma + 1;
  SkipSpaces(s, &j);
  size_t dash = s.find("--");
  if (dash == std::string_view::npos) dash = s.find(" - ");
  if (dash == std::string_view::npos) dash = s.find("\xE2\x80\x94");
  if (dash == std::string_view::npos) return std::nullopt;
  for (int tries = 0; tries < 3 && j < dash; ++tries) {
    size_t k = j;
    if (std::optional<Date> w = DateAt(s, &k, false, year_hint)) {
      if (OnlyFurniture(s.substr(0, dash), k, cues)) return w;
      return std::nullopt;
    }
    size_t next = s.find(',', j);  // "WASHINGTON, D.C., June 19": skip a second place
    if (next == std::string_view::npos || next > dash) return std::nullopt;
    j = next + 1;
    SkipSpaces(s, &j);
  }
  return std::nullopt;
}

// The most frequent four-digit year from 1900 to 2100 in the text; 0 without one.
int FrequentYear(std::string_view text) {
  std::map<int, int> counts;
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    if (i > 0 && IsDigitAt(text, i - 1)) continue;
    size_t k = i;
    int y = Digits(text, &k, 4);
    if (k - i == 4 && !IsDigitAt(text, k) && y >= 1900 && y <= 2100) ++counts[y];
  }
  int best = 0, n = 0;
  for (auto [y, c] : counts)
    if (c > n) best = y, n = c;
  return best;
}

// "새해 {Y}년을 맞이": the pattern with a four-digit year where {Y} stands, anywhere in text.
std::optional<std::pair<int, size_t>> FindPattern(std::string_view text, std::string_view pat) {
  size_t hole = pat.find("{Y}");
  if (hole == std::string_view::npos) return std::nullopt;
  std::string_view before = pat.substr(0, hole), after = pat.substr(hole + 3);
  if (before.empty()) {  // "{Y}년 새해를 맞": find what follows the year, look back for it
    for (size_t at = text.find(after); at != std::string_view::npos;
         at = text.find(after, at + 1)) {
      if (at < 4 || (at > 4 && IsDigitAt(text, at - 5))) continue;
      size_t k = at - 4;
      int y = Digits(text, &k, 4);
      if (k != at || y < 1900 || y > 2100) continue;
      return std::make_pair(y, at - 4);
    }
    return std::nullopt;
  }
  for (size_t at = text.find(before); at != std::string_view::npos;
       at = text.find(before, at + 1)) {
    size_t k = at + before.size();
    size_t start = k;
    int y = Digits(text, &k, 4);
    if (k - start != 4 || IsDigitAt(text, k) || !text.substr(k).starts_with(after)) continue;
    if (y < 1900 || y > 2100) continue;
    return std::make_pair(y, at);
  }
  return std::nullopt;
}

}  // namespace

std::string_view DocumentDateSourceName(DocumentDateSource s) {
  switch (s) {
    case DocumentDateSource::kOption:
      return "option";
    case DocumentDateSource::kFeed:
      return "feed";
    case DocumentDateSource::kHeader:
      return "header";
    case DocumentDateSource::kGenre:
      return "genre";
    case DocumentDateSource::kPdfInfo:
      return "pdf";
    case DocumentDateSource::kMarkup:
      return "markup";
  }
  return "header";
}

std::optional<Date> ReadHeaderDate(std::string_view line, const DocumentCues& cues, int year_hint) {
  // A header line is short and holds a digit (ASCII, or full-width: EF BC 90..99).
  if (line.size() > 240) return std::nullopt;
  if (line.find_first_of("0123456789") == std::string_view::npos &&
      line.find("\xEF\xBC") == std::string_view::npos)
    return std::nullopt;
  // It opens with a date, a label, a dash or bar, or a word in Latin letters; a line opening on
  // other Korean words is prose.
  size_t first = line.find_first_not_of(" \t-|*");
  if (first != std::string_view::npos && static_cast<unsigned char>(line[first]) >= 0xEA &&
      static_cast<unsigned char>(line[first]) <= 0xED) {
    std::string_view rest = line.substr(first);
    bool labelled = rest.starts_with("주체");
    for (const std::string& label : cues.date_labels) labelled |= rest.starts_with(label);
    if (!labelled) return std::nullopt;
  }
  std::string s = Normalise(line);
  if (s.find('|') == std::string::npos) return ReadCell(s, cues, year_hint);
  // "NEWS | Oct. 26, 2023": one cell is the date, the others are labels in capitals. A table
  // row ("판문점 선언 | 2018년 4월 27일 |") is not a header.
  std::optional<Date> found;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find('|', b);
    if (e == std::string::npos) e = s.size();
    std::string_view cell = utf8::TrimAscii(std::string_view(s).substr(b, e - b));
    if (!cell.empty()) {
      if (!found) {
        if ((found = ReadCell(cell, cues, year_hint))) {
          b = e + 1;
          continue;
        }
      }
      size_t i = 0;
      bool label = StripLabel(cell, &i, cues) && i == cell.size();
      if (!label && !IsUpperWord(cell)) return std::nullopt;
    }
    b = e + 1;
  }
  return found;
}

std::optional<DocumentDate> FindDocumentDate(std::string_view text, const DocumentCues& cues,
                                             int max_lines) {
  std::string_view head = text.substr(0, std::min<size_t>(text.size(), 4096));
  struct Line {
    size_t b, e;
  };
  std::vector<Line> lines;
  for (size_t b = 0; b < head.size() && static_cast<int>(lines.size()) < max_lines;) {
    size_t e = head.find('\n', b);
    if (e == std::string_view::npos) e = head.size();
    // Blank: nothing but spaces, tabs, carriage returns and a BOM.
    std::string_view raw = head.substr(b, e - b);
    bool blank = true;
    for (size_t i = 0; i < raw.size() && blank;) {
      if (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r') {
        ++i;
      } else if (raw.substr(i).starts_with("\xEF\xBB\xBF") ||
                 raw.substr(i).starts_with("\xE3\x80\x80")) {
        i += 3;  // BOM, ideographic space
      } else {
        blank = false;
      }
    }
    if (!blank) lines.push_back({b, e});
    b = e + 1;
  }
  auto span = [&](const Line& l, Date d, DocumentDateSource src) {
    DocumentDate out;
    out.date = d;
    out.source = src;
    out.begin = static_cast<uint32_t>(l.b);
    out.end = static_cast<uint32_t>(l.e);
    while (out.end > out.begin && (text[out.end - 1] == '\r' || text[out.end - 1] == ' '))
      --out.end;
    return out;
  };
  for (const Line& l : lines)
    if (std::optional<Date> d = ReadHeaderDate(head.substr(l.b, l.e - l.b), cues, 0))
      return span(l, *d, DocumentDateSource::kHeader);
  // A wire dateline without its year ("SEOUL, June 19 (Yonhap) --") takes the text's most
  // frequent year; counted only when a line has a dateline's dash.
  int year_hint = -1;
  for (const Line& l : lines) {
    std::string_view line = head.substr(l.b, l.e - l.b);
    if (line.size() > 240 || line.find(',') == std::string_view::npos ||
        (line.find("--") == std::string_view::npos && line.find(" - ") == std::string_view::npos &&
         line.find("\xE2\x80\x94") == std::string_view::npos))
      continue;
    if (year_hint < 0)
      year_hint = FrequentYear(text.substr(0, std::min<size_t>(text.size(), 1 << 16)));
    if (year_hint == 0) break;
    if (std::optional<Date> d = ReadHeaderDate(line, cues, year_hint))
      return span(l, *d, DocumentDateSource::kHeader);
  }
  // A dated genre: its title names the genre ("2019년 신년사"), the year from the title or
  // from the genre's greeting ("새해 2016년을 맞이합니다"); or the greeting alone.
  for (size_t li = 0; li < lines.size() && li < 5; ++li) {
    const Line& l = lines[li];
    std::string_view raw = head.substr(l.b, l.e - l.b);
    // A title: one of the first lines, short, and no sentence ("…은 2018년 1월 1일 신년사를
    //통해 …" tells of a New Year address; it is not one).
    if (utf8::TrimAscii(raw).size() > 90 || raw.find("다.") != std::string_view::npos) continue;
    for (const DocumentCues::Genre& g : cues.genres) {
      if (raw.find(g.cue) == std::string_view::npos) continue;
      std::string line = Normalise(raw);
      int year = 0;
      for (size_t i = 0; i + 4 <= line.size() && year == 0; ++i) {
        size_t k = i;
        if (i > 0 && IsDigitAt(line, i - 1)) continue;
        int y = Digits(line, &k, 4);
        if (k - i == 4 && !IsDigitAt(line, k) && y >= 1900 && y <= 2100) year = y;
      }
      for (const DocumentCues::Genre& gr : cues.greetings) {
        if (year != 0) break;
        if (auto hit = FindPattern(head, gr.cue)) year = hit->first;
      }
      if (year != 0 && Date::IsValid(year, g.month, g.day))
        return span(l, Date{year, g.month, g.day}, DocumentDateSource::kGenre);
    }
  }
  for (const DocumentCues::Genre& gr : cues.greetings) {
    auto hit = FindPattern(head, gr.cue);
    if (!hit || !Date::IsValid(hit->first, gr.month, gr.day)) continue;
    size_t b = head.rfind('\n', hit->second);
    b = b == std::string_view::npos ? 0 : b + 1;
    size_t e = head.find('\n', hit->second);
    if (e == std::string_view::npos) e = head.size();
    return span(Line{b, e}, Date{hit->first, gr.month, gr.day}, DocumentDateSource::kGenre);
  }
  return std::nullopt;
}

std::optional<Date> ParsePdfDate(std::string_view s) {
  if (s.starts_with("D:")) s.remove_prefix(2);
  if (s.size() < 8) return std::nullopt;
  size_t i = 0;
  int y = Digits(s, &i, 4);
  int m = Digits(s, &i, 2);
  int d = Digits(s, &i, 2);
  if (i != 8 || !Valid(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

void DocumentCues::Index() {
  // Each key is at most one voice (the loader refuses a repeated voice cue) and perhaps also a
  // first-person word.
  std::map<std::string, int32_t> packed;
  for (size_t v = 0; v < voices.size(); ++v)
    if (!voices[v].cue.empty()) packed[voices[v].cue] |= static_cast<int32_t>(v + 1) << 1;
  for (const std::string& f : first_person)
    if (!f.empty()) packed[f] |= 1;
  matcher = Trie::Build(std::vector<std::pair<std::string, int32_t>>(packed.begin(), packed.end()));
}

VoiceReading ReadVoice(std::string_view text, const DocumentCues& cues, int min_hits) {
  text = text.substr(0, std::min<size_t>(text.size(), 1 << 20));
  std::vector<int> hits(cues.voices.size(), 0);
  VoiceReading out;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a character
    bool word_start = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '"' ||
                      text[i - 1] == '\'';
    cues.matcher.PrefixMatches(text, i, [&](size_t, int32_t value) {
      if (value >> 1 != 0) ++hits[static_cast<size_t>(value >> 1) - 1];
      if ((value & 1) != 0 && word_start) ++out.first_person;
    });
  }
  std::map<std::string, int> by_state;
  for (size_t v = 0; v < hits.size(); ++v)
    if (hits[v] > 0) by_state[cues.voices[v].country] += hits[v];
  int n = 0, second = 0;
  for (const auto& [country, c] : by_state) {
    if (c > n) {
      second = n;
      out.voice = country, n = c;
    } else if (c > second) {
      second = c;
    }
  }
  if (n < min_hits || n < 2 * second) out.voice.clear();
  return out;
}

}  // namespace dyad
