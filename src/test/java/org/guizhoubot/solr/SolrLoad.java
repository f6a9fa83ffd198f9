package org.guizhoubot.solr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guizhoubot.bench.FlatVectorIndex;
import org.guizhoubot.config.SolrSettings;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexChange;
import org.guizhoubot.sqlite.IndexSnapshot;
import org.guizhoubot.sqlite.IndexStore;
import org.guizhoubot.index.MiniLmEmbedder;
import org.guizhoubot.index.Passage;

/**
 * Copies a SQLite index (passages and their vectors, no embedding) into a Solr collection through
 * {@link SolrIndex#apply} as a rebuild, and prints the write throughput. Arguments: the index.db,
 * the ZooKeeper address (host:port/chroot), the alias, shards, replicas.
 */
public final class SolrLoad {
  private SolrLoad() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String zk = args[1];
    int slash = zk.indexOf('/');
    SolrSettings settings = new SolrSettings(List.of(zk.substring(0, slash)), zk.substring(slash), List.of(),
        args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
    IndexSnapshot snap;
    String model;
    try (IndexStore store = IndexStore.open(file)) {
      snap = store.loadSnapshot(FlatVectorIndex::new, MiniLmEmbedder.DIMENSION);
      model = store.meta().get("model");
    }
    Map<String, List<Integer>> byArticle = new LinkedHashMap<>();
    for (int i = 0; i < snap.passages().size(); i++) {
      byArticle.computeIfAbsent(snap.passages().get(i).passage().articleId(), a -> new ArrayList<>()).add(i);
    }
    List<IndexChange.Upsert> upserts = new ArrayList<>();
    for (var e : byArticle.entrySet()) {
      ArticleMeta meta = snap.articles().get(e.getKey());
      List<Passage> passages = new ArrayList<>();
      List<float[]> vectors = new ArrayList<>();
      for (int i : e.getValue()) {
        passages.add(snap.passages().get(i).passage());
        vectors.add(snap.vectors().vector(i));
      }
      upserts.add(new IndexChange.Upsert(meta, meta.id() + ".md", passages, vectors));
    }
    try (SolrIndex solr = SolrIndex.connect(settings)) {
      long t0 = System.nanoTime();
      solr.apply(new IndexChange(List.of(), upserts), model, MiniLmEmbedder.DIMENSION, true);
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(java.util.Locale.ROOT, "wrote %d articles, %d passages into %s (%s shards x %s replicas)"
          + " in %.1f s: %.0f passages/s (collection created, written, committed, alias moved)%n",
          upserts.size(), snap.passages().size(), solr.collection().orElseThrow(), args[3], args[4], s,
          snap.passages().size() / s);
    }
  }
}
