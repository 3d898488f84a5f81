// Small UTF-8 helpers used across the text layers. All functions work on bytes and never read
// past the end; invalid sequences are reported, not repaired.
#ifndef DYAD_UTF8_H_
#define DYAD_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::utf8 {

// Byte offset of the first invalid sequence, or npos when s is valid UTF-8.
size_t FindInvalid(std::string_view s);
inline bool IsValid(std::string_view s) { return FindInvalid(s) == std::string_view::npos; }
// `s` with every byte that does not begin a valid UTF-8 sequence replaced by U+FFFD; valid text
// comes back unchanged. Returns how many bytes were replaced.
size_t Sanitize(std::string* s);

// Decodes the code point at s[i] (s must be valid); sets *len to its byte length.
char32_t Decode(std::string_view s, size_t i, int* len);
void Append(std::string* out, char32_t c);

inline bool IsHangulSyllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
inline bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
// Whitespace as PDF extraction leaves it: ASCII space/tab, no-break and ideographic spaces.
inline bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x3000;
}

// Hangul syllable decomposition: index of lead (0-18), vowel (0-20), tail (0-27; 0 = none).
struct Jamo {
  int lead = 0, vowel = 0, tail = 0;
};
inline Jamo Decompose(char32_t s) {
  int i = static_cast<int>(s - 0xAC00);
  return {i / (21 * 28), (i / 28) % 21, i % 28};
}
inline char32_t Compose(Jamo j) {
  return static_cast<char32_t>(0xAC00 + (j.lead * 21 + j.vowel) * 28 + j.tail);
}
// The last code point of s (s valid, non-empty), or 0.
char32_t Last(std::string_view s);

// s with its ASCII letters in upper case; other bytes (UTF-8 included) as they are.
inline std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// Without leading and trailing spaces, tabs and carriage returns (the ASCII ones only).
inline std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}
// s cut to at most `max_bytes` at a character boundary, with "…" after it when cut.
std::string Shorten(std::string_view s, size_t max_bytes);
// Whether the last syllable of s has a final consonant (batchim); false if not Hangul.
bool HasBatchim(std::string_view s);

}  // namespace dyad::utf8

#endif  // DYAD_UTF8_H_
