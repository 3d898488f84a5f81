// English documents: the English lexicon and English date expressions.
//
// The English lexicon is dyad's own dictionaries rendered in the PETRARCH formats — states by
// their English names, short forms and capitals; persons and organisations with their English
// names and dated roles; offices of no fixed state as agents ("foreign minister" → ~GOV) — in
// front of the shipped Phoenix dictionaries in data/en (demonyms, 26,000 office-holders to
// 2014, agents, discards, the CAMEO 2.0 verb patterns). Or, with a directory, the PETRARCH/TABARI
// dictionaries found there, as they are.
#ifndef DYAD_ENGLISH_H_
#define DYAD_ENGLISH_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"
#include "dyad/lexicon.h"
#include "dyad/petrarch.h"
#include "dyad/status.h"

namespace dyad::en {

// dyad's actors and states in the PETRARCH actor format, and its offices as agents.
std::string ActorsText(const Lexicon& lex);
std::string AgentsText(const Lexicon& lex);

// The shipped English lexicon: data_dir/en plus dyad's own, or, when dictionary_dir is not
// empty, the dictionaries of that directory (Dictionaries::LoadDir).
Result<petrarch::Dictionaries> LoadEnglish(const Lexicon& lex, const std::string& data_dir,
                                           const std::string& dictionary_dir,
                                           std::vector<std::string>* problems);

// A news dateline at the start of a document: "SEOUL, June 20, 2024 (Yonhap) --",
// "WASHINGTON, Jan. 5 (Reuters) -" (the year from `year` when the line has none).
std::optional<Date> Dateline(std::string_view text, int year);
// The bytes the dateline takes, its dash included ("SEOUL, June 20, 2024 (Yonhap) -- "); 0
// when the text opens with none.
size_t DatelineLength(std::string_view text);

// The first date a sentence names, resolved against `anchor` (the dateline's date): "on June
// 19", "June 19, 2024", "19 June", "on Thursday" (the latest Thursday up to the anchor),
// "yesterday", "last week", "earlier this month", "last month", "in March", "in 2023"; "a day
// later", "the next day" and "two days later" count from `previous` (the last day named).
// Nothing when it names none. *at receives the expression's byte offset. Without `anchored`
// (the document has no date), expressions that count from the anchor ("on Friday",
// "yesterday", "last month") or from the last day named resolve to nothing: a date is never
// invented.
std::optional<DateSpan> SentenceDate(std::string_view sentence, const Date& anchor,
                                     const Date& previous, size_t* at = nullptr,
                                     bool anchored = true);

}  // namespace dyad::en

#endif  // DYAD_ENGLISH_H_
