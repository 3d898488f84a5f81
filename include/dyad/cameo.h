// The CAMEO event codebook: every code with its name, Goldstein weight and quad class.
//
// Loaded once from data/cameo-event-codes.tsv (columns code, name, goldstein, quad_class), with
// the phrases a chronology says each code in from data/cameo-phrases.tsv (dyad/act_phrase.h),
// and immutable afterwards; const methods are safe from many threads.
//
//   Result<Codebook> book = Codebook::Load("data/cameo-event-codes.tsv");
//   const CameoCode* c = book->Find("042");  // "Make a visit", goldstein 1.9, quad 1
#ifndef DYAD_CAMEO_H_
#define DYAD_CAMEO_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/status.h"

namespace dyad {

struct CameoCode {
  std::string code;  // "042"
  std::string name;
  double goldstein = 0;
  int quad_class = 0;
  // How a chronology says the act, with a target slot: "threatens {T} with military force",
  // "{T에} 무력 사용 위협". Empty when data/cameo-phrases.tsv gives none.
  std::string phrase_en, phrase_ko;
};

class Codebook {
 public:
  // Reads the TSV; errors name file:line.
  static Result<Codebook> Load(const std::string& path);

  // Adds the phrases of data/cameo-phrases.tsv (columns code, en, ko). Every code must be in the
  // codebook and every phrase hold one target slot; errors name file:line.
  Status LoadPhrases(const std::string& path);

  const CameoCode* Find(std::string_view code) const;
  // The code, or its nearest parent (0431 → 043 → 04), that has a phrase; null when none has.
  const CameoCode* Phrased(std::string_view code) const;
  size_t size() const { return codes_.size(); }
  const std::vector<CameoCode>& codes() const { return codes_; }

 private:
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace dyad

#endif  // DYAD_CAMEO_H_
