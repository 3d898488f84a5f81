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
  app.add_option("--lexicon", global.lexicon_dir,
                 "your own dictionary rows (actors.tsv, actions_ko.tsv, …) over the shipped ones "
                 "(default $DYAD_LEXICON, else ~/.config/dyad/lexicon when it exists)")
      ->check(CLI::ExistingDirectory);
  dyad::cli::Register(app, global);
  // One line at a time into logs and pipes, as on a terminal.
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  // `dyad` alone: what it can do.
  if (argc == 1) {
    std::cout << app.help();
    return 0;
  }
  // Exit codes: 0 done, 1 some inputs failed (named on stderr, the rest processed), 2 usage (a
  // flag, a value or a store the command cannot use).
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, the version, or the error
    return code == 0 ? 0 : 2;
  }
  return global.exit_code;
}
