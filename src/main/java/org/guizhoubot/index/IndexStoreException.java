package org.guizhoubot.index;

/** A failure of the SQLite index, carrying the statement or step that failed. */
public final class IndexStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IndexStoreException(String context, Throwable cause) {
    super(context + ": " + cause.getMessage(), cause);
  }

  public IndexStoreException(String message) {
    super(message);
  }
}
