// The PostgreSQL connection behind a Store (store/db.h), and the schema it creates. Private to
// src/store.
#ifndef DYAD_STORE_POSTGRES_H_
#define DYAD_STORE_POSTGRES_H_

#include <memory>
#include <string>
#include <string_view>

#include "dyad/store.h"
#include "store/db.h"

namespace dyad::store_internal {

// Connects to the database `uri` names (libpq's URI: postgresql://user:pass@host:port/db?…)
// and makes sure it holds a dyad store of this version: kCreate creates the schema in an empty
// database; kReadOnly and kReadWrite want one there. A kReadOnly connection refuses writes.
// *created says whether this call created it.
Result<std::unique_ptr<Db>> OpenPostgres(const std::string& uri, StoreAccess access, bool* created);

// `uri` without its password, for messages.
std::string UriForMessages(std::string_view uri);

// SQLite's numbered parameters (?1, ?2, bare ?) as PostgreSQL's ($1, $2 …), numbered densely
// in order of first use; order[k] is the SQLite number behind $k+1. Quoted text and
// identifiers are left as they are.
std::string NumberParameters(std::string_view sql, std::vector<int>* order);

}  // namespace dyad::store_internal

#endif  // DYAD_STORE_POSTGRES_H_
