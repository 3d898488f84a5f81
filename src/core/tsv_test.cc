#include "dyad/tsv.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(TsvTest, HeaderCommentsAndLineNumbers) {
  auto t = TsvTable::Parse("# note\nid\tname\n\na\t김정은\nb\n", "x.tsv");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->Column("name"), 1);
  ASSERT_EQ(t->rows().size(), 2u);
  EXPECT_EQ(t->rows()[0].line, 4);
  EXPECT_EQ(Cell(t->rows()[1], 1), "");  // short row reads as empty cell
  EXPECT_EQ(t->Where(t->rows()[1]), "x.tsv:5: ");
}

TEST(TsvTest, RejectsInvalidUtf8WithLine) {
  auto t = TsvTable::Parse("id\n\xB1\xCF\n", "cp949.tsv");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("cp949.tsv:2"), std::string::npos);
}

TEST(TsvTest, SplitsAlternatives) {
  EXPECT_EQ(SplitAlternatives(" 북한 | 북 ||조선"),
            (std::vector<std::string>{"북한", "북", "조선"}));
  EXPECT_TRUE(SplitAlternatives("").empty());
}

}  // namespace
TEST(TsvTest, PrintedFieldsCannotForgeFieldsOrRows) {
  EXPECT_EQ(TsvField("plain 북한"), "plain 북한");
  EXPECT_EQ(TsvField("a\tb\nc\rd\\e"), "a\\tb\\nc\\rd\\\\e");
}

}  // namespace dyad
