#include "dyad/event_io.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "dyad/coder.h"
#include "dyad/store.h"
#include "testing.h"

namespace dyad {
namespace {

using testing::WriteScratch;

std::string Scratch(const std::string& name) {
  return WriteScratch(name, "");  // creates the directory; the writer overwrites the file
}

ReadContext Context() {
  auto res = testing::Shipped();
  return ReadContext{&res->lexicon.countries(), &res->codebook, {}};
}

std::vector<Event> ReadAll(const std::string& path, EventFormat f,
                           std::vector<std::string>* problems, ReadStats* stats = nullptr) {
  std::vector<Event> out;
  Result<ReadStats> r = ReadEvents(
      path, f, Context(), [&](Event&& e) { out.push_back(e); }, problems);
  EXPECT_TRUE(r.ok()) << r.status().message();
  if (stats != nullptr && r.ok()) *stats = *r;
  return out;
}

// Events coded from a brief, with a quotation holding commas and quotes, a cell holding a line
// break, and an id: everything a table cell must survive. (A quotation never holds a line
// break: repair joins wrapped lines, and tables keep one quotation per line.)
std::vector<Event> Sample() {
  auto res = testing::Shipped();
  Coder coder(res);
  auto doc = DecodeText(
      " 표 1. 2023년 북한 주요 담화·성명 \n날짜 내용 \n"
      "7/20 강순남 국방상, 미 전략핵잠수함 부산 기항 비난 담화 발표(조선중앙통신): \n"
      "- “핵무기 사용 조건에 해당할 수 있다” \n\n"
      "2024년 6월 19일 푸틴 대통령은 평양을 방문해 김정은 국무위원장과 정상회담을 가졌다.\n",
      "brief.txt");
  EXPECT_TRUE(doc.ok());
  auto coded = coder.Code(*doc, {});
  EXPECT_TRUE(coded.ok());
  std::vector<Event> ev = coded->events;
  EXPECT_GE(ev.size(), 2u);
  ev[0].quotes.push_back("a, \"quoted\" line");
  ev[0].attribution = "조선중앙통신\n(reprinted by 노동신문)";
  ev[0].id = "20230720-1";
  return ev;
}

void ExpectSameCore(const Event& a, const Event& b) {
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.target, b.target);
  EXPECT_EQ(a.source_country, b.source_country);
  EXPECT_EQ(a.target_country, b.target_country);
  EXPECT_EQ(a.source_name, b.source_name);
  EXPECT_EQ(a.target_name, b.target_name);
  EXPECT_EQ(a.code, b.code);
  EXPECT_DOUBLE_EQ(a.goldstein, b.goldstein);
  EXPECT_EQ(a.quad_class, b.quad_class);
}

// Every field dyad's own formats carry (JSON Lines carries all mentions too).
void ExpectSameAll(const Event& a, const Event& b) {
  ExpectSameCore(a, b);
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.source_label_ko, b.source_label_ko);
  EXPECT_EQ(a.source_label_en, b.source_label_en);
  EXPECT_EQ(a.target_label_ko, b.target_label_ko);
  EXPECT_EQ(a.target_label_en, b.target_label_en);
  EXPECT_EQ(a.symmetric, b.symmetric);
  EXPECT_EQ(a.mode, b.mode);
  EXPECT_EQ(a.action_ko, b.action_ko);
  EXPECT_EQ(a.action_en, b.action_en);
  EXPECT_EQ(a.lang, b.lang);
  EXPECT_EQ(a.quotes, b.quotes);
  EXPECT_EQ(a.attribution, b.attribution);
  ASSERT_FALSE(b.mentions.empty());
  EXPECT_EQ(a.mentions[0].doc, b.mentions[0].doc);
  EXPECT_EQ(a.mentions[0].span_begin, b.mentions[0].span_begin);
  EXPECT_EQ(a.mentions[0].span_end, b.mentions[0].span_end);
  EXPECT_EQ(a.mentions[0].section, b.mentions[0].section);
  EXPECT_EQ(a.mentions[0].evidence, b.mentions[0].evidence);
}

std::vector<Event> RoundTrip(const std::vector<Event>& in, EventFormat f, const std::string& name) {
  std::string path = Scratch(name);
  auto w = OpenEventWriter(f, path);
  EXPECT_TRUE(w.ok()) << w.status().message();
  for (const Event& e : in) EXPECT_TRUE((*w)->Write(e).ok());
  EXPECT_TRUE((*w)->Finish().ok());
  w->reset();
  std::vector<std::string> problems;
  std::vector<Event> out = ReadAll(path, f, &problems);
  EXPECT_TRUE(problems.empty()) << problems.front();
  return out;
}

