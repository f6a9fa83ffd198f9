package org.guizhoubot.index;

/** A failure of the SQLite index, carrying the statement or step that failed. */
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

  /** Whether SQLite answered that the database was locked by someone else (SQLITE_BUSY). */
  static boolean isBusy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.sqlite.SQLiteException s
          && (s.getResultCode().code & 0xff) == org.sqlite.SQLiteErrorCode.SQLITE_BUSY.code) {
        return true;
      }
    }
    return false;
  }
}
