// The shallow English coder over PETRARCH/TABARI dictionaries (see docs/petrarch.md).
//
// Design note. PETRARCH codes a Penn TreeBank parse; dyad codes the text. The parse supplies
// noun phrases, verbs and clauses; here they come from the dictionaries and a few closed word
// classes: a noun chunk is a run of words between breakers (punctuation, conjunctions,
// prepositions, auxiliaries, pronouns, verbs), joined across OF ("the government of Gondor");
// a verb is a dictionary verb form not right after a determiner; a clause ends at a semicolon,
// the sentence end, a clause comma before a new subject and verb, or AND/BUT before a finite
// verb. Everything else follows PETRARCH: comma-clause deletion, pattern priority, default
// source and target, passive voice, paired codes, require_dyad.
#include "dyad/pattern_coder.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <unordered_set>

namespace dyad::en {

namespace {

using petrarch::Dictionaries;
using petrarch::Pattern;
using petrarch::PatternElem;
using petrarch::Phrase;

const std::unordered_set<std::string> kDet = {
    "A",    "AN",    "THE",   "ITS",  "HIS",   "HER", "THEIR", "OUR", "YOUR", "MY",
    "THIS", "THESE", "THOSE", "EACH", "EVERY", "NO",  "SOME",  "ANY", "'S",   "'"};
const std::unordered_set<std::string> kModal = {"WILL",  "WOULD", "SHOULD", "CAN", "COULD", "MAY",
                                                "MIGHT", "MUST",  "SHALL",  "WO",  "CA"};
const std::unordered_set<std::string> kBe = {"IS", "WAS",  "WERE",  "ARE",
                                             "BE", "BEEN", "BEING", "AM"};
const std::unordered_set<std::string> kConj = {"AND", "OR", "NOR", "BUT"};
const std::unordered_set<std::string> kPrep = {
    "OF",    "IN",      "FROM",    "AT",     "ON",    "WITH",    "TO",    "FOR",
    "BY",    "BETWEEN", "AGAINST", "ABOUT",  "INTO",  "OVER",    "NEAR",  "DURING",
    "AFTER", "UNTIL",   "TOWARDS", "TOWARD", "ALONG", "THROUGH", "SINCE", "WHILE",
    "WHEN",  "WHERE",   "WHO",     "WHICH",  "THAT",  "WHETHER", "ALMOST"};
const std::unordered_set<std::string> kPunct = {",",  ";",  ":",  "(", ")", ".",
                                                "\"", "``", "''", "?", "!", "--"};
const std::unordered_set<std::string> kOtherBreakers = {
    "HAS", "HAVE", "HAD", "NEITHER", "BOTH", "IT", "HE", "SHE", "THEY", "N'T", "NOT"};
// Pronouns that open a reported clause and name its speaker ("said that it would …", "that
// its commitments … are ironclad").
const std::unordered_set<std::string> kPronouns = {"IT",  "HE",    "SHE", "THEY", "WE", "I",
                                                   "ITS", "THEIR", "HIS", "HER",  "OUR"};
const std::unordered_set<std::string> kTimeWords = {"TODAY",  "YESTERDAY", "TONIGHT",   "NOW",
                                                    "MONDAY", "TUESDAY",   "WEDNESDAY", "THURSDAY",
                                                    "FRIDAY", "SATURDAY",  "SUNDAY"};
// Words that open a new noun phrase after a comma: the comma before them ends a clause.
const std::unordered_set<std::string> kPhraseOpeners = {
    "IT",    "HE",   "SHE",  "THEY", "ALMOST", "SEVERAL", "MANY", "FEW", "ONE",  "TWO",
    "THREE", "FOUR", "FIVE", "SIX",  "SEVEN",  "EIGHT",   "NINE", "TEN", "MOST", "SOME"};

bool IsAlpha(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c));
  });
}

// A word of a person's name: letters, and hyphens inside ("JAE-MYUNG", "HONG-KYUN").
bool IsNamePart(const std::string& s) {
  return !s.empty() && std::isalpha(static_cast<unsigned char>(s.front())) &&
         std::isalpha(static_cast<unsigned char>(s.back())) &&
         std::all_of(s.begin(), s.end(), [](char c) {
           return std::isalpha(static_cast<unsigned char>(c)) || c == '-';
         });
}

