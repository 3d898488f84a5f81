// English documents: sentences → the pattern coder → events with dates, spans and evidence.
#include "coder/coder_en.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "dyad/act_phrase.h"
#include "dyad/english.h"
#include "dyad/pattern_coder.h"

namespace dyad {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The upper-case words of a verb's clause before it, in order.
std::vector<std::string> Words(const std::string& before_verb) {
  std::vector<std::string> words;
  for (size_t i = 0; i < before_verb.size();) {
    size_t j = before_verb.find(' ', i);
    if (j == std::string::npos) j = before_verb.size();
    if (j > i) words.push_back(before_verb.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

// The modal an infinitive's chain hangs on: "will continue to work together with the UN to
// ensure …" → WILL; empty when the verb is no infinitive or the chain reaches a finite verb, a
// conjunction or a clause of its own first ("agreed to", "and", "that").
std::string GoverningModal(const std::vector<std::string>& words) {
  if (words.empty() || words.back() != "TO") return {};
  for (size_t k = words.size() - 1; k-- > 0;) {
    const std::string& w = words[k];
    for (std::string_view m : {"WILL", "SHALL", "WOULD", "MAY", "MIGHT", "COULD", "WO"})
      if (w == m) return w;
    if (w == "AND" || w == "BUT" || w == "THAT" || w == "WHICH" || w == "WHO" || w == "IF" ||
        w == "," || (w.size() > 3 && w.compare(w.size() - 2, 2, "ED") == 0))
      return {};
  }
  return {};
}

// What the text says of an event: a condition in its clause ("If Trump follows through …"), a
// denial, a forecast or intention right before its verb ("is expected to visit", "did not
// meet", "will impose"); else that it happened. PETRARCH codes no modality; dyad's readers need
// it.
EventMode ModeOf(const std::string& before_verb, const std::string& verb) {
  // "is expected to condemn": the coded verb is itself the forecast.
  for (std::string_view w : {"EXPECTED", "EXPECTS", "EXPECT", "PLANS", "PLANNED", "PLAN",
                             "SCHEDULED", "INTENDS", "INTENDED", "AIMS", "HOPES", "WANTS"})
    if (verb == w) return EventMode::kExpected;
  std::string s = " " + before_verb + " ";
  auto has = [&](std::string_view w) {
    return s.find(" " + std::string(w) + " ") != std::string::npos;
  };
  if (has("IF") || has("UNLESS")) return EventMode::kHypothetical;
  // Only the words nearest the verb: "… said on Friday that Seoul would …" is the verb's own.
  std::vector<std::string> words = Words(before_verb);
  // "in May", "on May 7": the month, not the modal.
  for (size_t k = 0; k < words.size(); ++k) {
    if (words[k] == "MAY" &&
        en::ReadsAsMonth(k > 0 ? words[k - 1] : "", k + 1 < words.size() ? words[k + 1] : ""))
      words[k] = "<MONTH>";
  }
  std::string near;
  for (size_t k = words.size() > 4 ? words.size() - 4 : 0; k < words.size(); ++k)
    near += " " + words[k];
  near += " ";
  auto near_has = [&](std::string_view w) {
    return near.find(" " + std::string(w) + " ") != std::string::npos;
  };
  for (std::string_view w : {"NOT", "N'T", "NEVER", "FAILED TO", "REFUSED TO"})
    if (near_has(w)) return EventMode::kNegated;
  // "will continue to work with the UN to expose …": an infinitive shares its chain's future.
  if (!GoverningModal(words).empty()) return EventMode::kExpected;
  for (std::string_view w :
       {"WILL", "WOULD", "SHALL", "MAY", "MIGHT", "COULD", "EXPECTED TO", "LIKELY TO", "PLANS TO",
        "PLANNED TO", "SET TO", "SCHEDULED TO", "INTENDS TO", "IS TO", "ARE TO", "WO", "CA", "TO"})
    if (near_has(w) && (w != "TO" || near_has("WANTS") || near_has("HOPES") || near_has("AIMS") ||
                        near_has("WANTED") || near_has("HOPED") || near_has("AIMED") ||
                        near_has("SOUGHT") || near_has("SEEKS")))
      return EventMode::kExpected;
  return EventMode::kActual;
}

// The most frequent year the text names (19xx or 20xx), 0 when none.
int YearOf(std::string_view text) {
  // Years 1900-2099 standing alone (no digit either side), counted in place.
  int counts[200] = {};
  bool any = false;
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    char a = text[i], b = text[i + 1];
    if (!((a == '1' && b == '9') || (a == '2' && b == '0'))) continue;
    if ((i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]))) ||
        (i + 4 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 4]))))
      continue;
    if (std::isdigit(static_cast<unsigned char>(text[i + 2])) &&
        std::isdigit(static_cast<unsigned char>(text[i + 3]))) {
      ++counts[(a == '1' ? 0 : 100) + (text[i + 2] - '0') * 10 + (text[i + 3] - '0')];
      any = true;
    }
  }
  if (!any) return 0;
  int best = 0, n = 0;
  for (int k = 0; k < 200; ++k)
    if (counts[k] > 0 && counts[k] >= n) best = 1900 + k, n = counts[k];
  return best;
}

