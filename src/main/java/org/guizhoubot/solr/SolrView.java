package org.guizhoubot.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexStoreException;
import org.guizhoubot.index.Passage;
import org.guizhoubot.retrieval.IndexView;
import org.guizhoubot.text.QueryTerms;
import org.guizhoubot.retrieval.TermStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Solr collection read as an index version: HNSW vector search, BM25 over a Porter-stemmed
 * text and title (title weighing half) with document frequencies over all shards, and term counts
 * from the passages' stemmed words. A request that fails (a node stopping) is tried once more.
 */
public final class SolrView implements IndexView {
  private static final Logger log = LoggerFactory.getLogger(SolrView.class);
  private static final double TITLE_BOOST = 0.5;

  private final CloudSolrClient client;
  private final String collection;
  private volatile int[] counts;
  /** Passages holding each phrase, as far as asked for already. */
  private final Map<String, Integer> phraseCounts = new java.util.concurrent.ConcurrentHashMap<>();

  SolrView(CloudSolrClient client, String collection) {
    this.client = client;
    this.collection = collection;
  }

  /** The concrete collection this view reads. */
  public String collection() {
    return collection;
  }

  @Override
  public int passageCount() {
    return counts()[0];
  }

  @Override
  public int articleCount() {
    return counts()[1];
  }

  private int[] counts() {
    if (counts == null) {
      count(List.of(), List.of());
    }
    return counts;
  }

  @Override
  public Map<String, ArticleMeta> articles() {
    return SolrIndex.articles(client, collection);
  }

  @Override
  public List<Match> nearest(float[] query, int k) {
    if (k <= 0) {
      return List.of();
    }
    StringBuilder v = new StringBuilder("{!knn f=vector topK=").append(k).append("}[");
    for (int i = 0; i < query.length; i++) {
      v.append(i == 0 ? "" : ",").append(query[i]);
    }
    return best(new SolrQuery(v.append(']').toString()), k);
  }

  @Override
  public List<Match> keywords(List<String> phrases, int k) {
    if (phrases.isEmpty() || k <= 0) {
      return List.of();
    }
    StringBuilder clauses = new StringBuilder();
    for (String p : phrases) {
      clauses.append(phraseQuery(p)).append(' ');
    }
    SolrQuery q = new SolrQuery(clauses.toString().strip());
    q.set("q.op", "OR");
    q.addFilterQuery("kind:passage");
    return best(q, k);
  }

  /** The query's best {@code k} passages by score, ties in article and passage order. */
  private List<Match> best(SolrQuery q, int k) {
    q.setRows(k);
    q.setFields(SolrIndex.PASSAGE_FIELDS + ",vector,score");
    q.setSort("score", SolrQuery.ORDER.desc);
    q.addSort("article_id", SolrQuery.ORDER.asc);
    q.addSort("ordinal", SolrQuery.ORDER.asc);
    return matches(query(client, collection, q));
  }

  @Override
  public Map<String, Integer> passagesWith(Collection<String> phrases) {
    List<String> missing = new ArrayList<>();
    for (String p : new LinkedHashSet<>(phrases)) {
      if (!phraseCounts.containsKey(p)) {
        missing.add(p);
      }
    }
    if (!missing.isEmpty()) {
      count(List.of(), missing);
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String p : phrases) {
      out.put(p, phraseCounts.get(p));
    }
    return out;
  }

  /**
   * One request for the counts of passages and articles (when not known yet), of passages holding
   * each stem and each phrase; the phrase counts and the totals are kept in this view.
   */
  private Map<String, Integer> count(List<String> stems, List<String> phrases) {
    SolrQuery q = new SolrQuery("kind:passage");
    q.setRows(0);
    q.setFacet(true);
    q.addFacetQuery("{!key=first}ordinal:0");
    for (int i = 0; i < stems.size(); i++) {
      q.addFacetQuery("{!term f=stems key=s" + i + "}" + stems.get(i));
    }
    for (int i = 0; i < phrases.size(); i++) {
      q.addFacetQuery("{!lucene key=p" + i + " q.op=OR}" + phraseQuery(phrases.get(i)));
    }
    QueryResponse r = query(client, collection, q);
    Map<String, Integer> facets = r.getFacetQuery();
    if (counts == null) {
      counts = new int[] {(int) r.getResults().getNumFound(), facets.getOrDefault("first", 0)};
    }
    for (int i = 0; i < phrases.size(); i++) {
      phraseCounts.put(phrases.get(i), facets.getOrDefault("p" + i, 0));
    }
    Map<String, Integer> byStem = new LinkedHashMap<>();
    for (int i = 0; i < stems.size(); i++) {
      byStem.put(stems.get(i), facets.getOrDefault("s" + i, 0));
    }
    return byStem;
  }

  /**
   * The question's stems and content terms are counted in one request with the totals, so that the
   * retriever's later {@link #passageCount} and {@link #passagesWith} need no request of their own.
   */
  @Override
  public TermStats termStats(String question) {
    Set<String> stems = QueryTerms.stems(question);
    List<String> phrases = new ArrayList<>();
    for (String t : QueryTerms.contentTerms(question)) {
      if (!phraseCounts.containsKey(t)) {
        phrases.add(t);
      }
    }
    Map<String, Integer> df = count(new ArrayList<>(stems), phrases);
    return TermStats.of(passageCount(), df, stem -> count(List.of(stem), List.of()).get(stem));
  }

  /** A phrase in the text or, weighing half, in the title. */
  private static String phraseQuery(String phrase) {
    String quoted = '"' + phrase.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    return "(text:" + quoted + " title:" + quoted + "^" + TITLE_BOOST + ")";
  }

  private static List<Match> matches(QueryResponse r) {
    List<Match> out = new ArrayList<>();
    for (SolrDocument d : r.getResults()) {
      Passage p = new Passage((String) d.getFirstValue("article_id"), (Integer) d.getFirstValue("ordinal"),
          (Integer) d.getFirstValue("start_char"), (Integer) d.getFirstValue("end_char"),
          (String) d.getFirstValue("text"), (Integer) d.getFirstValue("word_pieces"));
      Collection<Object> values = d.getFieldValues("vector");
      float[] v = new float[values.size()];
      int i = 0;
      for (Object o : values) {
        v[i++] = ((Number) o).floatValue();
      }
      out.add(new Match((Long) d.getFirstValue("pid"), p, article(d), v));
    }
    return out;
  }

  static ArticleMeta article(SolrDocument d) {
    return new ArticleMeta((String) d.getFirstValue("article_id"), (String) d.getFirstValue("title"),
        (String) d.getFirstValue("source"), (String) d.getFirstValue("published"),
        (String) d.getFirstValue("url"), (String) d.getFirstValue("category"),
        (String) d.getFirstValue("content_hash"), (Integer) d.getFirstValue("passages"));
  }

  /** Runs a query, once more after a failure (a replica or node going away mid-request). */
  static QueryResponse query(CloudSolrClient client, String collection, SolrQuery q) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.query(collection, q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST);
      } catch (SolrServerException | IOException | RuntimeException e) {
        if (attempt == 2) {
          throw new IndexStoreException("Solr query on collection " + collection + " failed", e);
        }
        log.warn("Solr query on {} failed, trying again: {}", collection, e.getMessage());
      }
    }
  }
}
