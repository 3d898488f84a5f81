// Subcommands of the dyad CLI. Each is a few lines over the library.
#ifndef DYAD_TOOLS_CLI_COMMANDS_H_
#define DYAD_TOOLS_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <string>

namespace dyad::cli {

struct Global {
  std::string data_dir;
  int exit_code = 0;
};

void Register(CLI::App& app, Global& global);

}  // namespace dyad::cli

#endif  // DYAD_TOOLS_CLI_COMMANDS_H_
