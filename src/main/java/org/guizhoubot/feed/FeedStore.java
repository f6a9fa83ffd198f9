package org.guizhoubot.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Feed subscriptions and the items already taken from them, in one SQLite file. Items are
 * remembered by URL and by content hash, so a story is imported once even when it reappears under
 * another link; items that failed are remembered by URL with the reason, until they succeed.
 */
public final class FeedStore implements AutoCloseable {
  private final Path file;
  private final Connection db;

  private FeedStore(Path file, Connection db) {
    this.file = file;
    this.db = db;
  }

  public static FeedStore open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout=10000");
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("CREATE TABLE IF NOT EXISTS feeds(url TEXT PRIMARY KEY, title TEXT, added TEXT NOT NULL,"
            + " last_polled TEXT, failures INTEGER NOT NULL DEFAULT 0, last_error TEXT, next_attempt TEXT)");
        s.execute("CREATE TABLE IF NOT EXISTS items(url TEXT PRIMARY KEY, feed TEXT NOT NULL,"
            + " content_hash TEXT, article_id TEXT, seen TEXT NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS items_hash ON items(content_hash)");
        s.execute("CREATE TABLE IF NOT EXISTS item_failures(url TEXT PRIMARY KEY, feed TEXT NOT NULL,"
            + " reason TEXT NOT NULL, failures INTEGER NOT NULL, lasting INTEGER NOT NULL, failed TEXT NOT NULL,"
            + " next_attempt TEXT)");
      }
      return new FeedStore(file, c);
    } catch (SQLException | IOException e) {
      throw new FeedStoreException("opening the feed store " + file, e);
    }
  }

  /** Adds a subscription; false when the URL was already subscribed. */
  public synchronized boolean add(String url, String title, Instant now) {
    return update("INSERT OR IGNORE INTO feeds(url, title, added) VALUES (?, ?, ?)", url, title, now.toString()) > 0;
  }

  /** Removes a subscription (the articles it brought stay); false when it was not subscribed. */
  public synchronized boolean remove(String url) {
    return update("DELETE FROM feeds WHERE url = ?", url) > 0;
  }

  public synchronized List<Feed> feeds() {
    List<Feed> out = new ArrayList<>();
    String sql = "SELECT url, title, added, last_polled, failures, last_error, next_attempt FROM feeds ORDER BY added, url";
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(new Feed(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)), instant(rs.getString(4)),
            rs.getInt(5), rs.getString(6), instant(rs.getString(7))));
      }
    } catch (SQLException e) {
      throw new FeedStoreException("reading the feeds from " + file, e);
    }
    return out;
  }

  public synchronized Optional<Feed> feed(String url) {
    return feeds().stream().filter(f -> f.url().equals(url)).findFirst();
  }

  public synchronized void succeeded(String url, String title, Instant now) {
    update("UPDATE feeds SET title = COALESCE(?, title), last_polled = ?, failures = 0, last_error = NULL,"
        + " next_attempt = NULL WHERE url = ?", title, now.toString(), url);
  }

  public synchronized void failed(String url, int failures, String error, Instant now, Instant nextAttempt) {
    update("UPDATE feeds SET last_polled = ?, failures = ?, last_error = ?, next_attempt = ? WHERE url = ?",
        now.toString(), failures, error, nextAttempt.toString(), url);
  }

  public synchronized boolean seenUrl(String url) {
    return exists("SELECT 1 FROM items WHERE url = ?", url);
  }

  public synchronized boolean seenHash(String hash) {
    return exists("SELECT 1 FROM items WHERE content_hash = ?", hash);
  }

  /** Remembers an item so it is not taken again; {@code articleId} is null for a duplicate. */
  public synchronized void remember(String itemUrl, String feed, String contentHash, String articleId, Instant now) {
    update("INSERT OR REPLACE INTO items(url, feed, content_hash, article_id, seen) VALUES (?, ?, ?, ?, ?)",
        itemUrl, feed, contentHash, articleId, now.toString());
    update("DELETE FROM item_failures WHERE url = ?", itemUrl);
  }

  /** An item that failed: why, how many times in a row, and when it may be fetched again (never when lasting). */
  public record ItemFailure(String url, String reason, int failures, boolean lasting, Instant nextAttempt) {
    public ItemFailure {
      java.util.Objects.requireNonNull(url, "url");
      java.util.Objects.requireNonNull(reason, "reason");
      if (failures < 1) {
        throw new IllegalArgumentException("failures must be >= 1, was " + failures);
      }
      if (!lasting && nextAttempt == null) {
        throw new IllegalArgumentException("an item failing for now needs its next attempt: " + url);
      }
    }

    /** Whether the item is to be left alone at {@code now}. */
    public boolean waiting(Instant now) {
      return lasting || now.isBefore(nextAttempt);
    }
  }

  /** The items of {@code feed} that failed and have not succeeded since, by URL. */
  public synchronized java.util.Map<String, ItemFailure> itemFailures(String feed) {
    java.util.Map<String, ItemFailure> out = new java.util.HashMap<>();
    String sql = "SELECT url, reason, failures, lasting, next_attempt FROM item_failures WHERE feed = ?";
    try (PreparedStatement s = db.prepareStatement(sql)) {
      s.setString(1, feed);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), new ItemFailure(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4) != 0,
              instant(rs.getString(5))));
        }
      }
    } catch (SQLException e) {
      throw new FeedStoreException(sql + " in " + file, e);
    }
    return out;
  }

  /** Records an item's failure, replacing the one before. */
  public synchronized void itemFailed(String feed, ItemFailure failure, Instant now) {
    update("INSERT OR REPLACE INTO item_failures(url, feed, reason, failures, lasting, failed, next_attempt)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", failure.url(), feed, failure.reason(), failure.failures(),
        failure.lasting() ? 1 : 0, now.toString(),
        failure.nextAttempt() == null ? null : failure.nextAttempt().toString());
  }

  private boolean exists(String sql, String value) {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      s.setString(1, value);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new FeedStoreException(sql + " in " + file, e);
    }
  }

  private int update(String sql, Object... values) {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new FeedStoreException(sql + " in " + file, e);
    }
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new FeedStoreException("closing " + file, e);
    }
  }

  /** The feed store could not be read or written; the message names the file and the statement. */
  public static final class FeedStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FeedStoreException(String what, Throwable cause) {
      super(what + ": " + cause.getMessage(), cause);
    }
  }
}
