package org.guizhoubot.sqlite;

import java.nio.file.Path;
import org.guizhoubot.bench.FlatVectorIndex;
import org.guizhoubot.index.Indexer;
import org.guizhoubot.index.MiniLmEmbedder;
import org.guizhoubot.index.PassageStore;
import org.guizhoubot.library.ServingIndex;
import org.guizhoubot.library.IndexContract;

/** The index contract over the embedded SQLite file. */
class SqliteIndexContractTest extends IndexContract {
  @Override
  protected Backend open(Path dataDir) {
    IndexStore store = IndexStore.open(dataDir.resolve("index.db"));
    return new Backend() {
      @Override
      public PassageStore store() {
        return store;
      }

      @Override
      public ServingIndex serving(Indexer indexer) {
        return new SqliteIndex(new LiveIndex(indexer, store, FlatVectorIndex::new, MiniLmEmbedder.DIMENSION, Runnable::run));
      }

      @Override
      public void close() {
        store.close();
      }
    };
  }
}
