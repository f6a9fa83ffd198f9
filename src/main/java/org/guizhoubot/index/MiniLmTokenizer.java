package org.guizhoubot.index;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The word-piece tokenizer shipped with all-MiniLM-L6-v2, used untruncated to count pieces. */
public final class MiniLmTokenizer implements TokenCounter, AutoCloseable {
  private static final String RESOURCE = "/all-minilm-l6-v2-tokenizer.json";
  private final HuggingFaceTokenizer tokenizer;

  public MiniLmTokenizer() {
    try (InputStream in = MiniLmTokenizer.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("tokenizer resource " + RESOURCE + " is missing from the classpath");
      }
      tokenizer = HuggingFaceTokenizer.newInstance(
          in, Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load tokenizer " + RESOURCE, e);
    }
  }

  @Override
  public int count(String text) {
    return tokenizer.encode(text, false, false).getIds().length;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
