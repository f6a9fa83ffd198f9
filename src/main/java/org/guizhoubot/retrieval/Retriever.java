package org.guizhoubot.retrieval;

import java.util.List;

/** Finds the passages most likely to answer a question, best first. */
public interface Retriever {
  /** The best {@code k} passages, all from one index snapshot, with that snapshot's term statistics. */
  Retrieval retrieve(String question, int k);
}
