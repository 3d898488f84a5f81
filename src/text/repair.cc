// Design note. Repair works line by line in one pass after a survey of the whole text:
// the survey learns how the document was extracted (does every line carry a blank line after
// it? how wide is a full line? which short lines repeat like page furniture?), and the pass
// assigns each line to a block. Each block is assembled in a local buffer with its own offset
// map, cleaned (footnote numerals, whitespace), then appended; so the cost is linear in the
// input and every output byte keeps the extracted byte it came from.
#include "dyad/repair.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "dyad/utf8.h"
#include "text/repair_tables.h"

namespace dyad {

namespace text_internal {

std::string_view TrimWs(std::string_view s) {
  while (!s.empty()) {
    int len;
    size_t i = 0;
    char32_t c = utf8::Decode(s, i, &len);
    if (!utf8::IsSpace(c)) break;
    s.remove_prefix(len);
  }
  while (!s.empty()) {
    size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    int len;
    char32_t c = utf8::Decode(s, i, &len);
    if (!utf8::IsSpace(c)) break;
    s.remove_suffix(s.size() - i);
  }
  return s;
}

// A line that reads as prose ends a table: it holds a sentence end.
bool LooksLikeProse(std::string_view t) {
  return t.find("다.") != std::string_view::npos || t.find("다”") != std::string_view::npos ||
         (t.size() >= 3 && t.substr(t.size() - 3) == "다");
}

}  // namespace text_internal

namespace {

using text_internal::IsDatedPipeRow;
using text_internal::IsPipeLine;
using text_internal::IsPipeRule;
using text_internal::LooksLikeProse;
using text_internal::MarkCentredRows;
using text_internal::RowMark;
using text_internal::TrimWs;

struct Line {
  uint32_t begin, end;  // bytes of the extracted text, without the line break
  std::string_view text;
  std::string_view trimmed;
  bool blank = false;
  bool page_break_before = false;
  bool page_edge = false;  // among the first or last two non-blank lines of a page
};

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool StartsWithSpace(std::string_view s) {
  if (s.empty()) return false;
  int len;
  return utf8::IsSpace(utf8::Decode(s, 0, &len));
}

bool EndsWithSpace(std::string_view s) { return !s.empty() && utf8::IsSpace(utf8::Last(s)); }

bool IsPageNumber(std::string_view t) {
  // "12", "- 12 -", "12 / 30", "p. 12"; never "6/19", which is a chronology date.
  size_t slash = t.find('/');
  if (slash != std::string_view::npos && (slash == 0 || t[slash - 1] != ' ')) return false;
  // Its characters other than spaces, at most 12 (a longer line is no page number).
  char buf[12];
  size_t n = 0;
  for (char c : t) {
    if (c == ' ') continue;
    if (n == sizeof buf) return false;
    buf[n++] = c;
  }
  std::string_view s(buf, n);
  if (s.empty()) return false;
  size_t i = 0;
  if (s.substr(0, 2) == "p.") i = 2;
  bool digit = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '-' && c != '/' && c != '|') {
      return false;
    }
  }
  return digit;
}

