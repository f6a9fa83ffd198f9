package org.guizhoubot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Embedder} must do, run against each implementation: unit vectors of its
 * dimension, the same vector for the same text, {@code embedAll} as one by one in order, and a
 * question nearer the sentence that answers it than an unrelated one.
 */
public abstract class EmbedderContract {
  private static final List<String> TEXTS = List.of(
      "The Big Data Expo in Guiyang drew companies from around the world.",
      "Who is the co-founder of Baishan Cloud?",
      "A short one.",
      "Guiyang has mild summers; many servers sit in caves in the karst mountains to keep cool.");

  /** The embedder under test; the subclass closes it. */
  protected abstract Embedder embedder();

  @Test
  void should_name_its_model_and_give_a_positive_dimension_and_word_piece_limit() {
    Embedder e = embedder();

    assertThat(e.modelName()).isNotBlank();
    assertThat(e.dimension()).isPositive();
    assertThat(e.maxWordPieces()).isGreaterThan(2);
  }

  @Test
  void should_give_unit_vectors_of_its_dimension() {
    Embedder e = embedder();

    for (String t : TEXTS) {
      float[] v = e.embed(t);
      assertThat(v).as(t).hasSize(e.dimension());
      assertThat(norm(v)).as(t).isCloseTo(1.0, within(1e-4));
    }
  }

  @Test
  void should_give_the_same_vector_for_the_same_text() {
    Embedder e = embedder();

    assertThat(e.embed(TEXTS.get(0))).containsExactly(e.embed(TEXTS.get(0)));
  }

  @Test
  void should_embed_all_as_one_by_one_and_in_order() {
    Embedder e = embedder();
    List<float[]> one = new ArrayList<>();
    for (String t : TEXTS) {
      one.add(e.embed(t));
    }

    List<float[]> all = e.embedAll(TEXTS);

    assertThat(all).hasSize(TEXTS.size());
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(all.get(i)).as("text %d", i).containsExactly(one.get(i));
    }
    assertThat(e.embedAll(List.of())).isEmpty();
  }

  @Test
  void should_put_a_question_nearer_the_sentence_that_answers_it() {
    Embedder e = embedder();
    float[] question = e.embed("Where was the Big Data Expo held?");

    double answer = dot(question, e.embed(TEXTS.get(0)));
    double unrelated = dot(question, e.embed(TEXTS.get(3)));

    assertThat(answer).isGreaterThan(unrelated);
  }

  private static double norm(float[] v) {
    return Math.sqrt(dot(v, v));
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
