// Word-processor documents: DOCX (word/document.xml) and HWPX (Contents/section*.xml), the XML
// inside the zip read with expat. Paragraphs become lines; a table row becomes one line of its
// cells, as a chronology table reads in a brief ("6/12 김정은, 푸틴에 축전 전달").
#include "text/office.h"

#include <string>
#include <vector>

#include "core/xml.h"
#include "core/zip.h"
#include "dyad/document.h"

namespace dyad {

namespace {

// The text of one body part. Element names arrive without their prefix: DOCX's w:p, w:t,
// w:tbl, w:tr, w:tc and HWPX's hp:p, hp:t, hp:tbl, hp:tr, hp:tc share them.
class BodyText {
 public:
  Status Read(std::string_view part, const std::string& where) {
    xml::Handlers h;
    h.start = [this](std::string_view name, const char**) { Start(name); };
    h.end = [this](std::string_view name) { End(name); };
    h.text = [this](std::string_view text) {
      if (in_text_ > 0) line_ += text;
    };
    return xml::Parse(part, where, &h);
  }
  std::string& text() {
    Flush();
    return out_;
  }

 private:
  void Start(std::string_view name) {
    if (name == "t") {
      ++in_text_;
    } else if (name == "tab") {
      line_ += ' ';
    } else if (name == "br" || name == "cr" || name == "lineBreak") {
      // A break inside a table cell keeps the row on one line.
      if (table_ > 0)
        line_ += ' ';
      else
        Flush();
    } else if (name == "tbl") {
      if (table_++ == 0) Flush();
    } else if (name == "tc" && table_ == 1 && !line_.empty() && line_.back() != ' ') {
      line_ += ' ';
    }
  }
  void End(std::string_view name) {
    if (name == "t") {
      --in_text_;
    } else if (name == "p") {
      // A paragraph in a cell is part of its row.
      if (table_ > 0) {
        if (!line_.empty() && line_.back() != ' ') line_ += ' ';
      } else {
        Flush();
      }
    } else if (name == "tr" && table_ == 1) {
      Flush();
    } else if (name == "tbl") {
      if (--table_ == 0) Flush();
    }
  }
  // Ends the line: trailing spaces trimmed, runs of spaces left as written. A blank line
  // follows, so repair reads each paragraph and row as its own block, not as a wrapped line.
  void Flush() {
    while (!line_.empty() && line_.back() == ' ') line_.pop_back();
    size_t start = line_.find_first_not_of(' ');
    if (start != std::string::npos) out_ += line_.substr(start) + "\n\n";
    line_.clear();
  }

  std::string out_, line_;
  int in_text_ = 0;
  int table_ = 0;
};

Result<Document> Finish(std::string text, const std::string& path, const char* format,
                        const char* what) {
  Result<Document> doc = DecodeText(text, path);
  if (!doc.ok())
    return Status::InvalidInput(path + ": no text in the " + what + " (" + doc.status().message() +
                                ")");
  doc->format = format;
  doc->encoding = "utf-8";
  return doc;
}

}  // namespace

Result<Document> ExtractOffice(const std::string& path) {
  zip::Archive zip(path);
  if (zip.get() == nullptr) return Status::InvalidInput(path + ": a damaged zip file");
  if (zip.Has("word/document.xml")) {
    Result<std::string> part = zip::ReadPart(zip, path, "word/document.xml");
    if (!part.ok()) return part.status();
    BodyText body;
    if (Status s = body.Read(*part, path + ":word/document.xml"); !s.ok()) return s;
    return Finish(std::move(body.text()), path, "docx", "Word document");
  }
  if (zip.Has("Contents/section0.xml")) {
    // A Hangul document: its sections in order.
    BodyText body;
    for (int i = 0;; ++i) {
      std::string name = "Contents/section" + std::to_string(i) + ".xml";
      if (!zip.Has(name)) break;
      Result<std::string> part = zip::ReadPart(zip, path, name);
      if (!part.ok()) return part.status();
      if (Status s = body.Read(*part, path + ":" + name); !s.ok()) return s;
    }
    return Finish(std::move(body.text()), path, "hwpx", "Hangul (HWPX) document");
  }
  if (zip.Has("xl/workbook.xml"))
    return Status::InvalidInput(path +
                                ": an Excel workbook, not a document; dyad import reads a "
                                "workbook of events");
  return Status::InvalidInput(path + ": a zip file that is neither DOCX nor HWPX");
}

}  // namespace dyad
