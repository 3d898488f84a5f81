// Loading and compiling the lexicon. Validation collects every problem before failing, so one
// run of `dyad lexicon check` shows an analyst all the rows to fix.
#include "dyad/lexicon.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <regex>
#include <unordered_map>

#include "dyad/tsv.h"
#include "dyad/utf8.h"
#include "ko/eojeol.h"

namespace dyad {

namespace {

bool IsUpper3(std::string_view s) {
  return s.size() == 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool ValidActorCode(std::string_view code) {
  if (code.size() < 3 || code.size() % 3 != 0) return false;
  for (size_t i = 0; i < code.size(); i += 3) {
    std::string_view part = code.substr(i, 3);
    if (i == 0 && part == "---") continue;
    if (!IsUpper3(part)) return false;
  }
  return code != "---";
}

std::optional<Frame> ParseFrame(std::string_view s) {
  static const std::map<std::string_view, Frame> kFrames = {
      {"visit", Frame::kVisit},   {"host", Frame::kHost},       {"meet", Frame::kMeet},
      {"depart", Frame::kDepart}, {"message", Frame::kMessage}, {"say", Frame::kSay},
      {"act", Frame::kAct},       {"joint", Frame::kJoint},     {"light", Frame::kLight}};
  auto it = kFrames.find(s);
  if (it == kFrames.end()) return std::nullopt;
  return it->second;
}

// Columns a file must have; reports each missing one.
bool RequireColumns(const TsvTable& t, std::initializer_list<const char*> cols,
                    std::vector<std::string>* problems) {
  bool ok = true;
  for (const char* c : cols) {
    if (t.Column(c) < 0) {
      problems->push_back(t.name() + ":1: missing column '" + c + "'");
      ok = false;
    }
  }
  return ok;
}

void LoadActors(const TsvTable& t, const CountryTable& countries, std::vector<Actor>* actors,
                std::vector<std::string>* problems) {
  if (!RequireColumns(t, {"id", "type", "code", "from", "to", "ko", "en", "title_ko", "title_en"},
                      problems))
    return;
  int cid = t.Column("id"), ctype = t.Column("type"), ccode = t.Column("code"),
      cfrom = t.Column("from"), cto = t.Column("to"), cko = t.Column("ko"), cen = t.Column("en"),
      ctk = t.Column("title_ko"), cte = t.Column("title_en");
  // [a-z0-9_]+, checked by hand: a std::regex cost every dyad command 15 ms at start.
  auto valid_id = [](const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
  };
  std::unordered_map<std::string, size_t> by_id;
  for (const TsvRow& r : t.rows()) {
    std::string where = t.Where(r);
    std::string id(Cell(r, cid)), type(Cell(r, ctype)), code(Cell(r, ccode));
    if (!valid_id(id)) {
      problems->push_back(where + "id '" + id + "' must be lower-case letters, digits and _");
      continue;
    }
    ActorType at;
    if (type == "person") {
      at = ActorType::kPerson;
    } else if (type == "office") {
      at = ActorType::kOffice;
    } else if (type == "org") {
      at = ActorType::kOrg;
    } else {
      problems->push_back(where + "type '" + type + "' must be person, office or org");
      continue;
    }
    if (!ValidActorCode(code)) {
      problems->push_back(where + "code '" + code +
                          "' is not a CAMEO actor code (e.g. PRKGOV, ---MIL, IGOUNO)");
      continue;
    }
    std::string state = code.substr(0, 3);
    if (state != "---" && state != "IGO" && countries.Find(state) == nullptr) {
      problems->push_back(where + "code '" + code + "': unknown state '" + state + "'");
      continue;
    }
    ActorRole role;
    role.code = code;
    bool bad_date = false;
    for (auto [col, slot] : {std::pair{cfrom, &role.from}, std::pair{cto, &role.to}}) {
      std::string_view v = Cell(r, col);
      if (v.empty()) continue;
      std::optional<Date> d = Date::Parse(v);
      if (!d) {
        problems->push_back(where + "date '" + std::string(v) + "' is not YYYY-MM-DD");
        bad_date = true;
      }
      *slot = d;
    }
    if (bad_date) continue;
    if (role.from && role.to && *role.to < *role.from) {
      problems->push_back(where + "role ends (" + role.to->ToIso() + ") before it starts (" +
                          role.from->ToIso() + ")");
      continue;
    }
    role.title_ko = std::string(Cell(r, ctk));
    role.title_en = std::string(Cell(r, cte));
    auto it = by_id.find(id);
    if (it == by_id.end()) {
      Actor a;
      a.id = id;
      a.type = at;
      a.names_ko = SplitAlternatives(Cell(r, cko));
      a.names_en = SplitAlternatives(Cell(r, cen));
      if (a.names_ko.empty() && a.names_en.empty()) {
        problems->push_back(where + "actor '" + id + "' has no name in ko or en");
        continue;
      }
      by_id.emplace(id, actors->size());
      a.roles.push_back(std::move(role));
      actors->push_back(std::move(a));
    } else {
      Actor& a = (*actors)[it->second];
      if (a.type != at) {
        problems->push_back(where + "actor '" + id + "' has type '" + type +
                            "' here but another type on an earlier row");
        continue;
      }
      for (auto& n : SplitAlternatives(Cell(r, cko)))
        if (std::find(a.names_ko.begin(), a.names_ko.end(), n) == a.names_ko.end())
          a.names_ko.push_back(n);
      for (auto& n : SplitAlternatives(Cell(r, cen)))
        if (std::find(a.names_en.begin(), a.names_en.end(), n) == a.names_en.end())
          a.names_en.push_back(n);
      a.roles.push_back(std::move(role));
    }
  }
}

void LoadActions(const TsvTable& t, const Codebook& codebook, const CountryTable& countries,
                 std::vector<Action>* actions, std::vector<std::string>* problems) {
  if (!RequireColumns(t, {"expr", "code", "frame", "dest", "sym", "label_ko", "label_en"},
                      problems))
    return;
  int cexpr = t.Column("expr"), ccode = t.Column("code"), cframe = t.Column("frame"),
      cdest = t.Column("dest"), csym = t.Column("sym"), clk = t.Column("label_ko"),
      cle = t.Column("label_en");
  std::unordered_map<std::string, int> seen;
  for (const TsvRow& r : t.rows()) {
    std::string where = t.Where(r);
    Action a;
    a.expr = std::string(Cell(r, cexpr));
    if (a.expr.empty()) {
      problems->push_back(where + "empty expr");
      continue;
    }
    if (auto it = seen.find(a.expr); it != seen.end()) {
      problems->push_back(where + "expr '" + a.expr + "' already defined on line " +
                          std::to_string(it->second));
      continue;
    }
    std::optional<Frame> frame = ParseFrame(Cell(r, cframe));
    if (!frame) {
      problems->push_back(where + "frame '" + std::string(Cell(r, cframe)) +
                          "' must be visit, depart, host, meet, message, say, act, joint or light");
      continue;
    }
    a.frame = *frame;
    a.code = std::string(Cell(r, ccode));
    if (a.frame == Frame::kLight) {
      if (!a.code.empty() && a.code != "-") {
        problems->push_back(where + "a light verb carries no code (found '" + a.code + "')");
        continue;
      }
      a.code.clear();
    } else if (codebook.Find(a.code) == nullptr) {
      problems->push_back(where + "code '" + a.code + "' is not in the CAMEO codebook");
      continue;
    }
    a.dest = std::string(Cell(r, cdest));
    if (!a.dest.empty() && countries.Find(a.dest) == nullptr) {
      problems->push_back(where + "dest '" + a.dest + "' is not a known state (ISO alpha-3)");
      continue;
    }
    std::string_view sym = Cell(r, csym);
    if (sym == "1" || sym == "sym") {
      a.symmetric = true;
    } else if (sym == "recip") {
      a.reciprocal = true;
    } else if (sym == "intent" && a.frame == Frame::kLight) {
      a.intent = true;
    } else if (sym == "negate" && a.frame == Frame::kLight) {
      a.negates = true;
    } else if (sym == "conclude" && a.frame == Frame::kLight) {
      a.concludes = true;
    } else if (sym == "dative" && a.frame == Frame::kLight) {
      a.dative = true;
    } else if (!sym.empty() && sym != "0") {
      problems->push_back(where + "sym '" + std::string(sym) +
                          "' must be 0, 1, recip or (for a light verb) intent, negate, "
                          "conclude or dative");
      continue;
    }
    a.label_ko = std::string(Cell(r, clk));
    a.label_en = std::string(Cell(r, cle));
    if (a.frame != Frame::kLight && (a.label_ko.empty() || a.label_en.empty())) {
      problems->push_back(where + "label_ko and label_en are needed for the chronology");
      continue;
    }
    seen.emplace(a.expr, r.line);
    actions->push_back(std::move(a));
  }
}

void LoadQuoteCues(const TsvTable& t, const Codebook& codebook, std::vector<QuoteCue>* cues,
                   std::vector<std::string>* problems) {
  if (!RequireColumns(t, {"cue", "code", "label_ko", "label_en"}, problems)) return;
  int ccue = t.Column("cue"), ccode = t.Column("code"), clk = t.Column("label_ko"),
      cle = t.Column("label_en");
  std::unordered_map<std::string, int> seen;
  for (const TsvRow& r : t.rows()) {
    std::string where = t.Where(r);
    QuoteCue q{std::string(Cell(r, ccue)), std::string(Cell(r, ccode)), std::string(Cell(r, clk)),
               std::string(Cell(r, cle))};
    if (q.cue.empty()) {
      problems->push_back(where + "empty cue");
      continue;
    }
    if (auto it = seen.find(q.cue); it != seen.end()) {
      problems->push_back(where + "cue '" + q.cue + "' already defined on line " +
                          std::to_string(it->second));
      continue;
    }
    if (codebook.Find(q.code) == nullptr) {
      problems->push_back(where + "code '" + q.code + "' is not in the CAMEO codebook");
      continue;
    }
    if (q.label_ko.empty() || q.label_en.empty()) {
      problems->push_back(where + "label_ko and label_en are needed for the chronology");
      continue;
    }
    seen.emplace(q.cue, r.line);
    cues->push_back(std::move(q));
  }
}

}  // namespace

const ActorRole* Actor::RoleOn(const Date& date) const {
  const ActorRole* best = nullptr;
  long best_gap = 0;
  for (const ActorRole& r : roles) {
    bool after_start = !r.from || *r.from <= date;
    bool before_end = !r.to || date <= *r.to;
    if (after_start && before_end) return &r;
    long gap = !after_start ? r.from->ToDays() - date.ToDays() : date.ToDays() - r.to->ToDays();
    if (best == nullptr || gap < best_gap) best = &r, best_gap = gap;
  }
  return best;
}

// document_cues.tsv: cue, kind (label, genre, greeting, voice), value (MM-DD for a genre or a
// greeting, a state for a voice).
void LoadDocumentCues(const TsvTable& t, const CountryTable& countries, DocumentCues* cues,
                      std::vector<std::string>* problems) {
  if (!RequireColumns(t, {"cue", "kind", "value"}, problems)) return;
  int ccue = t.Column("cue"), ckind = t.Column("kind"), cvalue = t.Column("value");
  std::unordered_map<std::string, int> seen;
  for (const TsvRow& r : t.rows()) {
    std::string where = t.Where(r);
    std::string cue(Cell(r, ccue)), kind(Cell(r, ckind)), value(Cell(r, cvalue));
    if (cue.empty()) {
      problems->push_back(where + "empty cue");
      continue;
    }
    if (auto it = seen.find(kind + "\t" + cue); it != seen.end()) {
      problems->push_back(where + kind + " cue '" + cue + "' already defined on line " +
                          std::to_string(it->second));
      continue;
    }
    if (kind == "label") {
      cues->date_labels.push_back(cue);
    } else if (kind == "genre" || kind == "greeting") {
      int m = 0, d = 0;
      if (value.size() != 5 || value[2] != '-' ||
          std::sscanf(value.c_str(), "%2d-%2d", &m, &d) != 2 || !Date::IsValid(2000, m, d)) {
        problems->push_back(where + "value '" + value + "' is not a day of the year (MM-DD)");
        continue;
      }
      if (kind == "greeting" && cue.find("{Y}") == std::string::npos) {
        problems->push_back(where + "a greeting needs {Y} where its year stands");
        continue;
      }
      (kind == "genre" ? cues->genres : cues->greetings).push_back({cue, m, d});
    } else if (kind == "byline") {
      cues->bylines.push_back(cue);
    } else if (kind == "first_person") {
      cues->first_person.push_back(cue);
    } else if (kind == "voice") {
      if (countries.Find(value) == nullptr) {
        problems->push_back(where + "value '" + value + "' is not a state of countries.tsv");
        continue;
      }
      cues->voices.push_back({cue, value});
    } else {
      problems->push_back(where + "kind '" + kind +
                          "' is not label, genre, greeting, voice, byline or first_person");
      continue;
    }
    seen.emplace(kind + "\t" + cue, r.line);
  }
  cues->Index();
  // Longer labels first, so "기사입력" is stripped whole before "입력".
  std::stable_sort(cues->date_labels.begin(), cues->date_labels.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

// words_ko.tsv: word, kind, value. Self words and common words go into the trie (`keys`);
// the rest are lists the coder's grammar consults.
void LoadKoreanWords(const TsvTable& t, KoreanWords* words,
                     std::vector<std::pair<std::string, LexEntry>>* keys,
                     std::vector<std::string>* problems) {
  if (!RequireColumns(t, {"word", "kind", "value"}, problems)) return;
  int cword = t.Column("word"), ckind = t.Column("kind"), cvalue = t.Column("value");
  std::unordered_map<std::string, int> seen;
  for (const TsvRow& r : t.rows()) {
    std::string where = t.Where(r);
    std::string word(Cell(r, cword)), kind(Cell(r, ckind)), value(Cell(r, cvalue));
    if (word.empty()) {
      problems->push_back(where + "empty word");
      continue;
    }
    if (auto it = seen.find(kind + "\t" + word); it != seen.end()) {
      problems->push_back(where + kind + " '" + word + "' already defined on line " +
                          std::to_string(it->second));
      continue;
    }
    // The kinds that are plain word lists, by name.
    static const std::pair<const char*, std::vector<std::string> KoreanWords::*> kLists[] = {
        {"pair", &KoreanWords::pair},
        {"pair_count", &KoreanWords::pair_counts},
        {"pair_head", &KoreanWords::pair_heads},
        {"state_suffix", &KoreanWords::state_suffixes},
        {"word_final", &KoreanWords::word_final},
        {"between_adverb", &KoreanWords::between_adverbs},
        {"expect_noun", &KoreanWords::expect_nouns},
        {"intent_noun", &KoreanWords::intent_nouns},
        {"boundary_noun", &KoreanWords::boundary_nouns},
        {"aim_verb", &KoreanWords::aim_verbs},
        {"reference", &KoreanWords::reference_words},
        {"after_reference", &KoreanWords::after_words},
        {"adopt_verb", &KoreanWords::adopt_verbs},
        {"meeting_word", &KoreanWords::meeting_words},
        {"reacted_word", &KoreanWords::reacted_words},
        {"speech_vehicle", &KoreanWords::speech_vehicles},
        {"forecast_verb", &KoreanWords::forecast_verbs},
    };
    std::vector<std::string> KoreanWords::*list = nullptr;
    for (const auto& [name, member] : kLists)
      if (kind == name) list = member;
    if (list != nullptr) {
      (words->*list).push_back(word);
    } else if (kind == "self") {
      if (value != "GOV" && value != "MIL") {
        problems->push_back(where + "value '" + value + "' of a self word is not GOV or MIL");
        continue;
      }
      keys->emplace_back(word, LexEntry{LexEntry::Kind::kSelf, false, value == "MIL" ? 1 : 0});
    } else if (kind == "not_actor") {
      keys->emplace_back(word, LexEntry{LexEntry::Kind::kCommon, false, 0});
    } else {
      std::string known;
      for (const auto& [name, member] : kLists) known += std::string(name) + ", ";
      problems->push_back(where + "kind '" + kind + "' is not " + known + "self or not_actor");
      continue;
    }
    seen.emplace(kind + "\t" + word, r.line);
  }
}

namespace {

// An overlay file's rows, when the file exists; no table when it does not.
Result<std::optional<TsvTable>> ReadOverlay(const std::string& overlay, const char* file) {
  if (overlay.empty()) return std::optional<TsvTable>{};
  std::string path = overlay + "/" + file;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::optional<TsvTable>{};
  Result<TsvTable> t = TsvTable::Read(path);
  if (!t.ok()) return t.status();
  return std::optional<TsvTable>(std::move(t).value());
}

// Items an overlay adds: one with the key of a shipped item replaces it.
template <typename T, typename Key>
void Overlay(std::vector<T>* shipped, std::vector<T> added, Key key) {
  for (T& a : added) {
    shipped->erase(std::remove_if(shipped->begin(), shipped->end(),
                                  [&](const T& x) { return key(x) == key(a); }),
                   shipped->end());
    shipped->push_back(std::move(a));
  }
}

}  // namespace

Result<Lexicon> Lexicon::Load(const std::string& dir, const std::string& countries_tsv,
                              const Codebook& codebook, std::vector<std::string>* problems,
                              const std::string& overlay) {
  size_t first_problem = problems->size();
  Lexicon lex;
  Result<CountryTable> countries =
      CountryTable::Load(countries_tsv, dir + "/country_aliases.tsv", problems);
  if (!countries.ok()) return countries.status();
  lex.countries_ = std::move(countries).value();

  Result<TsvTable> actors = TsvTable::Read(dir + "/actors.tsv");
  if (!actors.ok()) return actors.status();
  LoadActors(*actors, lex.countries_, &lex.actors_, problems);

  Result<TsvTable> actions = TsvTable::Read(dir + "/actions_ko.tsv");
  if (!actions.ok()) return actions.status();
  LoadActions(*actions, codebook, lex.countries_, &lex.actions_, problems);

  Result<TsvTable> cues = TsvTable::Read(dir + "/quote_cues_ko.tsv");
  if (!cues.ok()) return cues.status();
  LoadQuoteCues(*cues, codebook, &lex.quote_cues_, problems);

  // The analyst's overlay, checked as the shipped files are.
  {
    auto o_actors = ReadOverlay(overlay, "actors.tsv");
    if (!o_actors.ok()) return o_actors.status();
    if (*o_actors) {
      std::vector<Actor> added;
      LoadActors(**o_actors, lex.countries_, &added, problems);
      Overlay(&lex.actors_, std::move(added), [](const Actor& a) { return a.id; });
    }
    auto o_actions = ReadOverlay(overlay, "actions_ko.tsv");
    if (!o_actions.ok()) return o_actions.status();
    if (*o_actions) {
      std::vector<Action> added;
      LoadActions(**o_actions, codebook, lex.countries_, &added, problems);
      Overlay(&lex.actions_, std::move(added), [](const Action& a) { return a.expr; });
    }
    auto o_cues = ReadOverlay(overlay, "quote_cues_ko.tsv");
    if (!o_cues.ok()) return o_cues.status();
    if (*o_cues) LoadQuoteCues(**o_cues, codebook, &lex.quote_cues_, problems);
  }

  Result<TsvTable> doc_cues = TsvTable::Read(dir + "/document_cues.tsv");
  if (!doc_cues.ok()) return doc_cues.status();
  LoadDocumentCues(*doc_cues, lex.countries_, &lex.document_cues_, problems);

  Result<TsvTable> words = TsvTable::Read(dir + "/words_ko.tsv");
  if (!words.ok()) return words.status();
  std::vector<std::pair<std::string, LexEntry>> word_keys;
  LoadKoreanWords(*words, &lex.korean_words_, &word_keys, problems);
  auto o_words = ReadOverlay(overlay, "words_ko.tsv");
  if (!o_words.ok()) return o_words.status();
  if (*o_words) LoadKoreanWords(**o_words, &lex.korean_words_, &word_keys, problems);

  Result<TsvTable> headers = TsvTable::Read(dir + "/running_headers.tsv");
  if (!headers.ok()) return headers.status();
  int cline = headers->Column("line");
  if (cline < 0) problems->push_back(headers->name() + ":1: missing column 'line'");
  for (const TsvRow& r : headers->rows()) lex.running_headers_.emplace_back(Cell(r, cline));

  // Compile: every key → the list of things it names.
  std::unordered_map<std::string, int32_t> key_ids;
  auto add = [&](const std::string& key, LexEntry e) {
    if (key.empty()) return;
    auto [it, inserted] = key_ids.emplace(key, static_cast<int32_t>(lex.entry_lists_.size()));
    if (inserted) lex.entry_lists_.emplace_back();
    auto& list = lex.entry_lists_[it->second];
    for (const LexEntry& x : list)
      if (x.kind == e.kind && x.index == e.index && x.verb_stem == e.verb_stem) return;
    list.push_back(e);
  };
  for (size_t i = 0; i < lex.actors_.size(); ++i) {
    for (const auto& n : lex.actors_[i].names_ko)
      add(n, {LexEntry::Kind::kActor, false, int32_t(i)});
    for (const auto& n : lex.actors_[i].names_en)
      add(n, {LexEntry::Kind::kActor, false, int32_t(i)});
  }
  const auto& all = lex.countries_.all();
  for (size_t i = 0; i < all.size(); ++i) {
    for (const auto& n : all[i].names) add(n, {LexEntry::Kind::kCountry, false, int32_t(i)});
    for (const auto& n : all[i].places) add(n, {LexEntry::Kind::kCountryPlace, false, int32_t(i)});
    for (const auto& p : all[i].prefixes) lex.prefixes_.emplace_back(p, int32_t(i));
  }
  std::sort(lex.prefixes_.begin(), lex.prefixes_.end());
  for (size_t i = 0; i < lex.actions_.size(); ++i) {
    const std::string& expr = lex.actions_[i].expr;
    if (expr.size() > 3 && expr.substr(expr.size() - 3) == "다") {
      // A verb: compile the forms its stem takes before endings.
      std::string stem = expr.substr(0, expr.size() - 3);
      for (const std::string& f : ko::StemForms(stem))
        add(f, {LexEntry::Kind::kAction, true, int32_t(i)});
    } else {
      add(expr, {LexEntry::Kind::kAction, false, int32_t(i)});
    }
  }
  // 방X nouns for every state with a compound prefix, unless the file defines them: 방러, 방중.
  const Action* visit = nullptr;
  for (const Action& a : lex.actions_)
    if (a.expr == "방문") visit = &a;
  if (visit != nullptr) {
    Action base = *visit;
    for (size_t i = 0; i < all.size(); ++i) {
      for (const auto& p : all[i].prefixes) {
        std::string key = "방" + p;
        if (key_ids.count(key)) continue;
        Action a = base;
        a.expr = key;
        a.dest = all[i].iso3;
        a.label_ko = key;
        lex.actions_.push_back(a);
        add(key, {LexEntry::Kind::kAction, false, int32_t(lex.actions_.size() - 1)});
      }
    }
  }
  // The author's own state ("우리"; the coder decides which state it is) and common words.
  for (const auto& [word, entry] : word_keys) add(word, entry);

  std::vector<std::pair<std::string, int32_t>> keys(key_ids.begin(), key_ids.end());
  lex.trie_ = Trie::Build(std::move(keys));
  for (size_t i = 0; i < lex.actors_.size(); ++i) {
    if (lex.actors_[i].type != ActorType::kPerson) continue;
    for (const std::string& n : lex.actors_[i].names_en) {
      std::string first = n.substr(0, n.find(' '));
      if (first.size() < 2) continue;
      lex.english_names_[first].emplace_back(n, int32_t(i));
    }
  }
  for (auto& [first, names] : lex.english_names_)
    std::stable_sort(names.begin(), names.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  if (problems->size() > first_problem) {
    std::string msg = (*problems)[first_problem];
    size_t n = problems->size() - first_problem;
    if (n > 1) msg += " (and " + std::to_string(n - 1) + " more; run `dyad lexicon check`)";
    return Status::InvalidInput(msg);
  }
  return lex;
}

const Country* Lexicon::PrefixCountry(std::string_view syllable) const {
  auto it = std::lower_bound(prefixes_.begin(), prefixes_.end(), syllable,
                             [](const auto& p, std::string_view s) { return p.first < s; });
  if (it == prefixes_.end() || it->first != syllable) return nullptr;
  return &countries_.all()[it->second];
}

const Actor* Lexicon::PersonNamedIn(std::string_view words) const {
  auto word_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (size_t i = 0; i < words.size();) {
    while (i < words.size() && !word_char(words[i])) ++i;
    size_t j = i;
    while (j < words.size() && word_char(words[j])) ++j;
    if (j == i) break;
    auto it = english_names_.find(std::string(words.substr(i, j - i)));
    if (it != english_names_.end()) {
      for (const auto& [name, index] : it->second) {
        if (words.compare(i, name.size(), name) != 0) continue;
        size_t end = i + name.size();
        if (end < words.size() && word_char(words[end])) continue;
        return &actors_[index];
      }
    }
    i = j;
  }
  return nullptr;
}

const Actor* Lexicon::OrgByCode(std::string_view code) const {
  auto find = [&](std::string_view c) -> const Actor* {
    for (const Actor& a : actors_)
      if (a.type == ActorType::kOrg && !a.roles.empty() && a.roles.front().code == c) return &a;
    return nullptr;
  };
  if (const Actor* a = find(code)) return a;
  if (code.size() < 9 || code.size() % 3 != 0) return nullptr;
  std::string_view head = code.substr(0, 3);
  for (size_t i = 3; i + 3 <= code.size(); i += 3)
    if (const Actor* a = find(std::string(head) + std::string(code.substr(i, 3)))) return a;
  return nullptr;
}

std::string DataDir() {
  if (const char* env = std::getenv("DYAD_DATA_DIR"); env != nullptr && *env != '\0') return env;
  return DYAD_DATA_DIR;
}

Result<std::shared_ptr<const Resources>> Resources::Load(const std::string& data_dir,
                                                         std::vector<std::string>* problems,
                                                         const std::string& lexicon_overlay) {
  auto res = std::make_shared<Resources>();
  Result<Codebook> book = Codebook::Load(data_dir + "/cameo-event-codes.tsv");
  if (!book.ok()) return book.status();
  res->codebook = std::move(book).value();
  if (Status st = res->codebook.LoadPhrases(data_dir + "/cameo-phrases.tsv"); !st.ok()) return st;
  Result<Lexicon> lex = Lexicon::Load(data_dir + "/lexicon", data_dir + "/countries.tsv",
                                      res->codebook, problems, lexicon_overlay);
  if (!lex.ok()) return lex.status();
  res->lexicon = std::move(lex).value();
  res->data_dir = data_dir;
  res->lexicon_overlay = lexicon_overlay;
  return std::shared_ptr<const Resources>(std::move(res));
}

}  // namespace dyad