bool AllLower(const std::string& s) {
  return std::none_of(s.begin(), s.end(),
                      [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

bool EndsWith(const std::string& s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

struct Tok {
  std::string up, orig;
};

// PETRARCH's TreeBank conventions on plain text: n't, 's and a plural's ' split off; commas
// (not inside numbers) and other punctuation split off; a final period split off unless the
// word is an abbreviation with internal periods (U.S., W.). '_' reads as a space.
std::vector<Tok> Tokenize(std::string_view text) {
  std::string t;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
      t += '\'';
      i += 2;
    } else {
      t += text[i] == '_' ? ' ' : text[i];
    }
  }
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  std::string s;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    bool prev_word = i > 0 && word_char(t[i - 1]);
    auto at_word_end = [&](size_t j) { return j >= t.size() || !word_char(t[j]); };
    if (prev_word && (c == 'n' || c == 'N') && i + 2 < t.size() && t[i + 1] == '\'' &&
        (t[i + 2] == 't' || t[i + 2] == 'T') && at_word_end(i + 3)) {
      s += " n't";
      i += 2;
      continue;
    }
    if (prev_word && c == '\'' && i + 1 < t.size() && (t[i + 1] == 's' || t[i + 1] == 'S') &&
        at_word_end(i + 2)) {
      s += " 's";
      i += 1;
      continue;
    }
    if (c == '\'' && i > 0 && (t[i - 1] == 's' || t[i - 1] == 'S') &&
        (i + 1 >= t.size() || std::isspace(static_cast<unsigned char>(t[i + 1])))) {
      s += " '";
      continue;
    }
    if (c == ',') {
      bool in_number = i > 0 && i + 1 < t.size() &&
                       std::isdigit(static_cast<unsigned char>(t[i - 1])) &&
                       std::isdigit(static_cast<unsigned char>(t[i + 1]));
      s += in_number ? "," : " , ";
      continue;
    }
    if (c == '-' && i + 1 < t.size() && t[i + 1] == '-') {
      s += " -- ";
      ++i;
      continue;
    }
    if (std::string_view(";:()\"?!").find(c) != std::string_view::npos) {
      s += ' ';
      s += c;
      s += ' ';
      continue;
    }
    s += c;
  }
  std::vector<Tok> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (j == i) break;
    std::string w = s.substr(i, j - i);
    i = j;
    bool initials = w.size() >= 2;
    for (size_t k = 0; k < w.size() && initials; k += 2)
      initials =
          k + 1 < w.size() && std::isalpha(static_cast<unsigned char>(w[k])) && w[k + 1] == '.';
    if (w.size() > 1 && w.back() == '.' && !initials && std::count(w.begin(), w.end(), '.') == 1) {
      w.pop_back();
      out.push_back({w, w});
      out.push_back({".", "."});
    } else {
      out.push_back({w, w});
    }
  }
  for (Tok& x : out)
    for (char& c : x.up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

struct Mention {
  int start = 0, end = 0, core = 0;
  std::vector<std::string> members;
  bool compound = false, coded = false, null = false;
};

// One occurrence of a dictionary actor or agent in the tokens.
struct Span {
  char kind = 0;  // 'A' actor, 'G' agent
  int start = 0, end = 0;
  std::string code;     // actor code on the date, or agent code
  bool prefix = false;  // agent: put before the actor's code
};

class Sentence {
 public:
  Sentence(const Dictionaries& d, std::vector<Tok> toks, int date, const PatternOptions& opt,
           const LearnedNames* learned)
      : d_(d),
        toks_(std::move(toks)),
        n_(static_cast<int>(toks_.size())),
        date_(date),
        opt_(opt),
        learned_(learned) {}

  // Named actors of two or more capitalised words: their first and last words with the code.
  std::vector<std::pair<std::string, std::string>> Names() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Span& sp : spans_) {
      if (sp.kind != 'A' || sp.end - sp.start < 2 || sp.code.size() <= 3 || sp.code == "---")
        continue;
      bool proper = true;
      for (int k = sp.start; k < sp.end && proper; ++k)
        proper = std::isupper(static_cast<unsigned char>(toks_[k].orig[0])) && IsNamePart(W(k));
      if (!proper) continue;
      out.push_back({W(sp.start), sp.code});
      out.push_back({W(sp.end - 1), sp.code});
    }
    // An organisation the story names is what its common description means later: "the
    // alliance" after NATO, "the bloc" after the EU.
    // "the North" and "the South" (capitalised: see Tag) after either Korea.
    static const std::vector<std::pair<std::string, std::string>> kDescriptions = {
        {"IGONAT", "THE ALLIANCE"}, {"IGOEEC", "THE BLOC"}, {"IGOASN", "THE BLOC"}};
    for (const Span& sp : spans_) {
      if (sp.kind != 'A') continue;
      for (const auto& [org, words] : kDescriptions)
        if (sp.code == org) out.push_back({words, org});
      if (sp.code.compare(0, 3, "PRK") == 0) out.push_back({"THE NORTH", "PRK"});
      if (sp.code.compare(0, 3, "KOR") == 0) out.push_back({"THE SOUTH", "KOR"});
    }
    return out;
  }

  // The codes of the actors the sentence names, each once.
  std::vector<std::string> Actors() const {
    std::vector<std::string> out;
    for (const Mention& m : mentions_)
      if (m.coded)
        for (const std::string& a : m.members)
          if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    return out;
  }

  // The first verb the dictionaries know that is not a report of speech.
  std::string FirstVerb() const {
    for (int k = 0; k < n_; ++k)
      if (is_verb_[k] && alive_[k] && !IsReportVerb(W(k))) return W(k);
    return {};
  }

  // A verb in -ING opening a clause that tells what the subject did (", accusing …"), not a
  // preposition in verb's clothing (", according to …", ", including …").
  bool IsActParticiple(int k) const {
    static const std::unordered_set<std::string> kNotActs = {
        "ACCORDING", "INCLUDING", "FOLLOWING", "REGARDING", "CONCERNING",     "CONSIDERING",
        "DURING",    "PENDING",   "EXCLUDING", "BARRING",   "NOTWITHSTANDING"};
    return k < n_ && is_verb_[k] && EndsWith(W(k), "ING") && !kNotActs.count(W(k));
  }

  // The actor the sentence is about: the subject of its first verb that is not a report ("Ukraine
  // said Russia launched …" is about Russia), or the agent of a passive ("Israel was struck by
  // Iranian missiles" is about Iran). "-" for a compound subject (no single actor), empty when
  // no actor is named.
  std::string Subject(std::vector<std::string>* members = nullptr) const {
    int from = 0, verb = -1;
    for (int k = 0; k < n_; ++k) {
      if (!is_verb_[k] || !alive_[k]) continue;
      if (IsReportVerb(W(k))) {
        from = k + 1;
        continue;
      }
      verb = k;
      break;
    }
    if (verb < 0) return {};
    bool be = verb > 0 && (W(verb - 1) == "WAS" || W(verb - 1) == "WERE" || W(verb - 1) == "IS" ||
                           W(verb - 1) == "ARE" || W(verb - 1) == "BEEN");
    if (be && verb + 1 < n_ && W(verb + 1) == "BY") {
      for (const Mention& m : mentions_)
        if (m.start == verb + 2 && m.coded) {
          if (members != nullptr) *members = m.members;
          return m.members.size() == 1 ? m.members[0] : "-";
        }
      return {};
    }
    for (const Mention& m : mentions_)
      if (m.start >= from && m.end <= verb && m.coded) {
        if (members != nullptr) *members = m.members;
        return m.members.size() == 1 ? m.members[0] : "-";
      }
    return {};
  }

  // A noun phrase naming an act ("the launch", "that test", "the U.S. strikes").
  bool IsActNoun(const Mention& m) const {
    const std::unordered_set<std::string>& kActs = d_.Words("act_nouns");
    // The head: the last word before a time expression ("the plan the same day") or before OF
    // ("the launch of a missile").
    static const std::unordered_set<std::string> kTail = {
        "THE", "SAME", "DAY", "WEEK", "MONTH", "YEAR", "LAST", "NEXT", "THIS", "EARLIER", "LATER"};
    int last = m.end - 1;
    while (last > m.start && (!alive_[last] || kTail.count(W(last)) || kTimeWords.count(W(last))))
      --last;
    for (int k = m.start; k < last; ++k)
      if (W(k) == "OF") {
        last = k - 1;
        break;
      }
    return last >= m.start && kActs.count(W(last)) > 0;
  }

  std::vector<CodedTriple> Code() {
    Tag();
    FindVerbs();
    BuildMentions();
    DeleteCommaClauses();
    if (std::getenv("DYAD_DEBUG_EN") != nullptr) Dump();
    return Events();
  }

  // The analysis on stderr (DYAD_DEBUG_EN=1): each token with its marks, then the mentions.
  void Dump() const {
    for (int k = 0; k < n_; ++k)
      std::fprintf(stderr, "%s%s%s%s%s ", alive_[k] ? "" : "~", W(k).c_str(),
                   is_verb_[k] ? "/V" : "",
                   InSpan(k) ? (spans_[span_of_[k]].kind == 'A' ? "/A" : "/G") : "",
                   clause_comma_[k] ? "/C" : "");
    std::fprintf(stderr, "\n");
    for (const Mention& m : mentions_) {
      std::fprintf(stderr, "  M[%d,%d)", m.start, m.end);
      for (const std::string& x : m.members) std::fprintf(stderr, " %s", x.c_str());
      std::fprintf(stderr, "%s\n", m.compound ? " (compound)" : "");
    }
  }

 private:
  const std::string& W(int k) const { return toks_[k].up; }

  // ---- dictionary phrases ----
  int MatchPhrase(const Phrase& ph, int i) const {
    if (W(i) != ph.words[0]) return -1;
    int j = i + 1;
    for (size_t k = 1; k < ph.words.size(); ++k) {
      const std::string& w = ph.words[k];
      if (ph.adjacent[k - 1]) {
        if (j < n_ && W(j) == w) {
          ++j;
          continue;
        }
        return -1;
      }
      int gap = 0;
      while (j < n_ && W(j) != w && gap < 2 && !kPunct.count(W(j)) && !kConj.count(W(j)))
        ++j, ++gap;
      if (j < n_ && W(j) == w)
        ++j;
      else
        return -1;
    }
    return j;
  }

  static bool IsMonth(const std::string& w) {
    static const std::unordered_set<std::string> kMonths = {
        "JANUARY", "FEBRUARY", "MARCH",     "APRIL",   "MAY",      "JUNE",
        "JULY",    "AUGUST",   "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};
    return kMonths.count(w) > 0;
  }

  void Tag() {
    span_of_.assign(n_, -1);
    // Actors, then agents outside them: the longest phrase at each position, left to right.
    for (int i = 0; i < n_;) {
      const std::vector<int>* cands = d_.ActorsStartingWith(W(i));
      int end = -1, rec = -1;
      if (cands != nullptr)
        for (int c : *cands)
          if ((end = MatchPhrase(d_.actor_names()[c].phrase, i)) > 0) {
            rec = d_.actor_names()[c].record;
            break;
          }
      // "struck", "may", "rice": a one-word name written in lower case is the common word (a
      // surname such as Struck's or May's is capitalised wherever it names the person).
      if (rec >= 0 && end == i + 1 && std::islower(static_cast<unsigned char>(toks_[i].orig[0])))
        rec = -1;
      // "on May 7", "in March": a month is no person (Theresa May); "talks with May" is.
      if (rec >= 0 && end == i + 1 && IsMonth(W(i)) &&
          ReadsAsMonth(i > 0 ? W(i - 1) : "", i + 1 < n_ ? W(i + 1) : ""))
        rec = -1;
      // A one-word name with no role on the day ("Yoon" in a year neither Yoon held office)
      // leaves the word to what the document itself introduced.
      if (rec >= 0 && end == i + 1 && learned_ != nullptr &&
          d_.actors()[rec].CodeOn(date_).compare(0, 3, "---") == 0)
        rec = -1;
      if (rec >= 0) {
        spans_.push_back({'A', i, end, d_.actors()[rec].CodeOn(date_), false});
        for (int k = i; k < end; ++k) span_of_[k] = static_cast<int>(spans_.size()) - 1;
        i = end;
      } else {
        ++i;
      }
    }
    // A word the document introduced ("Choe" after "Choe Son Hui"), capitalised, where the
    // dictionaries see nothing.
    if (learned_ != nullptr)
      for (int i = 0; i < n_; ++i) {
        if (span_of_[i] >= 0 || !std::isupper(static_cast<unsigned char>(toks_[i].orig[0])))
          continue;
        auto it = learned_->find(W(i));
        if (it == learned_->end()) continue;
        // "Kim Hong-kyun" after "Kim Jong Un": followed by another capitalised name the
        // dictionaries lack, the word starts a different person's name.
        if (i + 1 < n_ && span_of_[i + 1] < 0 && IsAlpha(W(i + 1).substr(0, 1)) &&
            std::isupper(static_cast<unsigned char>(toks_[i + 1].orig[0])) &&
            d_.FormsOf(W(i + 1)) == nullptr)
          continue;
        spans_.push_back({'A', i, i + 1, it->second, false});
        span_of_[i] = static_cast<int>(spans_.size()) - 1;
      }
    // "the two leaders", "both sides", "the three countries": the group of that size the
    // document named last (learned as "THE TWO", "THE THREE", …; see coder_en.cc).
    const std::unordered_set<std::string>& group_nouns = d_.Words("group_nouns");
    if (learned_ != nullptr)
      for (int i = 0; i + 1 < n_; ++i) {
        static const std::unordered_set<std::string> kNumbers = {"TWO", "THREE", "FOUR", "FIVE",
                                                                 "SIX"};
        int len = 0;
        std::string key;
        if (W(i) == "THE" && i + 2 < n_ && kNumbers.count(W(i + 1)) && group_nouns.count(W(i + 2)))
          len = 3, key = "THE " + W(i + 1);
        else if (W(i) == "BOTH" && group_nouns.count(W(i + 1)))
          len = 2, key = "THE TWO";
        if (len == 0 || span_of_[i] >= 0 || span_of_[i + len - 1] >= 0) continue;
        auto group = learned_->find(key);
        if (group == learned_->end()) continue;
        spans_.push_back({'A', i, i + len, group->second, false});
        for (int k = i; k < i + len; ++k) span_of_[k] = static_cast<int>(spans_.size()) - 1;
      }
    // "We" in a statement several states issued: its issuers (learned as "WE", "A/B/C").
    if (learned_ != nullptr)
      if (auto we = learned_->find("WE"); we != learned_->end())
        for (int i = 0; i < n_; ++i)
          if (W(i) == "WE" && span_of_[i] < 0) {
            spans_.push_back({'A', i, i + 1, we->second, false});
            span_of_[i] = static_cast<int>(spans_.size()) - 1;
          }
    // "the alliance": a description the document gave a referent (see Names()).
    if (learned_ != nullptr)
      for (int i = 0; i + 1 < n_; ++i) {
        if (W(i) != "THE" || span_of_[i] >= 0 || span_of_[i + 1] >= 0) continue;
        auto it = learned_->find("THE " + W(i + 1));
        if (it == learned_->end()) continue;
        // "the North" names a state; "the north of the country" a region.
        bool compass = W(i + 1) == "NORTH" || W(i + 1) == "SOUTH";
        if (compass &&
            (!std::isupper(static_cast<unsigned char>(toks_[i + 1].orig[0])) ||
             (i + 2 < n_ && W(i + 2) == "OF") ||
             // "the North Kharkiv region", "the North Caucasus": part of a name.
             (i + 2 < n_ && std::isupper(static_cast<unsigned char>(toks_[i + 2].orig[0])) &&
              IsAlpha(W(i + 2)))))
          continue;
        // "Yoon and Biden agreed to strengthen the alliance": two states in the sentence have
        // an alliance of their own.
        if (W(i + 1) == "ALLIANCE") {
          std::unordered_set<std::string> states;
          for (const Span& sp : spans_)
            if (sp.kind == 'A' && sp.code.size() >= 3 && sp.code.compare(0, 3, "IGO") != 0 &&
                sp.code.compare(0, 3, "---") != 0)
              states.insert(sp.code.substr(0, 3));
          if (states.size() >= 2) continue;
        }
        spans_.push_back({'A', i, i + 2, it->second, false});
        span_of_[i] = span_of_[i + 1] = static_cast<int>(spans_.size()) - 1;
      }
    for (int i = 0; i < n_;) {
      const std::vector<int>* cands = d_.AgentsStartingWith(W(i));
      int end = -1, agent = -1;
      if (cands != nullptr)
        for (int c : *cands)
          if ((end = MatchPhrase(d_.agents()[c].phrase, i)) > 0) {
            agent = c;
            break;
          }
      if (agent < 0) {
        ++i;
        continue;
      }
      bool overlaps = false;
      for (int k = i; k < end; ++k) overlaps |= span_of_[k] >= 0 && spans_[span_of_[k]].kind == 'A';
      if (!overlaps) {
        const petrarch::Agent& a = d_.agents()[agent];
        spans_.push_back({'G', i, end, a.code, a.prefix});
        for (int k = i; k < end; ++k) span_of_[k] = static_cast<int>(spans_.size()) - 1;
      }
      i = end;
    }
  }

  bool InSpan(int k) const { return k >= 0 && k < n_ && span_of_[k] >= 0; }

  // ---- verbs ----
  void FindVerbs() {
    is_verb_.assign(n_, false);
    verb_part_.assign(n_, false);
    for (int i = 0; i < n_; ++i) {
      if (!std::isalpha(static_cast<unsigned char>(W(i)[0])) || d_.FormsOf(W(i)) == nullptr ||
          InSpan(i) || kModal.count(W(i)))
        continue;
      if (i > 0 && kDet.count(W(i - 1))) continue;  // "an accord", "their meeting": nouns
      // "That launch was condemned …": a demonstrative opening the sentence makes a noun.
      if (i == 1 && (W(0) == "THAT" || W(0) == "THIS" || W(0) == "THESE" || W(0) == "THOSE"))
        continue;
      // "emphasize that arms transfers …": a complement clause opens on its subject, so a word
      // right after THAT that follows a verb is no verb.
      if (i >= 2 && W(i - 1) == "THAT" &&
          (d_.FormsOf(W(i - 2)) != nullptr || IsReportVerb(W(i - 2))) && EndsWith(W(i), "S"))
        continue;
      // "will further strengthen": an adverb that shares its form with a verb, before a verb.
      if (W(i) == "FURTHER" && i + 1 < n_ && d_.FormsOf(W(i + 1)) != nullptr) continue;
      // "personnel armed with axes": a participle describing a noun, not an act.
      if ((W(i) == "ARMED" || W(i) == "EQUIPPED") && i + 1 < n_ && W(i + 1) == "WITH") continue;
      // "The U.S. strikes were condemned": a plural that a plural verb follows is the subject.
      if (EndsWith(W(i), "S") && i + 1 < n_ &&
          (W(i + 1) == "WERE" || W(i + 1) == "ARE" || W(i + 1) == "HAVE"))
        continue;
      is_verb_[i] = true;
    }
    for (int i = 0; i < n_; ++i) {
      if (!is_verb_[i]) continue;
      for (const petrarch::VerbForm& f : *d_.FormsOf(W(i))) {
        int b = i - static_cast<int>(f.before.size());
        if (!f.before.empty() && b >= 0 &&
            std::equal(f.before.begin(), f.before.end(), toks_.begin() + b,
                       [](const std::string& w, const Tok& t) { return w == t.up; }))
          for (int k = b; k < i; ++k) verb_part_[k] = true;
        if (!f.after.empty() && i + 1 + static_cast<int>(f.after.size()) <= n_ &&
            std::equal(f.after.begin(), f.after.end(), toks_.begin() + i + 1,
                       [](const std::string& w, const Tok& t) { return w == t.up; }))
          for (int k = i + 1; k <= i + static_cast<int>(f.after.size()); ++k) verb_part_[k] = true;
      }
    }
  }

  // ---- noun chunks and mentions ----
  bool Breaker(int i) const {
    const std::string& w = W(i);
    return kPunct.count(w) || kConj.count(w) || is_verb_[i] || verb_part_[i] || kPrep.count(w) ||
           kModal.count(w) || kBe.count(w) || kOtherBreakers.count(w);
  }

  struct Chunk {
    int start, end;
  };

  // Actors and agents starting inside a chunk: (position, span).
  void Info(const Chunk& c, std::vector<const Span*>* actors,
            std::vector<const Span*>* agents) const {
    for (int k = c.start; k < c.end; ++k) {
      if (!InSpan(k) || spans_[span_of_[k]].start != k) continue;
      const Span& s = spans_[span_of_[k]];
      (s.kind == 'A' ? actors : agents)->push_back(&s);
    }
  }

  // An actor's code with its agents: suffix agents appended, prefix agents put before, until
  // one is already in the code at a three-letter boundary.
  static std::string Combine(const std::string* actor, const std::vector<const Span*>& agents) {
    std::string code = actor != nullptr ? *actor : "---";
    for (const Span* g : agents) {
      const std::string& a = g->code;
      bool dup = false;
      for (size_t k = 0; k + a.size() <= code.size() && !dup; k += 3)
        dup = code.compare(k, a.size(), a) == 0;
      if (dup) break;
      code = g->prefix ? a + code : code + a;
    }
    return code;
  }

  std::optional<std::string> ChunkCode(const Chunk& c) const {
    std::vector<const Span*> a, g;
    Info(c, &a, &g);
    if (a.empty() && g.empty()) return std::nullopt;
    return Combine(a.empty() ? nullptr : &a.front()->code, g);
  }

  std::string NullCode(const Chunk& c) const {
    if (opt_.new_actor_length > 0) {
      std::vector<std::string> ws;
      for (int k = c.start; k < c.end; ++k)
        if (W(k) != "'S" && W(k) != "'") ws.push_back(W(k));
      if (!ws.empty() && static_cast<int>(ws.size()) - 1 < opt_.new_actor_length) {
        std::string s = "\"";
        for (size_t i = 0; i < ws.size(); ++i) s += (i ? " " : "") + ws[i];
        return s + "\"";
      }
    }
    return "---";
  }

  // From chunk ci, the chunks of a list "A , B , C and D" (one conjunction, before the last).
  std::vector<int> ListFrom(const std::vector<Chunk>& chunks, int ci, bool* conj_seen) const {
    std::vector<int> items{ci};
    *conj_seen = false;
    int k = ci;
    // "In Washington, Cho and Kim held talks": a place opening the sentence ends at its comma.
    int first = chunks[ci].start;
    bool opening_place =
        opt_.keep_verbless_rest && first == 1 && (W(first - 1) == "IN" || W(first - 1) == "AT");
    while (k + 1 < static_cast<int>(chunks.size())) {
      std::vector<std::string> gap;
      for (int x = chunks[k].end; x < chunks[k + 1].start; ++x) gap.push_back(W(x));
      if (gap == std::vector<std::string>{","} && opening_place && k == ci) break;
      if (gap == std::vector<std::string>{","} && !*conj_seen) {
        items.push_back(++k);
        continue;
      }
      bool list_gap =
          !gap.empty() && (gap.back() == "AND" || gap.back() == "OR" || gap.back() == "NOR");
      for (const std::string& x : gap)
        list_gap &= x == "," || x == "AND" || x == "OR" || x == "NOR";
      if (list_gap && !*conj_seen) {
        items.push_back(++k);
        *conj_seen = true;
        continue;
      }
      break;
    }
    if (!*conj_seen) items = {ci};
    return items;
  }

  void BuildMentions() {
    std::vector<Chunk> raw;
    for (int i = 0; i < n_;) {
      if (Breaker(i) && !InSpan(i)) {
        ++i;
        continue;
      }
      int j = i;
      while (j < n_ && (!Breaker(j) || InSpan(j))) ++j;
      raw.push_back({i, j});
      i = j;
    }
    // "the population of Gondor": X OF Y is one chunk when X names no actor (and is not a list
    // of agents to distribute).
    std::vector<Chunk> chunks;
    for (const Chunk& c : raw) {
      if (!chunks.empty() && chunks.back().end + 1 == c.start && W(chunks.back().end) == "OF") {
        std::vector<const Span*> a, g;
        Info(chunks.back(), &a, &g);
        bool list_follows = c.end < n_ && (W(c.end) == "," || W(c.end) == "AND" ||
                                           W(c.end) == "OR" || W(c.end) == "NOR");
        if (a.empty() && !(!g.empty() && list_follows)) {
          chunks.back().end = c.end;
          continue;
        }
      }
      chunks.push_back(c);
    }
    for (int ci = 0; ci < static_cast<int>(chunks.size());) {
      bool conj = false;
      std::vector<int> items = ListFrom(chunks, ci, &conj);
      std::vector<Chunk> elems;
      for (int x : items) elems.push_back(chunks[x]);
      // "The ambassadors of Arnor, Osgiliath and Gondor": agents OF/IN/FROM actors, one mention
      // per pair.
      int after = chunks[items.back()].end;
      if (after < n_ && (W(after) == "OF" || W(after) == "IN" || W(after) == "FROM") &&
          items.back() + 1 < static_cast<int>(chunks.size()) &&
          chunks[items.back() + 1].start == after + 1) {
        bool agents_only = true;
        for (const Chunk& e : elems) {
          std::vector<const Span*> a, g;
          Info(e, &a, &g);
          agents_only &= a.empty() && !g.empty();
        }
        if (agents_only) {
          bool conj2 = false;
          std::vector<int> items2 = ListFrom(chunks, items.back() + 1, &conj2);
          bool all_actors = true;
          for (int x : items2) {
            std::vector<const Span*> a, g;
            Info(chunks[x], &a, &g);
            all_actors &= !a.empty();
          }
          if (all_actors) {
            Mention m;
            m.start = elems.front().start;
            m.end = chunks[items2.back()].end;
            for (const Chunk& e : elems) {
              std::vector<const Span*> a0, g0;
              Info(e, &a0, &g0);
              for (int x : items2) {
                std::vector<const Span*> a, g;
                Info(chunks[x], &a, &g);
                std::vector<const Span*> ags = g0;
                ags.insert(ags.end(), g.begin(), g.end());
                m.members.push_back(Combine(&a.front()->code, ags));
              }
            }
            m.compound = m.members.size() > 1;
            Finalise(&m);
            ci = items2.back() + 1;
            continue;
          }
        }
      }
      Mention m;
      m.start = elems.front().start;
      m.end = elems.back().end;
      if (elems.size() > 1) {
        // "Danish media and government": a later agent-only member takes the first member's
        // actor and the modifiers before its head.
        std::vector<const Span*> a0, g0;
        Info(elems.front(), &a0, &g0);
        int first_head = elems.front().end;
        for (const Span* g : g0) first_head = std::min(first_head, g->start);
        for (size_t i = 0; i < elems.size(); ++i) {
          std::vector<const Span*> a, g;
          Info(elems[i], &a, &g);
          if (i > 0 && a.empty() && !g.empty() && !a0.empty() && a0.front()->start < first_head) {
            std::vector<const Span*> mods;
            if (!g0.empty()) {
              int last = g0.front()->start;
              for (const Span* x : g0) last = std::max(last, x->start);
              for (const Span* x : g0)
                if (x->start < last) mods.push_back(x);
            }
            mods.insert(mods.end(), g.begin(), g.end());
            m.members.push_back(Combine(&a0.front()->code, mods));
          } else {
            std::optional<std::string> c = ChunkCode(elems[i]);
            m.members.push_back(c ? *c : NullCode(elems[i]));
          }
        }
        m.compound = true;
      } else {
        std::optional<std::string> c = ChunkCode(elems.front());
        m.members.push_back(c ? *c : NullCode(elems.front()));
      }
      Finalise(&m);
      ci = items.back() + 1;
    }
    // A time word alone ("said today") is no noun phrase, unless a preposition governs it.
    std::vector<Mention> kept;
    for (Mention& m : mentions_) {
      bool time_only = m.null;
      for (int k = m.start; k < m.end && time_only; ++k) time_only = kTimeWords.count(W(k)) > 0;
      if (time_only && !(m.start > 0 && kPrep.count(W(m.start - 1)))) continue;
      kept.push_back(std::move(m));
    }
    mentions_ = std::move(kept);
    in_mention_.assign(n_, false);
    for (const Mention& m : mentions_)
      for (int k = m.start; k < m.end; ++k) in_mention_[k] = true;
  }

  void Finalise(Mention* m) {
    m->coded = false;
    m->null = true;
    for (const std::string& x : m->members) {
      m->coded |= x != "---" && x.front() != '"';
      m->null &= x == "---";
    }
    // Null members of a list drop out unless all are null; coded compounds ("ELR/GAL") expand.
    std::vector<std::string> kept;
    for (const std::string& x : m->members)
      if (x != "---") kept.push_back(x);
    if (kept.empty()) kept.push_back("---");
    std::vector<std::string> expanded;
    for (const std::string& x : kept) {
      if (x.front() == '"') {
        expanded.push_back(x);
        continue;
      }
      size_t i = 0;
      while (true) {
        size_t slash = x.find('/', i);
        expanded.push_back(x.substr(i, slash == std::string::npos ? std::string::npos : slash - i));
        if (slash == std::string::npos) break;
        i = slash + 1;
      }
    }
    m->members = std::move(expanded);
    if (m->members.size() > 1) m->compound = true;
    m->core = m->start;
    while (m->core < m->end - 1 && kDet.count(W(m->core))) ++m->core;
    mentions_.push_back(*m);
  }

  // ---- comma clauses ----
  void DeleteCommaClauses() {
    alive_.assign(n_, true);
    std::vector<int> commas;
    for (int i = 0; i < n_; ++i) {
      if (W(i) != "," || in_mention_[i]) continue;
      // A comma between plain lower-case words with no verb near ("restore complete, full
      // diplomatic ties") is inside a noun phrase, not a clause boundary.
      if (i > 0 && i + 2 < n_) {
        const std::string &prev = W(i - 1), &next = W(i + 1);
        bool np_internal = !is_verb_[i - 1] && !kPunct.count(prev) && !kDet.count(prev) &&
                           !kDet.count(next) && !kPhraseOpeners.count(next) && !InSpan(i + 1) &&
                           !InSpan(i - 1) && IsAlpha(next) && IsAlpha(prev) &&
                           !kPunct.count(W(i + 2)) && AllLower(toks_[i + 1].orig) &&
                           AllLower(toks_[i - 1].orig) && !is_verb_[i + 1] && !is_verb_[i + 2];
        if (np_internal) continue;
      }
      commas.push_back(i);
    }
    auto count = [&](int a, int b) {
      int c = 0;
      for (int k = a; k < b; ++k)
        if (alive_[k] && std::isalpha(static_cast<unsigned char>(W(k)[0]))) ++c;
      return c;
    };
    int endk = n_ - 1;
    while (endk >= 0 && (W(endk) == "." || W(endk) == "?" || W(endk) == "!" || W(endk) == "\"" ||
                         W(endk) == "''"))
      --endk;
    std::unordered_set<int> residual;
    if (!commas.empty()) {
      if (opt_.comma_bmax > 0) {
        int c = commas.front(), k = count(0, c);
        if (opt_.comma_bmin <= k && k <= opt_.comma_bmax) {
          for (int x = 0; x <= c; ++x) alive_[x] = false;
          commas.erase(commas.begin());
        }
      }
      if (opt_.comma_emax > 0 && !commas.empty()) {
        int c = commas.back(), k = count(c + 1, endk + 1);
        // "Earlier this year, Blinken held talks …": a last clause holding the only verb is the
        // sentence, not an aside.
        bool verb_before = false;
        for (int x = 0; x < c; ++x) verb_before |= alive_[x] && is_verb_[x];
        bool keep = opt_.keep_verbless_rest && !verb_before;
        // ", accusing Lee of …": a participle tells what the subject did.
        int first = c + 1;
        keep |= opt_.keep_verbless_rest && first < n_ && IsActParticiple(first);
        // ", who urged Pyongyang to …": what the person just named did next.
        keep |=
            opt_.keep_verbless_rest && first + 1 < n_ && W(first) == "WHO" && is_verb_[first + 1];
        // "Japan, which hosts …, protested to China": a finite verb right after the comma is
        // the sentence's own predicate, its subject before the aside.
        keep |= opt_.keep_verbless_rest && first < n_ && is_verb_[first] &&
                !EndsWith(W(first), "ING") && c > 0 && !is_verb_[c - 1];
        if (!keep && opt_.comma_emin <= k && k <= opt_.comma_emax) {
          for (int x = c; x <= endk; ++x) alive_[x] = false;
          commas.pop_back();
        }
      }
      if (opt_.comma_max > 0) {
        size_t j = 0;
        while (j + 1 < commas.size()) {
          int a = commas[j], b = commas[j + 1], k = count(a + 1, b);
          // "On Oct. 12, Kim Yo Jong, the powerful sister of the leader, warned …": a clause that
          // names an actor and holds no verb is the subject before its apposition.
          // (An apposition "secretary of Russia's Security Council" opens on a common noun.)
          bool subject = false;
          if (opt_.keep_verbless_rest)
            for (const Mention& m : mentions_)
              subject |= m.start == a + 1 && m.end == b && m.coded &&
                         std::isupper(static_cast<unsigned char>(toks_[a + 1].orig[0]));
          // "On Friday, Takaichi held talks with Xi, at which …": after an opening phrase with
          // no verb, the first clause between commas that has one is the sentence itself.
          bool main_clause = false;
          if (opt_.keep_verbless_rest && j == 0) {
            bool verb_before = false, verb_in = false;
            for (int x = 0; x < a; ++x) verb_before |= alive_[x] && is_verb_[x];
            for (int x = a + 1; x < b; ++x) verb_in |= alive_[x] && is_verb_[x];
            // "Japan, which hosts …, protested": before the comma stands the subject, and the
            // clause after it is a relative one, an aside.
            bool actor_before = false;
            for (const Mention& m : mentions_) actor_before |= m.end <= a && m.coded;
            bool relative = a + 1 < n_ && (W(a + 1) == "WHICH" || W(a + 1) == "WHO" ||
                                           W(a + 1) == "WHOSE" || W(a + 1) == "WHERE");
            main_clause = !verb_before && verb_in && !actor_before && !relative;
          }
          if (!subject && !main_clause && opt_.comma_min <= k && k <= opt_.comma_max) {
            for (int x = a; x < b; ++x) alive_[x] = false;
            residual.insert(b);  // kept for the next clause, but no longer a boundary
            commas.erase(commas.begin() + static_cast<long>(j));
          } else {
            ++j;
          }
        }
      }
    }
    clause_comma_.assign(n_, false);
    for (int c : commas)
      if (alive_[c] && !residual.count(c)) clause_comma_[c] = true;
    std::vector<Mention> live;
    for (Mention& m : mentions_)
      if (alive_[m.start]) live.push_back(std::move(m));
    mentions_ = std::move(live);
  }

  // ---- clauses ----
  const Mention* MentionAt(int k) const {
    for (const Mention& m : mentions_)
      if (m.start == k) return &m;
    return nullptr;
  }

  static bool Skippable(const std::string& w) {
    return w == "ALSO" || w == "HAS" || w == "HAVE" || w == "HAD" || w == "WILL" || w == "WOULD" ||
           w == "WAS" || w == "WERE";  // "… and was received by Kim"
  }

  // Whether token k opens a relative or complement clause: WHICH, WHO, WHOM, WHOSE; THAT before
  // a verb, a pronoun, or a noun phrase with its own verb ("that Russia provides", "that its
  // commitments … are"), not THAT as a determiner ("rejected that plan").
  bool OpensClause(int k) const {
    const std::string& w = W(k);
    if (w == "WHICH" || w == "WHO" || w == "WHOM" || w == "WHOSE") return true;
    if (w != "THAT" || k + 1 >= n_) return false;
    // "retaliated that night with …": a demonstrative before a time word.
    static const std::unordered_set<std::string> kTimeNouns = {
        "DAY",  "NIGHT",   "MORNING", "AFTERNOON", "EVENING",
        "WEEK", "WEEKEND", "MONTH",   "YEAR",      "TIME"};
    if (kTimeNouns.count(W(k + 1))) return false;
    if (is_verb_[k + 1] || kPronouns.count(W(k + 1)) || kModal.count(W(k + 1))) return true;
    for (const Mention& m : mentions_) {
      if (m.start != k + 1) continue;
      int e = m.end;
      // "that arms transfers to or from the DPRK … would": past the phrase's own modifiers.
      for (int steps = 0; e < n_ && steps < 24; ++e, ++steps) {
        const std::string& x = W(e);
        if (x == "." || x == ";") return false;
        if (is_verb_[e] || kModal.count(x) || kBe.count(x) || x == "HAS" || x == "HAVE")
          return true;
      }
      return false;
    }
    return false;
  }

  // Where a purpose infinitive starts after a verb that already has its object ("strengthen
  // our cooperation to effectively address the DPRK's threats"): its words are another act's.
  // `ce` when there is none. ("agreed to send troops to Russia": no object before TO.)
  int PurposeStart(int ve, int ce) const {
    bool object = false;
    for (int k = ve; k < ce; ++k) {
      if (!alive_[k]) continue;
      if (W(k) == "TO" && object) {
        int j = k + 1;
        while (j < ce && EndsWith(W(j), "LY")) ++j;
        if (j < ce && is_verb_[j]) return k;
      }
      // A direct object, not a phrase a preposition governs ("agreed in 2016 to deploy"); and
      // "accepted an invitation to visit Russia": an act noun's infinitive is its content.
      if (const Mention* m = MentionAt(k);
          m != nullptr && !IsActNoun(*m) && !(k > 0 && kPrep.count(W(k - 1))))
        object = true;
    }
    return ce;
  }

  int ClauseEnd(int v) const {
    for (int k = v + 1; k < n_; ++k) {
      if (!alive_[k]) continue;
      const std::string& w = W(k);
      if (w == "." || w == ";") return k;
      // ", where Yoon asked Japan …": a relative clause tells of another act.
      if (opt_.keep_verbless_rest && w == "," && k + 1 < n_ &&
          (W(k + 1) == "WHERE" || W(k + 1) == "WHICH" || W(k + 1) == "WHO" || W(k + 1) == "WHEN" ||
           W(k + 1) == "WHILE"))
        return k;
      // ", accusing Lee of …": a participle clause is an act of its own.
      if (opt_.keep_verbless_rest && w == "," && clause_comma_[k] && k + 1 < n_ &&
          IsActParticiple(k + 1))
        return k;
      if (w == "," && clause_comma_[k]) {
        // ", a senior Bree official said": a new subject and its verb start a clause.
        int j = k + 1;
        const Mention* m = j < n_ ? MentionAt(j) : nullptr;
        if (m != nullptr &&
            (m->coded || std::isupper(static_cast<unsigned char>(toks_[j].orig[0])) ||
             kDet.count(W(j)))) {
          int e = m->end;
          while (e < n_ && Skippable(W(e))) ++e;
          if (e < n_ && is_verb_[e]) return k;
        }
      }
      if ((w == "AND" || w == "BUT") && !in_mention_[k]) {
        // "condemned … and promised …": a second finite verb.
        int j = k + 1;
        while (j < n_ && (EndsWith(W(j), "LY") || W(j) == "THEN" || Skippable(W(j)))) ++j;
        if (j < n_ && is_verb_[j] && (EndsWith(W(j), "ED") || EndsWith(W(j), "S")) &&
            !EndsWith(W(j), "ING"))
          return k;
      }
    }
    return n_;
  }

  int ClauseStart(int v) const {
    for (int k = v - 1; k >= 0; --k)
      if (alive_[k] && (clause_comma_[k] || W(k) == ";")) return k + 1;
    return 0;
  }

  // ---- patterns ----
  struct Binding {
    char role;
    const Mention* m;
  };

  // Where element `el` matches at token k, going `dir` (+1 after the verb, -1 before it): the
  // next token to look at and, for $ + % ^, the mention bound.
  void ElemMatch(const PatternElem& el, int k, int dir,
                 std::vector<std::pair<int, std::optional<Binding>>>* out) const {
    using Kind = PatternElem::Kind;
    switch (el.kind) {
      case Kind::kSource:
      case Kind::kTarget:
      case Kind::kCompound:
      case Kind::kSkip:
        for (const Mention& m : mentions_) {
          bool here = dir == 1 ? (m.start == k || m.core == k) : m.end - 1 == k;
          if (!here) continue;
          if (el.kind == Kind::kCompound && !m.compound) continue;
          if ((el.kind == Kind::kSource || el.kind == Kind::kTarget) && m.null && !m.compound)
            continue;
          char role = el.kind == Kind::kSource     ? '$'
                      : el.kind == Kind::kTarget   ? '+'
                      : el.kind == Kind::kCompound ? '%'
                                                   : '^';
          out->push_back({dir == 1 ? m.end : m.start - 1, Binding{role, &m}});
        }
        return;
      case Kind::kSynset: {
        const auto* members = d_.Synset(el.text);
        if (members == nullptr) return;
        for (const std::vector<std::string>& ph : *members) {
          int L = static_cast<int>(ph.size());
          int b = dir == 1 ? k : k - L + 1;
          if (b < 0 || b + L > n_) continue;
          bool ok = true;
          for (int i = 0; i < L && ok; ++i) ok = W(b + i) == ph[i];
          if (ok) out->push_back({dir == 1 ? k + L : k - L, std::nullopt});
        }
        return;
      }
      case Kind::kWord:
        if (k >= 0 && k < n_ && W(k) == el.text) out->push_back({k + dir, std::nullopt});
        return;
    }
  }

  // Matches the elements along seq (token positions in the direction of search), with
  // backtracking; the bindings of the first full match, or nothing.
  bool MatchSeq(const std::vector<PatternElem>& elems, const std::vector<int>& seq, int dir,
                size_t ei, size_t si, std::vector<Binding>* binds) const {
    if (ei == elems.size()) return true;
    const PatternElem& el = elems[ei];
    size_t last = el.adjacent ? std::min(si + 1, seq.size()) : seq.size();
    for (size_t s = si; s < last; ++s) {
      std::vector<std::pair<int, std::optional<Binding>>> hits;
      ElemMatch(el, seq[s], dir, &hits);
      for (const auto& [nk, b] : hits) {
        size_t ns = seq.size();
        for (size_t i = 0; i < seq.size(); ++i)
          if (dir == 1 ? seq[i] >= nk : seq[i] <= nk) {
            ns = i;
            break;
          }
        size_t mark = binds->size();
        if (b) binds->push_back(*b);
        if (MatchSeq(elems, seq, dir, ei + 1, ns, binds)) return true;
        binds->resize(mark);
      }
    }
    return false;
  }

  struct PatternResult {
    std::string code;  // empty: no event
    const Mention *src = nullptr, *tgt = nullptr;
  };

  PatternResult MatchPatterns(int block, const std::vector<int>& up, const std::vector<int>& lo,
                              const std::string& verb_code) const {
    for (const Pattern& p : d_.blocks()[block].patterns) {
      std::vector<Binding> low, high;
      if (!MatchSeq(p.lower, lo, 1, 0, 0, &low)) continue;
      if (!MatchSeq(p.upper, up, -1, 0, 0, &high)) continue;
      PatternResult r;
      for (const Binding& b : low) {
        if (b.role == '$') r.src = b.m;
        if (b.role == '+' || b.role == '%') r.tgt = b.m;
      }
      for (const Binding& b : high) {
        if (b.role == '$') r.src = b.m;
        if (b.role == '+') r.tgt = b.m;
        if (b.role == '%') r.src = r.tgt = b.m;  // "% HAVE *": the compound toward itself
      }
      if (p.code != "---") r.code = p.code;
      return r;
    }
    PatternResult r;
    if (verb_code != "---") r.code = verb_code;
    return r;
  }

  // The words of a mention as written, without a leading determiner or a trailing time
  // expression ("North Korea last week").
  std::string Words(const Mention& m) const {
    static const std::unordered_set<std::string> kTime = {
        "LAST", "NEXT", "THIS", "EARLIER", "LATER", "WEEK", "MONTH", "YEAR", "DAY"};
    int end = m.end;
    while (end > m.core + 1 && (kTime.count(W(end - 1)) || kTimeWords.count(W(end - 1)))) --end;
    std::string out;
    for (int k = m.core; k < end; ++k) {
      if (!alive_[k]) continue;
      const std::string& w = toks_[k].orig;
      bool glue = w == "'s" || w == "'S" || w == "'" || w == "," || w == ".";
      if (!out.empty() && !glue) out += ' ';
      out += w;
    }
    return out;
  }

  // ---- events ----
  std::vector<CodedTriple> Events() {
    std::vector<CodedTriple> events;
    int done_until = -1;
    // The other side of the sentence's last act: what "it" or "them" after a later verb means
    // ("called on Iran … and urged it not to …").
    const Mention* last_tgt = nullptr;
    for (int v = 0; v < n_; ++v) {
      if (!is_verb_[v] || !alive_[v] || v <= done_until) continue;
      // The forms that fit, longest first (a multi-word verb before its head word alone); the
      // first whose block codes something here is the verb's reading. (With one dictionary a
      // word has one block, as in PETRARCH; dyad's verbs in front of CAMEO 2.0 may give two.)
      int vs = -1, ve = -1, cs = 0, ce = 0;
      PatternResult r;
      for (const petrarch::VerbForm& f : *d_.FormsOf(W(v))) {
        int s = v - static_cast<int>(f.before.size()), e = v + 1 + static_cast<int>(f.after.size());
        if (s < 0 || e > n_) continue;
        bool ok = true;
        for (size_t i = 0; i < f.before.size() && ok; ++i)
          ok = W(s + static_cast<int>(i)) == f.before[i];
        for (size_t i = 0; i < f.after.size() && ok; ++i)
          ok = W(v + 1 + static_cast<int>(i)) == f.after[i];
        if (!ok) continue;
        vs = s, ve = e;
        cs = ClauseStart(vs), ce = ClauseEnd(ve - 1);
        std::vector<int> up, lo;
        for (int k = vs - 1; k >= cs; --k)
          if (alive_[k]) up.push_back(k);
        // "monitoring any materials that Russia provides to …": a pattern's words are the
        // verb's own, not a relative or complement clause's.
        for (int k = ve; k < ce && !OpensClause(k); ++k)
          if (alive_[k]) lo.push_back(k);
        r = MatchPatterns(f.block, up, lo, f.code);
        if (!r.code.empty()) break;
      }
      if (r.code.empty()) continue;  // no event: the verb claims nothing
      // "X said that it would send troops …": in a document a bare report is how the news came,
      // not an act (dyad drops it); the clause it reports keeps its own verb.
      // So is a bare statement whose object is a clause ("We emphasize that arms transfers …
      // would violate …", "reiterated that its commitments … are ironclad").
      if (opt_.keep_verbless_rest && r.code == "010" &&
          (IsReportVerb(W(v)) || (ve < n_ && W(ve) == "THAT" && OpensClause(ve))))
        continue;
      done_until = ce;
      const Mention* src = r.src;
      const Mention* tgt = r.tgt;
      bool regular = src == nullptr && tgt == nullptr;
      if (src == nullptr) {
        // The leftmost coded mention before the verb in its clause, else an agent-only one.
        const Mention* coded = nullptr;
        const Mention* any_nonnull = nullptr;
        const Mention* any = nullptr;
        for (const Mention& m : mentions_) {
          if (m.start < cs || m.end > vs || &m == tgt) continue;
          // "Relations between Washington and Beijing …": a topic, not an actor.
          if (opt_.keep_verbless_rest && m.start > 0 &&
              (W(m.start - 1) == "BETWEEN" || W(m.start - 1) == "AMONG"))
            continue;
          if (m.coded && coded == nullptr) coded = &m;
          if (!m.null && any_nonnull == nullptr) any_nonnull = &m;
          if (any == nullptr) any = &m;
        }
        src = coded ? coded : any_nonnull ? any_nonnull : any;
        // "X said that Y defines Z as …": the verb after THAT has that clause's subject. A
        // pronoun there ("said that it would …") is X; a noun phrase no dictionary knows is
        // someone else.
        // "… and lodged a protest": a verb after AND belongs to the main clause.
        bool after_and = vs > 0 && (W(vs - 1) == "AND" ||
                                    (vs > 1 && W(vs - 2) == "AND" && EndsWith(W(vs - 1), "LY")));
        if (opt_.keep_verbless_rest && src != nullptr && !after_and) {
          int that = -1;
          for (int k = cs; k < vs; ++k)
            if (alive_[k] && (W(k) == "THAT" || IsReportVerb(W(k)))) that = k;
          if (that >= 0 && src->end <= that) {
            // The clause's subject: the first phrase after THAT that no preposition governs.
            const Mention* after = nullptr;
            for (const Mention& m : mentions_)
              if (m.start > that && m.end <= vs && &m != tgt &&
                  (m.start == that + 1 || !kPrep.count(W(m.start - 1)))) {
                after = &m;
                break;
              }
            int w = that + 1;
            bool pronoun = w < vs && kPronouns.count(W(w)) > 0;
            if (after != nullptr && after->coded) {
              src = after;
            } else if (after != nullptr && !pronoun) {
              src = nullptr;
            }
          }
        }
        // ", accusing Lee of …": the participle's subject is the sentence's.
        // ", where he met Yoon": a pronoun after WHERE or WHEN is the sentence's subject too.
        bool relative_pronoun =
            vs > 2 && W(vs - 3) == "," && (W(vs - 2) == "WHERE" || W(vs - 2) == "WHEN") &&
            (W(vs - 1) == "HE" || W(vs - 1) == "SHE" || W(vs - 1) == "THEY" || W(vs - 1) == "IT");
        // ", who urged …": the last actor named before the comma.
        if (opt_.keep_verbless_rest && src == nullptr && vs > 1 && W(vs - 1) == "WHO" &&
            W(vs - 2) == ",") {
          for (const Mention& m : mentions_)
            if (m.end <= vs - 2 && m.coded) src = &m;
        }
        if (opt_.keep_verbless_rest && src == nullptr && vs > 0 &&
            ((W(vs - 1) == "," && IsActParticiple(vs)) || relative_pronoun)) {
          int first_verb = vs;
          for (int k = 0; k < vs; ++k)
            if (is_verb_[k] && alive_[k]) {
              first_verb = k;
              break;
            }
          for (const Mention& m : mentions_)
            if (m.end <= first_verb && m.coded) {
              src = &m;
              break;
            }
        }
      }
      if (src == nullptr) continue;
      if (tgt == nullptr) {
        const Mention* coded = nullptr;
        const Mention* uncoded = nullptr;
        const Mention* place = nullptr;
        const std::unordered_set<std::string>& occasions = d_.Words("occasion_nouns");
        int te = opt_.keep_verbless_rest ? PurposeStart(ve, ce) : ce;
        for (const Mention& m : mentions_) {
          if (m.start < ve || m.end > te) continue;
          bool all_source = true;
          for (const std::string& x : m.members)
            all_source &=
                std::find(src->members.begin(), src->members.end(), x) != src->members.end();
          // "talks in Vientiane", "officials in Seoul": where, not whom; "during a NATO
          // summit": the occasion, not its organiser.
          bool at_place =
              opt_.places_are_not_targets &&
              ((m.start > 0 && (W(m.start - 1) == "IN" || W(m.start - 1) == "AT")) ||
               occasions.count(W(m.end - 1)) > 0 || (m.end < n_ && occasions.count(W(m.end)) > 0));
          // "sent troops to Russia": an agent with no state of its own ("---MIL") is what was
          // sent, not to whom, when a state follows.
          bool stateless =
              opt_.keep_verbless_rest && m.end < n_ && (W(m.end) == "TO" || W(m.end) == "INTO") &&
              std::all_of(m.members.begin(), m.members.end(),
                          [](const std::string& x) { return x.compare(0, 3, "---") == 0; });
          if (m.coded && !all_source && at_place && place == nullptr) place = &m;
          if (m.coded && !all_source && !at_place && !stateless && coded == nullptr) coded = &m;
          if (!m.coded && uncoded == nullptr && opt_.null_targets) uncoded = &m;
        }
        int obj = ve;
        while (obj < ce && !alive_[obj]) ++obj;
        bool pronoun =
            obj < ce && (W(obj) == "IT" || W(obj) == "THEM" || W(obj) == "HIM" || W(obj) == "HER");
        // "Japan condemned the launch": the act named by a noun, its actor the antecedent.
        const Mention* act = nullptr;
        if (!opt_.antecedent.empty() && coded == nullptr)
          for (const Mention& m : mentions_)
            if (m.start >= ve && m.end <= ce && m.null) {
              if (IsActNoun(m)) act = &m;
              break;
            }
        if (act != nullptr) {
          tgt = act;
        } else if (opt_.keep_verbless_rest && pronoun && coded == nullptr) {
          tgt = last_tgt;  // a compound never meets itself through a pronoun
        } else {
          // A compound acting with no other side acts among its members only in what two
          // sides do together (meet, agree, cooperate, exchange: CAMEO 03-08), never in an appeal,
          // demand or criticism of itself.
          int root = std::atoi(r.code.substr(0, 2).c_str());
          bool mutual = root >= 3 && root <= 8;
          tgt = coded ? coded : uncoded ? uncoded : (src->compound && mutual) ? src : place;
        }
      }
      if (tgt == nullptr) continue;
      // "condemn the provision of military equipment by the DPRK to Russia": an act named by a
      // noun, with its owner after BY, is the owner's; what follows OF is its object.
      if (tgt != src && tgt->end < n_ && W(tgt->end) == "BY" && IsActNoun(*tgt))
        for (const Mention& m : mentions_)
          if (m.start == tgt->end + 1 && m.coded) {
            tgt = &m;
            break;
          }
      if (tgt != src) last_tgt = tgt;
      // "Osgiliath was criticized by Eriador": with both roles found by default, BE before the
      // verb and BY after it reverse them.
      if (regular) {
        bool be = false, by = false;
        for (int k = std::max(0, vs - 2); k < vs; ++k)
          be |= W(k) == "WAS" || W(k) == "IS" || W(k) == "BEEN" || W(k) == "WERE" || W(k) == "ARE";
        for (int k = ve; k < std::min(n_, ve + 3); ++k) by |= W(k) == "BY";
        if (be && by) std::swap(src, tgt);
      }
      // "The launch was condemned by …", "Seoul condemned the strikes": an act named by a noun
      // is its actor's, the one the previous sentence was about.
      if (tgt != nullptr && tgt->null && !tgt->compound && !opt_.antecedent.empty() &&
          IsActNoun(*tgt)) {
        antecedent_ =
            Mention{tgt->start, tgt->end, tgt->core, {opt_.antecedent}, false, true, false};
        tgt = &antecedent_;
        if (src != nullptr && src->members.size() == 1 && src->members[0] == opt_.antecedent)
          continue;  // the actor does not condemn its own act
      }
      std::string before;
      for (int k = cs; k < vs; ++k)
        if (alive_[k]) before += (before.empty() ? "" : " ") + W(k);
      std::string first = r.code, second;
      if (size_t colon = r.code.find(':'); colon != std::string::npos) {
        first = r.code.substr(0, colon);
        second = r.code.substr(colon + 1);
      }
      for (const std::string& a : src->members) {
        for (const std::string& b : tgt->members) {
          if (a == b) continue;
          std::string sw = Words(*src), tw = Words(*tgt);
          std::vector<CodedTriple> made{{a, b, first, sw, tw, before, W(v)}};
          if (!second.empty()) made.push_back({b, a, second, tw, sw, before, W(v)});
          for (CodedTriple& e : made) {
            if (opt_.require_dyad && (e.source == "---" || e.target == "---")) continue;
            if (std::find(events.begin(), events.end(), e) == events.end()) events.push_back(e);
          }
        }
      }
    }
    return events;
  }

  const Dictionaries& d_;
  std::vector<Tok> toks_;
  int n_;
  int date_;
  const PatternOptions& opt_;
  const LearnedNames* learned_;
  std::vector<Span> spans_;
  std::vector<int> span_of_;
  std::vector<bool> is_verb_, verb_part_, alive_, clause_comma_, in_mention_;
  std::vector<Mention> mentions_;
  Mention antecedent_;  // the previous sentence's actor, standing for an act it named
};

}  // namespace

