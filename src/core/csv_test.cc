#include "dyad/csv.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

std::vector<std::string> ReadBack(const std::string& text) {
  size_t pos = 0;
  int line = 1;
  CsvRecord r;
  std::string error;
  EXPECT_TRUE(NextCsvRecord(text, &pos, &line, &r, &error)) << error;
  return r.cells;
}

// A cell a spreadsheet would run as a formula is written behind an apostrophe (OWASP's advice
// against CSV injection), and read back exactly (../shared/repro/csv-formula).
TEST(CsvTest, FormulasAreNeutralisedAndReadBackExactly) {
  const std::vector<std::string> cells = {"=HYPERLINK(\"http://evil.example/\")",
                                          "+1+1",
                                          "-2+3",
                                          "@SUM(A1:A9)",
                                          "\tx",
                                          "\rx",
                                          "'=already",
                                          "''=twice",
                                          "'plain",
                                          "-5.0",
                                          "+7",
                                          "1e3",
                                          "-",
                                          "2024-06-19",
                                          "plain, text",
                                          "",
                                          "say \"hi\""};
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) line += ',';
    AppendCsvField(&line, cells[i]);
  }
  EXPECT_EQ(line.rfind("'=HYPERLINK", 0) == 0 || line.rfind("\"'=HYPERLINK", 0) == 0, true) << line;
  EXPECT_NE(line.find(",'+1+1,"), std::string::npos) << line;
  EXPECT_NE(line.find(",'@SUM(A1:A9),"), std::string::npos) << line;
  EXPECT_NE(line.find(",-5.0,+7,1e3,"), std::string::npos) << "numbers stay numbers: " << line;
  EXPECT_EQ(ReadBack(line), cells);
  EXPECT_EQ(NeutraliseFormula("'=already"), "''=already");
  EXPECT_EQ(RestoreFormula("''=already"), "'=already");
  EXPECT_EQ(RestoreFormula("'plain"), "'plain");  // not a guard: left as it is
  EXPECT_EQ(NeutraliseFormula("-"), "'-");
}

}  // namespace
}  // namespace dyad
