package org.guizhoubot.solr;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.guizhoubot.config.SolrSettings;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexChange;
import org.guizhoubot.index.IndexStoreException;
import org.guizhoubot.index.PassageStore;
import org.guizhoubot.index.Rebuild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passages in a SolrCloud collection, one document per passage, behind an alias. A rebuild
 * writes a new collection and then moves the alias to it, so readers see the old collection whole
 * until the new one is complete, and a failed rebuild leaves the old one serving; the collection
 * before the old one is then deleted. An incremental change is written into the serving collection
 * and made visible by one commit.
 */
public final class SolrIndex implements PassageStore, AutoCloseable {
  /** Bump when the documents' fields change: a collection of another version is rebuilt. */
  public static final int SCHEMA_VERSION = 1;
  static final String META_ID = "__meta__";
  static final String PASSAGE_FIELDS = "id,pid,article_id,ordinal,start_char,end_char,word_pieces,text,"
      + "title,source,published,url,category,content_hash,passages";
  private static final Logger log = LoggerFactory.getLogger(SolrIndex.class);
  private static final int BATCH = 250;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

  private final CloudSolrClient client;
  private final boolean ownsClient;
  private final String alias;
  private final SolrCollections collections;

  /**
   * @param client a client of the cluster
   * @param ownsClient whether {@link #close} closes the client
   */
  public SolrIndex(CloudSolrClient client, boolean ownsClient, String alias, int shards, int replicas) {
    this.client = Objects.requireNonNull(client, "client");
    this.ownsClient = ownsClient;
    this.alias = Objects.requireNonNull(alias, "alias");
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException("shards and replicas must be >= 1, were " + shards + " and " + replicas);
    }
    this.collections = new SolrCollections(client, alias, shards, replicas);
  }

  /** Connects to the cluster the settings name (through ZooKeeper or Solr URLs). */
  public static SolrIndex connect(SolrSettings settings) {
    CloudSolrClient client = settings.zkHosts().isEmpty()
        ? new CloudSolrClient.Builder(settings.urls()).build()
        : new CloudSolrClient.Builder(settings.zkHosts(), Optional.ofNullable(settings.zkChroot())).build();
    return new SolrIndex(client, true, settings.collection(), settings.shards(), settings.replicas());
  }

  public String alias() {
    return alias;
  }

  /** The collection the alias names now, or empty when there is no index yet. */
  public Optional<String> collection() {
    return collections.serving();
  }

  /** A view of the collection the alias names now; the view keeps reading that collection. */
  public Optional<SolrView> view() {
    return collection().map(c -> new SolrView(client, c));
  }

  @Override
  public Optional<Rebuild> incompatibility(String model, int dimension) {
    Optional<String> collection = collection();
    if (collection.isEmpty()) {
      return Optional.of(new Rebuild.NoIndexYet());
    }
    SolrDocument meta;
    try {
      meta = client.getById(collection.get(), META_ID);
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw new IndexStoreException("reading the index description from Solr collection " + collection.get(), e);
    }
    if (meta == null) {
      return Optional.of(new Rebuild.Incompatible("collection " + collection.get() + " has no index description"));
    }
    return Rebuild.Incompatible.ifDiffers(meta.getFirstValue("schema_version"), SCHEMA_VERSION,
        meta.getFirstValue("model"), model, meta.getFirstValue("dimension"), dimension);
  }

  /** No: a run is written as one change, a rebuild into a new collection that the alias then names. */
  @Override
  public boolean writesInBatches() {
    return false;
  }

  @Override
  public Map<String, ArticleMeta> articles() {
    return collection().map(c -> articles(client, c)).orElseGet(Map::of);
  }

  /** Every article of a collection by id (its first passage's document carries the metadata). */
  static Map<String, ArticleMeta> articles(CloudSolrClient client, String collection) {
    Map<String, ArticleMeta> out = new LinkedHashMap<>();
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      SolrQuery q = new SolrQuery("ordinal:0");
      q.addFilterQuery("kind:passage");
      q.setFields("article_id,title,source,published,url,category,content_hash,passages");
      q.setRows(1000);
      q.setSort("id", SolrQuery.ORDER.asc);
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse r = SolrView.query(client, collection, q);
      for (SolrDocument d : r.getResults()) {
        ArticleMeta m = SolrView.article(d);
        out.put(m.id(), m);
      }
      if (cursor.equals(r.getNextCursorMark())) {
        break;
      }
      cursor = r.getNextCursorMark();
    }
    return out;
  }

  @Override
  public void apply(IndexChange change, String model, int dimension, boolean rebuild) {
    Optional<String> serving = collection();
    if (rebuild || serving.isEmpty()) {
      rebuild(change, model, dimension, serving);
    } else {
      update(serving.get(), change, model, dimension);
    }
  }

  private void rebuild(IndexChange change, String model, int dimension, Optional<String> serving) {
    String name = alias + "_" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
    String config = alias + "_d" + dimension;
    String step = "uploading configset " + config;
    try {
      collections.uploadConfig(config, dimension);
      step = "creating collection " + name;
      collections.create(name, config);
      step = "writing passages into " + name;
      write(name, change, model, dimension);
      step = "committing " + name;
      client.commit(name, true, true);
      step = "moving alias " + alias + " to " + name;
      collections.moveAlias(name);
    } catch (SolrServerException | IOException | RuntimeException e) {
      collections.dropQuietly(name);
      throw new IndexStoreException("Solr rebuild failed while " + step + "; " + serving
          .map(s -> "collection " + s + " keeps serving").orElse("there is no index yet"), e);
    }
    log.info("Solr alias {} now names {}", alias, name);
    collections.dropOlder(name, serving.orElse(null));
  }

  private void update(String collection, IndexChange change, String model, int dimension) {
    List<String> gone = new ArrayList<>(change.removed());
    change.upserts().forEach(u -> gone.add(u.meta().id()));
    try {
      for (int i = 0; i < gone.size(); i += BATCH) {
        StringBuilder q = new StringBuilder("article_id:(");
        for (String id : gone.subList(i, Math.min(gone.size(), i + BATCH))) {
          q.append('"').append(id).append("\" ");
        }
        UpdateRequest delete = new UpdateRequest();
        delete.deleteByQuery(q.append(")").toString());
        delete.process(client, collection);
      }
      write(collection, change, model, dimension);
      client.commit(collection, true, true);
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw new IndexStoreException("Solr update of collection " + collection + " failed (articles whose"
          + " first passage is missing are indexed again on the next run)", e);
    }
  }

  /**
   * Adds the change's passages, each article's first passage last: an article is listed (and so
   * skipped by the next incremental run) only once all of its passages went in.
   */
  private void write(String collection, IndexChange change, String model, int dimension)
      throws SolrServerException, IOException {
    List<SolrInputDocument> rest = new ArrayList<>();
    List<SolrInputDocument> firsts = new ArrayList<>();
    for (IndexChange.Upsert u : change.upserts()) {
      for (int i = 0; i < u.passages().size(); i++) {
        float[] v = u.vectors().get(i);
        if (v.length != dimension) {
          throw new IndexStoreException("passage " + i + " of article " + u.meta().id() + " has "
              + v.length + " dimensions, expected " + dimension);
        }
        SolrInputDocument d = SolrDocuments.passage(u, u.passages().get(i), v);
        (u.passages().get(i).ordinal() == 0 ? firsts : rest).add(d);
        if (rest.size() >= BATCH) {
          send(collection, rest);
        }
      }
    }
    send(collection, rest);
    for (int i = 0; i < firsts.size(); i += BATCH) {
      send(collection, new ArrayList<>(firsts.subList(i, Math.min(firsts.size(), i + BATCH))));
    }
    send(collection, new ArrayList<>(List.of(SolrDocuments.description(model, dimension))));
  }

  private void send(String collection, List<SolrInputDocument> docs) throws SolrServerException, IOException {
    if (docs.isEmpty()) {
      return;
    }
    UpdateRequest req = new UpdateRequest();
    req.add(docs);
    req.process(client, collection);
    docs.clear();
  }

  @Override
  public void close() {
    if (!ownsClient) {
      return;
    }
    try {
      client.close();
    } catch (IOException e) {
      log.debug("Closing the Solr client: {}", e.getMessage());
    }
  }
}