bool IsReportVerb(std::string_view word) {
  static const std::unordered_set<std::string_view> kReport = {
      "SAID",    "SAYS",  "SAY",    "SAYING",   "TOLD",     "TELLS",
      "TELLING", "ADDED", "ADDING", "REPORTED", "REPORTING"};
  return kReport.count(word) > 0;
}

bool ReadsAsMonth(std::string_view prev, std::string_view next) {
  static const std::unordered_set<std::string_view> kBeforeMonth = {
      "IN",    "ON",   "SINCE", "UNTIL", "BY",    "FROM", "THROUGH", "BEFORE",
      "AFTER", "LAST", "NEXT",  "THIS",  "EARLY", "LATE", "MID",     "OF"};
  return (!next.empty() && std::isdigit(static_cast<unsigned char>(next[0]))) ||
         kBeforeMonth.count(prev) > 0;
}

SentenceCoding PatternCoder::Code(std::string_view text, int date, const PatternOptions& opt,
                                  const LearnedNames* learned) const {
  SentenceCoding out;
  std::vector<Tok> toks = Tokenize(text);
  // Discards: story-level phrases first, then sentence-level ones, as whole words.
  std::string joined = " ";
  for (const Tok& t : toks) joined += t.up + " ";
  for (bool story : {true, false}) {
    for (const petrarch::Discard& d : d_->discards()) {
      if (d.story != story) continue;
      if (!opt.year_discards && d.words.size() == 1 && d.words[0].size() == 4 &&
          d.words[0].find_first_not_of("0123456789") == std::string::npos)
        continue;
      std::string phrase = " ";
      for (const std::string& w : d.words) phrase += w + " ";
      if (joined.find(phrase) != std::string::npos) {
        out.discard = story ? "storydiscard" : "sentencediscard";
        return out;
      }
    }
  }
  Sentence sentence(*d_, std::move(toks), date, opt, learned);
  out.events = sentence.Code();
  out.names = sentence.Names();
  out.subject = sentence.Subject(&out.subject_members);
  out.actors = sentence.Actors();
  out.verb = sentence.FirstVerb();
  return out;
}

}  // namespace dyad::en
