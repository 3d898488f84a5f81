#include "dyad/english.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_set>

#include "dyad/utf8.h"

namespace dyad::en {

namespace {

bool PlainName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '.' || c == '\'' ||
          c == '-'))
      return false;
  return std::isalpha(static_cast<unsigned char>(s.front()));
}

// "Choe Son Hui" → CHOE_SON_HUI; "People's" → PEOPLE_'S (the tokens text gives).
std::string PhraseOf(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '\'' && i + 1 < name.size() && (name[i + 1] == 's' || name[i + 1] == 'S')) {
      out += "_'S";
      ++i;
      continue;
    }
    out += c == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string Compact(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

}  // namespace

std::string ActorsText(const Lexicon& lex) {
  std::string out =
      "# dyad's states, persons and organisations, from countries.tsv, "
      "country_aliases.tsv and actors.tsv\n";
  for (const Country& c : lex.countries().all()) {
    std::vector<std::string> names;
    auto add = [&](const std::string& n) {
      if (PlainName(n) && std::find(names.begin(), names.end(), n) == names.end())
        names.push_back(n);
    };
    add(c.name_en);
    for (const std::string& n : c.names) add(n);
    for (const std::string& p : c.places) add(p);
    if (names.empty()) continue;
    out += PhraseOf(names[0]) + " [" + c.iso3 + "]\n";
    for (size_t i = 1; i < names.size(); ++i) out += "+" + PhraseOf(names[i]) + "\n";
  }
  // A person's surname alone ("Lavrov", "Ishiba"; family name first for Korean and Chinese
  // names: "Choe"), when no other person of the lexicon shares it and it names no state.
  auto surname = [&](const Actor& a) -> std::string {
    if (a.type != ActorType::kPerson || a.names_en.empty() || a.roles.empty()) return {};
    const std::string& full = a.names_en.front();
    size_t sp = full.find(' ');
    if (sp == std::string::npos) return {};
    std::string state = a.roles.front().code.substr(0, 3);
    bool family_first =
        state == "KOR" || state == "PRK" || state == "CHN" || state == "TWN" || state == "VNM";
    std::string w = family_first ? full.substr(0, sp) : full.substr(full.rfind(' ') + 1);
    if (w.size() < 3 || !PlainName(w)) return {};
    return w;
  };
  std::map<std::string, int> surname_count;
  for (const Actor& a : lex.actors())
    if (std::string w = surname(a); !w.empty()) ++surname_count[w];
  std::set<std::string> state_words;
  for (const Country& c : lex.countries().all())
    for (const std::string& n : c.names) state_words.insert(n);
  for (const Actor& a : lex.actors()) {
    std::vector<const ActorRole*> roles;
    for (const ActorRole& r : a.roles)
      if (r.code.compare(0, 3, "---") != 0) roles.push_back(&r);
    std::vector<std::string> names;
    for (const std::string& n : a.names_en)
      if (PlainName(n)) names.push_back(n);
    if (std::string w = surname(a); !w.empty() && surname_count[w] == 1 && !state_words.count(w) &&
                                    std::find(names.begin(), names.end(), w) == names.end())
      names.push_back(w);
    if (roles.empty() || names.empty()) continue;
    out += PhraseOf(names[0]) + "\n";
    for (size_t i = 1; i < names.size(); ++i) out += "+" + PhraseOf(names[i]) + "\n";
    const ActorRole* latest = roles.front();
    for (const ActorRole* r : roles) {
      std::string when;
      if (r->from && r->to)
        when = " " + Compact(*r->from) + "-" + Compact(*r->to);
      else if (r->from)
        when = " >" + Compact(*r->from);
      else if (r->to)
        when = " <" + Compact(*r->to);
      out += "\t[" + r->code + when + "]\n";
      if (r->from && (!latest->from || *latest->from < *r->from)) latest = r;
    }
    // Out of every role, a person still belongs to the state of the latest one.
    if (roles.size() > 1 || roles.front()->from || roles.front()->to)
      out += "\t[" + latest->code + "]\n";
  }
  // A surname two people share stands alone for each in their own years ("Yoon": the foreign
  // minister of 2013-17, the president of 2022-25), when every role has a start (a role still
  // held runs on) and no two of different people overlap; outside those years it names no one.
  std::map<std::string, std::vector<const Actor*>> by_surname;
  for (const Actor& a : lex.actors())
    if (std::string w = surname(a); !w.empty() && surname_count[w] > 1 && !state_words.count(w))
      by_surname[w].push_back(&a);
  for (const auto& [w, people] : by_surname) {
    struct Held {
      const Actor* who;
      const ActorRole* role;
    };
    std::vector<Held> held;
    bool dated = true;
    for (const Actor* a : people)
      for (const ActorRole& r : a->roles) {
        if (r.code.compare(0, 3, "---") == 0) continue;
        dated &= r.from.has_value();  // a role still held has no end
        held.push_back({a, &r});
      }
    const Date kStill{9999, 12, 31};
    auto end = [&](const ActorRole* r) { return r->to ? *r->to : kStill; };
    bool clash = !dated || held.empty();
    for (size_t i = 0; i < held.size() && !clash; ++i)
      for (size_t j = i + 1; j < held.size() && !clash; ++j)
        clash = held[i].who != held[j].who && !(end(held[i].role) < *held[j].role->from) &&
                !(end(held[j].role) < *held[i].role->from);
    if (clash) continue;
    out += PhraseOf(w) + "\n";
    for (const Held& h : held)
      out += "\t[" + h.role->code + " " +
             (h.role->to ? Compact(*h.role->from) + "-" + Compact(*h.role->to)
                         : ">" + Compact(*h.role->from)) +
             "]\n";
  }
  return out;
}

