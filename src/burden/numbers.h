// Numbers as figure tables, pledge files and reports write them. Internal to src/burden.
#ifndef DYAD_BURDEN_NUMBERS_H_
#define DYAD_BURDEN_NUMBERS_H_

#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "dyad/utf8.h"

namespace dyad::burden {

// A number as a table writes it: "4.48", "4.48%", " 4.48 ", or SIPRI's "[4.48]" for a highly
// uncertain figure (sets *uncertain). Sets *percent when a % sign ends it. Hexadecimal, "inf" and
// "nan" are not numbers.
inline std::optional<double> ParseFigure(std::string_view cell, bool* percent = nullptr,
                                         bool* uncertain = nullptr) {
  cell = utf8::TrimAscii(cell);
  if (cell.size() >= 2 && cell.front() == '[' && cell.back() == ']') {
    cell = utf8::TrimAscii(cell.substr(1, cell.size() - 2));
    if (uncertain != nullptr) *uncertain = true;
  }
  if (cell.ends_with("%")) {
    cell.remove_suffix(1);
    cell = utf8::TrimAscii(cell);
    if (percent != nullptr) *percent = true;
  }
  if (cell.empty()) return std::nullopt;
  double v = 0;
  auto [end, ec] =
      std::from_chars(cell.data(), cell.data() + cell.size(), v, std::chars_format::fixed);
  if (ec != std::errc() || end != cell.data() + cell.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

// "3.5" for 3.5, "2" for 2.0: targets as people write them.
inline std::string ShortNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace dyad::burden

#endif  // DYAD_BURDEN_NUMBERS_H_
