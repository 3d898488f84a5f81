// Feeds: many documents in one file, each with the date it was published.
//
// Two layouts are read:
//  * JSON Lines (.jsonl, .ndjson): one object a line with "text" (required), and "date"
//    ("2024-06-19", "20240619" or a timestamp "2024-06-19T09:33:00+09:00"), "id", "title";
//  * PETRARCH story XML (.xml): <Sentence date="20240619" id="…"><Text>…</Text></Sentence>,
//    the input format of the PETRARCH coders.
// A feed item's date is its document's date (dyad/document_date.h: a feed's field comes right
// after --date). A bad line or record is reported as "file:line: problem" and skipped; the
// others are read.
//
// Bounds: a JSON line or XML record of at most 16 MB, at most 1,000,000 items a feed.
#ifndef DYAD_FEED_H_
#define DYAD_FEED_H_

#include <optional>
#include <string>
#include <vector>

#include "dyad/date.h"
#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

struct FeedItem {
  Document doc;  // path: "FILE:LINE" (JSON Lines) or "FILE#ID" (XML, else "FILE:LINE")
  std::optional<Date> date;
};

// Whether a path names a feed by its extension (.jsonl, .ndjson, .xml).
bool IsFeedPath(const std::string& path);

// Reads a feed. Fails only when the file cannot be read or is no feed at all; bad items are
// named in *problems and skipped.
Result<std::vector<FeedItem>> ReadFeed(const std::string& path, std::vector<std::string>* problems);

// A feed's date field as a date: "2024-06-19", "20240619", "2024-06-19T09:33:00Z".
std::optional<Date> ParseFeedDate(std::string_view s);

}  // namespace dyad

#endif  // DYAD_FEED_H_