TEST(EventIoTest, JsonLinesRoundTripKeepsEveryField) {
  std::vector<Event> in = Sample();
  std::vector<Event> out = RoundTrip(in, EventFormat::kJsonl, "rt/events.jsonl");
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    ExpectSameAll(in[i], out[i]);
    ASSERT_EQ(in[i].mentions.size(), out[i].mentions.size());
    for (size_t m = 0; m < in[i].mentions.size(); ++m) {
      EXPECT_EQ(in[i].mentions[m].doc, out[i].mentions[m].doc);
      EXPECT_EQ(in[i].mentions[m].span_begin, out[i].mentions[m].span_begin);
      EXPECT_EQ(in[i].mentions[m].date.begin, out[i].mentions[m].date.begin);
    }
  }
}

TEST(EventIoTest, CsvRoundTripKeepsEveryField) {
  std::vector<Event> in = Sample();
  std::vector<Event> out = RoundTrip(in, EventFormat::kCsv, "rt/events.csv");
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) ExpectSameAll(in[i], out[i]);
}

TEST(EventIoTest, XlsxRoundTripKeepsEveryField) {
  std::vector<Event> in = Sample();
  std::vector<Event> out = RoundTrip(in, EventFormat::kXlsx, "rt/events.xlsx");
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) ExpectSameAll(in[i], out[i]);
}

TEST(EventIoTest, GdeltRoundTripKeepsWhatGdeltCarries) {
  std::vector<Event> in = Sample();
  in[0].id = "1093756487";
  std::vector<Event> out = RoundTrip(in, EventFormat::kGdelt, "rt/events.tsv");
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    ExpectSameCore(in[i], out[i]);
    EXPECT_EQ(out[i].mentions[0].doc, in[i].mentions[0].doc);  // SOURCEURL
  }
  EXPECT_EQ(out[0].id, "1093756487");
  EXPECT_EQ(out[1].id, "2");  // no numeric id: the row's number
}

TEST(EventIoTest, GdeltSampleLoadsWholeIncludingRowsWithoutUrl) {
  std::string path =
      std::string(DYAD_DATA_DIR) + "/../../shared/data/gdelt/gdelt1-events-sample-20160728.tsv";
  if (!std::ifstream(path)) GTEST_SKIP() << "../shared is not beside the clone";
  std::vector<std::string> problems;
  ReadStats st;
  std::vector<Event> ev = ReadAll(path, EventFormat::kGdelt, &problems, &st);
  EXPECT_TRUE(problems.empty()) << problems.front();
  EXPECT_EQ(st.rows, 710);
  ASSERT_EQ(ev.size(), 710u);
  int without_url = 0;
  for (const Event& e : ev) {
    EXPECT_FALSE(e.code.empty());
    EXPECT_GE(e.quad_class, 1);
    if (e.mentions[0].doc == path) ++without_url;
  }
  EXPECT_EQ(without_url, 201);  // the 57-field rows
  // The first row of the file, field by field.
  const Event& first = ev[0];
  EXPECT_EQ(first.id, "564111644");
  EXPECT_EQ(first.date.begin.ToIso(), "2006-07-31");
  EXPECT_EQ(first.source, "USA");
  EXPECT_EQ(first.code, "010");
  EXPECT_EQ(first.mentions[0].span_begin, 0u);
}

// A tab-separated row of the fields, as GDELT writes them.
std::string TabRow(const std::vector<std::string>& fields) {
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) row += (i ? "\t" : "") + fields[i];
  return row;
}

TEST(EventIoTest, MalformedGdeltRowsAreReportedWithTheirLineAndSkipped) {
  std::vector<std::string> f(58);
  f[0] = "1";
  f[1] = "20240619";
  f[5] = "RUS";
  f[15] = "PRK";
  f[26] = "042";
  f[29] = "1";
  f[30] = "1.9";
  f[57] = "http://example.org/a";
  std::string row = TabRow(f);
  std::string bad_date = row;
  bad_date.replace(bad_date.find("20240619"), 8, "20241340");
  std::string path = WriteScratch(
      "gdelt/bad.tsv", row + "\n" + "only\tthree\tfields\n" + bad_date + "\n" + row + "\n");
  std::vector<std::string> problems;
  ReadStats st;
  std::vector<Event> ev = ReadAll(path, EventFormat::kGdelt, &problems, &st);
  EXPECT_EQ(ev.size(), 2u);
  EXPECT_EQ(st.skipped, 2);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], path + ":2: 3 fields; a GDELT event row has 57, 58 or 61");
  EXPECT_EQ(problems[1], path + ":3: SQLDATE '20241340' is not YYYYMMDD");
}

