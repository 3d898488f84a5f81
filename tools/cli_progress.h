// Progress of a long CLI job, and how it ends when interrupted.
//
// On a terminal, a status line on stderr ("12/340 files, 8.1 docs/s, about 40 s left"),
// rewritten in place and cleared before any other output; in a log, nothing extra (each
// document's own line is the record). SIGINT and SIGTERM set a flag the job checks between
// documents, so a document is never cut in half.
#ifndef DYAD_TOOLS_CLI_PROGRESS_H_
#define DYAD_TOOLS_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace dyad::cli {

// Installs the SIGINT/SIGTERM handlers (once).
void CatchInterrupts();
// Whether an interrupt has arrived since CatchInterrupts.
bool Interrupted();

class Progress {
 public:
  Progress(size_t total_files, const char* unit);
  // Before printing a line of output: clears the status line.
  void Clear();
  // After a file: `files_done` of the total, `docs_done` documents so far.
  void Update(size_t files_done, size_t docs_done);
  // Within event files (dyad import): the file being read (`file`, 0-based), the bytes read of
  // all files and their total, the rows so far: "2/5 files, 45% of 170 MB, 84,000 rows/s, about
  // 12 s left".
  void UpdateBytes(size_t file, uint64_t bytes_done, uint64_t bytes_total, uint64_t rows);
  // Clears the status line for good.
  ~Progress();

 private:
  size_t total_;
  std::string unit_;
  bool tty_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace dyad::cli

#endif  // DYAD_TOOLS_CLI_PROGRESS_H_
