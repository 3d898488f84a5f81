// The coder: a document in, CAMEO events out.
//
// Code() repairs the extracted text, segments it, codes each sentence and table row with the
// analyser of the document's language, and merges mentions of one real-world event (a visit
// told in the narrative and in the chronology table) into one Event that keeps every mention.
// A Coder is immutable and its methods are const: one Coder may serve many threads.
//
//   Result<std::shared_ptr<const Resources>> res = Resources::Load(DataDir(), &problems);
//   Coder coder(*res);
//   Result<CodedDocument> coded = coder.Code(*LoadDocument("brief.txt"), CodeOptions{});
#ifndef DYAD_CODER_H_
#define DYAD_CODER_H_

#include <memory>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/document_date.h"
#include "dyad/event.h"
#include "dyad/lexicon.h"
#include "dyad/repair.h"
#include "dyad/status.h"

namespace dyad {

namespace tabari {
class Dictionaries;
}

enum class Language { kAuto, kKorean, kEnglish };

struct CodeOptions {
  Language lang = Language::kAuto;
  int year = 0;  // the year in force; 0 = read it from the document
  // The state "우리" (we) names in the author's voice; empty = detect it from the text's
  // vocabulary (document_cues.tsv), else KOR for Korean text.
  std::string self_country;
  bool merge = true;  // merge mentions of one real-world event
  // Which events to keep: by default only what the text says happened.
  std::vector<EventMode> modes = {EventMode::kActual};
  // The document's date (dyad code --date, or a feed's date field); unset = read it from the
  // text (dyad/document_date.h). Relative dates count from it; what a speech or statement
  // itself does happens on it.
  std::optional<DocumentDate> date;
  // English documents: these PETRARCH/TABARI dictionaries instead of the shipped English
  // lexicon (dyad code --dictionaries DIR); must outlive the call.
  const petrarch::Dictionaries* english = nullptr;
  // Or TABARI's dictionaries, coded by TABARI's rules (dyad/tabari_coder.h).
  const tabari::Dictionaries* tabari = nullptr;
};

struct CodedDocument {
  std::string lang;                  // "ko" or "en"
  std::string title;                 // first heading or sentence, shortened
  int year = 0;                      // the document's year in force
  std::optional<DocumentDate> date;  // when the document was written or given, if known
  std::string voice;                 // the state its 우리 names
  CleanText clean;
  std::vector<Event> events;           // by date, then by position of the first mention
  std::vector<Unresolved> unresolved;  // what looked like an event but could not be coded
  // The options the caller gave that change the coding (--year, --date or a feed item's date,
  // --self): the store keeps them with the document so a recode codes it the same way.
  int given_year = 0;
  std::optional<Date> given_date;
  std::string given_self;
};

class Coder {
 public:
  explicit Coder(std::shared_ptr<const Resources> resources);

  // Korean documents with the Korean coder, English ones with the pattern coder and the
  // English lexicon (dyad/english.h). Fails only for a document dyad cannot code (no text, or
  // the English lexicon cannot be read). A document without events is a success with no
  // events.
  Result<CodedDocument> Code(const Document& doc, const CodeOptions& options) const;

  const Resources& resources() const { return *res_; }

 private:
  Result<CodedDocument> CodeUnchecked(const Document& doc, const CodeOptions& options) const;
  Result<CodedDocument> CodeEnglishDocument(const Document& doc, const CodeOptions& options) const;
  std::shared_ptr<const Resources> res_;
};

// Detects the language by the share of Hangul among letters.
Language DetectLanguage(std::string_view text);

// Merges events that are mentions of one real-world event: same dyad (either way for a
// symmetric event), same CAMEO code, overlapping dates where one contains the other. The
// merged event takes the most precise date; its mentions keep their own.
std::vector<Event> MergeMentions(std::vector<Event> events);

}  // namespace dyad

#endif  // DYAD_CODER_H_
