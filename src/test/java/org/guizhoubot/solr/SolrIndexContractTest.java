package org.guizhoubot.solr;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.guizhoubot.index.Indexer;
import org.guizhoubot.index.PassageStore;
import org.guizhoubot.library.IndexContract;
import org.guizhoubot.library.ServingIndex;

/** The index contract over a real SolrCloud: 2 nodes, collections of 2 shards by 2 replicas. */
class SolrIndexContractTest extends IndexContract {
  private static final AtomicInteger ALIASES = new AtomicInteger();

  @Override
  protected Backend open(Path dataDir) {
    String alias = "contract" + ALIASES.incrementAndGet();
    SolrIndex solr = SolrIndex.connect(SolrCloudFixture.settings(alias, 2, 2));
    return new Backend() {
      @Override
      public PassageStore store() {
        return solr;
      }

      @Override
      public ServingIndex serving(Indexer indexer) {
        return new SolrServing(solr, indexer);
      }

      @Override
      public void close() {
        SolrCloudFixture.drop(alias);
        solr.close();
      }
    };
  }
}
