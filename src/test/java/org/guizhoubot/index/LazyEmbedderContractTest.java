package org.guizhoubot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.guizhoubot.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedder contract over a {@link LazyEmbedder} of the shared model, and its loading on first use. */
class LazyEmbedderContractTest extends EmbedderContract {
  private final AtomicInteger loads = new AtomicInteger();
  private final LazyEmbedder lazy = new LazyEmbedder(MiniLmEmbedder.MODEL_NAME, MiniLmEmbedder.DIMENSION, 128,
      () -> {
        loads.incrementAndGet();
        return new Unclosed(TestFixtures.model());
      });

  @Override
  protected Embedder embedder() {
    return lazy;
  }

  @AfterEach
  void close() {
    lazy.close();
  }

  @Test
  void should_load_the_model_only_when_a_text_is_embedded_and_only_once() {
    assertThat(lazy.modelName()).isEqualTo(MiniLmEmbedder.MODEL_NAME);
    assertThat(lazy.embedAll(List.of())).isEmpty();
    assertThat(loads).hasValue(0);

    lazy.embed("Guiyang");
    lazy.embed("Guizhou");

    assertThat(loads).hasValue(1);
  }

  @Test
  void should_refuse_to_load_once_closed() {
    lazy.close();

    assertThatThrownBy(() -> lazy.embed("Guiyang")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  /** The shared model, which closing this embedder must not close. */
  private record Unclosed(Embedder model) implements Embedder {
    @Override
    public String modelName() {
      return model.modelName();
    }

    @Override
    public int dimension() {
      return model.dimension();
    }

    @Override
    public int maxWordPieces() {
      return model.maxWordPieces();
    }

    @Override
    public float[] embed(String text) {
      return model.embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      return model.embedAll(texts);
    }
  }
}
