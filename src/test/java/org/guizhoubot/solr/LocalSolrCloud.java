package org.guizhoubot.solr;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the test SolrCloud (embedded ZooKeeper, 2 nodes) as a process of its own, for trying the
 * product against it and for the figures in BENCHMARKS.md. Prints the ZooKeeper address to give
 * as {@code solr.zk.hosts}, then serves until stdin closes or the process is stopped.
 */
public final class LocalSolrCloud {
  private LocalSolrCloud() {}

  public static void main(String[] args) throws Exception {
    var cluster = SolrCloudFixture.cluster();
    String zk = cluster.getZkServer().getZkAddress();
    Files.writeString(Path.of(args.length > 0 ? args[0] : "solr-zk.txt"), zk + "\n");
    System.out.println("SOLR_ZK_HOSTS=" + zk);
    System.out.flush();
    while (System.in.read() >= 0) {
      Thread.onSpinWait();
    }
  }
}
