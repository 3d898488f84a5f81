// Repair of text as PDF extraction leaves it, keeping the map back to the extracted bytes.
//
// Briefs extracted from PDF arrive hard-wrapped at a fixed width (often inside a word), with a
// blank line after every line, running headers and page numbers between paragraphs, footnote
// numerals glued to sentence ends ("…회담이었다.1") and chronology tables flattened to lines.
// Repair turns that into blocks — paragraphs, headings, table titles and table rows — whose text
// is what analysis reads:
//   * wrapped lines are joined with no space unless the line ended (or the next began) with one;
//   * blank lines are paragraph breaks only when the document does not double every line;
//   * page numbers, repeated lines and known running headers are dropped;
//   * footnote numerals after a sentence end are removed;
//   * runs of whitespace become one space.
//
// Offset invariant: for every byte i of `text`, offsets[i] is the byte of the extracted text it
// came from, and offsets is non-decreasing; offsets[text.size()] is one past the last byte used.
// A block [b, e) of `text` therefore spans extracted bytes [offsets[b], offsets[e-1] + len),
// which SpanOf computes.
#ifndef DYAD_REPAIR_H_
#define DYAD_REPAIR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad {

// kTableQuote: a quotation line under a row of a statements table ("- “…”"), kept apart from
// the row so that what was said is not read as what was done.
enum class BlockKind { kParagraph, kHeading, kTableTitle, kTableHeader, kTableRow, kTableQuote };

struct Block {
  BlockKind kind;
  uint32_t begin;  // byte range in CleanText::text
  uint32_t end;
};

struct RepairOptions {
  // Lines dropped wherever they stand (running headers of brief series), matched after trimming.
  std::vector<std::string> running_headers;
  // Join wrapped lines with a space (English); Korean PDFs wrap inside words and join without.
  bool join_with_space = false;
  // Endings that close a Korean word (를, 는, 에서): a line wrapped after one joins the next with
  // a space even where the extraction dropped it (words_ko.tsv, kind word_final).
  std::vector<std::string> word_final;
};

struct CleanText {
  std::string text;
  std::vector<uint32_t> offsets;  // size text.size() + 1
  std::vector<Block> blocks;
  // Characters read narrower than their source ("６" as "6"): clean byte → source length,
  // sorted by clean byte. SpanOf ends a span at the source character's end.
  std::vector<std::pair<uint32_t, uint8_t>> wide;

  std::string_view Slice(uint32_t b, uint32_t e) const {
    return std::string_view(text).substr(b, e - b);
  }
  // The extracted-text byte range [first, last) that clean bytes [b, e) came from.
  std::pair<uint32_t, uint32_t> SpanOf(uint32_t b, uint32_t e) const;
};

CleanText RepairExtracted(std::string_view extracted, const RepairOptions& options = {});

// Whether a line opens a chronology-table row: "6/12 …", "7/25~7/27 …", "10/28~11/6", "9/12-9/17".
// On success sets *date_len to the bytes of the date cell.
bool IsTableRowStart(std::string_view line, size_t* date_len);

}  // namespace dyad

#endif  // DYAD_REPAIR_H_