std::string StateOf(const std::string& code, const CountryTable& countries) {
  if (code.size() >= 3 && countries.Find(code.substr(0, 3)) != nullptr) return code.substr(0, 3);
  return {};
}

// Whether a verb form is in the present: "condemn", "condemns", "urge" — not "condemned",
// "met", "said". What a statement or readout does in the present, it does on its own date.
bool PresentForm(const std::string& verb, const std::string& before_verb) {
  if (verb.empty() || verb.find(' ') != std::string::npos) return false;
  if (verb.size() > 2 && verb.compare(verb.size() - 2, 2, "ED") == 0) return false;
  // Irregular pasts and participles of the verbs of diplomacy.
  static constexpr std::string_view kPast[] = {
      "MET",   "SAID",   "MADE",    "GAVE",   "SENT",   "HELD", "TOLD", "LEFT", "WENT",  "TOOK",
      "SPOKE", "SOUGHT", "BROUGHT", "FOUGHT", "STRUCK", "SHOT", "WON",  "LOST", "BEGAN", "WROTE",
      "DREW",  "THREW",  "SPENT",   "BOUGHT", "SOLD",   "HIT",  "SET",  "PUT"};
  for (std::string_view p : kPast)
    if (verb == p) return false;
  // "has condemned", "was condemned", "had met": perfect and passive are tellings of the past.
  std::string s = " " + before_verb + " ";
  for (std::string_view aux : {" HAS ", " HAVE ", " HAD ", " WAS ", " WERE ", " DID "})
    if (s.size() >= aux.size() && s.compare(s.size() - aux.size(), aux.size(), aux) == 0)
      return false;
  return true;
}

// "X is a treaty between South Korea and the United States signed on 1 October 1953": a
// sentence defining an agreement between two sides tells of them concluding it (CAMEO 057).
// The sides are the first two states named after BETWEEN, joined by AND.
std::optional<en::CodedTriple> AgreementDefined(std::string_view sentence,
                                                const en::SentenceCoding& c,
                                                const petrarch::Dictionaries& dict,
                                                const CountryTable& countries) {
  std::vector<std::string> words;
  std::string w;
  for (char ch : sentence) {
    if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '.') {
      w += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    } else if (!w.empty()) {
      words.push_back(w), w.clear();
    }
  }
  if (!w.empty()) words.push_back(w);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] != "BETWEEN") continue;
    bool agreement = false, defines = false;
    for (size_t k = i > 6 ? i - 6 : 0; k < i; ++k) {
      agreement |= dict.Words("agreement_nouns").count(words[k]) > 0;
      defines |= words[k] == "IS" || words[k] == "WAS";
    }
    if (!agreement || !defines) continue;
    // The sides: states of the sentence's actors, in order, that the words after BETWEEN name.
    std::vector<std::pair<std::string, std::string>> sides;  // (code, state)
    for (const std::string& a : c.actors) {
      std::string st = StateOf(a, countries);
      if (st.empty()) continue;
      bool dup = false;
      for (const auto& s : sides) dup |= s.second == st;
      if (!dup) sides.emplace_back(a, st);
    }
    if (sides.size() < 2) return std::nullopt;
    en::CodedTriple t;
    t.source = sides[0].first;
    t.target = sides[1].first;
    t.code = "057";
    t.source_words = sides[0].second;
    t.target_words = sides[1].second;
    t.verb = "BETWEEN";
    return t;
  }
  return std::nullopt;
}