bool IsTableTitle(std::string_view t) {
  for (std::string_view p : {"표", "<표", "[표", "〈표", "Table "}) {
    if (t.substr(0, p.size()) != p) continue;
    std::string_view rest = t.substr(p.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    return !rest.empty() && rest.front() >= '0' && rest.front() <= '9';
  }
  return false;
}

bool IsTableHeader(std::string_view t) {
  bool date = false, content = false;
  for (std::string_view w : {"날짜", "일자", "일시", "시기", "날 짜", "기간", "Date"})
    date |= t.find(w) != std::string_view::npos;
  for (std::string_view w : {"내용", "주요", "사항", "Event"})
    content |= t.find(w) != std::string_view::npos;
  return date && content && CodePoints(t) <= 30;
}

// Whether the line ends a sentence, ignoring a footnote numeral glued after the full stop.
bool EndsSentence(std::string_view t) {
  while (!t.empty() && t.back() >= '0' && t.back() <= '9') t.remove_suffix(1);
  if (t.empty()) return false;
  char32_t c = utf8::Last(t);
  if (c == 0x201D || c == 0x2019 || c == ')' || c == '"' || c == '\'') {  // closing quote
    t.remove_suffix(c == ')' || c == '"' || c == '\'' ? 1 : 3);
    if (t.empty()) return false;
    c = utf8::Last(t);
  }
  return c == '.' || c == '?' || c == '!' || c == 0x3002;
}

// A numbered section heading: "2. 판문점 회동과 스톡홀름 실무협상", "Ⅱ. 전망", "가. 배경".
bool IsNumberedHeading(std::string_view t, size_t full_width) {
  if (CodePoints(t) * 10 > full_width * 8 || LooksLikeProse(t) || EndsSentence(t)) return false;
  size_t i = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9' && i < 2) ++i;
  if (i > 0) return i + 1 < t.size() && (t[i] == '.' || t[i] == ')') && t[i + 1] == ' ';
  for (std::string_view p : {"Ⅰ.", "Ⅱ.", "Ⅲ.", "Ⅳ.", "Ⅴ.", "가.", "나.", "다.", "라.", "마."})
    if (t.substr(0, p.size()) == p && t.size() > p.size() && t[p.size()] == ' ') return true;
  return false;
}

// A quotation line of a statements table: "- “…”", "“…”".
bool IsQuoteLine(std::string_view t) {
  if (t.substr(0, 1) == "-" || t.substr(0, 3) == "·" || t.substr(0, 3) == "–") {
    t.remove_prefix(t[0] == '-' ? 1 : 3);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  }
  return t.substr(0, 3) == "“" || t.substr(0, 1) == "\"";
}

int ParseNum(std::string_view s, size_t* i, int max_digits) {
  int v = 0, n = 0;
  while (*i < s.size() && n < max_digits && s[*i] >= '0' && s[*i] <= '9') {
    v = v * 10 + (s[*i] - '0');
    ++*i, ++n;
  }
  return n == 0 ? -1 : v;
}

// Builds one block: appends extracted bytes collapsing whitespace, then removes footnotes.
class BlockBuilder {
 public:
  explicit BlockBuilder(std::string_view src) : src_(src) {}

  void Append(uint32_t b, uint32_t e) {
    text_.reserve(text_.size() + (e - b));
    offs_.reserve(offs_.size() + (e - b));
    wide_.reserve(wide_.size() + (e - b));
    for (uint32_t i = b; i < e;) {
      unsigned char a = static_cast<unsigned char>(src_[i]);
      if (a < 0x80) {  // ASCII, most of an English text: no decoding
        auto space = [](unsigned char x) {
          return x == ' ' || x == '\t' || x == '\r' || x == '\n' || x == '\f';
        };
        if (space(a)) {
          if (!text_.empty() && text_.back() != ' ') Push1(' ', i);
          ++i;
          continue;
        }
        // A run of visible ASCII bytes, appended whole.
        uint32_t j = i + 1;
        while (j < e && static_cast<unsigned char>(src_[j]) < 0x80 &&
               !space(static_cast<unsigned char>(src_[j])))
          ++j;
        text_.append(src_.data() + i, j - i);
        size_t o = offs_.size();
        offs_.resize(o + (j - i));
        for (uint32_t k = i; k < j; ++k) offs_[o + (k - i)] = k;
        wide_.resize(wide_.size() + (j - i), 0);
        i = j;
        continue;
      }
      int len;
      char32_t c = utf8::Decode(src_, i, &len);
      if (utf8::IsSpace(c) || c == '\f' || c == 0xFEFF) {
        if (!text_.empty() && text_.back() != ' ') Push(" ", i);
      } else if (c >= 0xFF01 && c <= 0xFF5E) {
        // Full-width forms ("６월 １９일", "（", "，") read as their ASCII letters and digits.
        char ascii = static_cast<char>(c - 0xFEE0);
        Push(std::string_view(&ascii, 1), i);
        wide_.back() = static_cast<uint8_t>(len);
        ++wide_count_;
      } else {
        Push(src_.substr(i, len), i);
      }
      i += len;
    }
  }
  // A separator between lines that needs a space (the previous line ended a sentence).
  void Space(uint32_t at) {
    if (!text_.empty() && text_.back() != ' ') Push(" ", at);
  }
  bool empty() const { return text_.empty(); }

  // Removes footnote numerals and trims; appends the block to out.
  void Flush(BlockKind kind, CleanText* out) {
    RemoveFootnotes();
    size_t b = 0, e = text_.size();
    while (b < e && text_[b] == ' ') ++b;
    while (e > b && text_[e - 1] == ' ') --e;
    if (b < e) {
      uint32_t start = static_cast<uint32_t>(out->text.size());
      out->text.append(text_, b, e - b);
      out->offsets.insert(out->offsets.end(), offs_.begin() + b, offs_.begin() + e);
      for (size_t k = b; k < e && wide_count_ > 0; ++k)
        if (wide_[k] != 0) out->wide.emplace_back(start + static_cast<uint32_t>(k - b), wide_[k]);
      out->blocks.push_back({kind, start, static_cast<uint32_t>(out->text.size())});
      out->text.push_back('\n');  // blocks are separated by a newline in the clean text
      out->offsets.push_back(offs_[e - 1] + 1);
    }
    text_.clear();
    offs_.clear();
    wide_.clear();
    wide_count_ = 0;
  }

 private:
  void Push1(char c, uint32_t at) {
    text_.push_back(c);
    offs_.push_back(at);
    wide_.push_back(0);
  }
  void Push(std::string_view bytes, uint32_t at) {
    for (size_t k = 0; k < bytes.size(); ++k) {
      text_.push_back(bytes[k]);
      offs_.push_back(at + static_cast<uint32_t>(bytes.size() == 1 ? 0 : k));
      wide_.push_back(0);
    }
  }

  // "…회담이었다.1 회담 직후" → "…회담이었다. 회담 직후"; also "…였다1." → "…였다.".
  void RemoveFootnotes() {
    // Every footnote mark has a digit; the text never holds two spaces running.
    if (text_.find_first_of("0123456789") == std::string::npos) return;
    // Into buffers each thread reuses, swapped with the block's: no allocation once warm.
    thread_local std::string t;
    thread_local std::vector<uint32_t> o;
    thread_local std::vector<uint8_t> w;
    t.clear(), o.clear(), w.clear();
    t.reserve(text_.size());
    o.reserve(offs_.size());
    w.reserve(wide_.size());
    for (size_t i = 0; i < text_.size();) {
      // "방북[4]해", "밝혔다.[1][2]": an encyclopedia's citation marks, wherever they stand.
      if (text_[i] == '[') {
        size_t j = i + 1;
        while (j < text_.size() && j - i <= 3 && text_[j] >= '0' && text_[j] <= '9') ++j;
        if (j > i + 1 && j < text_.size() && text_[j] == ']') {
          i = j + 1;
          continue;
        }
      }
      if (text_[i] >= '0' && text_[i] <= '9' && i > 0) {
        size_t j = i;
        while (j < text_.size() && j - i < 3 && text_[j] >= '0' && text_[j] <= '9') ++j;
        bool digits_end = j == text_.size() || !(text_[j] >= '0' && text_[j] <= '9');
        std::string_view before(text_.data(), i);
        char32_t prev = utf8::Last(before);
        bool after_stop = prev == '.' || prev == 0x201D || prev == 0x2019;
        bool stop_after_hangul = false;
        if (after_stop) {
          std::string_view b2 = before.substr(0, before.size() - (prev == '.' ? 1 : 3));
          char32_t pp = utf8::Last(b2);
          stop_after_hangul = utf8::IsHangulSyllable(pp) || pp == '.' || pp == 0x201D;
        }
        bool followed_ok = j == text_.size() || text_[j] == ' ' || text_[j] == ')';
        // "…였다1." : digits between a sentence-final syllable and the full stop.
        bool before_stop = prev == U'다' && j < text_.size() && text_[j] == '.';
        if (digits_end && ((after_stop && stop_after_hangul && followed_ok) || before_stop)) {
          i = j;
          continue;
        }
      }
      // Dropping a footnote may leave two spaces: the second goes.
      if (!(text_[i] == ' ' && !t.empty() && t.back() == ' ')) {
        t.push_back(text_[i]);
        o.push_back(offs_[i]);
        w.push_back(wide_[i]);
      }
      ++i;
    }
    text_.swap(t);
    offs_.swap(o);
    wide_.swap(w);
  }

  std::string_view src_;
  std::string text_;
  std::vector<uint32_t> offs_;
  std::vector<uint8_t> wide_;  // the source length of a character read narrower (full width)
  size_t wide_count_ = 0;
};

}  // namespace

