// What dyad's fuzz targets share: the shipped resources, loaded once, and a scratch file for
// readers that take a path. Each target checks the contracts that must hold for any input.
#ifndef DYAD_FUZZ_UTIL_H_
#define DYAD_FUZZ_UTIL_H_

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "dyad/lexicon.h"

namespace dyad::fuzz {

inline std::shared_ptr<const Resources> Res() {
  static std::shared_ptr<const Resources> res = [] {
    std::vector<std::string> problems;
    auto r = Resources::Load(DataDir(), &problems);
    if (!r.ok()) std::abort();  // the harness, not the code under test, cannot go on
    return *r;
  }();
  return res;
}

// `bytes` written to this process's scratch file with extension `ext`; its path.
inline std::string Scratch(std::string_view bytes, const std::string& ext) {
  std::string path = "/tmp/dyad-fuzz-" + std::to_string(getpid()) + ext;
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<long>(bytes.size()));
  return path;
}

inline std::string_view Bytes(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A contract broken: stop here, so libFuzzer keeps the input.
inline void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace dyad::fuzz

#endif  // DYAD_FUZZ_UTIL_H_
