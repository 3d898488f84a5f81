// libFuzzer target: arbitrary bytes as one of TABARI's dictionary files (the first byte picks:
// 0 verbs, 1 actors, 2 agents, 3 options), read beside small fixed others and then used to code
// fixed sentences; or (4) a sentence coded with the fixed dictionaries. Contract: no crash;
// problems name their file and line; every event's spans lie inside its sentence.
#include <cstdlib>

#include "dyad/tabari_coder.h"
#include "dyad/tabari_dictionaries.h"
#include "fuzz_util.h"

using namespace dyad;

namespace {

const char* kActors =
    "<NOUN>\nTALKS\n</NOUN>\n<ADJECTIVE>\nRED\n</ADJECTIVE>\nVALDOR [VAL]\nKESTRIA_ [KES]\n"
    "ASHGATE [ASH]\nTOLLIN\n+TOLLINBERG\n\t[TOLGOV 010101-101231]\n\t[TOL]\nTHE_ISLES [ISA/ISB]\n";
const char* kAgents = "MINISTER [~GOV]\nAID_WORKERS [NGO~]\n";
const char* kVerbs =
    "<SYNSETS>\n&MONEY\n+DOLLARS\n+GOLD_COINS\n</SYNSETS>\n<TIME>\nYESTERDAY [-1]\n</TIME>\n"
    "RESTOR [064]\n- * FULL_TIES [065]\n- NOT * [111]\nMEET_ [031:031]\n{ MET_ MEETING_ }\n"
    "- % * [036]\nACCUSE [112]\n- + WAS * BY $ [113]\nGIVE [070]\n- * &MONEY [071]\n"
    "- * { FOOD | WATER_SUPPLIES } [073]\nSAID [010?]\nATTACK [190]\n- * WITH ^ + [195]\n";
const char* kOptions = "COMPLEX: VERBS[5] CONJ[4]\n";
const char* kSentences[] = {
    "Valdor restored full ties with Kestria after a decade of silence.",
    "Officials from Valdor met officials from Ashgate, and the minister said they gave dollars.",
    "Kestria was accused by Valdor of shelling the villages, a senior official in Ashgate said.",
    "The Isles and Tollinberg met yesterday; they attacked rebels with Ashgate help in Kestria."};

void Check(const tabari::Dictionaries& d, std::string_view sentence) {
  tabari::Coder coder(&d);
  std::string parse;
  tabari::Coding c = coder.Code(sentence, 20050301, &parse);
  for (const tabari::CodedEvent& e : c.events)
    for (uint32_t b : {e.verb_begin, e.verb_end, e.source_begin, e.source_end, e.target_begin,
                       e.target_end})
      if (b > sentence.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string rest(fuzz::Bytes(data + 1, size - 1));
  int role = data[0] % 5;
  std::vector<tabari::Source> actors{{"f.actors", role == 1 ? rest : kActors}};
  std::vector<tabari::Source> agents{{"f.agents", role == 2 ? rest : kAgents}};
  std::vector<tabari::Source> verbs{{"f.verbs", role == 0 ? rest : kVerbs}};
  tabari::Source options{"f.options", role == 3 ? rest : kOptions};
  std::vector<std::string> problems;
  Result<tabari::Dictionaries> d =
      tabari::Dictionaries::LoadSources(actors, agents, verbs, &options, &problems);
  for (const std::string& p : problems)
    if (p.rfind("f.", 0) != 0 || p.find(':') == std::string::npos) std::abort();
  if (!d.ok()) return 0;
  if (role == 4) {
    Check(*d, rest);
    return 0;
  }
  for (const char* s : kSentences) Check(*d, s);
  return 0;
}
