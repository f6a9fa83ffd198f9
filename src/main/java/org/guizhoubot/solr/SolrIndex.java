package org.guizhoubot.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.util.ContentStreamBase;
import org.guizhoubot.config.SolrSettings;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexChange;
import org.guizhoubot.index.IndexStoreException;
import org.guizhoubot.index.Passage;
import org.guizhoubot.index.PassageStore;
import org.guizhoubot.index.Rebuild;
import org.guizhoubot.retrieval.QueryTerms;
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
  private final int shards;
  private final int replicas;

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
    this.shards = shards;
    this.replicas = replicas;
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
    List<String> resolved;
    try {
      resolved = client.getClusterStateProvider().resolveAlias(alias);
    } catch (RuntimeException e) {
      throw new IndexStoreException("resolving the Solr alias " + alias, e);
    }
    if (resolved.isEmpty() || resolved.get(0).equals(alias)) {
      return Optional.empty();
    }
    return Optional.of(resolved.get(0));
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
      uploadConfig(config, dimension);
      step = "creating collection " + name;
      CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(name, config, shards, replicas);
      create.setWaitForFinalState(true);
      create.process(client);
      step = "writing passages into " + name;
      write(name, change, model, dimension);
      step = "committing " + name;
      client.commit(name, true, true);
      step = "moving alias " + alias + " to " + name;
      CollectionAdminRequest.createAlias(alias, name).process(client);
    } catch (SolrServerException | IOException | RuntimeException e) {
      dropQuietly(name);
      throw new IndexStoreException("Solr rebuild failed while " + step + "; " + serving
          .map(s -> "collection " + s + " keeps serving").orElse("there is no index yet"), e);
    }
    log.info("Solr alias {} now names {}", alias, name);
    dropOlder(name, serving.orElse(null));
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
        SolrInputDocument d = document(u, u.passages().get(i), v);
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
    SolrInputDocument meta = new SolrInputDocument();
    meta.addField("id", META_ID);
    meta.addField("kind", "meta");
    meta.addField("schema_version", String.valueOf(SCHEMA_VERSION));
    meta.addField("model", model);
    meta.addField("dimension", dimension);
    send(collection, new ArrayList<>(List.of(meta)));
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

  static String docId(String articleId, int ordinal) {
    return articleId + "#" + ordinal;
  }

  private static SolrInputDocument document(IndexChange.Upsert u, Passage p, float[] vector) {
    ArticleMeta m = u.meta();
    SolrInputDocument d = new SolrInputDocument();
    String id = docId(m.id(), p.ordinal());
    d.addField("id", id);
    d.addField("kind", "passage");
    d.addField("pid", UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits()
        & Long.MAX_VALUE);
    d.addField("article_id", m.id());
    d.addField("ordinal", p.ordinal());
    d.addField("start_char", p.start());
    d.addField("end_char", p.end());
    d.addField("word_pieces", p.wordPieces());
    d.addField("text", p.text());
    d.addField("stems", String.join(" ", new java.util.LinkedHashSet<>(
        QueryTerms.tokens(p.text()).stream().map(QueryTerms::stem).toList())));
    List<Float> v = new ArrayList<>(vector.length);
    for (float f : vector) {
      v.add(f);
    }
    d.addField("vector", v);
    d.addField("title", m.title());
    putIfSet(d, "source", m.source());
    putIfSet(d, "published", m.published());
    putIfSet(d, "url", m.url());
    putIfSet(d, "category", m.category());
    d.addField("content_hash", m.contentHash());
    d.addField("file", u.fileName());
    d.addField("passages", u.passages().size());
    return d;
  }

  private static void putIfSet(SolrInputDocument d, String field, String value) {
    if (value != null) {
      d.addField(field, value);
    }
  }

  private void uploadConfig(String name, int dimension) throws IOException, SolrServerException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      for (String file : List.of("schema.xml", "solrconfig.xml")) {
        String text = resource("/solr/" + file).replace("@DIMENSION@", String.valueOf(dimension));
        out.putNextEntry(new ZipEntry(file));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    ContentStreamBase.ByteArrayStream stream = new ContentStreamBase.ByteArrayStream(zip.toByteArray(), name + ".zip",
        "application/zip");
    new ConfigSetAdminRequest.Upload().setConfigSetName(name).setOverwrite(true).setCleanup(true)
        .setUploadStream(stream).process(client);
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = SolrIndex.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("resource " + path + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Deletes this alias's collections other than the new one and the one it replaced (readers may still hold it). */
  private void dropOlder(String current, String previous) {
    List<String> all;
    try {
      all = CollectionAdminRequest.listCollections(client);
    } catch (SolrServerException | IOException | RuntimeException e) {
      log.warn("Cannot list Solr collections to delete old ones: {}", e.getMessage());
      return;
    }
    for (String c : all) {
      if (c.startsWith(alias + "_") && c.substring(alias.length() + 1).matches("[0-9]{17}")
          && !c.equals(current) && !c.equals(previous)) {
        dropQuietly(c);
      }
    }
  }

  private void dropQuietly(String collection) {
    try {
      CollectionAdminRequest.deleteCollection(collection).process(client);
      log.info("Deleted Solr collection {}", collection);
    } catch (SolrServerException | IOException | RuntimeException e) {
      log.warn("Cannot delete Solr collection {}: {}", collection, e.getMessage());
    }
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
