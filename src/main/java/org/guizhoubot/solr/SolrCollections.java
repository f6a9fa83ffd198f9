package org.guizhoubot.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;
import org.guizhoubot.index.IndexStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collection admin of one alias: which collection it names, uploading the configset, creating
 * a collection, moving the alias to it, and deleting the collections no reader can still hold.
 */
final class SolrCollections {
  private static final Logger log = LoggerFactory.getLogger(SolrCollections.class);

  private final CloudSolrClient client;
  private final String alias;
  private final int shards;
  private final int replicas;

  SolrCollections(CloudSolrClient client, String alias, int shards, int replicas) {
    this.client = client;
    this.alias = alias;
    this.shards = shards;
    this.replicas = replicas;
  }

  /** The collection the alias names now, or empty when there is no index yet. */
  Optional<String> serving() {
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


  /** Creates a collection of the configset, waiting until all its replicas are active. */
  void create(String name, String config) throws SolrServerException, IOException {
    CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(name, config, shards, replicas);
    create.setWaitForFinalState(true);
    create.process(client);
  }

  /** Points the alias at {@code name}. */
  void moveAlias(String name) throws SolrServerException, IOException {
    CollectionAdminRequest.createAlias(alias, name).process(client);
  }

  void uploadConfig(String name, int dimension) throws IOException, SolrServerException {
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
    try (InputStream in = SolrCollections.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("resource " + path + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Deletes this alias's collections other than the new one and the one it replaced (readers may still hold it). */
  void dropOlder(String current, String previous) {
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

  void dropQuietly(String collection) {
    try {
      CollectionAdminRequest.deleteCollection(collection).process(client);
      log.info("Deleted Solr collection {}", collection);
    } catch (SolrServerException | IOException | RuntimeException e) {
      log.warn("Cannot delete Solr collection {}: {}", collection, e.getMessage());
    }
  }
}
