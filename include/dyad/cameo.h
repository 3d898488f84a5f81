// The CAMEO event codebook: every code with its name, Goldstein weight and quad class.
//
// Loaded once from data/cameo-event-codes.tsv (columns code, name, goldstein, quad_class) and
// immutable afterwards; const methods are safe from many threads.
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
};

class Codebook {
 public:
  // Reads the TSV; errors name file:line.
  static Result<Codebook> Load(const std::string& path);

  const CameoCode* Find(std::string_view code) const;
  size_t size() const { return codes_.size(); }
  const std::vector<CameoCode>& codes() const { return codes_; }

 private:
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace dyad

#endif  // DYAD_CAMEO_H_
