// Helpers shared by dyad's unit tests: scratch files and the shipped resources, loaded once.
#ifndef DYAD_TESTING_H_
#define DYAD_TESTING_H_

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "dyad/lexicon.h"

namespace dyad::testing {

// A fresh file under the test scratch directory, holding `content`; returns its path.
inline std::string WriteScratch(const std::string& name, const std::string& content) {
  std::filesystem::path dir = std::filesystem::path(DYAD_TEST_TMP);
  std::filesystem::create_directories(dir);
  std::filesystem::path p = dir / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

inline std::shared_ptr<const Resources> Shipped() {
  static std::shared_ptr<const Resources> res = [] {
    std::vector<std::string> problems;
    auto r = Resources::Load(DataDir(), &problems);
    return r.ok() ? *r : nullptr;
  }();
  return res;
}

}  // namespace dyad::testing

#endif  // DYAD_TESTING_H_
