// The states dyad knows: ISO codes, Korean and English names, and the short forms writing uses.
//
// Built once from data/countries.tsv (ICU's CLDR names, generated) and
// data/lexicon/country_aliases.tsv (analyst-edited short forms, one-syllable compound prefixes
// such as 러 in 북러, and capitals that stand for their state). Immutable after loading.
#ifndef DYAD_COUNTRIES_H_
#define DYAD_COUNTRIES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/status.h"

namespace dyad {

struct Country {
  std::string iso3;
  std::string iso2;
  std::string name_ko;   // CLDR display name: 북한, 러시아, 대한민국
  std::string name_en;   // North Korea, Russia, South Korea
  std::string label_en;  // as an English sentence names it: "the United States", "Russia"
  std::string short_ko;  // the form a chronology writes: 북한 → 북한, 대한민국 → 한국
  std::string prefix_ko;              // one-syllable compound form (러), empty if none
  std::vector<std::string> names;     // every standalone name, both languages
  std::vector<std::string> prefixes;  // one-syllable compound forms
  std::vector<std::string> places;    // capitals and cities standing for the state
};

class CountryTable {
 public:
  // problems receives "file:line: …" for each bad alias row; the load fails on file errors.
  static Result<CountryTable> Load(const std::string& countries_tsv, const std::string& aliases_tsv,
                                   std::vector<std::string>* problems);

  const Country* Find(std::string_view iso3) const;
  const std::vector<Country>& all() const { return countries_; }

 private:
  std::vector<Country> countries_;
  std::unordered_map<std::string, size_t> by_iso3_;
};

}  // namespace dyad

#endif  // DYAD_COUNTRIES_H_
