package org.guizhoubot.index;

import java.util.ArrayList;
import java.util.List;

/** Turns text into unit-length vectors; implementations are thread-safe. */
public interface Embedder extends AutoCloseable {
  /** The model's name, stored in the index so that a change of model forces a rebuild. */
  String modelName();

  int dimension();

  /** Longest input, in word pieces including the two special tokens, that the model sees whole. */
  int maxWordPieces();

  float[] embed(String text);

  /** Releases the model's native session and threads; the default holds none. */
  @Override
  default void close() {}

  default List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(embed(t));
    }
    return out;
  }
}
