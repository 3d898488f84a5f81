#include "dyad/tsv.h"

#include <fstream>
#include <sstream>

#include "dyad/utf8.h"

namespace dyad {

namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.emplace_back(line.substr(start));
      break;
    }
    out.emplace_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<TsvTable> TsvTable::Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open file");
  std::ostringstream buf;
  buf << in.rdbuf();
  return Parse(buf.str(), path);
}

Result<TsvTable> TsvTable::Parse(std::string_view content, const std::string& name) {
  TsvTable t;
  t.name_ = name;
  if (content.size() >= 3 && content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  int line_no = 0;
  size_t pos = 0;
  bool have_header = false;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view line =
        content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (size_t bad = utf8::FindInvalid(line); bad != std::string_view::npos) {
      return Status::InvalidInput(name + ":" + std::to_string(line_no) +
                                  ": not valid UTF-8 (byte " + std::to_string(bad + 1) +
                                  " of the line); save the file as UTF-8");
    }
    if (Trim(line).empty() || line.front() == '#') continue;
    std::vector<std::string> cells = SplitTabs(line);
    for (auto& c : cells) c = std::string(Trim(c));
    if (!have_header) {
      t.header_ = std::move(cells);
      have_header = true;
      continue;
    }
    t.rows_.push_back(TsvRow{line_no, std::move(cells)});
  }
  if (!have_header) return Status::InvalidInput(name + ": empty file, expected a header row");
  return t;
}

int TsvTable::Column(std::string_view col) const {
  for (size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == col) return static_cast<int>(i);
  return -1;
}

std::string TsvTable::Where(const TsvRow& r) const {
  return name_ + ":" + std::to_string(r.line) + ": ";
}

std::string_view Cell(const TsvRow& r, int c) {
  if (c < 0 || static_cast<size_t>(c) >= r.cells.size()) return {};
  return r.cells[c];
}

std::vector<std::string> SplitAlternatives(std::string_view cell) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t bar = cell.find('|', start);
    std::string_view part =
        Trim(cell.substr(start, bar == std::string_view::npos ? cell.npos : bar - start));
    if (!part.empty()) out.emplace_back(part);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

std::string TsvField(std::string_view s) {
  if (s.find_first_of("\\\t\n\r") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace dyad
