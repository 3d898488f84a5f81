// The lexicon: actors, Korean action expressions and states, validated and compiled once.
//
// Load reads the analyst-editable TSV files under a dictionary directory (see
// docs/dictionaries.md), reports every bad row as "file:line: problem", and compiles the names
// and expressions into one immutable Trie. A loaded Lexicon is never modified; reload by
// building a new one. Const methods are safe from many threads.
//
//   std::vector<std::string> problems;
//   Result<Lexicon> lex = Lexicon::Load(DataDir(), &problems);
#ifndef DYAD_LEXICON_H_
#define DYAD_LEXICON_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/cameo.h"
#include "dyad/countries.h"
#include "dyad/date.h"
#include "dyad/document_date.h"
#include "dyad/status.h"
#include "dyad/trie.h"

namespace dyad {

namespace petrarch {
class Dictionaries;
}

enum class ActorType { kPerson, kOffice, kOrg };

struct ActorRole {
  std::string code;  // "PRKGOV", "---MIL" (state from context), "IGOUNO"
  std::optional<Date> from, to;
  std::string title_ko, title_en;
};

struct Actor {
  std::string id;
  ActorType type = ActorType::kPerson;
  std::vector<std::string> names_ko, names_en;
  std::vector<ActorRole> roles;
  // The role in force on `date`; the nearest role in time when none is; null without roles.
  const ActorRole* RoleOn(const Date& date) const;
};

// How an action finds its target among the roles of its clause (docs/dictionaries.md).
enum class Frame {
  kVisit,    // target: destination (dest column, 을/를 or 에 place)
  kHost,     // 을/를 names the visitor: the event runs visitor → host
  kDepart,   // leaving for a destination: 으로/로 or 에 (베트남으로 향했다)
  kMeet,     // target: counterpart 와/과, object, or the other side of 북러-style compounds
  kMessage,  // target: recipient 에/에게/께
  kSay,      // a statement (담화, 언급, 선언): target any other state named in the sentence;
             // yields to a more specific action of the same source in that sentence
  kAct,      // target: object, recipient, counterpart, then another state in the clause
  kJoint,    // done together with a counterpart (와 함께): target only from 와/과
  kLight,    // light verb (가지다, 개최, 전달): carries the action noun before it
};

struct Action {
  std::string expr;  // as written in the file: a noun (회담), a verb (만나다), a phrase (효력 정지)
  std::string code;  // CAMEO code; empty for light verbs
  Frame frame = Frame::kAct;
  std::string dest;         // ISO alpha-3 destination of 방북-style visit nouns
  bool symmetric = false;   // a meeting: either direction is right
  bool reciprocal = false;  // a light verb that makes its action mutual (교환)
  bool intent = false;      // a light verb that makes its action an intention (추진, 모색)
  bool negates = false;     // a light verb that says it did not happen (무산)
  bool concludes = false;   // a light verb that concludes an agreement (맺다): CAMEO 057
  bool dative = false;      // a light verb that takes its act in the dative (협상에 나서다)
  std::string label_ko, label_en;  // chronology wording: "회담" / "holds talks with"
};

// A word in a quotation that says what a bare statement does: "“…대가를 치르게 될 것”" makes
// a 담화 a threat. Cues are tried in file order; the first found in a quotation wins.
struct QuoteCue {
  std::string cue;   // a Korean word or stem, found anywhere in the quotation
  std::string code;  // CAMEO code the statement takes
  std::string label_ko, label_en;
};

// Korean words the coder's grammar refers to by role (words_ko.tsv): the pair in discussion,
// suffixes that keep a state, the author's own state, words that are never actors.
struct KoreanWords {
  std::vector<std::string> pair;            // 양측, 양국
  std::vector<std::string> pair_counts;     // 양, 두
  std::vector<std::string> pair_heads;      // 정상, 국가 (after a pair count)
  std::vector<std::string> state_suffixes;  // 측, 당국, 군
  std::vector<std::string> word_final;      // 를, 는, 에서: endings that close a word
  std::vector<std::string>
      between_adverbs;  // 공식, 다시: may stand between an act and its light verb
  std::vector<std::string> expect_nouns;     // 전망, 예정: after an adnominal, a forecast
  std::vector<std::string> intent_nouns;     // 용의, 의향: after an adnominal, an intention
  std::vector<std::string> boundary_nouns;   // 뒤, 후: after an adnominal, a clause boundary
  std::vector<std::string> aim_verbs;        // 반대, 겨냥: adnominal before an act, its target
  std::vector<std::string> reference_words;  // 전후, 앞두고: a date before one is a reference
  std::vector<std::string> after_words;      // 이후, 이래: a reference that bounds what follows
  std::vector<std::string> adopt_verbs;      // 채택: a pair's declaration adopted is an agreement
  std::vector<std::string> meeting_words;    // 정상회의, 계기로: after a state, its meeting
  std::vector<std::string> reacted_words;    // 발언, 도발: acts and words a reaction answers
  std::vector<std::string> speech_vehicles;  // 연설, 기자회견: what a statement is given in
  std::vector<std::string> forecast_verbs;  // 전망된다: a sentence closing on one is a forecast
};

// What a dictionary key names. A key may name several things (a person and an office).
struct LexEntry {
  // kCommon: a common word matched whole so its syllables are never read as names (일군).
  enum class Kind : uint8_t { kActor, kCountry, kCountryPlace, kAction, kSelf, kCommon } kind;
  bool verb_stem = false;  // the key is a conjugated stem of a native verb (만났 of 만나다)
  int32_t index;           // into actors(), countries().all() or actions(); kSelf: 0 GOV, 1 MIL
};

class Lexicon {
 public:
  // dir holds actors.tsv, actions_ko.tsv, country_aliases.tsv, running_headers.tsv,
  // quote_cues_ko.tsv, document_cues.tsv and words_ko.tsv;
  // countries_tsv is data/countries.tsv. Fails when any row is bad; problems lists them all.
  // `overlay` (may be empty): an analyst's directory of the same files (actors.tsv,
  // actions_ko.tsv, quote_cues_ko.tsv, words_ko.tsv; any may be missing), read after the shipped
  // ones and checked the same way: an actor with a shipped id, or an action with a shipped expr,
  // replaces it; other rows are added.
  static Result<Lexicon> Load(const std::string& dir, const std::string& countries_tsv,
                              const Codebook& codebook, std::vector<std::string>* problems,
                              const std::string& overlay = "");

