package org.guizhoubot.index;

/** Counts the word pieces the embedding model sees in a text, without special tokens. */
public interface TokenCounter {
  int count(String text);
}
