// The sides a query names: `dyad events --between 북한 유엔`, `--actor NATO`.
//
// A side is an ISO alpha-3 code (PRK), a CAMEO actor code or its prefix (IGOUNO, PRKGOV), or a
// Korean or English name or alias the lexicon knows for a state or an organisation (북한, North
// Korea, 유엔, 안보리, UN, UNSC, NATO). Persons are not sides: their events are their state's.
//
//   Result<std::string> code = ResolveQueryName(lexicon, "안보리");  // "IGOUNO"
#ifndef DYAD_QUERY_NAMES_H_
#define DYAD_QUERY_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "dyad/lexicon.h"
#include "dyad/status.h"

namespace dyad {

// The code a side names. An unknown name fails with kNotFound and a message that suggests the
// nearest names the lexicon knows.
Result<std::string> ResolveQueryName(const Lexicon& lex, std::string_view name);

// Up to `n` names of states and organisations nearest to `name` (edit distance over characters,
// ignoring case), nearest first.
std::vector<std::string> NearestNames(const Lexicon& lex, std::string_view name, size_t n = 3);

}  // namespace dyad

#endif  // DYAD_QUERY_NAMES_H_
