#include "dyad/trie.h"

#include <algorithm>

namespace dyad {

Trie Trie::Build(std::vector<std::pair<std::string, int32_t>> entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Trie t;
  if (entries.empty()) return t;
  // Breadth-first over ranges of sorted keys sharing a prefix: each node's children are the
  // distinct bytes at its depth, so edges of a node are contiguous and sorted.
  struct Work {
    uint32_t node;
    size_t lo, hi, depth;
  };
  t.nodes_.push_back(Node{});
  std::vector<Work> queue{{0, 0, entries.size(), 0}};
  for (size_t q = 0; q < queue.size(); ++q) {
    Work w = queue[q];
    size_t i = w.lo;
    // Keys ending exactly here give the node its value (last duplicate wins).
    while (i < w.hi && entries[i].first.size() == w.depth)
      t.nodes_[w.node].value = entries[i++].second;
    t.nodes_[w.node].first_edge = static_cast<uint32_t>(t.edge_bytes_.size());
    std::vector<Work> children;
    while (i < w.hi) {
      uint8_t b = static_cast<uint8_t>(entries[i].first[w.depth]);
      size_t j = i;
      while (j < w.hi && static_cast<uint8_t>(entries[j].first[w.depth]) == b) ++j;
      uint32_t child = static_cast<uint32_t>(t.nodes_.size());
      t.nodes_.push_back(Node{});
      t.edge_bytes_.push_back(b);
      t.edge_targets_.push_back(child);
      queue.push_back({child, i, j, w.depth + 1});
      i = j;
    }
    t.nodes_[w.node].edge_count =
        static_cast<uint16_t>(t.edge_bytes_.size() - t.nodes_[w.node].first_edge);
  }
  for (Node& n : t.nodes_) {
    if (n.edge_count < kDenseFrom) continue;
    n.dense = static_cast<int32_t>(t.dense_.size() / 256);
    t.dense_.resize(t.dense_.size() + 256, kNone);
    for (uint16_t k = 0; k < n.edge_count; ++k)
      t.dense_[static_cast<size_t>(n.dense) * 256 + t.edge_bytes_[n.first_edge + k]] =
          t.edge_targets_[n.first_edge + k];
  }
  return t;
}

int32_t Trie::Find(std::string_view key) const {
  if (nodes_.empty()) return -1;
  uint32_t node = 0;
  for (char c : key) {
    node = Child(node, static_cast<uint8_t>(c));
    if (node == kNone) return -1;
  }
  return nodes_[node].value;
}

}  // namespace dyad
