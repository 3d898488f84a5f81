#include "dyad/correction.h"

#include <cstdlib>

#include "dyad/act_phrase.h"
#include "dyad/query_names.h"

namespace dyad {

namespace {

// "2024", "2024-06" or "2024-06-19" as the span it names.
std::optional<DateSpan> ParseSpan(const std::string& s) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (s.size() == 4 && digits(0, 4)) {
    int y = std::atoi(s.c_str());
    if (y < 1800 || y > 2200) return std::nullopt;
    return DateSpan::Year(y);
  }
  if (s.size() == 7 && digits(0, 4) && s[4] == '-' && digits(5, 2)) {
    int y = std::atoi(s.substr(0, 4).c_str()), m = std::atoi(s.substr(5, 2).c_str());
    if (y < 1800 || y > 2200 || m < 1 || m > 12) return std::nullopt;
    return DateSpan::Month(y, m);
  }
  if (std::optional<Date> d = Date::Parse(s)) return DateSpan::Day(*d);
  return std::nullopt;
}

// A side as its code, its state and its labels in both languages.
struct Side {
  std::string code, country, label_ko, label_en;
};

Result<Side> ResolveSide(const Lexicon& lex, const std::string& flag, const std::string& name) {
  Result<std::string> code = ResolveQueryName(lex, name);
  if (!code.ok()) return Status::InvalidInput(flag + ": " + code.status().message());
  Side s;
  s.code = *code;
  const CountryTable& countries = lex.countries();
  if (s.code.size() >= 3 && countries.Find(s.code.substr(0, 3)) != nullptr) {
    s.country = s.code.substr(0, 3);
    s.label_ko = StateActorLabel(countries, s.code, "ko");
    s.label_en = StateActorLabel(countries, s.code, "en");
  } else if (const Actor* org = lex.OrgByCode(s.code)) {
    s.label_ko = org->names_ko.empty() ? s.code : org->names_ko.front();
    s.label_en = org->names_en.empty() ? s.code : EnglishArticle(org->names_en.front());
  } else {
    s.label_ko = s.label_en = s.code;
  }
  return s;
}

// Fields applied over `e`; `required` names the fields an added event must give.
Result<Event> Apply(const Resources& res, Event e, const EventFields& f, bool required) {
  const Lexicon& lex = res.lexicon;
  if (required) {
    for (auto [name, value] : {std::pair{"--source", &f.source},
                               {"--target", &f.target},
                               {"--code", &f.code},
                               {"--date", &f.date}})
      if (value->empty()) return Status::InvalidInput(std::string(name) + " is required");
  }
  bool actors_changed = false;
  if (!f.source.empty()) {
    Result<Side> s = ResolveSide(lex, "--source", f.source);
    if (!s.ok()) return s.status();
    e.source = s->code, e.source_country = s->country, e.source_name = f.source;
    e.source_label_ko = s->label_ko, e.source_label_en = s->label_en;
    e.source_person.clear();
    actors_changed = true;
  }
  if (!f.target.empty()) {
    Result<Side> s = ResolveSide(lex, "--target", f.target);
    if (!s.ok()) return s.status();
    e.target = s->code, e.target_country = s->country, e.target_name = f.target;
    e.target_label_ko = s->label_ko, e.target_label_en = s->label_en;
    actors_changed = true;
  }
  if (!e.source.empty() && e.source == e.target)
    return Status::InvalidInput("--source and --target name the same side (" + e.source + ")");
  bool code_changed = false;
  if (!f.code.empty()) {
    const CameoCode* c = res.codebook.Find(f.code);
    if (c == nullptr)
      return Status::InvalidInput("--code: '" + f.code +
                                  "' is not a CAMEO event code (data/cameo-event-codes.tsv)");
    code_changed = c->code != e.code;
    e.code = c->code, e.goldstein = c->goldstein, e.quad_class = c->quad_class;
    // A meeting or an agreement reads either way; other acts run from source to target.
    e.symmetric = e.code.compare(0, 2, "04") == 0 || e.code == "057";
  }
  if (!f.mode.empty()) {
    std::optional<EventMode> m = ParseMode(f.mode);
    if (!m)
      return Status::InvalidInput("--mode: '" + f.mode +
                                  "' is not actual, expected, hypothetical or negated");
    e.mode = *m;
  }
  if (!f.date.empty()) {
    std::optional<DateSpan> d = ParseSpan(f.date);
    if (!d)
      return Status::InvalidInput("--date: '" + f.date + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
    if (!f.date_end.empty()) {
      std::optional<DateSpan> end = ParseSpan(f.date_end);
      if (!end || end->end < d->begin)
        return Status::InvalidInput("--date-end: '" + f.date_end + "' does not end after --date");
      d->end = end->end;
    }
    e.date = *d;
    e.date_basis = "text";
  } else if (!f.date_end.empty()) {
    return Status::InvalidInput("--date-end needs --date");
  }
  // An imported event's kept fields that derive from what changed are stale: dropped, so an
  // export writes what the analyst set (dyad/event_io.h).
  auto drop = [&](std::initializer_list<std::string_view> names, bool prefix = false) {
    std::erase_if(e.ext, [&](const auto& kv) {
      for (std::string_view n : names)
        if (prefix ? std::string_view(kv.first).starts_with(n) : kv.first == n) return true;
      return false;
    });
  };
  if (code_changed) drop({"EventBaseCode", "EventRootCode", "GoldsteinScale", "Intensity"});
  if (!f.date.empty()) drop({"MonthYear", "Year", "FractionDate"});
  if (!f.source.empty()) {
    drop({"Source Sectors", "Source Country"});
    drop({"Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion", "Actor1Type"}, true);
  }
  if (!f.target.empty()) {
    drop({"Target Sectors", "Target Country"});
    drop({"Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion", "Actor2Type"}, true);
  }
  // The content line follows the fields: an act whose code or sides changed is said anew.
  if (code_changed || actors_changed || e.action_en.empty()) {
    e.action_ko = PhraseAct(res.codebook, e.code, {e.target_label_ko}, "ko");
    e.action_en = PhraseAct(res.codebook, e.code, {e.target_label_en}, "en");
  }
  for (Mention& m : e.mentions) m.date = e.date;
  return e;
}

}  // namespace

std::string_view CorrectionKindName(CorrectionKind k) {
  switch (k) {
    case CorrectionKind::kAccept:
      return "accept";
    case CorrectionKind::kReject:
      return "reject";
    case CorrectionKind::kEdit:
      return "edit";
    case CorrectionKind::kAdd:
      return "add";
  }
  return "";
}

std::optional<CorrectionKind> ParseCorrectionKind(std::string_view s) {
  for (CorrectionKind k : {CorrectionKind::kAccept, CorrectionKind::kReject, CorrectionKind::kEdit,
                           CorrectionKind::kAdd})
    if (CorrectionKindName(k) == s) return k;
  return std::nullopt;
}

Result<Event> EditedEvent(const Resources& res, const Event& original, const EventFields& fields) {
  if (fields.source.empty() && fields.target.empty() && fields.code.empty() &&
      fields.mode.empty() && fields.date.empty() && fields.date_end.empty())
    return Status::InvalidInput(
        "nothing to edit: give --source, --target, --code, --date, --date-end or --mode");
  return Apply(res, original, fields, false);
}

Result<Event> NewEvent(const Resources& res, const EventFields& fields) {
  Event e;
  e.lang = "";
  Mention m;
  m.evidence = fields.evidence;
  m.section = "text";
  e.mentions.push_back(m);
  return Apply(res, e, fields, true);
}

}  // namespace dyad
