package org.guizhoubot.telegram.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The bot's own SQLite file ({@code data/bot.db}) and its schema; its stores are the {@link #inbox()}
 * of updates and the {@link #answers()} with their votes and counters, sharing one connection.
 */
public final class BotDb implements AutoCloseable {
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private final Path file;
  private final Connection db;
  private final SecureRandom random = new SecureRandom();
  private final InboxStore inbox;
  private final AnswerStore answers;

  private BotDb(Path file, Connection db) {
    this.file = file;
    this.db = db;
    String salt = meta("salt").orElseGet(() -> {
      String s = key(16);
      setMeta("salt", s);
      return s;
    });
    this.inbox = new InboxStore(db, this);
    this.answers = new AnswerStore(db, this, salt, this::key);
  }

  /** Opens (creating if needed) the store at {@code file}. */
  public static BotDb open(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA busy_timeout=5000");
        // A commit survives the process being killed; only a power loss may undo the last ones.
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS answers(key TEXT PRIMARY KEY, question TEXT NOT NULL,"
            + " article_ids TEXT NOT NULL, outcome TEXT NOT NULL, created_at INTEGER NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS votes(answer_key TEXT NOT NULL, user_hash TEXT NOT NULL,"
            + " vote INTEGER NOT NULL, question TEXT NOT NULL, article_ids TEXT NOT NULL,"
            + " voted_at INTEGER NOT NULL, PRIMARY KEY(answer_key, user_hash))");
        s.execute("CREATE TABLE IF NOT EXISTS counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS inbox(bot_id INTEGER NOT NULL, update_id INTEGER NOT NULL,"
            + " payload TEXT NOT NULL, received_at INTEGER NOT NULL, handled_at INTEGER, PRIMARY KEY(bot_id, update_id))");
        s.execute("CREATE INDEX IF NOT EXISTS answers_created ON answers(created_at)");
      }
      return new BotDb(file, db);
    } catch (IOException | SQLException e) {
      throw new BotDbException("cannot open bot database " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Deletes answers created before {@code answersBefore} (their buttons then say the answer is too
   * old to rate; votes are kept) and handled updates received before {@code updatesBefore}.
   */
  public synchronized Pruned prune(long answersBefore, long updatesBefore) {
    try {
      return new Pruned(answers.prune(answersBefore), inbox.prune(updatesBefore));
    } catch (SQLException e) {
      throw new BotDbException("cannot prune " + file + ": " + e.getMessage(), e);
    }
  }

  public InboxStore inbox() {
    return inbox;
  }

  public AnswerStore answers() {
    return answers;
  }

  private Optional<String> meta(String key) {
    try (PreparedStatement p = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new BotDbException("cannot read meta " + key + ": " + e.getMessage(), e);
    }
  }

  private void setMeta(String key, String value) {
    try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
      p.setString(1, key);
      p.setString(2, value);
      p.executeUpdate();
    } catch (SQLException e) {
      throw new BotDbException("cannot write meta " + key + ": " + e.getMessage(), e);
    }
  }

  private String key(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new BotDbException("cannot close bot database " + file + ": " + e.getMessage(), e);
    }
  }

  /** Rows deleted by {@link #prune}. */
  public record Pruned(int answers, int updates) {}

  /** A failure of the bot database, naming what was being done. */
  public static final class BotDbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BotDbException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
