#include "dyad/countries.h"

#include "dyad/tsv.h"

namespace dyad {

namespace {

// Names English writes with "the": unions, republics and island groups named as such, and
// plural names ("the United States", "the Philippines", "the Czech Republic").
bool NeedsArticle(const std::string& name) {
  auto ends = [&](std::string_view w) {
    return name.size() >= w.size() && name.compare(name.size() - w.size(), w.size(), w) == 0;
  };
  return name.rfind("United ", 0) == 0 || ends(" Republic") || ends(" Islands") ||
         ends(" Emirates") || ends("Netherlands") || ends("Philippines") || ends("Bahamas") ||
         ends("Maldives") || ends("Comoros") || ends("Seychelles") || name == "Gambia" ||
         name == "Vatican City";
}

bool IsIso3(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  for (const auto& x : *v)
    if (x == s) return;
  v->push_back(s);
}
}  // namespace

Result<CountryTable> CountryTable::Load(const std::string& countries_tsv,
                                        const std::string& aliases_tsv,
                                        std::vector<std::string>* problems) {
  Result<TsvTable> t = TsvTable::Read(countries_tsv);
  if (!t.ok()) return t.status();
  int c3 = t->Column("iso3"), c2 = t->Column("iso2"), cko = t->Column("ko"), cen = t->Column("en");
  if (c3 < 0 || c2 < 0 || cko < 0 || cen < 0)
    return Status::InvalidInput(countries_tsv + ": header must name iso3, iso2, ko, en");
  CountryTable table;
  for (const TsvRow& r : t->rows()) {
    Country c;
    c.iso3 = std::string(Cell(r, c3));
    if (!IsIso3(c.iso3)) {
      problems->push_back(t->Where(r) + "iso3 '" + c.iso3 + "' is not three capital letters");
      continue;
    }
    c.iso2 = std::string(Cell(r, c2));
    c.name_ko = c.short_ko = std::string(Cell(r, cko));
    c.name_en = std::string(Cell(r, cen));
    c.label_en = NeedsArticle(c.name_en) ? "the " + c.name_en : c.name_en;
    AddUnique(&c.names, c.name_ko);
    AddUnique(&c.names, c.name_en);
    table.by_iso3_.emplace(c.iso3, table.countries_.size());
    table.countries_.push_back(std::move(c));
  }
  Result<TsvTable> a = TsvTable::Read(aliases_tsv);
  if (!a.ok()) return a.status();
  int a3 = a->Column("iso3"), ak = a->Column("kind"), aa = a->Column("alias"),
      al = a->Column("lang");
  if (a3 < 0 || ak < 0 || aa < 0)
    return Status::InvalidInput(aliases_tsv + ": header must name iso3, kind, alias (and lang)");
  for (const TsvRow& r : a->rows()) {
    std::string iso3(Cell(r, a3)), kind(Cell(r, ak)), alias(Cell(r, aa)), lang(Cell(r, al));
    auto it = table.by_iso3_.find(iso3);
    if (it == table.by_iso3_.end()) {
      problems->push_back(a->Where(r) + "unknown state '" + iso3 + "' (not in " + countries_tsv +
                          ")");
      continue;
    }
    if (alias.empty()) {
      problems->push_back(a->Where(r) + "empty alias");
      continue;
    }
    if (!lang.empty() && lang != "ko" && lang != "en") {
      problems->push_back(a->Where(r) + "lang '" + lang + "' must be ko or en");
      continue;
    }
    Country& c = table.countries_[it->second];
    if (kind == "name") {
      AddUnique(&c.names, alias);
      // The first short Korean name listed becomes the chronology form when shorter.
      if (lang != "en" && alias.size() < c.short_ko.size() && alias.size() > 3) c.short_ko = alias;
    } else if (kind == "prefix") {
      if (alias.size() != 3) {
        problems->push_back(a->Where(r) + "prefix '" + alias + "' must be one Hangul syllable");
        continue;
      }
      AddUnique(&c.prefixes, alias);
      if (c.prefix_ko.empty()) c.prefix_ko = alias;
    } else if (kind == "place") {
      AddUnique(&c.places, alias);
    } else {
      problems->push_back(a->Where(r) + "kind '" + kind + "' must be name, prefix or place");
    }
  }
  return table;
}

const Country* CountryTable::Find(std::string_view iso3) const {
  auto it = by_iso3_.find(std::string(iso3));
  return it == by_iso3_.end() ? nullptr : &countries_[it->second];
}

}  // namespace dyad
