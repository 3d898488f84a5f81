// The date a document was written or given, and the state whose voice it speaks in.
//
// Every event is dated against its document: "26일", "지난해", "last Tuesday" count from the
// day the text was written, and what a speech or statement itself does happens on the day it was
// given. The document date comes, first found wins, from the caller (`dyad code --date`), a
// feed's own field, a dateline or header line of the text, a title naming a dated genre ("2019년
// 신년사": a New Year address is given on 1 January), and, last, a PDF's CreationDate.
//
// A header line is a line of the document's opening that is a date and little else: a label
// ("기사입력", "작성날자", "Posted"), a time, a weekday, a news agency and a dash may stand beside
// it. A date inside a sentence ("…은 1991년 12월 13일에 …") is what the text tells of, never
// the document's date. Recognised forms:
//   2024년 6월 19일 · - 1994년 01월 01일 · 주체113(2024)년 6월 19일 · 2024.06.19 · 2024. 6. 19.
//   2024-06-19 09:33 · 2023/07/27 09:33:11 · 작성날자 26-01-14 (two-digit year, labelled only)
//   June 19, 2024 · Oct. 26, 2023 · 19 June 2024 · NEWS | Oct. 26, 2023
//   SEOUL, June 19 (Yonhap) -- (a wire dateline; its year from the text's other dates)
//   2019년 신년사 · 신년사 … 새해 2016년을 맞이합니다 (New Year's Day)
// The label words and genre titles are data (data/lexicon/document_cues.tsv), not code.
//
// Thread safety: the functions are pure.
#ifndef DYAD_DOCUMENT_DATE_H_
#define DYAD_DOCUMENT_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"
#include "dyad/trie.h"

namespace dyad {

// The words that let dyad read a document's date and voice, from document_cues.tsv.
struct DocumentCues {
  std::vector<std::string> date_labels;  // "기사입력", "작성날자", "Posted": a date follows
  // A byline's last word ("기자", "특파원", "reporter"): "2019-08-06  성재영 기자" is a header.
  std::vector<std::string> bylines;
  // A title naming a genre given on a fixed day of its year: "신년사" → (1, 1).
  struct Genre {
    std::string cue;
    int month = 1, day = 1;
  };
  std::vector<Genre> genres;
  // Words a genre's opening uses with its year right after them: "새해 2016년을 맞이합니다".
  std::vector<Genre> greetings;
  // Words that give away the author's state: "남조선" and "괴뢰" are written only in the North,
  // "북한" and "북측" only in the South.
  struct Voice {
    std::string cue;
    std::string country;  // ISO alpha-3
  };
  std::vector<Voice> voices;
  // Words of the author's first person ("우리는", "나는"): a document that speaks in it is a
  // speech or statement, whose sentences are its author's acts.
  std::vector<std::string> first_person;

  // The voice and first-person cues in one trie, built by Index() once the cues are loaded, so
  // ReadVoice finds every cue at a position in one walk. A value packs (voice index + 1) << 1,
  // 0 for none, with bit 0 set when the key is a first-person cue.
  Trie matcher;
  void Index();
};

enum class DocumentDateSource { kOption, kFeed, kHeader, kGenre, kPdfInfo, kMarkup };

std::string_view DocumentDateSourceName(DocumentDateSource s);  // "option", "feed", "header", …

struct DocumentDate {
  Date date;
  DocumentDateSource source = DocumentDateSource::kHeader;
  uint32_t begin = 0, end = 0;  // the bytes of the text it was read from (header and genre)
};

// Finds the document's date in its opening lines (a header line or a dated genre title), or
// nothing. Only the first `max_lines` non-blank lines, and no more than 4 KB, are read.
std::optional<DocumentDate> FindDocumentDate(std::string_view text, const DocumentCues& cues,
                                             int max_lines = 14);

// Reads one header line as a date: "기사입력 2024.06.19 09:33" → 2024-06-19. Nothing when the
// line holds more than a date and its furniture. `year_hint` fills a dateline without a year.
std::optional<Date> ReadHeaderDate(std::string_view line, const DocumentCues& cues,
                                   int year_hint = 0);

// A PDF date string ("D:20240619093300+09'00'") as a date.
std::optional<Date> ParsePdfDate(std::string_view s);

// What a text's vocabulary says of its author, read in one pass over at most its first 1 MB:
// the state whose voice cues (document_cues.tsv) dominate — at least `min_hits` and twice any
// other state's — or empty when the text gives no clear voice; and how many first-person words
// ("우리는", "나는") stand at the start of a word. Cues must have been indexed (Index()).
struct VoiceReading {
  std::string voice;
  int first_person = 0;
};
VoiceReading ReadVoice(std::string_view text, const DocumentCues& cues, int min_hits = 3);

}  // namespace dyad

#endif  // DYAD_DOCUMENT_DATE_H_
