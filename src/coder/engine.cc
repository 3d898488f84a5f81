#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <exception>

#include "coder/coder_en.h"
#include "coder/coder_ko.h"
#include "dyad/coder.h"
#include "dyad/segment.h"
#include "dyad/utf8.h"

namespace dyad {

Language DetectLanguage(std::string_view text) {
  // One pass over bytes, no decoding: a Hangul syllable (U+AC00..U+D7A3) is three bytes whose
  // lead is 0xEA..0xED; the first 256 KB tell the language.
  size_t hangul = 0, latin = 0;
  size_t n = std::min<size_t>(text.size(), 256 * 1024);
  for (size_t i = 0; i < n; ++i) {
    auto b = static_cast<unsigned char>(text[i]);
    hangul += b >= 0xEA && b <= 0xED;
    latin += (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
  }
  // A Hangul syllable carries about three letters' worth of text.
  return hangul * 3 >= latin / 2 ? Language::kKorean : Language::kEnglish;
}

namespace {

// The document's date, first found wins: the caller's (--date, a feed's field), the date an HTML
// page's markup declares, a header line or a dated genre of the text, the PDF's CreationDate.
std::optional<DocumentDate> DateOf(const Document& doc, const CodeOptions& options,
                                   const DocumentCues& cues) {
  if (options.date) return options.date;
  if (doc.declared_date) return DocumentDate{*doc.declared_date, DocumentDateSource::kMarkup, 0, 0};
  if (std::optional<DocumentDate> d = FindDocumentDate(doc.text, cues)) return d;
  if (doc.pdf_created) return DocumentDate{*doc.pdf_created, DocumentDateSource::kPdfInfo, 0, 0};
  return std::nullopt;
}

}  // namespace

Coder::Coder(std::shared_ptr<const Resources> resources) : res_(std::move(resources)) {}

namespace {

// A 64-bit hash stable across machines: FNV-1a's step over eight bytes at a time (little-endian
// words, the tail bytewise), folded after each word.
uint64_t Fnv1a(std::string_view bytes, uint64_t h = 1469598103934665603ull) {
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w = 0;
    for (int k = 7; k >= 0; --k) w = (w << 8) | static_cast<unsigned char>(bytes[i + k]);
    h = (h ^ w) * 1099511628211ull;
    h ^= h >> 32;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ull;
  return h;
}

// Every coded event gets an id stable for the same document coded the same way: the document's
// text, the event's first telling (its span), its sides, code and mode. It is what corrections
// and exports join on ("ev-" and 16 hex digits).
void AssignIds(const Document& doc, std::vector<Event>* events) {
  uint64_t text = Fnv1a(doc.text);
  char num[24];
  auto append_number = [&](std::string* s, uint64_t v) {
    auto r = std::to_chars(num, num + sizeof num, v);
    s->append(num, r.ptr);
  };
  std::string key;
  for (Event& e : *events) {
    if (!e.id.empty()) continue;
    // text[:begin-end]:source>target:code:mode:date, as the ids have always been made.
    key.clear();
    append_number(&key, text);
    if (!e.mentions.empty()) {
      key += ':';
      append_number(&key, e.mentions.front().span_begin);
      key += '-';
      append_number(&key, e.mentions.front().span_end);
    }
    key.append(":").append(e.source).append(">").append(e.target).append(":").append(e.code);
    key.append(":").append(ModeName(e.mode)).append(":").append(e.date.begin.ToIso());
    uint64_t h = Fnv1a(key);
    char hex[19] = {'e', 'v', '-'};
    for (int k = 0; k < 16; ++k) hex[3 + k] = "0123456789abcdef"[(h >> (60 - 4 * k)) & 0xF];
    e.id.assign(hex, 19);
  }
}

}  // namespace

Result<CodedDocument> Coder::Code(const Document& doc, const CodeOptions& options) const {
  // The analysers report problems as values; an exception here is a bug in dyad. Catch it at
  // the API boundary so one bad document never takes the process (and the other files) down.
  try {
    Result<CodedDocument> coded = CodeUnchecked(doc, options);
    if (coded.ok()) {
      AssignIds(doc, &coded->events);
      coded->given_year = options.year;
      if (options.date) coded->given_date = options.date->date;
      coded->given_self = options.self_country;
    }
    return coded;
  } catch (const std::exception& e) {
    return Status::Internal(doc.path + ": internal error while coding (" + e.what() +
                            "); please report it with the document");
  }
}

Result<CodedDocument> Coder::CodeUnchecked(const Document& doc, const CodeOptions& options) const {
  Language lang = options.lang == Language::kAuto ? DetectLanguage(doc.text) : options.lang;
  if (lang == Language::kEnglish) return CodeEnglishDocument(doc, options);
  CodedDocument out;
  out.lang = "ko";
  RepairOptions ro;
  ro.running_headers = res_->lexicon.running_headers();
  ro.word_final = res_->lexicon.korean_words().word_final;
  out.clean = RepairExtracted(doc.text, ro);
  if (out.clean.blocks.empty()) return Status::InvalidInput(doc.path + ": no text after repair");
  GlueBrokenWords(res_->lexicon, &out.clean);
  std::vector<Segment> segments = SegmentText(out.clean);
  out.date = DateOf(doc, options, res_->lexicon.document_cues());
  out.year = options.year != 0 ? options.year : KoreanDocumentYear(out.clean, segments);
  if (out.year == 0 && out.date) out.year = out.date->date.year;
  const DocumentCues& cues = res_->lexicon.document_cues();
  VoiceReading reading = ReadVoice(doc.text, cues);
  out.voice = options.self_country.empty() ? reading.voice : options.self_country;
  // Korean text that gives no voice away is most often written in the South.
  if (out.voice.empty()) out.voice = "KOR";
  for (const Segment& s : segments) {
    if (s.kind == Segment::Kind::kTableRow || s.kind == Segment::Kind::kQuote) continue;
    std::string_view t = out.clean.Slice(s.begin, s.end);
    out.title = std::string(t.substr(0, std::min<size_t>(t.size(), 120)));
    while (!out.title.empty() && (static_cast<unsigned char>(out.title.back()) & 0xC0) == 0x80)
      out.title.pop_back();
    if (!out.title.empty() && static_cast<unsigned char>(out.title.back()) >= 0xC0)
      out.title.pop_back();
    break;
  }
  KoreanInput in{res_.get(), &out.clean, &segments, doc.path, out.year, false, out.voice};
  in.year_given = options.year != 0;
  if (out.date) in.doc_date = out.date->date;
  in.author_speaks =
      out.date && (out.date->source == DocumentDateSource::kGenre || reading.first_person >= 3);
  std::vector<Event> events = CodeKorean(in, &out.unresolved);
  std::erase_if(events, [&](const Event& e) {
    return std::find(options.modes.begin(), options.modes.end(), e.mode) == options.modes.end();
  });
  out.events = options.merge ? MergeMentions(std::move(events)) : std::move(events);
  if (!options.merge) {
    std::stable_sort(out.events.begin(), out.events.end(),
                     [](const Event& a, const Event& b) { return a.date.begin < b.date.begin; });
  }
  return out;
}

Result<CodedDocument> Coder::CodeEnglishDocument(const Document& doc,
                                                 const CodeOptions& options) const {
  const petrarch::Dictionaries* dict = options.english;
  if (dict == nullptr && options.tabari == nullptr) {
    Status err;
    dict = res_->English(&err);
    if (dict == nullptr) return Status::InvalidInput(doc.path + ": " + err.message());
  }
  CodedDocument out;
  out.lang = "en";
  RepairOptions ro;
  ro.join_with_space = true;
  out.clean = RepairExtracted(doc.text, ro);
  if (out.clean.blocks.empty()) return Status::InvalidInput(doc.path + ": no text after repair");
  std::vector<Segment> segments = SegmentText(out.clean);
  out.date = DateOf(doc, options, res_->lexicon.document_cues());
  out.year = options.year != 0 ? options.year : EnglishDocumentYear(out.clean);
  if (out.year == 0 && out.date) out.year = out.date->date.year;
  if (!segments.empty()) {
    std::string_view t = out.clean.Slice(segments.front().begin, segments.front().end);
    out.title = std::string(t.substr(0, std::min<size_t>(t.size(), 120)));
  }
  EnglishInput in{res_.get(), dict, &out.clean, &segments, doc.path, out.year};
  if (out.date) in.doc_date = out.date->date;
  std::vector<Event> events = options.tabari != nullptr
                                  ? CodeTabari(in, *options.tabari, &out.unresolved)
                                  : CodeEnglish(in, &out.unresolved);
  std::erase_if(events, [&](const Event& e) {
    return std::find(options.modes.begin(), options.modes.end(), e.mode) == options.modes.end();
  });
  out.events = options.merge ? MergeMentions(std::move(events)) : std::move(events);
  return out;
}

}  // namespace dyad
