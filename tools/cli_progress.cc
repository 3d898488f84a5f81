#include "cli_progress.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>

namespace dyad::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void OnInterrupt(int) { g_interrupted = 1; }

}  // namespace

void CatchInterrupts() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
}

bool Interrupted() { return g_interrupted != 0; }

Progress::Progress(size_t total_files, const char* unit)
    : total_(total_files),
      unit_(unit),
      tty_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {}

void Progress::Clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

void Progress::Update(size_t files_done, size_t docs_done) {
  if (!tty_ || total_ < 2) return;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = secs > 0 ? static_cast<double>(docs_done) / secs : 0;
  double per_file = files_done > 0 ? secs / static_cast<double>(files_done) : 0;
  double left = per_file * static_cast<double>(total_ - std::min(files_done, total_));
  std::fprintf(stderr, "\r\033[K%zu/%zu %s, %.1f docs/s, about %.0f s left", files_done, total_,
               unit_.c_str(), rate, left);
  std::fflush(stderr);
  shown_ = true;
}

void Progress::UpdateBytes(size_t file, uint64_t bytes_done, uint64_t bytes_total, uint64_t rows) {
  if (!tty_ || bytes_total == 0) return;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = secs > 0 ? static_cast<double>(rows) / secs : 0;
  double share = static_cast<double>(bytes_done) / static_cast<double>(bytes_total);
  double left = share > 0 ? secs * (1 - share) / share : 0;
  std::fprintf(stderr, "\r\033[K%zu/%zu %s, %.0f%% of %.0f MB, %.0f rows/s, about %.0f s left",
               file + 1, total_, unit_.c_str(), share * 100,
               static_cast<double>(bytes_total) / (1 << 20), rate, left);
  std::fflush(stderr);
  shown_ = true;
}

Progress::~Progress() { Clear(); }

}  // namespace dyad::cli
