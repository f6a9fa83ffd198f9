package org.guizhoubot.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our parallel, single-threaded-session MiniLM gives the very vectors langchain4j's own model gives. */
class MiniLmEmbedderTest {
  private static final List<String> TEXTS = List.of(
      "Guizhou. The province hosts data centres of Apple, Huawei and Tencent.",
      "Who is the co-founder of Baishan Cloud?",
      "Big Data Expo. The expo in Guiyang drew companies from around the world, and the city plans"
          + " to build a national big data comprehensive pilot zone over the coming years.",
      "A short one.",
      "Weather. Guiyang has mild summers; many servers sit in caves in the karst mountains to keep cool.");

  private static MiniLmEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = new MiniLmEmbedder(2);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void should_embed_all_in_parallel_exactly_as_one_by_one_and_in_order() {
    List<float[]> one = new ArrayList<>();
    for (String t : TEXTS) {
      one.add(embedder.embed(t));
    }

    List<float[]> all = embedder.embedAll(TEXTS);

    assertThat(all).hasSize(TEXTS.size());
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(all.get(i)).as("text %d", i).containsExactly(one.get(i));
    }
  }

  @Test
  void should_give_the_same_unit_vectors_as_langchain4j_all_minilm_model() {
    AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();

    for (String t : TEXTS) {
      float[] expected = Vectors.normalize(reference.embed(t).content().vector());
      float[] actual = embedder.embed(t);
      assertThat(actual).hasSize(MiniLmEmbedder.DIMENSION);
      for (int d = 0; d < actual.length; d++) {
        assertThat(actual[d]).as("%s, dimension %d", t, d).isCloseTo(expected[d], org.assertj.core.data.Offset.offset(1e-6f));
      }
    }
  }

  @Test
  void should_return_nothing_for_no_texts() {
    assertThat(embedder.embedAll(List.of())).isEmpty();
  }
}