TEST(EventIoTest, GdeltTwoRowsHave61Fields) {
  std::vector<std::string> f(61);
  f[0] = "1104583271";
  f[1] = "20230721";
  f[5] = "KORMIL";
  f[7] = "KOR";
  f[15] = "PRK";
  f[17] = "PRK";
  f[26] = "130";
  f[29] = "3";
  f[30] = "-4.4";
  f[59] = "20230721120000";
  f[60] = "https://example.org/b";
  std::string row = TabRow(f);
  std::string path = WriteScratch("gdelt/v2.tsv", row + "\n");
  std::vector<std::string> problems;
  std::vector<Event> ev = ReadAll(path, EventFormat::kGdelt, &problems);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].mentions[0].doc, "https://example.org/b");
  EXPECT_EQ(ev[0].source_country, "KOR");
  EXPECT_DOUBLE_EQ(ev[0].goldstein, -4.4);
  EXPECT_EQ(GuessFormat("x.CSV", row), EventFormat::kGdelt);
}

TEST(EventIoTest, IcewsRowsBecomeStateAndSectorCodes) {
  std::string header =
      "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO "
      "Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence "
      "Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n";
  std::string rows =
      "926685\t2013-02-12\tNorth Korea\t\tNorth Korea\tMake statement\t10\t0.0\tSouth Korea\t\t"
      "South Korea\t28179349\t1\tYonhap\tSeoul\t\t\tSouth Korea\t37.5\t127.0\n"
      "926690\t2013-02-12\tMilitary (South Korea)\tMilitary,Armed Forces\tSouth Korea\tThreaten\t"
      "130\t-4.4\tNorth Korea\tGovernment,Executive\tNorth Korea\t28179350\t2\tYonhap\t\t\t\t\t"
      "\t\n"
      "926691\t2013-02-12\tSomeone\t\tAtlantis\tMake statement\t010\t0.0\tNorth Korea\t\tNorth "
      "Korea\t28179351\t1\tYonhap\t\t\t\t\t\t\n";
  std::string path = WriteScratch("icews/events.tab", header + rows);
  EXPECT_EQ(GuessFormat(path, header), EventFormat::kIcews);
  std::vector<std::string> problems;
  std::vector<Event> ev = ReadAll(path, EventFormat::kIcews, &problems);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].source, "PRK");
  EXPECT_EQ(ev[0].target, "KOR");
  EXPECT_EQ(ev[0].code, "010");  // "10" padded
  EXPECT_EQ(ev[0].attribution, "Yonhap");
  EXPECT_EQ(ev[1].source, "KORMIL");
  EXPECT_EQ(ev[1].target, "PRKGOV");
  EXPECT_EQ(ev[1].quad_class, 3);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], path + ":4: Source Country 'Atlantis' is not a known state");
}

TEST(EventIoTest, BadRowsOfDyadFormatsNameTheirLineAndField) {
  std::string csv =
      WriteScratch("bad/events.csv",
                   "date,source,target,code\n2024-06-19,RUSGOV,PRKGOV,042\n2024-13-01,RUS,PRK,042\n"
                   "2024-06-19,RUS,PRK,999\n");
  std::vector<std::string> problems;
  std::vector<Event> ev = ReadAll(csv, EventFormat::kCsv, &problems);
  EXPECT_EQ(ev.size(), 1u);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], csv + ":3: date '2024-13-01' is not YYYY-MM-DD");
  EXPECT_EQ(problems[1], csv + ":4: code '999' is not a CAMEO event code");
  EXPECT_DOUBLE_EQ(ev[0].goldstein, 1.9);  // from the codebook

  std::string jsonl = WriteScratch(
      "bad/events.jsonl",
      "{\"date\":\"2024-06-19\",\"source\":\"RUS\",\"target\":\"PRK\",\"code\":\"042\"}\n"
      "not json\n{\"date\":\"2024-06-19\",\"target\":\"PRK\",\"code\":\"042\"}\n");
  problems.clear();
  ev = ReadAll(jsonl, EventFormat::kJsonl, &problems);
  EXPECT_EQ(ev.size(), 1u);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], jsonl + ":2: not a JSON object");
  EXPECT_EQ(problems[1], jsonl + ":3: field 'source' is missing or not a string");

  std::string no_header = WriteScratch("bad/other.csv", "a,b,c\n1,2,3\n");
  std::vector<Event> none;
  Result<ReadStats> r = ReadEvents(
      no_header, EventFormat::kCsv, Context(), [&](Event&& e) { none.push_back(e); }, &problems);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            no_header + ":1: the header lacks dyad's column(s) date, source, target, code");

  std::string not_zip = WriteScratch("bad/not.xlsx", "plain text");
  r = ReadEvents(
      not_zip, EventFormat::kXlsx, Context(), [&](Event&&) {}, &problems);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("not a zip file"), std::string::npos);
}

