#include "dyad/document.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <memory>
#include <vector>

#include "dyad/utf8.h"
#include "text/office.h"

namespace dyad {

namespace {

bool OnlyWhitespace(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    int len;
    char32_t c = utf8::Decode(s, i, &len);
    if (!utf8::IsSpace(c) && c != '\f' && c != 0xFEFF) return false;
    i += len;
  }
  return true;
}

// Converts with ICU, failing on the first byte sequence the converter cannot map rather than
// substituting U+FFFD: a wrong guess must be refused, not stored as mojibake.
Result<std::string> Convert(std::string_view bytes, const char* charset, const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset, &err), ucnv_close);
  if (U_FAILURE(err)) return Status::Internal(std::string("ICU has no converter for ") + charset);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::vector<UChar> u16(bytes.size() + 1);
  err = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv.get(), u16.data(), static_cast<int32_t>(u16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) return Status::InvalidInput(name + ": not decodable as " + charset);
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  for (int32_t i = 0; i < n; ++i) {
    char32_t c = u16[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n)
      c = 0x10000 + ((c - 0xD800) << 10) + (u16[++i] - 0xDC00);
    utf8::Append(&out, c);
  }
  return out;
}

Result<std::string> ReadFile(const std::string& path) {
  // One open, one fstat, one read: a run over many small documents pays for little else. A
  // device (/dev/zero), a FIFO or a folder never ends or is no document (O_NONBLOCK: opening a
  // FIFO does not wait for a writer); a file past the bound is refused before a byte is read.
  int fd = ::open(path.c_str(), O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path + ": cannot open file (missing or unreadable)");
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::InvalidInput(path + ": not a regular file");
  }
  if (static_cast<uintmax_t>(st.st_size) > kMaxDocumentFileBytes) {
    ::close(fd);
    return Status::InvalidInput(path + ": " + std::to_string(st.st_size >> 20) + " MB, past the " +
                                std::to_string(kMaxDocumentFileBytes >> 20) +
                                " MB a document may be; split it");
  }
  std::string out(static_cast<size_t>(st.st_size), '\0');
  size_t got = 0;
  while (got < out.size()) {
    ssize_t r = ::read(fd, out.data() + got, out.size() - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      ::close(fd);
      return Status::IoError(path + ": read error");
    }
    if (r == 0) break;  // the file shrank while read
    got += static_cast<size_t>(r);
  }
  out.resize(got);
  ::close(fd);
  return out;
}

}  // namespace

Result<Document> DecodeText(std::string_view bytes, const std::string& name) {
  Document doc;
  doc.path = name;
  doc.format = "text";
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    const char* cs = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    Result<std::string> t = Convert(bytes.substr(2), cs, name);
    if (!t.ok()) return t.status();
    doc.encoding = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    doc.text = std::move(t).value();
  } else if (size_t bad = utf8::FindInvalid(bytes); bad == std::string_view::npos) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    doc.encoding = "utf-8";
    doc.text = std::string(bytes);
  } else {
    // Not UTF-8: the legacy Korean encodings are the only others a Korean brief arrives in.
    // windows-949 is a superset of EUC-KR, so one converter covers both.
    Result<std::string> t = Convert(bytes, "windows-949", name);
    if (!t.ok()) {
      return Status::InvalidInput(name +
                                  ": cannot decode text: not UTF-8 (invalid byte at offset " +
                                  std::to_string(bad) + ") and not CP949/EUC-KR");
    }
    // windows-949 maps a few bytes no Korean text uses (0xFF…) to private-use characters;
    // such output means the guess was wrong.
    for (size_t i = 0; i < t->size();) {
      int len;
      char32_t c = utf8::Decode(*t, i, &len);
      bool control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
      if (control || (c >= 0xE000 && c <= 0xF8FF)) {
        return Status::InvalidInput(name +
                                    ": cannot decode text: not UTF-8 (invalid byte at offset " +
                                    std::to_string(bad) + ") and not CP949/EUC-KR");
      }
      i += len;
    }
    doc.encoding = "cp949";
    doc.text = std::move(t).value();
  }
  if (doc.text.find('\0') != std::string::npos)
    return Status::InvalidInput(name + ": contains NUL bytes; not a text document");
  if (OnlyWhitespace(doc.text)) return Status::InvalidInput(name + ": empty document (no text)");
  return doc;
}

Result<Document> LoadDocument(const std::string& path) {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  if (bytes->compare(0, 5, "%PDF-") == 0) return ExtractPdf(*bytes, path);
  if (bytes->compare(0, 4, "PK\x03\x04") == 0) {
    Result<Document> doc = ExtractOffice(path);
    if (doc.ok() && doc->text.size() > kMaxDocumentTextBytes)
      return Status::InvalidInput(path + ": its text is past the " +
                                  std::to_string(kMaxDocumentTextBytes >> 20) +
                                  " MB a document may hold; split it");
    return doc;
  }
  // An OLE2 compound file: old Word, Excel or Hangul binary formats.
  if (bytes->compare(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") == 0) {
    bool hwp = bytes->find("HWP Document File") != std::string::npos;
    return Status::InvalidInput(
        path + (hwp ? ": a Hangul binary (.hwp) document, which dyad does not read; save it "
                      "from Hangul as HWPX (한글 문서 .hwpx), DOCX or PDF"
                    : ": an old Office binary file (.doc, .xls, .ppt), which dyad does not "
                      "read; save it as DOCX or PDF"));
  }
  Result<Document> doc =
      LooksLikeHtml(*bytes, path) ? ExtractHtml(*bytes, path) : DecodeText(*bytes, path);
  if (doc.ok() && doc->text.size() > kMaxDocumentTextBytes)
    return Status::InvalidInput(
        path + ": " + std::to_string(doc->text.size() >> 20) + " MB of text, past the " +
        std::to_string(kMaxDocumentTextBytes >> 20) + " MB a document may hold; split it");
  return doc;
}

}  // namespace dyad
