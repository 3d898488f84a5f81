// Internal: the parts of a zip file (DOCX, HWPX and XLSX are zips of XML parts), read with
// minizip and bounded, so a small file that inflates to gigabytes is refused, not read.
#ifndef DYAD_SRC_CORE_ZIP_H_
#define DYAD_SRC_CORE_ZIP_H_

#include <minizip/unzip.h>

#include <cstddef>
#include <string>

#include "dyad/status.h"

namespace dyad::zip {

// The most a part may inflate to.
inline constexpr size_t kMaxPartBytes = 256u << 20;

// An open zip file; closed when it goes.
class Archive {
 public:
  // Null `get()` when `path` is not a zip file.
  explicit Archive(const std::string& path) : zip_(unzOpen(path.c_str())) {}
  ~Archive() {
    if (zip_ != nullptr) unzClose(zip_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  unzFile get() const { return zip_; }
  bool Has(const std::string& name) const {
    return zip_ != nullptr && unzLocateFile(zip_, name.c_str(), 0) == UNZ_OK;
  }

 private:
  unzFile zip_;
};

// The bytes of part `name`. Errors name `path` and the part: missing (kNotFound), damaged, or
// larger than `max_bytes` inflated.
Result<std::string> ReadPart(const Archive& zip, const std::string& path, const std::string& name,
                             size_t max_bytes = kMaxPartBytes);

}  // namespace dyad::zip

#endif  // DYAD_SRC_CORE_ZIP_H_
