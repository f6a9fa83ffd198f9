package org.guizhoubot.index;

import org.guizhoubot.TestFixtures;

/** The embedder contract over the shared all-MiniLM-L6-v2 model. */
class MiniLmEmbedderContractTest extends EmbedderContract {
  @Override
  protected Embedder embedder() {
    return TestFixtures.model();
  }
}
