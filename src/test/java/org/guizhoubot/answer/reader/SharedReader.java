package org.guizhoubot.answer.reader;

/** One bundled reader for the tests of a JVM that make composers outside an App. */
public final class SharedReader {
  public static final LazyCrossEncoder INSTANCE = new LazyCrossEncoder(Runtime.getRuntime().availableProcessors());

  private SharedReader() {}
}
