#include "dyad/document.h"

#include <gtest/gtest.h>

#include "testing.h"

namespace dyad {
namespace {

using testing::WriteScratch;

TEST(DocumentTest, Utf8WithAndWithoutBom) {
  auto a = DecodeText("북한", "a.txt");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->encoding, "utf-8");
  auto b = DecodeText("\xEF\xBB\xBF북한", "b.txt");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->text, "북한");
}

TEST(DocumentTest, Cp949IsDetectedAndConverted) {
  // "북한과 러시아" in CP949 (EUC-KR range) plus 똠, which only CP949 (not EUC-KR) encodes.
  std::string cp949 = "\xBA\xCF\xC7\xD1\xB0\xFA \xB7\xAF\xBD\xC3\xBE\xC6 \x8C\x63";
  auto d = DecodeText(cp949, "legacy.txt");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->encoding, "cp949");
  EXPECT_EQ(d->text, "북한과 러시아 똠");
}

TEST(DocumentTest, Utf16WithBom) {
  std::string u16 = std::string("\xFF\xFE", 2) + std::string("\x81\xBD\x5C\xD5", 4);  // 북한
  auto d = DecodeText(u16, "u16.txt");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "북한");
}

TEST(DocumentTest, UndecodableBytesAreRefusedNotGarbled) {
  auto d = DecodeText("abc \xFF\xFF\xFF\xFF", "junk.bin");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("junk.bin: cannot decode"), std::string::npos);
}

TEST(DocumentTest, EmptyAndMissingFiles) {
  auto e = LoadDocument(WriteScratch("empty.txt", " \n\n\t"));
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("empty document"), std::string::npos);
  auto m = LoadDocument(std::string(DYAD_TEST_TMP) + "/does-not-exist.txt");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("does-not-exist.txt: cannot open"), std::string::npos);
}

TEST(DocumentTest, CorruptPdfIsAnError) {
  auto d =
      LoadDocument(WriteScratch("broken.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage"));
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("broken.pdf"), std::string::npos);
}

}  // namespace
}  // namespace dyad
