// Writes a PDF whose text is a given UTF-8 file, line by line, as a brief's PDF would hold it:
// a Type0 font with Identity-H encoding and a ToUnicode map, so text extraction (poppler) reads
// back the characters. No glyphs are embedded: the file exists to test text extraction, not to
// look right on screen.
//
// Usage: make_pdf IN.txt OUT.pdf   (blank lines in IN are skipped)
//
// A line that ends in a space (a wrap at a word boundary) is drawn with that space at the start
// of the next line instead: text extraction drops a space glyph that ends a line but reports
// an indented line, so the word boundary survives the round trip the way it does in a PDF whose
// wrapped lines are set flush with a leading space.
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<char32_t> Decode(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string Hex4(unsigned v) {
  char b[8];
  std::snprintf(b, sizeof b, "%04X", v);
  return b;
}

std::string Utf16Hex(char32_t c) {
  if (c < 0x10000) return Hex4(c);
  c -= 0x10000;
  return Hex4(0xD800 + (c >> 10)) + Hex4(0xDC00 + (c & 0x3FF));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_pdf IN.txt OUT.pdf\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "make_pdf: cannot read %s\n", argv[1]);
    return 1;
  }
  std::vector<std::vector<char32_t>> lines;
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (l.find_first_not_of(' ') == std::string::npos) continue;
    lines.push_back(Decode(l));
  }
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].empty() || lines[i].back() != U' ') continue;
    while (!lines[i].empty() && lines[i].back() == U' ') lines[i].pop_back();
    if (lines[i + 1].empty() || lines[i + 1].front() != U' ')
      lines[i + 1].insert(lines[i + 1].begin(), U' ');
  }
  std::map<char32_t, unsigned> cid;
  for (const auto& l : lines)
    for (char32_t c : l) cid.emplace(c, 0);
  unsigned next = 1;
  for (auto& [c, id] : cid) id = next++;

  const int kLinesPerPage = 50;
  std::vector<std::string> pages;
  for (size_t i = 0; i < lines.size(); i += kLinesPerPage) {
    std::string s = "BT\n/F1 10 Tf\n";
    for (size_t k = i; k < lines.size() && k < i + kLinesPerPage; ++k) {
      int y = 800 - static_cast<int>(k - i) * 15;
      s += "1 0 0 1 40 " + std::to_string(y) + " Tm\n<";
      for (char32_t c : lines[k]) s += Hex4(cid[c]);
      s += "> Tj\n";
    }
    s += "ET\n";
    pages.push_back(s);
  }

  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<unsigned, char32_t>> entries;
  for (auto& [c, id] : cid) entries.emplace_back(id, c);
  for (size_t i = 0; i < entries.size(); i += 100) {
    size_t n = std::min<size_t>(100, entries.size() - i);
    cmap += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k)
      cmap += "<" + Hex4(entries[k].first) + "> <" + Utf16Hex(entries[k].second) + ">\n";
    cmap += "endbfchar\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

  // Widths: full-width for Hangul and CJK, half for the rest.
  std::string widths = "[";
  for (auto& [c, id] : cid) {
    bool wide = c >= 0x1100 && c != 0x2018 && c != 0x2019;
    widths += std::to_string(id) + " [" + (wide ? "1000" : "500") + "] ";
  }
  widths += "]";

  std::vector<std::string> objs;  // object bodies, numbered from 1
  objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objs.push_back("");  // pages, filled below
  objs.push_back(
      "<< /Type /Font /Subtype /Type0 /BaseFont /DyadTestFont /Encoding /Identity-H "
      "/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>");
  objs.push_back(
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DyadTestFont "
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
      "/FontDescriptor 6 0 R /DW 1000 /W " +
      widths + " /CIDToGIDMap /Identity >>");
  objs.push_back("<< /Length " + std::to_string(cmap.size()) + " >>\nstream\n" + cmap +
                 "endstream");
  objs.push_back(
      "<< /Type /FontDescriptor /FontName /DyadTestFont /Flags 4 "
      "/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 "
      "/CapHeight 700 /StemV 80 >>");
  std::string kids;
  for (size_t p = 0; p < pages.size(); ++p) {
    size_t page_obj = objs.size() + 1;
    size_t content_obj = page_obj + 1;
    objs.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
        "<< /F1 3 0 R >> >> /Contents " +
        std::to_string(content_obj) + " 0 R >>");
    objs.push_back("<< /Length " + std::to_string(pages[p].size()) + " >>\nstream\n" + pages[p] +
                   "endstream");
    kids += std::to_string(page_obj) + " 0 R ";
  }
  objs[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";

  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char b[24];
    std::snprintf(b, sizeof b, "%010zu 00000 n \n", off);
    out += b;
  }
  out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  std::ofstream o(argv[2], std::ios::binary);
  o << out;
  return o ? 0 : 1;
}