  const std::vector<Actor>& actors() const { return actors_; }
  const std::vector<Action>& actions() const { return actions_; }
  const CountryTable& countries() const { return countries_; }
  const std::vector<std::string>& running_headers() const { return running_headers_; }
  const std::vector<QuoteCue>& quote_cues() const { return quote_cues_; }
  // Words that date a document and give away its voice (document_cues.tsv).
  const DocumentCues& document_cues() const { return document_cues_; }
  const KoreanWords& korean_words() const { return korean_words_; }

  // The compiled matcher over every name and expression; values index entries().
  const Trie& trie() const { return trie_; }
  const std::vector<LexEntry>& EntriesFor(int32_t value) const { return entry_lists_[value]; }
  // A one-syllable compound prefix (러, 북, 한) → its state, or null.
  const Country* PrefixCountry(std::string_view syllable) const;
  // The person whose English name (actors.tsv column en) stands in `words` as whole words, the
  // longest name first ("Kim Jong Un also accepted" → kim_jong_un); null when none does. What
  // an English sentence's actor words are labelled by in a chronology.
  const Actor* PersonNamedIn(std::string_view words) const;
  // The organisation a CAMEO code names (IGOUNO → org_un), trying the code's 3-letter parts
  // after IGO/NGO as well (IGOEUREEC → IGOEEC, IGONATMIL → IGONAT); null when none does.
  const Actor* OrgByCode(std::string_view code) const;

  size_t key_count() const { return entry_lists_.size(); }

 private:
  std::vector<Actor> actors_;
  std::vector<Action> actions_;
  CountryTable countries_;
  std::vector<std::string> running_headers_;
  std::vector<QuoteCue> quote_cues_;
  DocumentCues document_cues_;
  KoreanWords korean_words_;
  Trie trie_;
  std::vector<std::vector<LexEntry>> entry_lists_;
  std::vector<std::pair<std::string, int32_t>> prefixes_;  // syllable → country index, sorted
  // English person names by their first word: (whole name, actor index), longest name first.
  std::unordered_map<std::string, std::vector<std::pair<std::string, int32_t>>> english_names_;
};

// data/ of the source tree, unless DYAD_DATA_DIR is set in the environment.
std::string DataDir();

// Everything the coder needs, loaded from a data directory: codebook and lexicon.
struct Resources {
  Codebook codebook;
  Lexicon lexicon;
  std::string data_dir;
  // `lexicon_overlay`: see Lexicon::Load.
  static Result<std::shared_ptr<const Resources>> Load(const std::string& data_dir,
                                                       std::vector<std::string>* problems,
                                                       const std::string& lexicon_overlay = "");
  std::string lexicon_overlay;  // the overlay directory in force, empty when none
  // The English lexicon (dyad/english.h), loaded on first use and shared by every thread;
  // null, with *error set, when its files cannot be read.
  const petrarch::Dictionaries* English(Status* error) const;

 private:
  mutable std::once_flag english_once_;
  mutable std::shared_ptr<const petrarch::Dictionaries>
      english_;  // shared_ptr: an incomplete type here
  mutable Status english_status_;
};

}  // namespace dyad

#endif  // DYAD_LEXICON_H_