std::string AgentsText(const Lexicon& lex) {
  std::string out = "# dyad's offices of no fixed state, from actors.tsv\n";
  for (const Actor& a : lex.actors()) {
    if (a.type != ActorType::kOffice || a.roles.empty() ||
        a.roles.front().code.compare(0, 3, "---") != 0 || a.roles.front().code.size() < 6)
      continue;
    std::string sector = a.roles.front().code.substr(3);
    for (const std::string& n : a.names_en)
      if (PlainName(n)) out += PhraseOf(n) + " [~" + sector + "]\n";
  }
  return out;
}

Result<petrarch::Dictionaries> LoadEnglish(const Lexicon& lex, const std::string& data_dir,
                                           const std::string& dictionary_dir,
                                           std::vector<std::string>* problems) {
  if (!dictionary_dir.empty()) return petrarch::Dictionaries::LoadDir(dictionary_dir, problems);
  std::string dir = data_dir + "/en/";
  std::vector<petrarch::Source> actors{{"data/lexicon/actors.tsv (English)", ActorsText(lex)}};
  for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"}) {
    Result<petrarch::Source> s = petrarch::ReadSource(dir + f);
    if (!s.ok()) return s.status();
    actors.push_back(std::move(s).value());
  }
  std::vector<petrarch::Source> agents{{"data/lexicon/actors.tsv (offices)", AgentsText(lex)}};
  Result<petrarch::Source> ag = petrarch::ReadSource(dir + "Phoenix.agents.txt");
  if (!ag.ok()) return ag.status();
  agents.push_back(std::move(ag).value());
  // dyad's own verbs of diplomacy and force, in front of CAMEO 2.0's.
  std::vector<petrarch::Source> verbs;
  for (const char* f : {"dyad.verbs.txt", "CAMEO.2.0.txt"}) {
    Result<petrarch::Source> v = petrarch::ReadSource(dir + f);
    if (!v.ok()) return v.status();
    verbs.push_back(std::move(v).value());
  }
  Result<petrarch::Source> discards = petrarch::ReadSource(dir + "Phoenix.discards.txt");
  if (!discards.ok()) return discards.status();
  Result<petrarch::Dictionaries> d =
      petrarch::Dictionaries::LoadSources(actors, agents, verbs, {*discards}, problems);
  if (!d.ok()) return d;
  // Word lists of dyad's own: one upper-case word a line, '#' comments.
  auto word_list = [&](const char* file) -> Result<std::unordered_set<std::string>> {
    Result<petrarch::Source> src = petrarch::ReadSource(dir + file);
    if (!src.ok()) return src.status();
    std::unordered_set<std::string> words;
    size_t line_no = 0;
    for (size_t b = 0; b < src->text.size();) {
      size_t e = src->text.find('\n', b);
      if (e == std::string::npos) e = src->text.size();
      ++line_no;
      std::string_view line = utf8::TrimAscii(std::string_view(src->text).substr(b, e - b));
      b = e + 1;
      if (line.empty() || line.front() == '#') continue;
      bool upper = true;
      for (char c : line) upper &= !std::islower(static_cast<unsigned char>(c)) && c != ' ';
      if (!upper) {
        problems->push_back(dir + file + ":" + std::to_string(line_no) + ": '" + std::string(line) +
                            "' must be one upper-case word");
        continue;
      }
      words.emplace(line);
    }
    return words;
  };
  for (const char* list : {"act_nouns", "agreement_nouns", "occasion_nouns", "group_nouns"}) {
    Result<std::unordered_set<std::string>> words = word_list((std::string(list) + ".txt").c_str());
    if (!words.ok()) return words.status();
    d->SetWords(list, std::move(words).value());
  }
  return d;
}

}  // namespace dyad::en

