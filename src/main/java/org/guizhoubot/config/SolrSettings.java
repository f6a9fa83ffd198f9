package org.guizhoubot.config;

import java.util.List;
import java.util.Objects;

/**
 * Where the passages live when {@code index.store=solr}: a SolrCloud reached through ZooKeeper
 * ({@code zkHosts}, with an optional chroot) or through one or more Solr base URLs; the alias
 * that names the serving collection; and the shards and replicas of each collection it creates.
 */
public record SolrSettings(List<String> zkHosts, String zkChroot, List<String> urls, String collection,
    int shards, int replicas) {
  public SolrSettings {
    zkHosts = List.copyOf(zkHosts);
    urls = List.copyOf(urls);
    Objects.requireNonNull(collection, "collection");
    if (zkHosts.isEmpty() == urls.isEmpty()) {
      throw new IllegalArgumentException("give either ZooKeeper hosts or Solr URLs, not "
          + (zkHosts.isEmpty() ? "neither" : "both"));
    }
    if (!collection.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("collection '" + collection
          + "' must be letters, digits, '.', '_' or '-' (and not start with one of the last three)");
    }
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException("shards and replicas must be >= 1, were " + shards + " and " + replicas);
    }
  }
}
