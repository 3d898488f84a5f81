// Design note. The scanner walks the text once. At each digit run it reads a chain of
// number+unit pieces (2024년 6월 19일), allowing single spaces between pieces, then an optional
// part-of-month word (초, 말, …) and an optional range tail (~ or 부터 … 까지). Numeric M/D forms
// are read at the same point. Relative expressions are fixed words checked where no number starts.
#include "ko/dates_ko.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>

#include "dyad/utf8.h"

namespace dyad::ko {

namespace {

bool IsDigitAt(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

bool StartsAt(std::string_view s, size_t i, std::string_view w) {
  return s.substr(i, w.size()) == w;
}

int ReadNum(std::string_view s, size_t* i, size_t max_digits) {
  size_t start = *i;
  int v = 0;
  while (IsDigitAt(s, *i) && *i - start < max_digits + 1) v = v * 10 + (s[(*i)++] - '0');
  size_t n = *i - start;
  if (n == 0 || n > max_digits) {
    *i = start;
    return -1;
  }
  return v;
}

// Whether byte i begins a new token (not glued to a preceding digit, letter or middle dot).
bool AtTokenStart(std::string_view s, size_t i) {
  if (i == 0) return true;
  unsigned char p = static_cast<unsigned char>(s[i - 1]);
  if (p >= '0' && p <= '9') return false;
  if ((p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z') || p == '-' || p == '.') return false;
  if (i >= 2 && s.substr(i - 2, 2) == "\xC2\xB7") return false;  // U+00B7 middle dot
  if (i >= 3 && s.substr(i - 3, 3) == "제") return false;        // 제10차
  return true;
}

// Words after a number that make it a duration or an ordinal, not a date.
bool DurationFollows(std::string_view s, size_t i) {
  for (std::string_view w : {"간", "만", "동안", "째", "전", "여", "주년", "차", "개월"})
    if (StartsAt(s, i, w)) return true;
  return false;
}

size_t SkipSpace(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

struct Piece {
  int year = 0, month = 0, day = 0;
  bool decade = false;  // "1970년대"
  size_t end = 0;
};

// Reads "2024년 6월 19일" / "6월 19일" / "19일" / "2024년" / "6월" from i.
// The byte after a unit (년, 월, 일) at k, allowing one space before it: PDF writers put one
// between digits and Hangul when they switch fonts ("2024 년"). npos when the unit is not there.
size_t AfterUnit(std::string_view s, size_t k, std::string_view unit) {
  if (StartsAt(s, k, unit)) return k + unit.size();
  if (k < s.size() && s[k] == ' ' && StartsAt(s, k + 1, unit)) {
    // Spaced, the unit must end its word or take a particle: "3 일본" is Japan, not a day.
    size_t e = k + 1 + unit.size();
    if (e + 3 > s.size() || static_cast<unsigned char>(s[e]) < 0xE0) return e;
    for (std::string_view p : {"에", "의", "부", "까", "은", "는", "이", "과", "와", "로", "을",
                               "엔", "경", "께", "자", "오", "새", "밤", "낮", "초", "말", "중"})
      if (StartsAt(s, e, p)) return e;
  }
  return std::string_view::npos;
}

bool ReadChain(std::string_view s, size_t i, Piece* out, bool allow_bare_day) {
  constexpr size_t npos = std::string_view::npos;
  Piece p;
  size_t k = i;
  int v = ReadNum(s, &k, 4);
  if (v < 0) return false;
  size_t digits = k - i;
  if (size_t after = AfterUnit(s, k, "년");
      after != npos && digits == 4 && v >= 1900 && v <= 2100) {
    if (DurationFollows(s, after)) return false;
    p.year = v;
    p.end = after;
    if (StartsAt(s, after, "대") && v % 10 == 0) {  // 1970년대: the decade
      p.decade = true;
      p.end = after + 3;
      *out = p;
      return true;
    }
    size_t j = SkipSpace(s, after);
    int m = ReadNum(s, &j, 2);
    size_t m_end = m >= 1 && m <= 12 ? AfterUnit(s, j, "월") : npos;
    if (m_end != npos && !DurationFollows(s, m_end)) {
      p.month = m;
      p.end = m_end;
      size_t dj = SkipSpace(s, p.end);
      int d = ReadNum(s, &dj, 2);
      size_t d_end = d >= 1 && d <= 31 ? AfterUnit(s, dj, "일") : npos;
      if (d_end != npos && !DurationFollows(s, d_end)) {
        p.day = d;
        p.end = d_end;
      }
    }
    *out = p;
    return true;
  }
  if (size_t m_end = AfterUnit(s, k, "월"); m_end != npos && digits <= 2 && v >= 1 && v <= 12) {
    if (DurationFollows(s, m_end)) return false;
    p.month = v;
    p.end = m_end;
    size_t dj = SkipSpace(s, p.end);
    int d = ReadNum(s, &dj, 2);
    size_t d_end = d >= 1 && d <= 31 ? AfterUnit(s, dj, "일") : npos;
    if (d_end != npos && !DurationFollows(s, d_end)) {
      p.day = d;
      p.end = d_end;
    }
    *out = p;
    return true;
  }
  if (size_t d_end = AfterUnit(s, k, "일"); allow_bare_day && d_end != npos && digits <= 2 &&
                                            v >= 1 && v <= 31 && !DurationFollows(s, d_end)) {
    p.day = v;
    p.end = d_end;
    *out = p;
    return true;
  }
  return false;
}

// "M/D" from i; no year.
bool ReadNumeric(std::string_view s, size_t i, Piece* out) {
  size_t k = i;
  int m = ReadNum(s, &k, 2);
  if (m < 1 || m > 12 || k >= s.size() || s[k] != '/') return false;
  ++k;
  int d = ReadNum(s, &k, 2);
  if (d < 1 || d > 31) return false;
  if (IsDigitAt(s, k) || (k < s.size() && s[k] == '/')) return false;  // 1/2/2024, fractions
  out->month = m;
  out->day = d;
  out->end = k;
  return true;
}

struct Word {
  std::string_view text;
  RawDate::Kind kind;
  int rel;
};
constexpr std::array<Word, 43> kRelative = {{
    {"이날", RawDate::Kind::kSame, 0},          {"이듬해", RawDate::Kind::kNextYear, 1},
    {"다음 해", RawDate::Kind::kNextYear, 1},   {"그해", RawDate::Kind::kNextYear, 0},
    {"이튿날", RawDate::Kind::kRelative, 1},    {"다음날", RawDate::Kind::kRelative, 1},
    {"다음 날", RawDate::Kind::kRelative, 1},   {"익일", RawDate::Kind::kRelative, 1},
    {"전날", RawDate::Kind::kRelative, -1},     {"전일", RawDate::Kind::kRelative, -1},
    {"같은 날", RawDate::Kind::kSame, 0},       {"당일", RawDate::Kind::kSame, 0},
    {"같은 기간", RawDate::Kind::kSame, 0},     {"같은 달", RawDate::Kind::kSame, 0},
    {"이 기간", RawDate::Kind::kSame, 0},       {"동시에", RawDate::Kind::kSame, 0},
    {"하루 뒤", RawDate::Kind::kRelative, 1},   {"하루 후", RawDate::Kind::kRelative, 1},
    {"이틀 뒤", RawDate::Kind::kRelative, 2},   {"이틀 후", RawDate::Kind::kRelative, 2},
    {"사흘 뒤", RawDate::Kind::kRelative, 3},   {"사흘 후", RawDate::Kind::kRelative, 3},
    {"나흘 뒤", RawDate::Kind::kRelative, 4},   {"닷새 뒤", RawDate::Kind::kRelative, 5},
    {"엿새 뒤", RawDate::Kind::kRelative, 6},   {"일주일 뒤", RawDate::Kind::kRelative, 7},
    {"일주일 후", RawDate::Kind::kRelative, 7}, {"하루 전", RawDate::Kind::kRelative, -1},
    {"이틀 전", RawDate::Kind::kRelative, -2},  {"사흘 전", RawDate::Kind::kRelative, -3},
    {"전날인", RawDate::Kind::kRelative, -1},   {"그다음 날", RawDate::Kind::kRelative, 1},
    {"열흘 뒤", RawDate::Kind::kRelative, 10},  {"열흘 후", RawDate::Kind::kRelative, 10},
    {"보름 뒤", RawDate::Kind::kRelative, 15},  {"엿새 전", RawDate::Kind::kRelative, -6},
    {"지난달", RawDate::Kind::kRelMonth, -1},   {"이달", RawDate::Kind::kRelMonth, 0},
    {"다음 달", RawDate::Kind::kRelMonth, 1},   {"지난해", RawDate::Kind::kRelYear, -1},
    {"작년", RawDate::Kind::kRelYear, -1},      {"올해", RawDate::Kind::kRelYear, 0},
    {"금년", RawDate::Kind::kRelYear, 0},
}};

// Whether a relative-date word or 연초/연말 may start at i: a filter on the first syllable.
bool MayStartWord(std::string_view s, size_t i) {
  if (i + 3 > s.size() || static_cast<unsigned char>(s[i]) < 0xE0) return false;
  int len;
  char32_t c = utf8::Decode(s, i, &len);
  static constexpr char32_t kFirst[] = {U'같', U'그', U'금', U'나', U'다', U'닷', U'당',
                                        U'동', U'보', U'사', U'연', U'열', U'엿', U'올',
                                        U'이', U'익', U'일', U'작', U'전', U'지', U'하'};
  static_assert(std::is_sorted(std::begin(kFirst), std::end(kFirst)), "binary search needs order");
  return std::binary_search(std::begin(kFirst), std::end(kFirst), c);
}

}  // namespace

std::vector<RawDate> FindKoreanDates(std::string_view s) {
  std::vector<RawDate> out;
  for (size_t i = 0; i < s.size();) {
    if (!IsDigitAt(s, i) || !AtTokenStart(s, i)) {
      bool matched = false;
      if ((i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == ',') && MayStartWord(s, i)) {
        for (const Word& w : kRelative) {
          if (StartsAt(s, i, w.text)) {
            RawDate r;
            r.begin = static_cast<uint32_t>(i);
            r.end = static_cast<uint32_t>(i + w.text.size());
            r.kind = w.kind;
            r.rel_days = w.rel;
            out.push_back(r);
            i = r.end;
            matched = true;
            break;
          }
        }
        for (std::string_view w : {"연초", "연말"}) {
          if (!matched && StartsAt(s, i, w)) {
            RawDate r;
            r.begin = static_cast<uint32_t>(i);
            r.end = static_cast<uint32_t>(i + w.size());
            r.part = w == "연초" ? RawDate::Part::kEarly : RawDate::Part::kLate;
            out.push_back(r);
            i = r.end;
            matched = true;
          }
        }
      }
      if (!matched) ++i;
      continue;
    }
    RawDate r;
    r.begin = static_cast<uint32_t>(i);
    Piece p;
    if (ReadNumeric(s, i, &p)) {
      r.numeric = true;
      r.month = p.month;
      r.day = p.day;
      size_t k = p.end;
      if (k < s.size() && (s[k] == '~' || s[k] == '-')) {
        Piece q;
        size_t j = k + 1;
        if (ReadNumeric(s, j, &q)) {
          r.month2 = q.month, r.day2 = q.day, k = q.end;
        } else {
          int d = ReadNum(s, &j, 2);
          if (d >= 1 && d <= 31) r.month2 = r.month, r.day2 = d, k = j;
        }
      }
      r.end = static_cast<uint32_t>(k);
      out.push_back(r);
      i = r.end;
      continue;
    }
    // "2주 뒤", "10일 후", "사흘"…: a count of days or weeks from the date in force.
    {
      size_t k = i;
      int n = ReadNum(s, &k, 3);
      size_t unit_end = k;
      int mult = 0;
      if (n > 0 && StartsAt(s, k, "일")) mult = 1, unit_end = k + 3;
      if (n > 0 && StartsAt(s, k, "주")) mult = 7, unit_end = k + 3;
      if (mult != 0) {
        size_t j = SkipSpace(s, unit_end);
        int sign = StartsAt(s, j, "뒤") || StartsAt(s, j, "후") ? 1 : StartsAt(s, j, "전") ? -1 : 0;
        if (sign != 0) {
          RawDate r2;
          r2.begin = static_cast<uint32_t>(i);
          r2.end = static_cast<uint32_t>(j + 3);
          r2.kind = RawDate::Kind::kRelative;
          r2.rel_days = sign * n * mult;
          out.push_back(r2);
          i = r2.end;
          continue;
        }
      }
    }
    if (!ReadChain(s, i, &p, /*allow_bare_day=*/true)) {
      while (IsDigitAt(s, i)) ++i;
      continue;
    }
    r.year = p.year, r.month = p.month, r.day = p.day;
    if (p.decade) r.year2 = p.year + 9;
    size_t k = p.end;
    // Part of a month or year: "11월 말", "2024년 상반기", "6월 중순".
    size_t j = SkipSpace(s, k);
    struct PartWord {
      std::string_view w;
      RawDate::Part part;
      bool year_only;
    };
    static constexpr PartWord kParts[] = {
        {"상반기", RawDate::Part::kFirstHalf, true}, {"하반기", RawDate::Part::kSecondHalf, true},
        {"초순", RawDate::Part::kEarly, false},      {"상순", RawDate::Part::kEarly, false},
        {"중순", RawDate::Part::kMid, false},        {"하순", RawDate::Part::kLate, false},
        {"초", RawDate::Part::kEarly, false},        {"말", RawDate::Part::kLate, false},
    };
    if (r.day == 0) {
      for (const PartWord& pw : kParts) {
        if (!StartsAt(s, j, pw.w)) continue;
        if (pw.year_only && r.month != 0) continue;
        // "말" must stand as a word: 6월 말에, 말까지; not 말레이시아.
        size_t after = j + pw.w.size();
        char32_t next = 0;
        if (after < s.size()) {
          int len;
          next = utf8::Decode(s, after, &len);
        }
        bool word_end = after >= s.size() || s[after] == ' ' || s[after] == ',' ||
                        StartsAt(s, after, "에") || StartsAt(s, after, "부") ||
                        StartsAt(s, after, "까") || StartsAt(s, after, "경") ||
                        StartsAt(s, after, "께") || StartsAt(s, after, "인") || next == '.';
        if (!word_end) continue;
        r.part = pw.part;
        k = after;
        break;
      }
    }
    // Range tail: "~11월 6일", "~19일", "부터 19일까지", "-20일".
    size_t t = k;
    bool tilde = t < s.size() && (s[t] == '~' || s[t] == '-');
    if (!tilde && StartsAt(s, t, "～")) tilde = true;
    size_t after_tilde = !tilde ? t : (s[t] == '~' || s[t] == '-') ? t + 1 : t + 3;
    // "부터 … 까지", and "에서 … 까지" ("6월 13일에서 6월 15일까지") when 까지 closes it.
    bool from = StartsAt(s, t, "부터") || StartsAt(s, t, "에서");
    if (tilde || from) {
      size_t q0 = SkipSpace(s, from ? t + 6 : after_tilde);
      Piece q;
      if (IsDigitAt(s, q0) && ReadChain(s, q0, &q, true)) {
        size_t qe = q.end;
        if (from) {
          // "8일부터 2025년 말까지": a part of the year or month may close the range.
          size_t pe = SkipSpace(s, qe);
          for (std::string_view part : {"말", "초", "중순", "하순", "상반기", "하반기"}) {
            if (StartsAt(s, pe, part) && StartsAt(s, pe + part.size(), "까지")) {
              if (q.month == 0 && q.year != 0) q.month = part == "상반기" ? 6 : 12;
              qe = pe + part.size();
              break;
            }
          }
          if (q.decade) q.year += 9;  // "… 1980년대까지": to the decade's last year
          if (StartsAt(s, qe, "까지"))
            qe += 6;
          else if (StartsAt(s, qe, "에 걸쳐"))  // "1970년대부터 1980년대에 걸쳐"
            qe += std::string_view("에 걸쳐").size();
          else
            qe = 0;
        }
        if (qe != 0) {
          r.year2 = q.year, r.month2 = q.month, r.day2 = q.day;
          if (r.month2 == 0 && r.day2 != 0) r.month2 = r.month;
          k = qe;
        }
      } else if (!from && r.day != 0) {
        // "6월 18~19일": the first piece has no 일 — handled below.
      }
    } else if (r.day == 0 && r.month != 0) {
      // "6월 18~19일": month, then a day range.
      size_t d0 = SkipSpace(s, k);
      size_t dj = d0;
      int d1 = ReadNum(s, &dj, 2);
      if (d1 >= 1 && dj < s.size() && s[dj] == '~') {
        size_t ej = dj + 1;
        int d2 = ReadNum(s, &ej, 2);
        if (d2 >= d1 && StartsAt(s, ej, "일")) {
          r.day = d1, r.month2 = r.month, r.day2 = d2;
          k = ej + 3;
        }
      }
    }
    r.end = static_cast<uint32_t>(k);
    out.push_back(r);
    i = r.end;
  }
  return out;
}

std::optional<DateSpan> ResolveDate(const RawDate& raw, int year_in_force, int month_in_force,
                                    const std::optional<DateSpan>& previous) {
  if (raw.kind == RawDate::Kind::kRelative) {
    if (!previous || previous->precision != DatePrecision::kDay) return std::nullopt;
    return DateSpan::Day(previous->begin.AddDays(raw.rel_days));
  }
  if (raw.kind == RawDate::Kind::kSame) return previous;
  if (raw.kind == RawDate::Kind::kRelMonth || raw.kind == RawDate::Kind::kRelYear ||
      raw.kind == RawDate::Kind::kNextYear) {
    // From the date in force, else the year in force: "지난달" of a July date is June.
    int y = previous ? previous->begin.year : year_in_force;
    int m = previous ? previous->begin.month : month_in_force;
    if (y == 0) return std::nullopt;
    if (raw.kind != RawDate::Kind::kRelMonth) return DateSpan::Year(y + raw.rel_days);
    if (m == 0) return std::nullopt;
    int total = y * 12 + (m - 1) + raw.rel_days;
    return DateSpan::Month(total / 12, total % 12 + 1);
  }
  int y = raw.year != 0 ? raw.year : year_in_force;
  if (y == 0) return std::nullopt;
  int m = raw.month != 0 ? raw.month : (raw.day != 0 ? month_in_force : 0);
  if (raw.day != 0 && m == 0) return std::nullopt;
  DateSpan span;
  if (m == 0) {
    span = DateSpan::Year(y);
    switch (raw.part) {
      case RawDate::Part::kFirstHalf:
        span.end = Date{y, 6, 30};
        break;
      case RawDate::Part::kSecondHalf:
        span.begin = Date{y, 7, 1};
        break;
      case RawDate::Part::kEarly:
        span.end = Date{y, 3, 31};
        break;
      case RawDate::Part::kLate:
        span.begin = Date{y, 10, 1};
        break;
      default:
        break;
    }
  } else if (raw.day == 0) {
    span = DateSpan::Month(y, m);
    int last = Date::DaysInMonth(y, m);
    switch (raw.part) {
      case RawDate::Part::kEarly:
        span.end = Date{y, m, 10};
        break;
      case RawDate::Part::kMid:
        span.begin = Date{y, m, 11}, span.end = Date{y, m, 20};
        break;
      case RawDate::Part::kLate:
        span.begin = Date{y, m, 21}, span.end = Date{y, m, last};
        break;
      default:
        break;
    }
  } else {
    if (!Date::IsValid(y, m, raw.day)) return std::nullopt;
    span = DateSpan::Day(Date{y, m, raw.day});
  }
  if (raw.day2 != 0) {
    int m2 = raw.month2 != 0 ? raw.month2 : m;
    int y2 = raw.year2 != 0 ? raw.year2 : y;
    if (raw.year2 == 0 && m2 < m) ++y2;  // 12/28~1/3 crosses the new year
    if (!Date::IsValid(y2, m2, raw.day2)) return std::nullopt;
    Date end{y2, m2, raw.day2};
    if (end < span.begin) return std::nullopt;
    span.end = end;
    span.precision = DatePrecision::kDay;
  } else if (raw.month2 != 0 || raw.year2 != 0) {
    int y2 = raw.year2 != 0 ? raw.year2 : y;
    int m2 = raw.month2 != 0 ? raw.month2 : 12;
    if (Date::IsValid(y2, m2, 1)) {
      Date end{y2, m2, Date::DaysInMonth(y2, m2)};
      if (!(end < span.begin)) span.end = end;
    }
  }
  return span;
}

}  // namespace dyad::ko
