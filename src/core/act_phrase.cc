#include "dyad/act_phrase.h"

#include "dyad/tsv.h"
#include "dyad/utf8.h"

namespace dyad {

namespace {

constexpr std::string_view kSlotKinds[] = {"", "와", "에", "를", "로", "의"};

bool ValidSlotKind(std::string_view k) {
  for (std::string_view s : kSlotKinds)
    if (s == k) return true;
  return false;
}

// Finds the one "{T…}" slot; false when there is none, more than one or one of an unknown kind.
bool FindSlot(std::string_view phrase, size_t* begin, size_t* end, std::string_view* kind) {
  size_t b = phrase.find("{T");
  if (b == std::string_view::npos) return false;
  size_t e = phrase.find('}', b);
  if (e == std::string_view::npos) return false;
  std::string_view k = phrase.substr(b + 2, e - b - 2);
  if (!ValidSlotKind(k) || phrase.find("{T", e) != std::string_view::npos) return false;
  *begin = b, *end = e + 1, *kind = k;
  return true;
}

}  // namespace

std::string KoreanParticle(std::string_view word, std::string_view kind, bool person) {
  char32_t last = word.empty() ? 0 : utf8::Last(word);
  bool hangul = utf8::IsHangulSyllable(last);
  int tail = hangul ? utf8::Decompose(last).tail : 0;
  bool batchim = tail != 0;
  if (kind == "와") return batchim ? "과" : "와";
  if (kind == "를") return batchim ? "을" : "를";
  // "서울로": ㄹ (tail 8) takes 로 as a vowel does.
  if (kind == "로") return batchim && tail != 8 ? "으로" : "로";
  if (kind == "에") return person ? "에게" : "에";
  if (kind == "의") return "의";
  return "";
}

bool FillPhrase(std::string_view phrase, const PhraseTarget& target, std::string* out) {
  size_t b, e;
  std::string_view kind;
  if (!FindSlot(phrase, &b, &e, &kind)) return false;
  if (target.name.empty()) {
    // No target named (a GDELT row with no second actor): the act alone, without the slot
    // and the preposition that led to it ("holds talks with {T}" → "holds talks").
    std::string_view before = phrase.substr(0, b), after = phrase.substr(e);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    static constexpr std::string_view kLeads[] = {"with", "to", "on",     "against", "of",   "for",
                                                  "from", "by", "toward", "in",      "into", "at"};
    size_t sp = before.rfind(' ');
    std::string_view last = sp == std::string_view::npos ? before : before.substr(sp + 1);
    for (std::string_view w : kLeads)
      if (last == w) before = sp == std::string_view::npos ? "" : before.substr(0, sp);
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    std::string s(before);
    if (!s.empty() && !after.empty()) s += ' ';
    s += after;
    *out = std::move(s);
    return true;
  }
  std::string s(phrase.substr(0, b));
  s += target.name;
  s += KoreanParticle(target.name, kind, target.person);
  s += phrase.substr(e);
  *out = std::move(s);
  return true;
}

std::string LabelAct(const std::string& label, const PhraseTarget& target, std::string_view lang) {
  std::string out;
  if (FillPhrase(label, target, &out)) return out;
  if (lang == "en") return label + " " + std::string(target.name);
  return std::string(target.name) + " " + label;
}

std::string PhraseAct(const Codebook& book, std::string_view code, const PhraseTarget& target,
                      std::string_view lang) {
  const CameoCode* c = book.Phrased(code);
  if (c == nullptr) return "";
  std::string out;
  FillPhrase(lang == "en" ? c->phrase_en : c->phrase_ko, target, &out);
  return out;
}

Status Codebook::LoadPhrases(const std::string& path) {
  Result<TsvTable> t = TsvTable::Read(path);
  if (!t.ok()) return t.status();
  int c_code = t->Column("code"), c_en = t->Column("en"), c_ko = t->Column("ko");
  if (c_code < 0 || c_en < 0 || c_ko < 0)
    return Status::InvalidInput(path + ": header must name code, en, ko");
  // Checked whole before any phrase is set, so a bad file leaves the codebook as it was.
  std::vector<std::pair<size_t, const TsvRow*>> rows;
  std::vector<bool> seen(codes_.size(), false);
  for (const TsvRow& r : t->rows()) {
    std::string code(Cell(r, c_code));
    auto it = index_.find(code);
    if (it == index_.end())
      return Status::InvalidInput(t->Where(r) + "code '" + code + "' is not in the CAMEO codebook");
    if (seen[it->second])
      return Status::InvalidInput(t->Where(r) + "code " + code + " has a phrase already");
    seen[it->second] = true;
    for (int col : {c_en, c_ko}) {
      std::string_view phrase = Cell(r, col);
      size_t b, e;
      std::string_view kind;
      if (!FindSlot(phrase, &b, &e, &kind) || (col == c_en && !kind.empty()))
        return Status::InvalidInput(
            t->Where(r) + (col == c_en ? "en" : "ko") + " phrase '" + std::string(phrase) +
            "' must hold one target slot: {T} (English), {T}, {T와}, {T에}, {T를}, {T로} or "
            "{T의} (Korean)");
    }
    rows.emplace_back(it->second, &r);
  }
  for (const auto& [i, r] : rows) {
    codes_[i].phrase_en = std::string(Cell(*r, c_en));
    codes_[i].phrase_ko = std::string(Cell(*r, c_ko));
  }
  return Status::Ok();
}

std::string StateActorLabel(const CountryTable& countries, std::string_view code,
                            std::string_view lang) {
  bool en = lang == "en";
  const Country* c = code.size() >= 3 ? countries.Find(code.substr(0, 3)) : nullptr;
  if (c == nullptr) return std::string(code);
  std::string state = en ? c->label_en : (c->short_ko.empty() ? c->name_ko : c->short_ko);
  if (code.size() < 6) return state;
  struct RoleName {
    std::string_view role, en, ko;
  };
  static constexpr RoleName kRoles[] = {
      {"GOV", "", ""},
      {"MIL", "military", "군"},
      {"LEG", "legislature", "의회"},
      {"MED", "media", "언론"},
      {"JUD", "judiciary", "사법부"},
      {"PTY", "ruling party", "정당"},
      {"SPY", "intelligence service", "정보기관"},
      {"BUS", "businesses", "기업"},
      {"OPP", "opposition", "야당"},
      {"REB", "rebels", "반군"},
      {"CVL", "civilians", "민간인"},
      {"COP", "police", "경찰"},
      {"ELI", "elites", "엘리트"},
      {"EDU", "education", "교육계"},
      {"HLH", "health", "보건당국"},
  };
  std::string_view role = code.substr(3, 3);
  for (const RoleName& r : kRoles) {
    if (r.role != role) continue;
    if (r.en.empty()) return state;
    if (!en) return state + " " + std::string(r.ko);
    return state + (state.back() == 's' ? "' " : "'s ") + std::string(r.en);
  }
  return state;
}

std::string EnglishArticle(const std::string& name) {
  if (name.empty() || name.rfind("the ", 0) == 0 || name.rfind("The ", 0) == 0) return name;
  auto ends = [&](std::string_view w) {
    return name.size() >= w.size() && name.compare(name.size() - w.size(), w.size(), w) == 0;
  };
  static constexpr std::string_view kCommon[] = {
      "ministry",    "Ministry",  "office",     "Office",       "council",    "Council",
      "embassy",     "Embassy",   "ambassador", "delegation",   "government", "Government",
      "forces",      "Forces",    "army",       "Army",         "commission", "Commission",
      "committee",   "Committee", "assembly",   "Assembly",     "Nations",    "Union",
      "secretariat", "agency",    "Agency",     "Command",      "parliament", "Parliament",
      "legislature", "military",  "navy",       "spokesperson", "president",  "premier",
      "Department",  "department"};
  bool common = name.rfind("United ", 0) == 0;
  for (std::string_view w : kCommon) common = common || ends(w);
  return common ? "the " + name : name;
}

bool NameTargetByState(std::string_view target_code, std::string_view event_code) {
  if (target_code.size() < 6) return false;
  std::string_view role = target_code.substr(3, 3);
  return role == "MED" || (role == "LEG" && event_code.substr(0, 2) == "05");
}

const CameoCode* Codebook::Phrased(std::string_view code) const {
  for (size_t n = code.size(); n >= 2; --n) {
    const CameoCode* c = Find(code.substr(0, n));
    if (c != nullptr && !c->phrase_en.empty()) return c;
  }
  return nullptr;
}

}  // namespace dyad
