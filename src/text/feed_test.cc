#include "dyad/feed.h"

#include <gtest/gtest.h>

#include "testing.h"

namespace dyad {
namespace {

TEST(FeedTest, JsonLinesItemsCarryTheirDatesAndBadLinesAreNamed) {
  std::string path = testing::WriteScratch(
      "feed/news.jsonl",
      "{\"id\":\"a1\",\"date\":\"2024-05-01\",\"text\":\"북한 외무성은 담화를 발표했다.\"}\n"
      "{\"date\":\"2024-13-01\",\"text\":\"x\"}\n"
      "not json\n"
      "\n"
      "{\"date\":20240620,\"text\":\"Japan condemned North Korea.\"}\n"
      "{\"date\":\"2024-06-21T09:33:00+09:00\"}\n");
  std::vector<std::string> problems;
  auto feed = ReadFeed(path, &problems);
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  ASSERT_EQ(feed->size(), 2u);
  EXPECT_EQ((*feed)[0].doc.path, path + "#a1");
  EXPECT_EQ((*feed)[0].date->ToIso(), "2024-05-01");
  EXPECT_EQ((*feed)[1].doc.path, path + ":5");
  EXPECT_EQ((*feed)[1].date->ToIso(), "2024-06-20");
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_NE(problems[0].find(":2: \"date\" '2024-13-01' is not a date"), std::string::npos);
  EXPECT_NE(problems[1].find(":3: not a JSON object"), std::string::npos);
  EXPECT_NE(problems[2].find(":6: no \"text\" string"), std::string::npos);
}

// Only the top level's "text", "date" and "id" count; the line must be one JSON value.
TEST(FeedTest, JsonLinesFieldsAtTheTopLevelOnly) {
  std::string path = testing::WriteScratch(
      "feed/fields.jsonl",
      "{\"meta\":{\"text\":\"nested\",\"date\":\"bad\"},\"text\":\"Seoul spoke.\",\"id\":7}\n"
      "{\"text\":\"a\"} trailing\n"
      "{\"text\":42}\n"
      "{\"text\":\"b\",\"date\":{\"y\":2024}}\n"
      "[\"text\",\"c\"]\n"
      "{\"text\":\"Tokyo \\u00e9 spoke.\",\"date\":null}\n");
  std::vector<std::string> problems;
  auto feed = ReadFeed(path, &problems);
  ASSERT_TRUE(feed.ok());
  ASSERT_EQ(feed->size(), 1u) << ::testing::PrintToString(problems);
  EXPECT_EQ((*feed)[0].doc.text, "Seoul spoke.");
  EXPECT_EQ((*feed)[0].doc.path, path + ":1");  // a number id is no name
  EXPECT_FALSE((*feed)[0].date.has_value());
  ASSERT_EQ(problems.size(), 5u);
  EXPECT_NE(problems[0].find(":2: not a JSON object"), std::string::npos);
  EXPECT_NE(problems[1].find(":3: no \"text\" string"), std::string::npos);
  EXPECT_NE(problems[2].find(":4: \"date\" '' is not a date"), std::string::npos);
  EXPECT_NE(problems[3].find(":5: not a JSON object"), std::string::npos);
  EXPECT_NE(problems[4].find(":6: \"date\" '' is not a date"), std::string::npos);
}

TEST(FeedTest, PetrarchStoryXml) {
  std::string path = testing::WriteScratch(
      "feed/stories.xml",
      "<Sentences><Sentence date=\"20150805\" id=\"S1\"><Text>Japan condemned North Korea."
      "</Text></Sentence><Sentence date=\"2015\" id=\"S2\"><Text>x</Text></Sentence>"
      "</Sentences>\n");
  std::vector<std::string> problems;
  auto feed = ReadFeed(path, &problems);
  ASSERT_TRUE(feed.ok());
  ASSERT_EQ(feed->size(), 1u);
  EXPECT_EQ((*feed)[0].date->ToIso(), "2015-08-05");
  EXPECT_EQ((*feed)[0].doc.path, path + "#S1");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("date '2015' is not a date"), std::string::npos);
  EXPECT_FALSE(
      ReadFeed(testing::WriteScratch("feed/broken.xml", "<Sentences><Sentence>"), &problems).ok());
}

TEST(FeedTest, FeedDates) {
  EXPECT_EQ(ParseFeedDate("20240619")->ToIso(), "2024-06-19");
  EXPECT_EQ(ParseFeedDate("2024-06-19T09:33:00Z")->ToIso(), "2024-06-19");
  EXPECT_FALSE(ParseFeedDate("June 19").has_value());
  EXPECT_TRUE(IsFeedPath("a.jsonl") && IsFeedPath("b.xml") && !IsFeedPath("c.txt"));
}

}  // namespace
}  // namespace dyad
