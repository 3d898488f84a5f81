// PDF text through poppler-cpp. Pages are rebuilt from poppler's words in the order a reader
// sees lines — by vertical centre, then left to right; the left column before the right on a
// two-column page — joined with form feeds so page boundaries stay visible to the repair step.
// Footnotes (smaller type at the foot of a page) are moved after the last page, behind a form
// feed of their own, so they never cut a paragraph that runs on to the next page.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <vector>

#include "dyad/document.h"
#include "dyad/utf8.h"

namespace dyad {

namespace {

void SilentDebug(const std::string&, void*) {}

// The bytes a Flate stream inflates to, counted in a scratch buffer and not kept, up to `cap`
// (past it, cap + 1). A damaged stream counts what came out before the damage.
size_t InflatedSize(std::string_view raw, size_t cap) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return 0;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(raw.size(), UINT32_MAX));
  unsigned char buf[1 << 16];
  size_t total = 0;
  int rc = Z_OK;
  while (rc == Z_OK && total <= cap) {
    z.next_out = buf;
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    total += sizeof buf - z.avail_out;
    if (rc == Z_BUF_ERROR && z.avail_out == sizeof buf) break;  // no progress: input ended
  }
  inflateEnd(&z);
  return std::min(total, cap + 1);
}

// The content a PDF's streams hold once decoded, before poppler reads any of it: a small file
// whose stream inflates to a gigabyte of drawing operators made poppler's text layout take
// 23 GB. Page and form content is counted (inflated in a scratch buffer, Flate only); images
// and embedded fonts are not, as they are drawn, not laid out as text.
Status CheckStreams(std::string_view pdf, const std::string& name) {
  size_t total = 0;
  for (size_t pos = 0;;) {
    size_t at = pdf.find("stream", pos);
    if (at == std::string_view::npos) return Status::Ok();
    pos = at + 6;
    if (at >= 3 && pdf.compare(at - 3, 3, "end") == 0) continue;
    size_t data = at + 6;
    if (data < pdf.size() && pdf[data] == '\r') ++data;
    if (data >= pdf.size() || pdf[data] != '\n') {
      if (data == at + 6) continue;  // not the keyword
    } else {
      ++data;
    }
    size_t end = pdf.find("endstream", data);
    if (end == std::string_view::npos) end = pdf.size();
    pos = end;
    // The stream's dictionary: from its object's header to the keyword.
    size_t from = at > 4096 ? at - 4096 : 0;
    std::string_view head = pdf.substr(from, at - from);
    if (size_t obj = head.rfind(" obj"); obj != std::string_view::npos) head = head.substr(obj);
    auto has = [&](std::string_view w) { return head.find(w) != std::string_view::npos; };
    if (has("/Image") || has("/Length1") || has("/Type1C") || has("/CIDFontType0C") ||
        has("/OpenType"))
      continue;
    std::string_view raw = pdf.substr(data, end - data);
    size_t room = kMaxPdfContentBytes - total;
    total += has("/FlateDecode") ? InflatedSize(raw, room) : raw.size();
    if (total > kMaxPdfContentBytes)
      return Status::InvalidInput(name + ": its pages' content decodes past " +
                                  std::to_string(kMaxPdfContentBytes >> 20) +
                                  " MB (a decompression bomb?); refused before layout");
  }
}

struct Word {
  double x, y, w, h;
  std::string text;
  bool space_after;
  double cy() const { return y + h / 2; }
};

// A page's words grouped into lines: by vertical centre (a cell's word set lower or higher by
// vertical centring still shares the line it sits on), then left to right. Sorting by x puts a
// table's date cell before its content even when the PDF draws the content first.
std::vector<std::vector<Word>> Lines(std::vector<Word> words) {
  std::sort(words.begin(), words.end(),
            [](const Word& a, const Word& b) { return a.cy() < b.cy(); });
  std::vector<std::vector<Word>> lines;
  double centre = 0, height = 0;
  for (Word& w : words) {
    if (lines.empty() || std::abs(w.cy() - centre) > std::max(height, w.h) * 0.5) {
      lines.emplace_back();
      centre = w.cy();
      height = w.h;
    }
    lines.back().push_back(std::move(w));
  }
  for (auto& l : lines)
    std::stable_sort(l.begin(), l.end(), [](const Word& a, const Word& b) { return a.x < b.x; });
  return lines;
}

