package org.guizhoubot.answer.reader;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a question and a candidate sentence into the reader's word pieces: {@code [CLS] question
 * [SEP] sentence [SEP] title ; previous sentence [SEP]}, within {@link #MAX_PIECES}. The question is
 * cut to {@link #MAX_QUESTION}, the sentence to {@link #MAX_SENTENCE}, the title to
 * {@link #MAX_TITLE}, and the previous sentence keeps its last pieces, those nearest the sentence.
 * Training writes its token ids through this class, so training and serving split words alike.
 */
public final class ReaderInput implements AutoCloseable {
  public static final int MAX_PIECES = 128;
  static final int MAX_QUESTION = 40;
  static final int MAX_SENTENCE = 64;
  static final int MAX_TITLE = 12;
  static final int MAX_PREVIOUS = 24;
  private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

  private final HuggingFaceTokenizer tokenizer;
  private final long cls;
  private final long sep;
  private final long semicolon;

  /** One candidate sentence with what it needs to be understood. */
  public record Candidate(String title, String previous, String sentence) {
    public Candidate {
      Objects.requireNonNull(sentence, "sentence");
      title = title == null ? "" : title;
      previous = previous == null ? "" : previous;
    }
  }

  /** The word pieces of one pair: ids and, from {@code secondStart} on, the second segment. */
  public record Pieces(long[] ids, int secondStart) {
    public Pieces {
      if (secondStart < 1 || secondStart > ids.length) {
        throw new IllegalArgumentException("second segment starts at " + secondStart + " of " + ids.length);
      }
    }

    public int length() {
      return ids.length;
    }
  }

  public ReaderInput() {
    try (InputStream in = ReaderInput.class.getResourceAsStream(TOKENIZER_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("tokenizer resource " + TOKENIZER_RESOURCE + " is missing from the classpath");
      }
      tokenizer = HuggingFaceTokenizer.newInstance(
          in, Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load tokenizer " + TOKENIZER_RESOURCE, e);
    }
    long[] special = tokenizer.encode("x", true, false).getIds();
    cls = special[0];
    sep = special[special.length - 1];
    semicolon = pieces(";")[0];
  }

  private long[] pieces(String text) {
    return text.isBlank() ? new long[0] : tokenizer.encode(text, false, false).getIds();
  }

  /** The pieces of one pair. */
  public Pieces encode(String question, Candidate c) {
    long[] q = head(pieces(question), MAX_QUESTION);
    long[] s = head(pieces(c.sentence()), MAX_SENTENCE);
    long[] t = head(pieces(c.title()), MAX_TITLE);
    int room = MAX_PIECES - (q.length + s.length + t.length + 4 + (t.length > 0 ? 1 : 0));
    long[] p = tail(pieces(c.previous()), Math.max(0, Math.min(MAX_PREVIOUS, room)));
    long[] ids = new long[1 + q.length + 1 + s.length + 1 + t.length + (t.length > 0 && p.length > 0 ? 1 : 0)
        + p.length + 1];
    int i = 0;
    ids[i++] = cls;
    i = copy(q, ids, i);
    ids[i++] = sep;
    int second = i;
    i = copy(s, ids, i);
    ids[i++] = sep;
    i = copy(t, ids, i);
    if (t.length > 0 && p.length > 0) {
      ids[i++] = semicolon;
    }
    i = copy(p, ids, i);
    ids[i++] = sep;
    return new Pieces(ids, second);
  }

  private static long[] head(long[] a, int n) {
    return a.length <= n ? a : Arrays.copyOf(a, n);
  }

  private static long[] tail(long[] a, int n) {
    return a.length <= n ? a : Arrays.copyOfRange(a, a.length - n, a.length);
  }

  private static int copy(long[] from, long[] to, int at) {
    System.arraycopy(from, 0, to, at, from.length);
    return at + from.length;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
