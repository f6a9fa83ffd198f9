package org.guizhoubot.library;

import org.guizhoubot.index.Embedder;
import org.guizhoubot.index.EmbedderContract;

/** The embedder contract over the tests' cached model, so that the contracts it stands in for hold. */
class CachedModelContractTest extends EmbedderContract {
  @Override
  protected Embedder embedder() {
    return new CachedModel();
  }
}