// The x of a gutter between two columns of text: a vertical strip in the middle of the page
// (35-65% of the text's width) that no word crosses, with words on both sides of it in most
// lines. 0 when the page is one column.
double Gutter(const std::vector<std::vector<Word>>& lines, double left, double right) {
  if (lines.size() < 6 || right - left <= 0) return 0;
  const int kBins = 60;
  std::vector<int> covered(kBins, 0);
  double width = right - left;
  for (const auto& l : lines)
    for (const Word& w : l) {
      int b0 = std::clamp(static_cast<int>((w.x - left) / width * kBins), 0, kBins - 1);
      int b1 = std::clamp(static_cast<int>((w.x + w.w - left) / width * kBins), 0, kBins - 1);
      for (int b = b0; b <= b1; ++b) ++covered[b];
    }
  int best = -1;
  for (int b = kBins * 35 / 100; b <= kBins * 65 / 100; ++b)
    if (covered[b] == 0 && (best < 0 || std::abs(b - kBins / 2) < std::abs(best - kBins / 2)))
      best = b;
  if (best < 0) return 0;
  double x = left + (best + 0.5) * width / kBins;
  size_t both = 0;
  for (const auto& l : lines) {
    bool l_side = false, r_side = false;
    for (const Word& w : l) (w.x + w.w <= x ? l_side : r_side) = true;
    both += l_side && r_side;
  }
  return both * 2 >= lines.size() ? x : 0;
}

// Whether a word starts (or ends) in Hangul.
bool HangulAt(const std::string& s, bool last) {
  if (s.empty()) return false;
  char32_t c = last ? utf8::Last(s) : [&] {
    int len;
    return utf8::Decode(s, 0, &len);
  }();
  return utf8::IsHangulSyllable(c);
}

// Appends one line: words joined by a space where the gap between them is one (or poppler saw
// one), an indented line with a leading space, a line that ended at a word boundary with a
// trailing one — the signals the repair step reads to join wrapped lines. Where the script
// changes ("2024" → "년"), typesetters add a little space of their own; a gap narrower than the
// page's spaces there is not a space.
void AppendLine(const std::vector<Word>& line, double margin, double space_gap,
                bool wraps_at_spaces, std::string* out) {
  if (line.front().x - margin > line.front().h * 0.3) *out += ' ';
  for (size_t i = 0; i < line.size(); ++i) {
    if (i > 0) {
      const Word& p = line[i - 1];
      double gap = line[i].x - (p.x + p.w);
      bool script_change = HangulAt(p.text, true) != HangulAt(line[i].text, false);
      bool space = gap > line[i].h * 0.15 || (p.space_after && gap > line[i].h * 0.05);
      if (script_change && space_gap > 0 && gap < space_gap * 0.8) space = false;
      if (space) *out += ' ';
    }
    *out += line[i].text;
  }
  if (line.back().space_after || wraps_at_spaces) *out += ' ';
  *out += '\n';
}

// Evidence of how a typesetter wrapped lines: at spaces (word processors) or anywhere (HWP). A
// line that continues — it ends in no sentence end, and the next line of its block follows at
// the ordinary line pitch — yet stops short of its block's right edge by more than a character
// and less than the next line's first word was broken before that word: the character would
// have fit, the word did not. A line stopping short by more than that word was not. Blocks are
// lines sharing a left edge (a column, a table cell).
struct WrapEvidence {
  int candidates = 0, broken_early = 0, fitted = 0;
  void Add(const std::vector<std::vector<Word>>& lines, double body_h);
  bool AtSpaces() const {
    return broken_early >= 2 && broken_early * 5 >= candidates && fitted * 10 <= candidates;
  }
};

void WrapEvidence::Add(const std::vector<std::vector<Word>>& lines, double body_h) {
  struct Edge {
    double left, right, first_word, cy;
    bool continues;
  };
  std::vector<Edge> edges;
  std::vector<double> pitches;
  for (const auto& l : lines) {
    const std::string& last = l.back().text;
    char32_t c = last.empty() ? 0 : utf8::Last(last);
    bool ends = c == '.' || c == '?' || c == '!' || c == ':' || c == U'다' || c == U'”';
    edges.push_back({l.front().x, l.back().x + l.back().w, l.front().w, l.front().cy(), !ends});
    if (edges.size() > 1) {
      double d = edges.back().cy - edges[edges.size() - 2].cy;
      if (d > 0) pitches.push_back(d);
    }
  }
  if (pitches.empty()) return;
  std::nth_element(pitches.begin(), pitches.begin() + pitches.size() / 2, pitches.end());
  double pitch = pitches[pitches.size() / 2];
  for (size_t i = 0; i + 1 < edges.size(); ++i) {
    if (!edges[i].continues) continue;
    double right_max = 0;
    int next = -1;
    for (size_t j = 0; j < edges.size(); ++j) {
      if (std::abs(edges[j].left - edges[i].left) > 2) continue;
      right_max = std::max(right_max, edges[j].right);
      if (j > i && next < 0) next = static_cast<int>(j);
    }
    if (next < 0 || edges[next].cy - edges[i].cy > pitch * 1.25) continue;
    if ((edges[i].right - edges[i].left) * 2 < right_max - edges[i].left) continue;
    ++candidates;
    double gap = right_max - edges[i].right;
    if (gap > body_h && gap < edges[next].first_word + body_h * 0.5) ++broken_early;
    if (gap > edges[next].first_word + body_h * 0.5) ++fitted;
  }
}