namespace dyad {

const petrarch::Dictionaries* Resources::English(Status* error) const {
  std::call_once(english_once_, [this] {
    std::vector<std::string> problems;  // the shipped files' own defects, named once in docs
    Result<petrarch::Dictionaries> d = en::LoadEnglish(lexicon, data_dir, "", &problems);
    if (d.ok())
      english_ = std::make_shared<const petrarch::Dictionaries>(std::move(d).value());
    else
      english_status_ = d.status();
  });
  if (english_ == nullptr && error != nullptr) *error = english_status_;
  return english_.get();
}

}  // namespace dyad

namespace dyad::en {

// ---- dates ----

namespace {

struct Word {
  std::string lower;  // letters and digits, lower case, trailing period removed
  size_t at;
  bool comma_after;
};

// The words of s, in a buffer each thread reuses: the date readers call this for every
// sentence. The result is valid until the thread's next call.
const std::vector<Word>& Words(std::string_view s) {
  thread_local std::vector<Word> out;
  size_t n = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    size_t b = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
    if (i == b) break;
    size_t e = i;
    while (e > b && s[e - 1] == '.') --e;
    if (n == out.size()) out.emplace_back();
    Word& w = out[n++];
    w.lower.assign(s.data() + b, e - b);
    for (char& c : w.lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    w.at = b;
    w.comma_after = i < s.size() && s[i] == ',';
  }
  out.resize(n);
  return out;
}

// The first three letters of each word, lower case, one a byte ("jan" = 0x6A616E): true when
// fn is true of one; with day_anywhere, also when a word holds "day" (yesterday, Monday).
template <typename Fn>
bool AnyWordStart(std::string_view s, bool day_anywhere, Fn fn) {
  uint32_t window = 0;
  int len = 0;  // letters of the current word so far
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') {
      len = 0;
      window = 0;
      continue;
    }
    window = ((window << 8) | c) & 0xFFFFFF;
    ++len;
    if (len == 3 && fn(window)) return true;
    if (day_anywhere && len >= 3 && window == 0x646179) return true;  // "day"
  }
  return false;
}

constexpr uint32_t W3(char a, char b, char c) {
  return (uint32_t(uint8_t(a)) << 16) | (uint32_t(uint8_t(b)) << 8) | uint32_t(uint8_t(c));
}