// A group of n actors ("A/B/C") as what "the three countries" means from here on.
void LearnGroup(size_t n, const std::string& group, en::LearnedNames* learned) {
  static constexpr std::string_view kNumbers[] = {"TWO", "THREE", "FOUR", "FIVE", "SIX"};
  if (n >= 2 && n <= 6) (*learned)["THE " + std::string(kNumbers[n - 2])] = group;
}

// "will", "shall" right before the verb: the speaker's own intention (not "is expected to", a
// forecast about others).
bool StatedIntent(const std::string& before_verb) {
  // "we will work together with the UN to ensure …": the chain's modal governs the infinitive.
  if (std::string m = GoverningModal(Words(before_verb)); m == "WILL" || m == "SHALL")
    return before_verb.find("EXPECTED") == std::string::npos;
  std::string s = " " + before_verb + " ";
  size_t at = s.rfind(" WILL ");
  if (at == std::string::npos) at = s.rfind(" SHALL ");
  // The modal governs the verb: at most two words (an adverb, "continue to") between them.
  if (at == std::string::npos) return false;
  int words = 0;
  for (size_t i = at + 1; i < s.size(); ++i) words += s[i] == ' ';
  return words <= 4 && s.find(" EXPECTED ") == std::string::npos;
}

// Whether the words after a statement's verb say what another side must do: "must", "should"
// in its complement.
bool Obliges(std::string_view sentence, const std::string& verb) {
  std::string lower;
  for (char c : sentence) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string v = Lower(verb);
  size_t at = v.empty() ? std::string::npos : lower.find(v);
  if (at == std::string::npos) return false;
  std::string_view rest = std::string_view(lower).substr(at);
  return rest.find(" must ") != std::string_view::npos ||
         rest.find(" should ") != std::string_view::npos;
}

}  // namespace

// How a chronology names an English sentence's actor: a person the lexicon knows by the words'
// English name, with the title of the role held on `on` ("Kim Jong Un (DPRK leader)", "김정은
// 국무위원장"); otherwise the state or its organ the code names ("Russia", "러시아 군"); a
// group ("USA/KOR") by its states joined.
void Label(const Lexicon& lex, const std::string& code, const std::string& words, const Date& on,
           std::string* ko, std::string* en, bool* person) {
  if (person != nullptr) *person = false;
  if (const Actor* a = lex.PersonNamedIn(words)) {
    const ActorRole* r = a->RoleOn(on);
    if (r != nullptr &&
        (r->code.compare(0, 3, "---") == 0 || r->code.compare(0, 3, code, 0, 3) == 0)) {
      std::string name_en = a->names_en.front();
      std::string name_ko = a->names_ko.empty() ? name_en : a->names_ko.front();
      *ko = r->title_ko.empty() ? name_ko : name_ko + " " + r->title_ko;
      *en = r->title_en.empty() ? name_en : name_en + " (" + r->title_en + ")";
      if (person != nullptr) *person = true;
      return;
    }
  }
  ko->clear(), en->clear();
  if (const Actor* org = lex.OrgByCode(code); org != nullptr && !org->names_ko.empty()) {
    *ko = org->names_ko.front();
    *en = EnglishArticle(org->roles.front().title_en.empty() ? org->names_en.front()
                                                             : org->roles.front().title_en);
    return;
  }
  for (size_t i = 0; i <= code.size();) {
    size_t j = std::min(code.find('/', i), code.size());
    std::string part = code.substr(i, j - i);
    if (!part.empty()) {
      *ko += (ko->empty() ? "" : "·") + StateActorLabel(lex.countries(), part, "ko");
      *en += (en->empty() ? "" : " and ") + StateActorLabel(lex.countries(), part, "en");
    }
    i = j + 1;
  }
}

