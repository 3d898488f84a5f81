// What the store's translation units share: a prepared statement, the handle, and the column
// helpers. Private to src/store.
#ifndef DYAD_STORE_SQLITE_UTIL_H_
#define DYAD_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <ctime>
#include <string>
#include <vector>

#include "dyad/date.h"
#include "dyad/event.h"
#include "dyad/status.h"
#include "dyad/store.h"

namespace dyad {

namespace store_internal {

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  Stmt& Bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, long long v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& Bind(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  Stmt& BindNull(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  bool IsNull(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  int Step() { return sqlite3_step(s_); }
  void Reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  std::string Text(int c) const {
    const unsigned char* t = sqlite3_column_text(s_, c);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s_, c)) : "";
  }
  long long Int(int c) const { return sqlite3_column_int64(s_, c); }
  double Real(int c) const { return sqlite3_column_double(s_, c); }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_;
};

inline std::string Now() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// Quotations are stored one per line: repaired text never holds a newline inside a block.
inline DateSpan SpanFrom(const std::string& a, const std::string& b, const std::string& p) {
  DateSpan s;
  s.begin = Date::Parse(a).value_or(Date{1970, 1, 1});
  s.end = Date::Parse(b).value_or(s.begin);
  s.precision = ParsePrecision(p).value_or(DatePrecision::kDay);
  return s;
}

// An imported event's own fields as the JSON object events.ext holds ("" for none), and back.
std::string ExtToJson(const std::vector<std::pair<std::string, std::string>>& ext);
std::vector<std::pair<std::string, std::string>> ExtFromJson(const std::string& s);

// Stores one event row with its review mark ("" as coded); its rowid in *row.
Status InsertEvent(sqlite3* db, const std::string& path, const Event& e, const std::string& review,
                   long long* row);

// A correction anchored in one document (dyad/correction.h): what a recode of it matches.
struct Anchored {
  long long correction_id = 0;
  std::string kind;  // accept, reject, edit, add
  std::string event_id, code, source, target, mode;
  std::string event;  // the JSON line of the event as the analyst left it
  uint32_t span_begin = 0, span_end = 0;
};

// The live corrections anchored in the document whose text has SHA-256 `sha`, oldest first.
Result<std::vector<Anchored>> AnchoredCorrections(sqlite3* db, const std::string& path,
                                                  const std::string& sha);
// The correction a newly coded event is the corrected event of, or null: a telling at an anchor
// with the code, sides and mode the event had when corrected.
const Anchored* CorrectedBy(const std::vector<Anchored>& anchored, const Event& e);
// After a document's coded events are stored: the analyst's events anchored in it (edited,
// added, and accepted ones the coder no longer finds: every correction of `anchored` not in
// `satisfied`) are stored again, or get this document's tellings back.
Status RestoreCorrected(sqlite3* db, const std::string& path, const std::vector<Anchored>& anchored,
                        long long document_id, const std::vector<long long>& satisfied);

}  // namespace store_internal

struct Store::Impl {
  sqlite3* db = nullptr;
  std::string path;
  ~Impl() {
    if (db) sqlite3_close(db);
  }
  Status Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = path + ": " + (err ? err : "sqlite error");
      sqlite3_free(err);
      return Status::IoError(msg);
    }
    return Status::Ok();
  }
  Status Error(const char* what) const {
    return Status::IoError(path + ": " + what + ": " + sqlite3_errmsg(db));
  }
};

}  // namespace dyad

#endif  // DYAD_STORE_SQLITE_UTIL_H_
