package org.guizhoubot.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.slf4j.LoggerFactory;
import org.guizhoubot.config.SolrSettings;

/**
 * One real SolrCloud (an embedded ZooKeeper and 2 Solr nodes) per test JVM, started on first use
 * and shut down, its folder deleted, when the JVM exits.
 */
public final class SolrCloudFixture {
  public static final int NODES = 2;
  private static MiniSolrCloudCluster cluster;

  private SolrCloudFixture() {}

  public static synchronized MiniSolrCloudCluster cluster() {
    if (cluster == null) {
      try {
        quiet();
        Path dir = Files.createTempDirectory("guizhou-solrcloud");
        System.setProperty("solr.log.dir", dir.resolve("logs").toString());
        cluster = new MiniSolrCloudCluster.Builder(NODES, dir).build();
        MiniSolrCloudCluster started = cluster;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.shutdown();
          } catch (Exception e) {
            // the JVM is exiting; the folder is removed below regardless
          }
          delete(dir);
        }));
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the test SolrCloud", e);
      }
    }
    return cluster;
  }

  /** Settings that reach the cluster through its ZooKeeper, as a deployment would. */
  public static SolrSettings settings(String alias, int shards, int replicas) {
    String zk = cluster().getZkServer().getZkAddress();
    int slash = zk.indexOf('/');
    return new SolrSettings(List.of(zk.substring(0, slash)), zk.substring(slash), List.of(), alias, shards, replicas);
  }

  /** Deletes an alias and every collection named after it, so that tests leave no cores behind. */
  public static void drop(String alias) {
    try {
      var client = cluster().getSolrClient();
      CollectionAdminRequest.deleteAlias(alias).process(client);
      for (String c : CollectionAdminRequest.listCollections(client)) {
        if (c.startsWith(alias + "_")) {
          CollectionAdminRequest.deleteCollection(c).process(client);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot drop alias " + alias, e);
    }
  }

  private static void quiet() {
    for (String name : List.of("org.apache.solr", "org.apache.zookeeper", "org.eclipse.jetty", "org.glassfish")) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(ch.qos.logback.classic.Level.ERROR);
    }
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(MiniSolrCloudCluster.class))
        .setLevel(ch.qos.logback.classic.Level.OFF);
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
