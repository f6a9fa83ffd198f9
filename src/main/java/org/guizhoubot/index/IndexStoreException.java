package org.guizhoubot.index;

/** A failure of a passage store (the SQLite file or Solr), carrying the statement or step that failed. */
public class IndexStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IndexStoreException(String context, Throwable cause) {
    super(context + ": " + cause.getMessage(), cause);
  }

  public IndexStoreException(String message) {
    super(message);
  }

  /** Another connection held the write lock for longer than the busy timeout; nothing was written. */
  public static final class Busy extends IndexStoreException {
    private static final long serialVersionUID = 1L;

    public Busy(String context, Throwable cause) {
      super(context, cause);
    }
  }
}
