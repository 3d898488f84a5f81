// What the store's translation units share: the connection (store/db.h), the column helpers
// and the steps of a correction. Private to src/store.
#ifndef DYAD_STORE_STORE_UTIL_H_
#define DYAD_STORE_STORE_UTIL_H_

#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "dyad/date.h"
#include "dyad/event.h"
#include "dyad/status.h"
#include "dyad/store.h"
#include "store/db.h"

namespace dyad {

namespace store_internal {

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

// Binds ?1–?23 of an events INSERT to an event: date … attribution, in the order InsertEvent and
// the import name the columns (each binds its own from ?24).
void BindEventColumns(Stmt& s, const Event& e);

// Stores one event row with its review mark ("" as coded); its rowid in *row.
Status InsertEvent(Db* db, const std::string& path, const Event& e, const std::string& review,
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
Result<std::vector<Anchored>> AnchoredCorrections(Db* db, const std::string& path,
                                                  const std::string& sha);
// The correction a newly coded event is the corrected event of, or null: a telling at an anchor
// with the code, sides and mode the event had when corrected.
const Anchored* CorrectedBy(const std::vector<Anchored>& anchored, const Event& e);
// After a document's coded events are stored: the analyst's events anchored in it (edited,
// added, and accepted ones the coder no longer finds: every correction of `anchored` not in
// `satisfied`) are stored again, or get this document's tellings back.
Status RestoreCorrected(Db* db, const std::string& path, const std::vector<Anchored>& anchored,
                        long long document_id, const std::vector<long long>& satisfied);

}  // namespace store_internal

struct Store::Impl {
  std::unique_ptr<store_internal::Db> db;
  std::string path;  // as given; a PostgreSQL URI without its password
  Status Exec(const char* sql) {
    if (Status s = db->Exec(sql); !s.ok()) return Status::IoError(path + ": " + s.message());
    return Status::Ok();
  }
  Status Error(const char* what) const {
    return Status::IoError(path + ": " + what + ": " + db->LastError());
  }
};

}  // namespace dyad

#endif  // DYAD_STORE_STORE_UTIL_H_