bool IsMonthStart(uint32_t w) {
  switch (w) {
    case W3('j', 'a', 'n'):
    case W3('f', 'e', 'b'):
    case W3('m', 'a', 'r'):
    case W3('a', 'p', 'r'):
    case W3('m', 'a', 'y'):
    case W3('j', 'u', 'n'):
    case W3('j', 'u', 'l'):
    case W3('a', 'u', 'g'):
    case W3('s', 'e', 'p'):
    case W3('o', 'c', 't'):
    case W3('n', 'o', 'v'):
    case W3('d', 'e', 'c'):
      return true;
    default:
      return false;
  }
}

// Whether a text holds a word opening with a month's first three letters (Month reads no other).
bool MayNameMonth(std::string_view s) { return AnyWordStart(s, false, IsMonthStart); }

// Whether a sentence may name a date at all: every form SentenceDate reads holds a digit, a
// word opening with a month's first three letters or "mon(th)", "wee(k)", "yea(r)",
// "ton(ight)", or "day" anywhere in a word. Most sentences are settled by this one pass.
bool MayNameDate(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return AnyWordStart(s, true, [](uint32_t w) {
    return IsMonthStart(w) || w == W3('m', 'o', 'n') || w == W3('w', 'e', 'e') ||
           w == W3('y', 'e', 'a') || w == W3('t', 'o', 'n');
  });
}

int Month(std::string_view w) {
  // Called on every word of every sentence: most words are rejected by length or first letter.
  if (w.size() < 3 || w.size() > 9) return 0;
  switch (w[0]) {
    case 'j':
    case 'f':
    case 'm':
    case 'a':
    case 's':
    case 'o':
    case 'n':
    case 'd':
      break;
    default:
      return 0;
  }
  static constexpr std::string_view kNames[] = {"january",   "february", "march",    "april",
                                                "may",       "june",     "july",     "august",
                                                "september", "october",  "november", "december"};
  for (int m = 0; m < 12; ++m) {
    std::string_view full = kNames[m];
    if (full[0] != w[0]) continue;
    if (w == full) return m + 1;
    if (w.size() < full.size() && full.compare(0, w.size(), w) == 0 && m != 4 &&
        (w.size() == 3 || w == "sept"))
      return m + 1;
  }
  return 0;
}

