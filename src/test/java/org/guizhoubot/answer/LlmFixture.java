package org.guizhoubot.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.bench.FlatVectorIndex;
import org.guizhoubot.sqlite.IndexSnapshot;
import org.guizhoubot.index.Passage;
import org.guizhoubot.retrieval.Retrieval;
import org.guizhoubot.retrieval.RetrievedPassage;
import org.guizhoubot.retrieval.TermStats;
import org.guizhoubot.sqlite.SnapshotView;

/**
 * Retrieved passages from {@code llm-passages.json}, built directly (no model, no database), and
 * the real extractive composer over a snapshot of the same passages.
 */
final class LlmFixture {
  final List<RetrievedPassage> passages;
  final ExtractiveComposer extractive;
  final TermStats stats;

  LlmFixture() {
    JsonNode root;
    try (InputStream in = LlmFixture.class.getResourceAsStream("llm-passages.json")) {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read llm-passages.json", e);
    }
    List<RetrievedPassage> out = new ArrayList<>();
    Map<String, ArticleMeta> articles = new LinkedHashMap<>();
    List<IndexSnapshot.StoredPassage> stored = new ArrayList<>();
    int k = root.size();
    for (int i = 0; i < k; i++) {
      JsonNode p = root.get(i);
      String text = p.get("text").asText();
      ArticleMeta meta = new ArticleMeta(p.get("article").asText(), p.get("title").asText(),
          p.get("source").asText(), p.get("published").asText(), p.get("url").isNull() ? null : p.get("url").asText(),
          "industry", "hash" + i, 1);
      Passage passage = new Passage(meta.id(), 0, 0, text.length(), text, 60);
      out.add(new RetrievedPassage(i + 1, passage, meta, 1.0 / (60 + i + 1), p.get("cosine").asDouble(), i + 1, i + 1));
      articles.put(meta.id(), meta);
      stored.add(new IndexSnapshot.StoredPassage(i + 1, passage));
    }
    float[] unit = new float[k * k];
    for (int i = 0; i < k; i++) {
      unit[i * k + i] = 1f;
    }
    IndexSnapshot snapshot = new IndexSnapshot(articles, stored, new FlatVectorIndex(unit, k, k));
    TermStats stats = new SnapshotView(snapshot).termStats(null);
    this.passages = List.copyOf(out);
    this.stats = stats;
    this.extractive = org.guizhoubot.answer.reader.ReaderJudge.composer(org.guizhoubot.answer.reader.SharedReader.INSTANCE);
  }

  /** All the fixture's passages as one retrieval, with their term statistics. */
  Retrieval retrieval() {
    return new Retrieval(passages, stats);
  }

  Retrieval retrieval(List<RetrievedPassage> some) {
    return new Retrieval(some, stats);
  }

  RetrievedPassage passage(int n) {
    return passages.get(n - 1);
  }
}
