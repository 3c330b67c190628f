package dev.rapport.crm.dedupe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Connected groups of matched pairs (union-find with path halving). */
final class Clusters {
  private Clusters() {}

  static List<List<Integer>> of(int size, List<DuplicateMatcher.Pair> pairs) {
    int[] parent = new int[size];
    for (int i = 0; i < size; i++) {
      parent[i] = i;
    }
    for (DuplicateMatcher.Pair p : pairs) {
      int a = root(parent, p.first());
      int b = root(parent, p.second());
      if (a != b) {
        parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      int r = root(parent, i);
      if (r != i || groups.containsKey(r)) {
        groups.computeIfAbsent(r, k -> new ArrayList<>(List.of(k))).add(i);
      }
    }
    List<List<Integer>> out = new ArrayList<>(groups.size());
    for (List<Integer> g : groups.values()) {
      out.add(List.copyOf(g));
    }
    return out;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