// A CSV is read a block at a time: records whose quoted fields hold line breaks are whole across
// the blocks, their line numbers right; a record longer than the bound is an error.
TEST(EventIoTest, CsvRecordsAreWholeAcrossBlocks) {
  std::string text = "date,source,target,code,evidence\n";
  const int rows = 30000;  // about 3 MB: the records straddle the 1 MB blocks
  int line = 2;
  std::vector<int> lines;
  for (int i = 0; i < rows; ++i) {
    lines.push_back(line);
    std::string words = "row " + std::to_string(i) + std::string(40, 'x');
    if (i % 7 == 0) {  // a quoted field over three lines
      text += "2024-06-19,RUS,PRK,042,\"" + words + "\nsecond, \"\"quoted\"\"\r\nthird\"\r\n";
      line += 3;
    } else {
      text += "2024-06-19,RUS,PRK,042," + words + "\n";
      line += 1;
    }
  }
  std::string csv = WriteScratch("blocks/events.csv", text);
  std::vector<std::string> problems;
  std::vector<Event> ev = ReadAll(csv, EventFormat::kCsv, &problems);
  ASSERT_TRUE(problems.empty()) << problems.front();
  ASSERT_EQ(ev.size(), static_cast<size_t>(rows));
  for (int i = 0; i < rows; i += 997) {
    std::string words = "row " + std::to_string(i) + std::string(40, 'x');
    EXPECT_EQ(ev[i].Primary().evidence,
              i % 7 == 0 ? words + "\nsecond, \"quoted\"\r\nthird" : words)
        << "row " << i;
  }
  // A bad row deep in the file is named by its line.
  std::string bad = text + "2024-13-01,RUS,PRK,042,late\n";
  std::string bad_csv = WriteScratch("blocks/bad.csv", bad);
  problems.clear();
  ev = ReadAll(bad_csv, EventFormat::kCsv, &problems);
  EXPECT_EQ(ev.size(), static_cast<size_t>(rows));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0],
            bad_csv + ":" + std::to_string(line) + ": date '2024-13-01' is not YYYY-MM-DD");
  // A quote never closed: past 16 MB it is an error, not a file read whole.
  std::string open = "date,source,target,code\n2024-06-19,RUS,PRK,\"" + std::string(17 << 20, 'a');
  std::string open_csv = WriteScratch("blocks/open.csv", open);
  Result<ReadStats> r = ReadEvents(
      open_csv, EventFormat::kCsv, Context(), [&](Event&&) {}, &problems);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find(open_csv + ":2: a record longer than 16 MB"),
            std::string::npos)
      << r.status().message();
}

TEST(EventIoTest, ImportIsOneTransactionAndOnceOnly) {
  std::string db = Scratch("import/store.db");
  std::remove(db.c_str());
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok());
  std::vector<Event> in = Sample();
  {
    auto batch = (*store)->BeginImport({"events.jsonl", "jsonl", "abc", "events"});
    ASSERT_TRUE(batch.ok());
    for (const Event& e : in) ASSERT_TRUE((*batch)->Add(e).ok());
    // Dropped without Commit: nothing stays.
  }
  EXPECT_TRUE((*store)->Events({})->empty());
  {
    auto batch = (*store)->BeginImport({"events.jsonl", "jsonl", "abc", "events"});
    ASSERT_TRUE(batch.ok());
    for (const Event& e : in) ASSERT_TRUE((*batch)->Add(e).ok());
    auto r = (*batch)->Commit();
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->events_added, static_cast<long long>(in.size()));
  }
  auto again = (*store)->BeginImport({"copy.jsonl", "jsonl", "abc", "events"});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE((*again)->already_present());
  again->reset();
  auto stored = (*store)->Events({});
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), in.size());
  EXPECT_EQ(stored->front().id, in.front().id);
  EXPECT_EQ(stored->front().mentions[0].doc, in.front().mentions[0].doc);
}

}  // namespace
}  // namespace dyad
