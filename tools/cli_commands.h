// Subcommands of the dyad CLI. Each is a few lines over the library.
#ifndef DYAD_TOOLS_CLI_COMMANDS_H_
#define DYAD_TOOLS_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dyad/date.h"
#include "dyad/event.h"
#include "dyad/lexicon.h"
#include "dyad/store.h"

namespace dyad::cli {

struct Global {
  std::string data_dir;
  std::string lexicon_dir;  // --lexicon: the analyst's overlay
  int exit_code = 0;
};

void Register(CLI::App& app, Global& global);
// import and export (cli_exchange.cc).
void RegisterExchange(CLI::App& app, Global& global);
// validate (cli_validate.cc).
void RegisterValidate(CLI::App& app, Global& global);
// burden (cli_burden.cc).
void RegisterBurden(CLI::App& app, Global& global);
// remove and recode (cli_recode.cc).
void RegisterRecode(CLI::App& app, Global& global);
// correct: accept, reject, edit, add, list (cli_correct.cc).
void RegisterCorrect(CLI::App& app, Global& global);
// series (cli_analysis.cc).
void RegisterAnalysis(CLI::App& app, Global& global);
// dyad serve (cli_serve.cc).
void RegisterServe(CLI::App& app, Global& global);

// Shared by the subcommands.
// What --db takes, for every command's help.
inline constexpr const char* kDbHelp =
    "store: a SQLite file or a postgresql:// URI (default $DYAD_DB or ./dyad.db)";
std::string DefaultDb();  // $DYAD_DB or ./dyad.db
// Opens the store for a command, or prints why not and returns null. Queries open it read-only
// and need it to exist; ingest and import create it, saying so on stderr.
std::unique_ptr<Store> OpenStore(const std::string& db, StoreAccess access);
std::shared_ptr<const Resources> LoadResources(const Global& g);  // null after a message
// The analyst's lexicon overlay: --lexicon, else $DYAD_LEXICON, else ~/.config/dyad/lexicon when
// it exists; empty for none.
std::string LexiconOverlay(const Global& g);
// YYYY, YYYY-MM or YYYY-MM-DD; the last day of the period when `end`. Throws
// CLI::ValidationError on anything else.
std::optional<Date> ParseDateFlag(const std::string& s, bool end);
// A --between or --actor side: an ISO or CAMEO code, or a state's or an organisation's name in
// Korean or English (dyad/query_names.h). Throws CLI::ValidationError naming `flag` and the
// nearest names for a name the lexicon does not know.
std::string NormaliseSide(const std::string& side, const Global& g,
                          const std::string& flag = "--between");
// A --code filter: a CAMEO code or root the codebook has ("" passes). Throws
// CLI::ValidationError saying what a code looks like, or that none begins so.
std::string CodeFlag(const std::string& code, const Global& g);
// "actual,expected" or "all" (every mode).
std::vector<EventMode> ParseModes(const std::string& list);

}  // namespace dyad::cli

#endif  // DYAD_TOOLS_CLI_COMMANDS_H_
