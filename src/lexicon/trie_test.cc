#include "dyad/trie.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace dyad {
namespace {

TEST(TrieTest, PrefixMatchesShortestFirst) {
  Trie t = Trie::Build({{"김정은", 0}, {"김정은 위원장", 1}, {"김", 2}});
  std::vector<std::pair<size_t, int32_t>> got;
  t.PrefixMatches("김정은 위원장이", 0, [&](size_t len, int32_t v) { got.emplace_back(len, v); });
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], (std::pair<size_t, int32_t>{3, 2}));
  EXPECT_EQ(got[1], (std::pair<size_t, int32_t>{9, 0}));
  EXPECT_EQ(got[2], (std::pair<size_t, int32_t>{19, 1}));
  EXPECT_EQ(t.Find("김정"), -1);
  EXPECT_EQ(t.Find("김정은"), 0);
}

// The trie against a brute-force scan of every key, on random byte strings.
TEST(TrieTest, MatchesBruteForceOnRandomKeys) {
  std::mt19937 rng(7);
  std::vector<std::pair<std::string, int32_t>> keys;
  auto random_string = [&](int max_len) {
    std::string s;
    int n = 1 + static_cast<int>(rng() % max_len);
    for (int i = 0; i < n; ++i) s += static_cast<char>('a' + rng() % 4);
    return s;
  };
  for (int i = 0; i < 300; ++i) keys.emplace_back(random_string(6), i);
  Trie t = Trie::Build(keys);
  std::map<std::string, int32_t> last;  // duplicates keep the last value
  for (auto& [k, v] : keys) last[k] = v;
  for (int i = 0; i < 500; ++i) {
    std::string text = random_string(10);
    size_t pos = rng() % text.size();
    std::vector<std::pair<size_t, int32_t>> fast, slow;
    t.PrefixMatches(text, pos, [&](size_t len, int32_t v) { fast.emplace_back(len, v); });
    for (size_t len = 1; pos + len <= text.size(); ++len) {
      auto it = last.find(text.substr(pos, len));
      if (it != last.end()) slow.emplace_back(len, it->second);
    }
    ASSERT_EQ(fast, slow) << text << " @" << pos;
  }
}

TEST(TrieTest, EmptyTrieMatchesNothing) {
  Trie t = Trie::Build({});
  int calls = 0;
  t.PrefixMatches("abc", 0, [&](size_t, int32_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace dyad
