package org.guizhoubot.solr;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.guizhoubot.App;
import org.guizhoubot.sqlite.IndexSnapshot;
import org.guizhoubot.sqlite.IndexStore;
import org.guizhoubot.index.MiniLmEmbedder;
import org.guizhoubot.retrieval.IndexView;
import org.guizhoubot.text.QueryTerms;
import org.guizhoubot.sqlite.SnapshotView;

/**
 * Where Solr's retrieval differs from SQLite's over the same passages and vectors: for each
 * question of the files, the overlap of the two vector top-40 lists (Solr's HNSW against the exact
 * scan) and of the two BM25 top-40 lists, and the time of each Solr request kind. Arguments: the
 * SQLite index.db, the ZooKeeper address, the alias, question files.
 */
public final class SolrCompare {
  private static final int K = 40;

  private SolrCompare() {}

  public static void main(String[] args) throws Exception {
    IndexSnapshot snap;
    try (IndexStore store = IndexStore.open(Path.of(args[0]))) {
      snap = store.loadSnapshot(App::vectorIndexFor, MiniLmEmbedder.DIMENSION);
    }
    SnapshotView sqlite = new SnapshotView(snap);
    String zk = args[1];
    int slash = zk.indexOf('/');
    var settings = new org.guizhoubot.config.SolrSettings(List.of(zk.substring(0, slash)), zk.substring(slash),
        List.of(), args[2], 2, 2);
    ObjectMapper json = new ObjectMapper();
    try (SolrIndex solrIndex = SolrIndex.connect(settings); MiniLmEmbedder model = new MiniLmEmbedder()) {
      double vectorOverlap = 0;
      double bm25Overlap = 0;
      int vectorSame = 0;
      int bm25Same = 0;
      int n = 0;
      Map<String, List<Double>> times = new java.util.LinkedHashMap<>();
      for (int f = 3; f < args.length; f++) {
        for (String line : Files.readAllLines(Path.of(args[f]))) {
          if (line.isBlank()) {
            continue;
          }
          String question = json.readTree(line).get("question").asText();
          float[] q = model.embed(question);
          SolrView solr = time(times, "alias", () -> (SolrView) solrIndex.view().orElseThrow());
          time(times, "counts", solr::passageCount);
          time(times, "termStats", () -> solr.termStats(question));
          List<IndexView.Key> vs = keys(sqlite.nearest(q, K));
          List<IndexView.Key> vr = keys(time(times, "knn", () -> solr.nearest(q, K)));
          List<String> ts = terms(sqlite, question);
          List<String> tr = time(times, "passagesWith", () -> terms(solr, question));
          List<IndexView.Key> bs = keys(sqlite.keywords(ts, K));
          List<IndexView.Key> br = keys(time(times, "bm25", () -> solr.keywords(tr, K)));
          vectorOverlap += overlap(vs, vr);
          bm25Overlap += overlap(bs, br);
          vectorSame += vs.equals(vr) ? 1 : 0;
          bm25Same += bs.equals(br) ? 1 : 0;
          n++;
        }
      }
      System.out.printf(Locale.ROOT, "questions %d%n", n);
      System.out.printf(Locale.ROOT, "vector top-%d: mean overlap %.3f (HNSW recall against exact), same order %d/%d%n",
          K, vectorOverlap / n, vectorSame, n);
      System.out.printf(Locale.ROOT, "BM25 top-%d:   mean overlap %.3f, same order %d/%d%n", K, bm25Overlap / n, bm25Same, n);
      for (var e : times.entrySet()) {
        double[] ms = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "solr %-13s p50 %6.1f ms  p95 %6.1f ms%n", e.getKey(), ms[ms.length / 2],
            ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)]);
      }
    }
  }

  /** The question's BM25 terms as the retriever chooses them (no term in more than 15% of passages). */
  private static List<String> terms(IndexView view, String question) {
    List<String> candidates = QueryTerms.contentTerms(question);
    Map<String, Integer> hits = view.passagesWith(candidates);
    List<String> out = new ArrayList<>();
    for (String t : candidates) {
      int h = hits.getOrDefault(t, 0);
      if (h > 0 && (double) h / view.passageCount() <= 0.15) {
        out.add(t);
      }
    }
    return out;
  }

  private static List<IndexView.Key> keys(List<IndexView.Match> matches) {
    return matches.stream().map(IndexView.Match::key).toList();
  }

  private static double overlap(List<IndexView.Key> a, List<IndexView.Key> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    Set<IndexView.Key> s = new HashSet<>(a);
    return (double) b.stream().filter(s::contains).count() / Math.max(a.size(), b.size());
  }

  private static <T> T time(Map<String, List<Double>> times, String what, Supplier<T> work) {
    long t0 = System.nanoTime();
    T out = work.get();
    times.computeIfAbsent(what, k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
    return out;
  }

}