std::string_view SentenceText(const EnglishInput& in, const Segment& seg, uint32_t* begin) {
  std::string_view sentence = in.clean->Slice(seg.begin, seg.end);
  *begin = seg.begin;
  if (seg.begin == in.segments->front().begin) {
    size_t n = en::DatelineLength(sentence);
    sentence.remove_prefix(n);
    *begin += static_cast<uint32_t>(n);
  }
  return sentence;
}

int EnglishDocumentYear(const CleanText& clean) {
  std::optional<Date> d = en::Dateline(clean.text, 0);
  return d ? d->year : YearOf(clean.text);
}

std::vector<Event> CodeEnglish(const EnglishInput& in, std::vector<Unresolved>* unresolved) {
  std::vector<Event> out;
  const CountryTable& countries = in.res->lexicon.countries();
  const Lexicon& lex = in.res->lexicon;
  en::PatternCoder coder(in.dictionaries);
  std::optional<Date> dateline = in.doc_date ? in.doc_date : en::Dateline(in.clean->text, in.year);
  // Without a dateline, relative dates count from the first day of the year in force.
  Date anchor = dateline ? *dateline : Date{in.year != 0 ? in.year : 2000, 1, 1};
  std::optional<DateSpan> in_force;
  if (dateline) in_force = DateSpan::Day(*dateline);
  // Names the document introduced ("Choe Son Hui", later "Choe"); a word introduced for two
  // different actors stays unknown.
  en::LearnedNames learned;
  // Whether the text speaks as "we" at all (a statement, not a report of one).
  bool speaks_as_we = false;
  {
    const std::string& t = in.clean->text;
    int n = 0;
    for (std::string_view w : {"We ", " we "})
      for (size_t at = t.find(w); at != std::string::npos; at = t.find(w, at + 1)) ++n;
    speaks_as_we = n >= 2;
  }
  // The actor the last sentence with a known subject was about: "the launch" is its act.
  std::string antecedent;
  std::set<std::string> ambiguous;
  auto learn = [&](const en::SentenceCoding& c) {
    for (const auto& [word, code] : c.names) {
      if (ambiguous.count(word)) continue;
      auto [it, inserted] = learned.emplace(word, code);
      if (!inserted && it->second != code) {
        learned.erase(it);
        ambiguous.insert(word);
      }
    }
  };
  for (const Segment& seg : *in.segments) {
    if (seg.kind == Segment::Kind::kTableTitle || seg.kind == Segment::Kind::kHeading) continue;
    uint32_t begin = 0;
    std::string_view sentence = SentenceText(in, seg, &begin);
    // Relative dates count from the dateline, else from the last day the text named; with
    // neither, "on Friday" and "yesterday" date nothing (a date is never invented).
    bool day_in_force = in_force && in_force->precision == DatePrecision::kDay;
    Date sentence_anchor = dateline ? anchor : (day_in_force ? in_force->begin : anchor);
    std::optional<DateSpan> date =
        en::SentenceDate(sentence, sentence_anchor, day_in_force ? in_force->begin : anchor,
                         nullptr, dateline.has_value() || day_in_force);
    if (date) {
      // A statement's sentences are all said on its date: a day one of them names ("the launch
      // … on 12 July") dates that clause, not the next sentence.
      if (date->precision == DatePrecision::kDay && !(speaks_as_we && in.doc_date)) in_force = date;
    } else {
      date = in_force;
    }
    // Nothing dated yet: the year in force, at year precision.
    if (!date && in.year != 0) date = DateSpan::Year(in.year);
    en::PatternOptions opt;
    opt.null_targets = false;
    opt.places_are_not_targets = true;
    opt.keep_verbless_rest = true;
    opt.year_discards = false;
    opt.antecedent = antecedent;
    // Dated roles are read on the sentence's day (its first day for a longer span).
    const Date& on = date ? date->begin : anchor;
    en::SentenceCoding c =
        coder.Code(sentence, on.year * 10000 + on.month * 100 + on.day, opt, &learned);
    learn(c);
    // A statement issued by several states speaks as "we": the states its first compound subject
    // names ("The United States, Japan, and the Republic of Korea strongly condemn …").
    if (!learned.count("WE") && c.subject == "-" && c.subject_members.size() >= 2 && speaks_as_we) {
      std::string issuers;
      std::set<std::string> states;
      for (const std::string& m : c.subject_members) {
        std::string st = StateOf(m, countries);
        if (st.empty() || !states.insert(st).second) continue;
        issuers += (issuers.empty() ? "" : "/") + st;
      }
      if (states.size() >= 2) {
        learned["WE"] = issuers;
        LearnGroup(states.size(), issuers, &learned);  // "the three countries"
      }
    }
    if (c.subject == "-") {
      antecedent.clear();  // several actors: "the drills" could be any of theirs
    } else if (!c.subject.empty()) {
      antecedent = c.subject;
    }
    // Named variables, not a structured binding: lambdas below capture them, which C++20 allows
    // but clang 14 (Debian 12's, which builds the fuzz targets) does not.
    const auto span = in.clean->SpanOf(begin, seg.end);
    const uint32_t span_b = span.first, span_e = span.second;
    bool noted = false;  // one queue entry per sentence and reason
    std::vector<std::string> reasons;
    auto note = [&](const char* reason, const std::string& predicate = {}) {
      if (unresolved == nullptr) return;
      noted = true;
      if (std::find(reasons.begin(), reasons.end(), reason) != reasons.end()) return;
      reasons.emplace_back(reason);
      Unresolved u;
      u.predicate = predicate;
      u.doc = in.doc_path;
      u.span_begin = span_b;
      u.span_end = span_e;
      u.evidence = std::string(sentence);
      u.reason = reason;
      unresolved->push_back(std::move(u));
    };
    // What looked like an event but yields none goes to the review queue with its reason: a
    // sentence naming two sides and no verb the dictionaries know, or a verb and one side.
    size_t before = out.size();
    auto queue_if_lost = [&] {
      if (out.size() != before || noted || !c.discard.empty() || unresolved == nullptr) return;
      std::vector<std::string> sides;
      for (const std::string& a : c.actors) {
        std::string side = StateOf(a, countries);
        if (side.empty()) side = a.substr(0, std::min<size_t>(a.size(), 6));
        if (side.compare(0, 3, "---") == 0) continue;
        if (std::find(sides.begin(), sides.end(), side) == sides.end()) sides.push_back(side);
      }
      if (sides.size() >= 2 && c.verb.empty()) {
        note("unknown predicate");
      } else if (sides.size() >= 2) {
        note("unknown predicate", c.verb);
      } else if (sides.size() == 1 && !c.verb.empty()) {
        note("no counterpart", c.verb);
      }
    };
    if (c.discard.empty() && c.events.empty())
      if (auto t = AgreementDefined(sentence, c, *in.dictionaries, countries))
        c.events.push_back(*t);
    // "The two leaders agreed …": the pair of the last act between two actors.
    for (const en::CodedTriple& t : c.events)
      if (t.source.compare(0, 3, "---") != 0 && t.target.compare(0, 3, "---") != 0 &&
          t.source.substr(0, 3) != t.target.substr(0, 3) &&
          t.source.find('/') == std::string::npos && t.target.find('/') == std::string::npos)
        learned["THE TWO"] = t.source + "/" + t.target;
    // "President Trump and President Moon noted … The two leaders committed …": a compound
    // subject is the group its size names next.
    if (c.subject == "-") {
      std::vector<std::string> members;
      for (const std::string& m : c.subject_members)
        if (m.compare(0, 3, "---") != 0 &&
            std::find(members.begin(), members.end(), m) == members.end())
          members.push_back(m);
      std::string group;
      for (const std::string& m : members) group += (group.empty() ? "" : "/") + m;
      LearnGroup(members.size(), group, &learned);
    }
    if (!c.discard.empty() || c.events.empty()) {
      queue_if_lost();
      continue;
    }
    if (!date) {
      note("no date");
      continue;
    }
    for (const en::CodedTriple& t : c.events) {
      if (t.source.compare(0, 3, "---") == 0 || t.target.compare(0, 3, "---") == 0 ||
          t.source.front() == '"' || t.target.front() == '"') {
        note("no counterpart", t.verb);
        continue;
      }
      std::string sc = StateOf(t.source, countries), tc = StateOf(t.target, countries);
      // A foreign-policy event is between two sides: a state's organs toward each other are not.
      if (!sc.empty() && sc == tc) continue;
      const CameoCode* cc = in.res->codebook.Find(t.code);
      if (cc == nullptr) cc = in.res->codebook.Find(t.code.substr(0, 3));
      if (cc == nullptr) {
        note("unknown predicate", t.verb);
        continue;
      }
      Event e;
      e.date = *date;
      // A statement's own act in the present ("strongly condemn the launch … on 12 July") is
      // dated when the statement was issued, not by a date the sentence gives another act.
      if (in.doc_date && ModeOf(t.before_verb, t.verb) == EventMode::kActual &&
          PresentForm(t.verb, t.before_verb) &&
          !(sentence.starts_with("If ") || sentence.starts_with("Unless "))) {
        e.date = DateSpan::Day(*in.doc_date);
        e.date_basis = "document";
      }
      e.source = t.source;
      e.target = t.target;
      e.source_country = sc;
      e.target_country = tc;
      e.source_name = t.source_words;
      e.target_name = t.target_words;
      bool target_person = false;
      Label(lex, t.source, t.source_words, on, &e.source_label_ko, &e.source_label_en, nullptr);
      Label(lex, t.target, t.target_words, on, &e.target_label_ko, &e.target_label_en,
            &target_person);
      e.code = cc->code;
      e.goldstein = cc->goldstein;
      e.quad_class = cc->quad_class;
      e.lang = "en";
      e.mode = ModeOf(t.before_verb, t.verb);
      // "If Trump follows through …, exports could fall": a sentence opening on a condition
      // tells of no act that happened.
      if (e.mode == EventMode::kActual &&
          (sentence.starts_with("If ") || sentence.starts_with("Unless ")))
        e.mode = EventMode::kHypothetical;
      // A statement's own "we will strengthen cooperation" states an intention, on the day it is
      // stated: CAMEO 03 (036 to meet or negotiate) for what would cooperate, 13 for harm (138
      // force, 131 the rest). Words against another ("we will continue to expose …", "will
      // reject") are said by saying them: the act itself, that day.
      if (e.mode == EventMode::kExpected && speaks_as_we && in.doc_date &&
          StatedIntent(t.before_verb)) {
        int root = std::atoi(cc->code.substr(0, 2).c_str());
        std::string intent = root <= 9    ? (root == 4 ? "036" : "030")
                             : root <= 13 ? cc->code
                             : (root == 16 || root == 17 || root == 14) ? "131"
                                                                        : "138";
        if (const CameoCode* ic = in.res->codebook.Find(intent)) {
          e.code = ic->code;
          e.goldstein = ic->goldstein;
          e.quad_class = ic->quad_class;
          e.mode = EventMode::kActual;
          e.date = DateSpan::Day(*in.doc_date);
          e.date_basis = "document";
        }
      }
      // "… noted their firm position that any dialogue with North Korea must …": words that say
      // what another side must do demand it (CAMEO 100).
      if (e.mode == EventMode::kActual && e.code.size() >= 2 && e.code.compare(0, 2, "01") == 0 &&
          Obliges(sentence, t.verb)) {
        if (const CameoCode* dc = in.res->codebook.Find("100")) {
          e.code = dc->code;
          e.goldstein = dc->goldstein;
          e.quad_class = dc->quad_class;
        }
      }
      // Said by the final code's phrase (dyad/act_phrase.h): the verb's own words may not hold
      // the code's modality once a stated intent or an obligation has changed it.
      for (const char* lang : {"ko", "en"}) {
        bool ko = lang[0] == 'k';
        std::string shown = ko ? e.target_label_ko : e.target_label_en;
        if (NameTargetByState(e.target, e.code)) shown = StateActorLabel(countries, tc, lang);
        (ko ? e.action_ko : e.action_en) =
            PhraseAct(in.res->codebook, e.code, {shown, target_person}, lang);
      }
      Mention m;
      m.doc = in.doc_path;
      m.span_begin = span_b;
      m.span_end = span_e;
      m.evidence = std::string(sentence);
      m.section = "text";
      m.date = e.date;
      e.mentions.push_back(std::move(m));
      out.push_back(std::move(e));
    }
    queue_if_lost();
  }
  return out;
}

}  // namespace dyad
