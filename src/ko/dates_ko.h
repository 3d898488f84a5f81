// Korean date expressions, found in text and resolved against the year in force.
//
// Recognised: 2024년 6월 19일, 2024년 6월, 2024년, 6월 19일, 19일 (the month in force), 6월,
// 11월 말 / 초 / 중순 / 하순, 2024년 상반기 / 하반기 / 초 / 말, 연초, 연말, ranges
// (10월 28일~11월 6일, 6월 18~19일, 6월 18일부터 19일까지), table cells and inline dates
// (1/15, 1/15~1/17, 10/28~11/6, 9/13), and relative dates (이튿날, 다음날, 전날, 같은 날,
// 같은 기간, 같은 달, 지난달, 지난해, 올해). Not dates: 9·19 (a name), 70주년, 4년 만, 3일간, 제10차.
#ifndef DYAD_KO_DATES_KO_H_
#define DYAD_KO_DATES_KO_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "dyad/date.h"

namespace dyad::ko {

struct RawDate {
  uint32_t begin = 0, end = 0;  // bytes in the scanned text
  // kRelative counts days from the date in force; kRelMonth and kRelYear count months and
  // years from it (지난달, 지난해, 올해).
  // kNextYear counts years from the narrative's date ("이듬해"), never from the document's.
  enum class Kind : uint8_t {
    kAbsolute,
    kRelative,
    kSame,
    kRelMonth,
    kRelYear,
    kNextYear
  } kind = Kind::kAbsolute;
  int year = 0, month = 0, day = 0;     // 0 = not given
  int year2 = 0, month2 = 0, day2 = 0;  // range end; 0 = not given
  enum class Part : uint8_t {
    kWhole,
    kEarly,
    kMid,
    kLate,
    kFirstHalf,
    kSecondHalf
  } part = Part::kWhole;
  int rel_days = 0;      // kRelative: days after the date in force (이튿날 = 1, 전날 = -1)
  bool numeric = false;  // M/D form
};

// Scans text for date expressions, left to right, non-overlapping.
std::vector<RawDate> FindKoreanDates(std::string_view text);

// Resolves a raw date. year_in_force fills a missing year, month_in_force a missing month
// (for "19일"); previous is the date in force for relative expressions. nullopt when the
// date cannot be resolved (no year known, impossible date).
std::optional<DateSpan> ResolveDate(const RawDate& raw, int year_in_force, int month_in_force,
                                    const std::optional<DateSpan>& previous);

}  // namespace dyad::ko

#endif  // DYAD_KO_DATES_KO_H_
