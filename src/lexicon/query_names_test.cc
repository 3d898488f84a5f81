#include "dyad/query_names.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "testing.h"

namespace dyad {
namespace {

TEST(QueryNamesTest, CodesNamesAndOrganisations) {
  auto res = testing::Shipped();
  ASSERT_NE(res, nullptr);
  const Lexicon& lex = res->lexicon;
  auto is = [&](std::string_view name, std::string_view code) {
    Result<std::string> r = ResolveQueryName(lex, name);
    ASSERT_TRUE(r.ok()) << name << ": " << r.status().message();
    EXPECT_EQ(*r, code) << name;
  };
  is("PRK", "PRK");
  is("PRKGOV", "PRKGOV");
  is("IGOUNO", "IGOUNO");
  is("북한", "PRK");
  is("North Korea", "PRK");
  is("RUSSIA", "RUS");  // a name before a code that starts with RUS
  is("유엔", "IGOUNO");
  is("안보리", "IGOUNO");
  is("UN", "IGOUNO");
  is("U.N.", "IGOUNO");
  is("UNSC", "IGOUNO");
  is("NATO", "IGONAT");
  is("나토", "IGONAT");
}

TEST(QueryNamesTest, AnUnknownNameSuggestsTheNearest) {
  auto res = testing::Shipped();
  ASSERT_NE(res, nullptr);
  Result<std::string> r = ResolveQueryName(res->lexicon, "XYZ");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_NE(r.status().message().find("'XYZ' is no state or organisation"), std::string::npos);
  Result<std::string> typo = ResolveQueryName(res->lexicon, "Rusia");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.status().message().find("Russia"), std::string::npos) << typo.status().message();
  std::vector<std::string> near = NearestNames(res->lexicon, "북헌");
  ASSERT_EQ(near.size(), 3u);
  EXPECT_NE(std::find(near.begin(), near.end(), "북한"), near.end());
}

}  // namespace
}  // namespace dyad