bool IsTableRowStart(std::string_view line, size_t* date_len) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  int m = ParseNum(line, &i, 2);
  if (m < 1 || m > 12 || i >= line.size() || line[i] != '/') return false;
  ++i;
  int d = ParseNum(line, &i, 2);
  if (d < 1 || d > 31) return false;
  // Optional range: "~7/27", "~27", "-9/17".
  size_t save = i;
  if (i < line.size() && (line[i] == '~' || line[i] == '-')) {
    ++i;
    size_t k = i;
    int a = ParseNum(line, &k, 2);
    if (a >= 1) {
      if (k < line.size() && line[k] == '/') {
        ++k;
        int b = ParseNum(line, &k, 2);
        if (a <= 12 && b >= 1 && b <= 31)
          i = k;
        else
          i = save;
      } else if (a <= 31) {
        i = k;
      } else {
        i = save;
      }
    } else {
      i = save;
    }
  } else if (line.substr(i, 3) == "～") {
    // Full-width tilde.
    size_t k = i + 3;
    int a = ParseNum(line, &k, 2);
    if (a >= 1 && k < line.size() && line[k] == '/') {
      ++k;
      if (ParseNum(line, &k, 2) >= 1) i = k;
    }
  }
  // The date cell must end the line or be followed by a space or an opening bracket.
  if (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '(') return false;
  *date_len = i;
  return true;
}

