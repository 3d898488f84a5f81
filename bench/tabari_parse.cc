// Shows how dyad's TABARI coder reads sentences: its parse display and events.
//   dyad-tabari-parse DICT_DIR YYYYMMDD "sentence" ...
#include <iostream>

#include "dyad/tabari_coder.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: dyad-tabari-parse DICT_DIR YYYYMMDD SENTENCE...\n";
    return 2;
  }
  std::vector<std::string> problems;
  auto d = dyad::tabari::Dictionaries::LoadDir(argv[1], &problems);
  for (const auto& p : problems) std::cerr << p << "\n";
  if (!d.ok()) {
    std::cerr << d.status().message() << "\n";
    return 1;
  }
  dyad::tabari::Coder coder(&*d);
  for (int i = 3; i < argc; ++i) {
    std::string parse;
    dyad::tabari::Coding c = coder.Code(argv[i], std::atoi(argv[2]), &parse);
    std::cout << parse;
    if (!c.why.empty()) std::cout << "outcome: " << c.why << "\n";
    for (const auto& e : c.events)
      std::cout << "event\t" << e.source << "\t" << e.target << "\t" << e.code << "\n";
    std::cout << "\n";
  }
  return 0;
}