// A table row whose cells are centred vertically sets a short cell (the date) beside the middle
// of a long one: "푸틴 대통령 방북, … / 6/19 관계에 관한 조약 체결, … / 상호 지원을 …". Lines whose
// gaps are the ordinary line pitch form a band (a row: rows are set apart by their cells'
// padding); words of a later line of the band that stand in a column of their own, left of
// where the band's first line begins, move to the start of that first line, so a row reads as
// it does when its cells are set at the top.
void RejoinCentredCells(std::vector<std::vector<Word>>* lines, double body_h) {
  std::vector<double> pitches;
  for (size_t i = 1; i < lines->size(); ++i) {
    double d = (*lines)[i].back().cy() - (*lines)[i - 1].back().cy();
    if (d > 0) pitches.push_back(d);
  }
  if (pitches.size() < 2) return;
  // The line pitch is the smaller of the usual gaps: in a table of short rows, gaps between
  // rows may outnumber gaps within them.
  std::nth_element(pitches.begin(), pitches.begin() + pitches.size() / 5, pitches.end());
  double pitch = pitches[pitches.size() / 5];
  size_t band = 0;
  for (size_t i = 1; i <= lines->size(); ++i) {
    bool ends =
        i == lines->size() || (*lines)[i].back().cy() - (*lines)[i - 1].back().cy() > pitch * 1.25;
    if (!ends) continue;
    std::vector<Word>& first = (*lines)[band];
    double x0 = first.front().x;
    for (size_t j = band + 1; j < i; ++j) {
      std::vector<Word>& l = (*lines)[j];
      size_t n = 0;  // the leading words standing in a column left of the band's start
      while (n < l.size() && l[n].x + l[n].w < x0 - body_h * 0.3) ++n;
      if (n == 0) continue;
      bool own_column = n == l.size() || l[n].x - (l[n - 1].x + l[n - 1].w) > body_h;
      if (!own_column) continue;
      first.insert(first.begin(), l.begin(), l.begin() + static_cast<long>(n));
      l.erase(l.begin(), l.begin() + static_cast<long>(n));
      break;  // one short cell per band
    }
    band = i;
  }
  std::erase_if(*lines, [](const std::vector<Word>& l) { return l.empty(); });
}

// A page's lines in reading order, with what AppendLine needs to write them.
struct PageLayout {
  std::vector<std::vector<Word>> body, notes;  // notes: footnotes at the foot of the page
  std::vector<double> margins;                 // the left edge of each body line's column
  double left = 0, space_gap = 0;
};

// Lays out a page from poppler's words: lines in reading order, the left column before the
// right on a two-column page. Footnotes — lines of smaller type below the body — are kept apart,
// so a paragraph running on to the next page is not cut by them.
PageLayout Layout(const poppler::page& page, WrapEvidence* wraps) {
  PageLayout out;
  std::vector<Word> words;
  for (const poppler::text_box& b : page.text_list()) {
    poppler::rectf r = b.bbox();
    poppler::byte_array utf8 = b.text().to_utf8();
    words.push_back({r.x(), r.y(), r.width(), r.height(), std::string(utf8.begin(), utf8.end()),
                     b.has_space_after()});
  }
  if (words.empty()) return out;
  double left = 1e18, right = -1e18;
  std::vector<double> heights;
  for (const Word& w : words) {
    left = std::min(left, w.x);
    right = std::max(right, w.x + w.w);
    heights.push_back(w.h);
  }
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  double body_h = heights[heights.size() / 2];
  std::vector<std::vector<Word>> lines = Lines(words);
  // The page's ordinary space: the median gap after words poppler saw a space after.
  std::vector<double> gaps;
  for (const auto& l : lines)
    for (size_t i = 1; i < l.size(); ++i) {
      double gap = l[i].x - (l[i - 1].x + l[i - 1].w);
      if (l[i - 1].space_after && gap > 0 && gap < l[i].h) gaps.push_back(gap);
    }
  if (!gaps.empty()) {
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
    out.space_gap = gaps[gaps.size() / 2];
  }
  out.left = left;
  // Footnotes: the run of lines at the foot of the page set smaller than the body.
  size_t body_end = lines.size();
  while (body_end > 1) {
    const auto& l = lines[body_end - 1];
    double h = 0;
    for (const Word& w : l) h = std::max(h, w.h);
    if (h >= body_h * 0.85) break;
    --body_end;
  }
  // Not footnotes when the page is mostly small type, or they hold a page number alone.
  if (body_end * 2 < lines.size()) body_end = lines.size();
  std::vector<std::vector<Word>> body(lines.begin(), lines.begin() + body_end);
  out.notes.assign(lines.begin() + body_end, lines.end());
  double gutter = Gutter(body, left, right);
  // The body's lines in reading order: the left column's, then the right's.
  if (gutter > 0) {
    std::vector<Word> l_words, r_words;
    for (auto& l : body)
      for (Word& w : l) (w.x + w.w <= gutter ? l_words : r_words).push_back(std::move(w));
    for (auto& l : Lines(std::move(l_words)))
      out.body.push_back(std::move(l)), out.margins.push_back(left);
    for (auto& l : Lines(std::move(r_words)))
      out.body.push_back(std::move(l)), out.margins.push_back(gutter);
  } else {
    out.body = std::move(body);
    out.margins.assign(out.body.size(), left);
  }
  RejoinCentredCells(&out.body, body_h);
  out.margins.resize(out.body.size(), left);
  wraps->Add(out.body, body_h);
  return out;
}

