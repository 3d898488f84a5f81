// An immutable byte trie for dictionary matching: every key that is a prefix of the text at a
// position, found in one walk. Keys are UTF-8 strings (multi-word keys hold single spaces).
//
// Build once from (key, value) pairs; the trie is read-only afterwards and its const methods are
// safe from many threads.
//
//   Trie t = Trie::Build({{"김정은", 0}, {"김정은 위원장", 1}});
//   t.PrefixMatches("김정은 위원장이", 0, [](size_t len, int32_t v) { … });  // 9 → 0, 19 → 1
#ifndef DYAD_TRIE_H_
#define DYAD_TRIE_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad {

class Trie {
 public:
  // Duplicate keys keep the last value.
  static Trie Build(std::vector<std::pair<std::string, int32_t>> entries);

  // Calls fn(length, value) for each key equal to text.substr(pos, length), shortest first.
  template <typename Fn>
  void PrefixMatches(std::string_view text, size_t pos, Fn&& fn) const {
    if (nodes_.empty()) return;
    uint32_t node = 0;
    for (size_t i = pos; i < text.size(); ++i) {
      node = Child(node, static_cast<uint8_t>(text[i]));
      if (node == kNone) return;
      if (nodes_[node].value >= 0) fn(i - pos + 1, nodes_[node].value);
    }
  }
  // The value of exactly `key`, or -1.
  int32_t Find(std::string_view key) const;
  size_t node_count() const { return nodes_.size(); }

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFF;
  struct Node {
    uint32_t first_edge = 0;
    uint16_t edge_count = 0;
    int32_t value = -1;
    int32_t dense = -1;  // a node of many edges: its row of 256 children in dense_
  };
  static constexpr uint16_t kDenseFrom = 12;  // edges from which a node gets a row
  // Inline: PrefixMatches calls it once per byte of every word the coder reads. A wide node
  // (the root, a syllable's lead bytes) is one load; a narrow one a short scan.
  uint32_t Child(uint32_t node, uint8_t byte) const {
    const Node& n = nodes_[node];
    if (n.dense >= 0) return dense_[static_cast<size_t>(n.dense) * 256 + byte];
    const uint8_t* b = edge_bytes_.data() + n.first_edge;
    for (uint16_t k = 0; k < n.edge_count; ++k)
      if (b[k] >= byte) return b[k] == byte ? edge_targets_[n.first_edge + k] : kNone;
    return kNone;
  }

  std::vector<Node> nodes_;
  std::vector<uint8_t> edge_bytes_;  // sorted within a node
  std::vector<uint32_t> edge_targets_;
  std::vector<uint32_t> dense_;  // rows of 256 children (kNone: none)
};

}  // namespace dyad

#endif  // DYAD_TRIE_H_