int Number(std::string_view w) {
  if (w.empty() || w.size() > 4) return -1;
  std::string_view d = w;
  for (std::string_view suf : {"st", "nd", "rd", "th"})
    if (d.size() > 2 && d.substr(d.size() - 2) == suf) d.remove_suffix(2);
  int v = 0;
  for (char c : d) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

int Weekday(std::string_view w) {  // Monday = 0
  if (w.size() < 6 || w.size() > 9 || w.compare(w.size() - 3, 3, "day") != 0) return -1;
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  for (int d = 0; d < 7; ++d)
    if (w == kDays[d]) return d;
  return -1;
}

int WeekdayOf(const Date& d) {
  long days = d.ToDays();  // 1970-01-01 was a Thursday
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

// A day of a month with no year: the anchor's year, or the one before when that would put it
// more than two months after the anchor.
std::optional<Date> DayNear(int month, int day, const Date& anchor) {
  if (!Date::IsValid(anchor.year, month, day)) return std::nullopt;
  Date d{anchor.year, month, day};
  if (d.ToDays() - anchor.ToDays() > 62 && Date::IsValid(anchor.year - 1, month, day))
    d = Date{anchor.year - 1, month, day};
  return d;
}

}  // namespace

std::optional<Date> Dateline(std::string_view text, int year) {
  std::string_view first = text.substr(0, std::min<size_t>(text.find('\n'), 160));
  if (!MayNameMonth(first)) return std::nullopt;  // a dateline names a month
  const std::vector<Word>& w = Words(first);
  for (size_t i = 0; i + 1 < w.size() && i < 8; ++i) {
    int m = Month(w[i].lower), d = Number(w[i + 1].lower);
    if (m == 0 || d < 1 || d > 31) continue;
    int y = i + 2 < w.size() ? Number(w[i + 2].lower) : -1;
    if (y < 1900) y = year;
    if (y > 0 && Date::IsValid(y, m, d)) return Date{y, m, d};
  }
  return std::nullopt;
}

size_t DatelineLength(std::string_view text) {
  std::string_view first = text.substr(0, std::min<size_t>(text.find('\n'), 200));
  for (std::string_view dash : {"--", "\xE2\x80\x94", "\xE2\x80\x93", " - "}) {
    size_t at = first.find(dash);
    if (at == std::string_view::npos || at > 120) continue;
    if (!Dateline(first.substr(0, at), 2000) &&
        first.substr(0, at).find('(') == std::string_view::npos)
      continue;
    size_t end = at + dash.size();
    while (end < first.size() && first[end] == ' ') ++end;
    return end;
  }
  return 0;
}

std::optional<DateSpan> SentenceDate(std::string_view sentence, const Date& anchor,
                                     const Date& previous, size_t* at, bool anchored) {
  if (!MayNameDate(sentence)) return std::nullopt;
  const std::vector<Word>& w = Words(sentence);
  // Each word read once as a month, a number and a weekday; the three passes below look up.
  thread_local std::vector<int> months, numbers, weekdays;
  months.resize(w.size());
  numbers.resize(w.size());
  weekdays.resize(w.size());
  for (size_t k = 0; k < w.size(); ++k) {
    months[k] = Month(w[k].lower);
    numbers[k] = Number(w[k].lower);
    weekdays[k] = Weekday(w[k].lower);
  }
  auto found = [&](size_t i, DateSpan s) -> std::optional<DateSpan> {
    if (at != nullptr) *at = w[i].at;
    return s;
  };
  // The finest date wins: a calendar day ("Less than a week later, on May 1" is May 1), else a
  // day counted from the dateline or the last day named, else a month or a year ("met on
  // Saturday … before Biden leaves office in January" is Saturday).
  for (int level = 0; level < 3; ++level)
    for (size_t i = 0; i < w.size(); ++i) {
      std::string_view x = w[i].lower;
      auto next = [&](size_t k) -> std::string_view {
        return i + k < w.size() ? std::string_view(w[i + k].lower) : std::string_view();
      };
      auto month = [&](size_t k) { return i + k < w.size() ? months[i + k] : 0; };
      auto number = [&](size_t k) { return i + k < w.size() ? numbers[i + k] : -1; };
      auto prev = [&]() -> std::string_view {
        return i > 0 ? std::string_view(w[i - 1].lower) : std::string_view();
      };
      // June 19 [, 2024]
      if (int m = months[i]; m != 0) {
        int d = number(1);
        if (d >= 1 && d <= 31) {
          int y = number(2);
          std::optional<Date> day =
              y >= 1900
                  ? (Date::IsValid(y, m, d) ? std::optional<Date>(Date{y, m, d}) : std::nullopt)
                  : DayNear(m, d, anchor);
          if (day && level == 0) return found(i, DateSpan::Day(*day));
        }
        // in March [2024]
        bool in = i > 0 && (prev() == "in" || prev() == "during" || prev() == "since" ||
                            prev() == "early" || prev() == "late" || prev() == "mid");
        int y = number(1);
        if (in && level == 2) {
          int year = y >= 1900 ? y : anchor.year;
          if (y < 1900 && m > anchor.month + 2) --year;
          return found(i - 1, DateSpan::Month(year, m));
        }
      }
      // 19 June [2024]
      if (int d = numbers[i]; d >= 1 && d <= 31) {
        if (int m = month(1); m != 0) {
          int y = number(2);
          std::optional<Date> day =
              y >= 1900
                  ? (Date::IsValid(y, m, d) ? std::optional<Date>(Date{y, m, d}) : std::nullopt)
                  : DayNear(m, d, anchor);
          if (day && level == 0) return found(i, DateSpan::Day(*day));
        }
      }
      // early 2015, mid-2015, late 2015: a third of the year
      if (level == 2 && (x == "early" || x == "mid" || x == "late") && number(1) >= 1900 &&
          number(1) <= 2100) {
        int y = number(1);
        int m0 = x == "early" ? 1 : x == "mid" ? 5 : 9;
        return found(i, DateSpan{Date{y, m0, 1}, Date{y, m0 + 3, Date::DaysInMonth(y, m0 + 3)},
                                 DatePrecision::kYear});
      }
      // in the 1960s: the decade
      if (level == 2 && x.size() == 5 && x.back() == 's' && x[3] == '0' &&
          Number(x.substr(0, 4)) >= 1800 && Number(x.substr(0, 4)) <= 2090) {
        int y = Number(x.substr(0, 4));
        return found(i, DateSpan{Date{y, 1, 1}, Date{y + 9, 12, 31}, DatePrecision::kYear});
      }
      // in 2023
      if (level == 2 && x == "in" && number(1) >= 1900 && number(1) <= 2100 && month(2) == 0)
        return found(i, DateSpan::Year(number(1)));
      if (level == 2 && anchored) {
        if (x == "last" && next(1) == "month") {
          int y = anchor.month == 1 ? anchor.year - 1 : anchor.year;
          int m = anchor.month == 1 ? 12 : anchor.month - 1;
          return found(i, DateSpan::Month(y, m));
        }
        if (x == "earlier" && next(1) == "this" && next(2) == "month")
          return found(i,
                       DateSpan{Date{anchor.year, anchor.month, 1}, anchor, DatePrecision::kMonth});
        if (x == "earlier" && next(1) == "this" && next(2) == "year")
          return found(i, DateSpan{Date{anchor.year, 1, 1}, anchor, DatePrecision::kYear});
        if (x == "last" && next(1) == "year") return found(i, DateSpan::Year(anchor.year - 1));
      }
      if (level != 1 || !anchored) continue;
      // on Thursday: the latest Thursday up to the anchor
      if (int wd = weekdays[i]; wd >= 0) {
        long back = (WeekdayOf(anchor) - wd + 7) % 7;
        return found(i, DateSpan::Day(anchor.AddDays(-back)));
      }
      if (x == "yesterday") return found(i, DateSpan::Day(anchor.AddDays(-1)));
      if (x == "today" || x == "tonight") return found(i, DateSpan::Day(anchor));
      if ((x == "day" && i > 0 && (prev() == "a" || prev() == "one") && next(1) == "later") ||
          ((x == "next" || x == "following") && next(1) == "day"))
        return found(i, DateSpan::Day(previous.AddDays(1)));
      if (x == "previous" && next(1) == "day") return found(i, DateSpan::Day(previous.AddDays(-1)));
      // "three days later", "a week earlier", "ten days after": counted from the last day named.
      if ((x == "days" || x == "day" || x == "week" || x == "weeks") && i > 0 &&
          (next(1) == "later" || next(1) == "earlier" || next(1) == "before" ||
           next(1) == "after")) {
        static const char* kSmall[] = {"a",   "one",   "two",   "three", "four", "five",
                                       "six", "seven", "eight", "nine",  "ten"};
        int count = -1;
        for (int k = 0; k < 11; ++k)
          if (prev() == kSmall[k]) count = k == 0 ? 1 : k;
        if (count < 0) count = numbers[i - 1];
        if (count >= 1 && count <= 60) {
          int days = count * (x == "week" || x == "weeks" ? 7 : 1);
          bool back = next(1) == "earlier" || next(1) == "before";
          return found(i - 1, DateSpan::Day(previous.AddDays(back ? -days : days)));
        }
      }
      // "the same day", "that day": the last day named.
      if (x == "day" && i > 0 && (prev() == "same" || prev() == "that"))
        return found(i - 1, DateSpan::Day(previous));
      if (x == "last" && next(1) == "week") {
        Date monday = anchor.AddDays(-WeekdayOf(anchor) - 7);
        return found(i, DateSpan{monday, monday.AddDays(6), DatePrecision::kDay});
      }
      if (x == "this" && next(1) == "week") {
        Date monday = anchor.AddDays(-WeekdayOf(anchor));
        return found(i, DateSpan{monday, anchor, DatePrecision::kDay});
      }
    }
  return std::nullopt;
}

}  // namespace dyad::en
