// The SQLite connection behind a Store (store/db.h). Private to src/store.
#ifndef DYAD_STORE_SQLITE_DB_H_
#define DYAD_STORE_SQLITE_DB_H_

#include <sqlite3.h>

#include <memory>

#include "store/db.h"

namespace dyad::store_internal {

// Takes an open handle; the connection closes it.
std::unique_ptr<Db> AdoptSqlite(sqlite3* handle);

}  // namespace dyad::store_internal

#endif  // DYAD_STORE_SQLITE_DB_H_
