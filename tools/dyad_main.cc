// The dyad command line: a thin layer over the library. Each subcommand parses its flags,
// calls the library, and turns a failed Status into a message on stderr and a non-zero exit.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli_commands.h"

int main(int argc, char** argv) {
  CLI::App app{"dyad: Korean and English foreign-policy documents → CAMEO event data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dyad 0.1.0");
  dyad::cli::Global global;
  app.add_option("--data", global.data_dir, "data directory (codebook, countries, lexicon)")
      ->check(CLI::ExistingDirectory);
  dyad::cli::Register(app, global);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return global.exit_code;
}
