package org.guizhoubot.retrieval;

import java.util.List;

/** Finds the passages most likely to answer a question, best first. */
public interface Retriever {
  List<RetrievedPassage> retrieve(String question, int k);
}