// The page's text. Its last line ends at the form feed that separates pages, not at a
// newline: an empty line there would read as a paragraph break in the middle of a sentence.
std::string PageText(const PageLayout& page, bool at_spaces, std::string* notes) {
  std::string out;
  for (size_t i = 0; i < page.body.size(); ++i)
    AppendLine(page.body[i], page.margins[i], page.space_gap, at_spaces, &out);
  for (const auto& l : page.notes) AppendLine(l, page.left, page.space_gap, at_spaces, notes);
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

Result<Document> ExtractPdf(std::string_view bytes, const std::string& name) {
  // poppler prints syntax warnings to stderr by default; dyad reports its own errors.
  poppler::set_debug_error_function(SilentDebug, nullptr);
  if (Status s = CheckStreams(bytes, name); !s.ok()) return s;
  std::vector<char> data(bytes.begin(), bytes.end());
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size())));
  if (!pdf) return Status::InvalidInput(name + ": corrupt PDF (poppler could not open it)");
  if (pdf->is_locked()) return Status::InvalidInput(name + ": encrypted PDF; unlock it first");
  Document doc;
  doc.path = name;
  doc.format = "pdf";
  doc.encoding = "pdf";
  // Lay out every page first: how the typesetter wrapped lines is decided over the document.
  // Bounded in pages, in time and in text: a small file of dense or numberless pages cannot
  // hold the process for minutes or gigabytes (repro pdf-unbounded).
  if (pdf->pages() > kMaxPdfPages)
    return Status::InvalidInput(name + ": " + std::to_string(pdf->pages()) + " pages, past the " +
                                std::to_string(kMaxPdfPages) + " a document may have; split it");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kMaxPdfSeconds);
  std::vector<PageLayout> pages;
  WrapEvidence wraps;
  for (int i = 0; i < pdf->pages(); ++i) {
    if (std::chrono::steady_clock::now() > deadline)
      return Status::InvalidInput(name + ": laying out its pages took more than " +
                                  std::to_string(kMaxPdfSeconds) + " s (stopped at page " +
                                  std::to_string(i + 1) + "); split it");
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page)
      return Status::InvalidInput(name + ": corrupt PDF (page " + std::to_string(i + 1) + ")");
    pages.push_back(Layout(*page, &wraps));
  }
  bool at_spaces = wraps.AtSpaces();
  std::string notes;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) doc.text += '\f';
    doc.text += PageText(pages[i], at_spaces, &notes);
    if (doc.text.size() > kMaxDocumentTextBytes)
      return Status::InvalidInput(
          name + ": its text is past the " + std::to_string(kMaxDocumentTextBytes >> 20) +
          " MB a document may hold (at page " + std::to_string(i + 1) + "); split it");
  }
  // Footnotes follow the last page, after a form feed of their own.
  if (!notes.empty()) doc.text += "\f" + notes;
  doc.text += '\n';
  // Writers that scrub or lack a clock stamp the Unix epoch or a similar zero date. Born-digital
  // briefs all postdate 1990-01-01, so an earlier CreationDate says nothing about when this one
  // was written and is ignored.
  constexpr time_t kEarliestCreation = 631152000;  // 1990-01-01T00:00:00Z
  if (time_t t = pdf->info_date_t("CreationDate"); t > kEarliestCreation) {
    long days = static_cast<long>(t / 86400);
    doc.pdf_created = Date::FromDays(days);
  }
  if (!utf8::IsValid(doc.text)) return Status::InvalidInput(name + ": PDF text is not valid UTF-8");
  bool empty = doc.text.find_first_not_of(" \t\r\n\f") == std::string::npos;
  if (empty) return Status::InvalidInput(name + ": PDF has no extractable text (scanned image?)");
  return doc;
}

}  // namespace dyad
