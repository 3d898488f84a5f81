#include "dyad/segment.h"

#include "dyad/utf8.h"

namespace dyad {

namespace {

// "Jan. 18", "Gen. Kim", "Mr. Putin": the word before a period is an English abbreviation.
bool EnglishAbbreviation(std::string_view before) {
  size_t b = before.size();
  while (b > 0 && ((before[b - 1] >= 'a' && before[b - 1] <= 'z') ||
                   (before[b - 1] >= 'A' && before[b - 1] <= 'Z')))
    --b;
  std::string_view w = before.substr(b);
  if (w.empty() || (b > 0 && before[b - 1] != ' ' && before[b - 1] != '(')) return false;
  for (std::string_view a :
       {"Jan",  "Feb", "Mar",  "Apr", "Jun", "Jul", "Aug",   "Sep", "Sept", "Oct",
        "Nov",  "Dec", "Mr",   "Mrs", "Ms",  "Dr",  "Gen",   "Lt",  "Col",  "Maj",
        "Capt", "Sgt", "Adm",  "Gov", "Sen", "Rep", "Prof",  "St",  "No",   "Jr",
        "Sr",   "Inc", "Corp", "Ltd", "Co",  "vs",  "approx"})
    if (w == a) return true;
  return false;
}

void SplitSentences(const CleanText& clean, const Block& b, uint32_t para,
                    std::vector<Segment>* out) {
  std::string_view t = clean.text;
  uint32_t start = b.begin;
  int quote_depth = 0;
  for (uint32_t i = b.begin; i < b.end;) {
    int len;
    char32_t c = utf8::Decode(t, i, &len);
    if (c == 0x201C) ++quote_depth;                     // “
    if (c == 0x201D && quote_depth > 0) --quote_depth;  // ”
    bool stop = (c == '.' || c == '?' || c == '!' || c == 0x3002) && quote_depth == 0;
    if (stop && c == '.' && i > b.begin) {
      char p = t[i - 1];
      bool next_digit = i + 1 < b.end && t[i + 1] >= '0' && t[i + 1] <= '9';
      // "U.S.", "Donald J. Trump": a capital alone before the period is an initial; an
      // acronym ("the DPRK.") ends its sentence.
      auto letter = [](char x) { return (x >= 'A' && x <= 'Z') || (x >= 'a' && x <= 'z'); };
      bool initial = p >= 'A' && p <= 'Z' && (i - 1 == b.begin || !letter(t[i - 2]));
      if ((p >= '0' && p <= '9' && next_digit) || initial) stop = false;
      if (stop && EnglishAbbreviation(t.substr(b.begin, i - b.begin))) stop = false;
    }
    i += len;
    if (!stop) continue;
    // Closing quotes and brackets right after the stop belong to the sentence.
    while (i < b.end) {
      char32_t n = utf8::Decode(t, i, &len);
      if (n != 0x201D && n != 0x2019 && n != ')' && n != '"') break;
      i += len;
    }
    if (i < b.end && t[i] != ' ') {
      // "…했다.북한은" (a join without space) still ends the sentence; "3.5" does not.
      char32_t n = utf8::Decode(t, i, &len);
      if (!utf8::IsHangulSyllable(n) && n != 0x201C) continue;
    }
    out->push_back({Segment::Kind::kSentence, start, i, para});
    while (i < b.end && t[i] == ' ') ++i;
    start = i;
  }
  if (start < b.end) out->push_back({Segment::Kind::kSentence, start, b.end, para});
}

}  // namespace

std::vector<Segment> SegmentText(const CleanText& clean) {
  std::vector<Segment> out;
  uint32_t para = 0;
  bool in_table = false;
  for (const Block& b : clean.blocks) {
    switch (b.kind) {
      case BlockKind::kParagraph:
        ++para;
        in_table = false;
        SplitSentences(clean, b, para, &out);
        break;
      case BlockKind::kHeading:
        ++para;
        in_table = false;
        out.push_back({Segment::Kind::kHeading, b.begin, b.end, para});
        break;
      case BlockKind::kTableTitle:
        ++para;
        in_table = true;
        out.push_back({Segment::Kind::kTableTitle, b.begin, b.end, para});
        break;
      case BlockKind::kTableHeader:
        break;
      case BlockKind::kTableQuote:
        out.push_back({Segment::Kind::kQuote, b.begin, b.end, para});
        break;
      case BlockKind::kTableRow: {
        if (!in_table) ++para, in_table = true;
        size_t cell = 0;
        IsTableRowStart(clean.Slice(b.begin, b.end), &cell);
        out.push_back({Segment::Kind::kTableRow, b.begin, b.end, para,
                       b.begin + static_cast<uint32_t>(cell)});
        break;
      }
    }
  }
  return out;
}

}  // namespace dyad
