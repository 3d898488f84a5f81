#include "core/zip.h"

namespace dyad::zip {

Result<std::string> ReadPart(const Archive& zip, const std::string& path, const std::string& name,
                             size_t max_bytes) {
  if (!zip.Has(name)) return Status::NotFound(path + ": no " + name + " in the zip file");
  if (unzOpenCurrentFile(zip.get()) != UNZ_OK)
    return Status::InvalidInput(path + ": cannot open " + name + " in the zip file");
  std::string out;
  char buf[65536];
  int n;
  while ((n = unzReadCurrentFile(zip.get(), buf, sizeof buf)) > 0) {
    if (out.size() + static_cast<size_t>(n) > max_bytes) {
      unzCloseCurrentFile(zip.get());
      return Status::InvalidInput(path + ": " + name + " inflates to more than " +
                                  std::to_string(max_bytes >> 20) + " MB; not read");
    }
    out.append(buf, static_cast<size_t>(n));
  }
  unzCloseCurrentFile(zip.get());
  if (n < 0) return Status::InvalidInput(path + ": " + name + " is damaged");
  return out;
}

}  // namespace dyad::zip