std::pair<uint32_t, uint32_t> CleanText::SpanOf(uint32_t b, uint32_t e) const {
  if (b >= e) return {offsets[b], offsets[b]};
  // The last clean byte may be the first byte of a multi-byte character; find its end.
  uint32_t last = e - 1;
  while (last > b && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
  int len;
  utf8::Decode(text, last, &len);
  // A full-width character read as ASCII ends where its source bytes end.
  auto w = std::lower_bound(wide.begin(), wide.end(), std::make_pair(last, uint8_t{0}));
  if (w != wide.end() && w->first == last) len = w->second;
  uint32_t end = offsets[last] + static_cast<uint32_t>(len);
  if (len == 1 && text[last] == ' ') end = offsets[last] + 1;
  return {offsets[b], end};
}

namespace {
// Whether the quotation opened at line `first` has closed by line `last` (a wrapped quotation
// runs over lines until its ”).
template <typename Lines>
bool QuoteCloses(const Lines& lines, size_t first, size_t last) {
  int depth = 0;
  for (size_t k = first; k <= last; ++k) {
    std::string_view t = lines[k].text;
    for (size_t i = 0; i + 3 <= t.size(); ++i) {
      if (t.substr(i, 3) == "“") ++depth;
      if (t.substr(i, 3) == "”") --depth;
    }
  }
  return depth <= 0;
}
}  // namespace

CleanText RepairExtracted(std::string_view src, const RepairOptions& options) {
  // Survey: lines, blank-line doubling, full-line width, repeated short lines.
  std::vector<Line> lines;
  bool page_break = false;
  for (uint32_t pos = 0; pos <= src.size();) {
    // A loop, not find_first_of: that tries each byte against the set with a call.
    size_t nl = pos;
    while (nl < src.size() && src[nl] != '\n' && src[nl] != '\f') ++nl;
    if (nl >= src.size()) nl = std::string_view::npos;
    uint32_t end = nl == std::string_view::npos ? static_cast<uint32_t>(src.size())
                                                : static_cast<uint32_t>(nl);
    Line l;
    l.begin = pos;
    l.end = end;
    if (l.end > l.begin && src[l.end - 1] == '\r') --l.end;
    l.text = src.substr(l.begin, l.end - l.begin);
    l.trimmed = TrimWs(l.text);
    l.blank = l.trimmed.empty();
    l.page_break_before = page_break;
    page_break = nl != std::string_view::npos && src[nl] == '\f';
    lines.push_back(l);
    if (nl == std::string_view::npos) break;
    pos = static_cast<uint32_t>(nl) + 1;
  }

  // Page edges, where running headers and footers stand. A text with form feeds keeps its
  // furniture there; a repeated short line elsewhere (a table's "논의") is content.
  bool paged = false;
  {
    std::vector<size_t> page;  // the non-blank lines of the current page
    auto close_page = [&] {
      for (size_t k = 0; k < page.size(); ++k)
        if (k < 2 || k + 2 >= page.size()) lines[page[k]].page_edge = true;
      page.clear();
    };
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].page_break_before) {
        paged = true;
        close_page();
      }
      if (!lines[i].blank) page.push_back(i);
    }
    close_page();
  }
  size_t nonblank = 0, doubled = 0;
  std::vector<size_t> widths;
  std::unordered_map<std::string_view, int> seen;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank) continue;
    ++nonblank;
    if (i + 2 < lines.size() && lines[i + 1].blank && !lines[i + 2].blank) ++doubled;
    widths.push_back(CodePoints(lines[i].trimmed));
    if (lines[i].trimmed.size() <= 60) ++seen[lines[i].trimmed];
  }
  // Every line followed by one blank line: the blanks are artefacts, not paragraph breaks.
  // Too few lines say nothing of a pattern: a title, a blank line and two paragraphs are that.
  bool blank_artefacts = nonblank > 5 && doubled * 10 >= (nonblank - 1) * 7;
  size_t full_width = 0;
  if (!widths.empty()) {
    std::sort(widths.begin(), widths.end());
    full_width = widths[widths.size() * 9 / 10];
  }
  // Lines far wider than any page's (web pages, text saved from a browser) are paragraphs:
  // their line breaks are the author's, never wraps to be joined.
  bool unwrapped = full_width > 150;
  // (How a PDF's typesetter wrapped is read from its geometry, in pdf.cc: a line it broke at a
  // space ends in one there.)
  bool wraps_at_spaces = options.join_with_space;
  std::unordered_set<std::string_view> headers(options.running_headers.begin(),
                                               options.running_headers.end());
  // Tables whose date cells stand apart from their content (MarkCentredRows), found the way the
  // pass below finds tables: from a title to the first line that reads as prose.
  std::vector<RowMark> marks(lines.size(), RowMark::kDefault);
  {
    std::vector<size_t> table;
    std::vector<char> is_date, is_content;
    bool open = false;
    auto close = [&] {
      if (open) MarkCentredRows(table, is_date, is_content, &marks);
      table.clear(), is_date.clear(), is_content.clear();
      open = false;
    };
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& l = lines[i];
      if (l.blank) continue;
      if (IsTableTitle(l.trimmed)) {
        close();
        open = true;
        continue;
      }
      if (!open) continue;
      size_t dl;
      bool date = IsTableRowStart(l.trimmed, &dl);
      bool full_line = CodePoints(l.trimmed) * 100 >= full_width * 90;
      if (!date && (LooksLikeProse(l.trimmed) || full_line) && !IsQuoteLine(l.trimmed)) {
        close();
        continue;
      }
      bool content = !date && !IsTableHeader(l.trimmed) && !IsQuoteLine(l.trimmed) &&
                     !IsPageNumber(l.trimmed) && !headers.count(l.trimmed);
      table.push_back(i);
      is_date.push_back(date);
      is_content.push_back(content);
    }
    close();
  }

  // A line ending in an ending that closes a word ("…전략대화를" / "가졌다.").
  auto ClosesWord = [&](std::string_view t) {
    for (const std::string& w : options.word_final)
      if (t.size() > w.size() && t.substr(t.size() - w.size()) == w) return true;
    return false;
  };
  auto is_furniture = [&](const Line& l) {
    if (IsPageNumber(l.trimmed)) return true;
    if (headers.count(l.trimmed)) return true;
    size_t dl;
    auto it = seen.find(l.trimmed);
    return it != seen.end() && it->second >= 3 && (!paged || l.page_edge) &&
           !IsTableRowStart(l.trimmed, &dl) && !IsTableHeader(l.trimmed) &&
           CodePoints(l.trimmed) <= 30;
  };
  // A short line padded with spaces on both sides, holding no sentence: a heading, or a running
  // header when it interrupts a paragraph.
  auto is_padded_short = [&](const Line& l) {
    return StartsWithSpace(l.text) && EndsWithSpace(l.text) && CodePoints(l.trimmed) <= 15 &&
           !EndsSentence(l.trimmed) && !LooksLikeProse(l.trimmed);
  };

  CleanText out;
  out.text.reserve(src.size());
  out.offsets.reserve(src.size() + 1);
  BlockBuilder para(src), row(src);
  bool in_table = false;
  bool row_open = false;
  int blank_run = 0;
  auto flush_para = [&] { para.Flush(BlockKind::kParagraph, &out); };
  auto flush_row = [&] {
    if (row_open) row.Flush(BlockKind::kTableRow, &out);
    row_open = false;
  };
  auto single = [&](BlockKind k, const Line& l) {
    BlockBuilder b(src);
    b.Append(l.begin, l.end);
    b.Flush(k, &out);
  };

  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.blank) {
      ++blank_run;
      bool para_break = blank_artefacts ? blank_run >= 2 : true;
      if (para_break && !in_table) flush_para();
      continue;
    }
    blank_run = 0;
    if (is_furniture(l)) continue;
    size_t date_len;
    if (IsTableTitle(l.trimmed)) {
      flush_para();
      flush_row();
      single(BlockKind::kTableTitle, l);
      in_table = true;
      continue;
    }
    if (IsNumberedHeading(l.trimmed, full_width) && !IsTableTitle(l.trimmed)) {
      flush_row();
      in_table = false;
      flush_para();
      single(BlockKind::kHeading, l);
      continue;
    }
    if (IsPipeLine(l.trimmed) && !in_table) {
      // A flattened web table: each dated line a row of its own; the rule under its header,
      // and rows without a date (an infobox's "Type | Military alliance |"), kept out of prose.
      flush_para();
      bool dated = !IsPipeRule(l.trimmed) && IsDatedPipeRow(l.trimmed);
      single(dated ? BlockKind::kTableRow : BlockKind::kTableHeader, l);
      continue;
    }
    if (in_table && IsQuoteLine(l.trimmed)) {
      // "- “…”" under a statement row: its own block, continued until the quotation closes.
      flush_row();
      BlockBuilder q(src);
      q.Append(l.begin, l.end);
      size_t j = i;
      while (!QuoteCloses(lines, i, j) && j + 1 < lines.size()) {
        ++j;
        if (!lines[j].blank) q.Append(lines[j].begin, lines[j].end);
      }
      q.Flush(BlockKind::kTableQuote, &out);
      i = j;
      continue;
    }
    if (in_table) {
      if (IsTableHeader(l.trimmed)) {
        flush_row();
        single(BlockKind::kTableHeader, l);
        continue;
      }
      // A date cell alone on its line is a cell of its own: spaces on both sides.
      bool date_alone = IsTableRowStart(l.trimmed, &date_len) && date_len >= l.trimmed.size();
      if (marks[i] != RowMark::kDefault) {  // a centred or bottom-set row
        if (marks[i] == RowMark::kStart || !row_open) flush_row();
        if (date_alone) row.Space(l.begin);
        row.Append(l.begin, l.end);
        if (date_alone || ClosesWord(l.trimmed)) row.Space(l.end);
        row_open = true;
        continue;
      }
      if (IsTableRowStart(l.trimmed, &date_len)) {
        flush_row();
        row.Append(l.begin, l.end);
        if (date_alone || ClosesWord(l.trimmed)) row.Space(l.end);
        row_open = true;
        continue;
      }
      // A short indented line inside a table is a wrapped cell (" 면담 "), not a heading; a
      // line as wide as the text block is prose that follows the table, even before its "다.".
      bool full_line = CodePoints(l.trimmed) * 100 >= full_width * 90;
      if (!LooksLikeProse(l.trimmed) && !full_line) {
        if (row_open) {
          row.Append(l.begin, l.end);
          if (ClosesWord(l.trimmed)) row.Space(l.end);
        } else {
          single(BlockKind::kTableHeader, l);
        }
        continue;
      }
      flush_row();
      in_table = false;
    } else if (IsTableRowStart(l.trimmed, &date_len) && !LooksLikeProse(l.trimmed) &&
               para.empty()) {
      // A chronology without a title: rows open a table of their own.
      in_table = true;
      row.Append(l.begin, l.end);
      row_open = true;
      continue;
    }
    if (is_padded_short(l)) {
      // Mid-paragraph it is page furniture; between paragraphs, a heading.
      if (para.empty()) single(BlockKind::kHeading, l);
      continue;
    }
    para.Append(l.begin, l.end);
    if (ClosesWord(l.trimmed)) para.Space(l.end);
    if (unwrapped) {
      flush_para();
      continue;
    }
    // English wraps at spaces, which extraction drops: its lines always join with one.
    if (wraps_at_spaces) para.Space(l.end);
    if (EndsSentence(l.trimmed)) {
      // A sentence end on a short line closes the paragraph; on a full line it may be a wrap.
      if (CodePoints(l.trimmed) * 100 < full_width * 85) {
        flush_para();
      } else {
        para.Space(l.end);
      }
    }
  }
  flush_row();
  flush_para();
  out.offsets.push_back(out.offsets.empty() ? 0 : out.offsets.back());
  return out;
}

}  // namespace dyad
