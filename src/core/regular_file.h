// Internal: the check every reader of a named file makes first. A device or a FIFO (/dev/zero)
// never ends and a folder is no file: only a regular file is read. A path that does not exist
// passes, for the reader's own "cannot open" message.
#ifndef DYAD_SRC_CORE_REGULAR_FILE_H_
#define DYAD_SRC_CORE_REGULAR_FILE_H_

#include <filesystem>
#include <string>

#include "dyad/status.h"

namespace dyad {

inline Status CheckRegularFile(const std::string& path) {
  std::error_code ec;
  std::filesystem::file_status st = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(st) && !std::filesystem::is_regular_file(st))
    return Status::InvalidInput(path + ": not a regular file");
  return Status::Ok();
}

}  // namespace dyad

#endif  // DYAD_SRC_CORE_REGULAR_FILE_H_
