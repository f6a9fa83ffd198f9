package org.guizhoubot.telegram.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.guizhoubot.corpus.Corpus;

/**
 * The bot's own SQLite file ({@code data/bot.db}): the updates received and whether they were
 * handled (so that a crash loses none), answers given (so that a feedback button needs only a short
 * key), votes on them, and counters of questions answered and declined. User ids are stored as
 * salted hashes.
 */
public final class FeedbackStore implements AutoCloseable {
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private final Path file;
  private final Connection db;
  private final SecureRandom random = new SecureRandom();
  private final String salt;

  private FeedbackStore(Path file, Connection db) {
    this.file = file;
    this.db = db;
    this.salt = meta("salt").orElseGet(() -> {
      String s = key(16);
      setMeta("salt", s);
      return s;
    });
  }

  /** Opens (creating if needed) the store at {@code file}. */
  public static FeedbackStore open(Path file) {
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
      return new FeedbackStore(file, db);
    } catch (IOException | SQLException e) {
      throw new FeedbackStoreException("cannot open bot database " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /** Keeps an answer and returns the short key its feedback buttons carry. */
  public synchronized String remember(String question, List<String> articleIds, String outcome) {
    String key = key(10);
    String sql = "INSERT INTO answers(key, question, article_ids, outcome, created_at) VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement p = db.prepareStatement(sql)) {
      p.setString(1, key);
      p.setString(2, question);
      p.setString(3, String.join(",", articleIds));
      p.setString(4, outcome);
      p.setLong(5, System.currentTimeMillis());
      p.executeUpdate();
      return key;
    } catch (SQLException e) {
      throw new FeedbackStoreException("cannot store answer (" + sql + "): " + e.getMessage(), e);
    }
  }

  /**
   * Records a user's vote on an answer, replacing their earlier vote on it; empty when the key is
   * unknown.
   */
  public synchronized Optional<Vote> vote(String answerKey, long userId, boolean up) {
    String select = "SELECT question, article_ids FROM answers WHERE key = ?";
    String upsert = "INSERT INTO votes(answer_key, user_hash, vote, question, article_ids, voted_at)"
        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(answer_key, user_hash) DO UPDATE SET vote = excluded.vote,"
        + " voted_at = excluded.voted_at";
    try (PreparedStatement q = db.prepareStatement(select)) {
      q.setString(1, answerKey);
      String question;
      String ids;
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        question = r.getString(1);
        ids = r.getString(2);
      }
      Vote vote = new Vote(answerKey, userHash(userId), up, question, splitIds(ids));
      try (PreparedStatement p = db.prepareStatement(upsert)) {
        p.setString(1, answerKey);
        p.setString(2, vote.userHash());
        p.setInt(3, up ? 1 : -1);
        p.setString(4, question);
        p.setString(5, ids);
        p.setLong(6, System.currentTimeMillis());
        p.executeUpdate();
      }
      return Optional.of(vote);
    } catch (SQLException e) {
      throw new FeedbackStoreException("cannot store vote on answer " + answerKey + ": " + e.getMessage(), e);
    }
  }

  /** Every vote, oldest first. */
  public synchronized List<Vote> votes() {
    String sql = "SELECT answer_key, user_hash, vote, question, article_ids FROM votes ORDER BY voted_at, rowid";
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      List<Vote> votes = new ArrayList<>();
      while (r.next()) {
        votes.add(new Vote(r.getString(1), r.getString(2), r.getInt(3) > 0, r.getString(4), splitIds(r.getString(5))));
      }
      return votes;
    } catch (SQLException e) {
      throw new FeedbackStoreException("cannot read votes (" + sql + "): " + e.getMessage(), e);
    }
  }

  /**
   * Records updates the bot {@code botId} received, in one transaction, and returns the ids that
   * were new: an id already recorded (Telegram sends an update again until it is confirmed) is left
   * as it was.
   */
  public synchronized Set<Long> receive(long botId, Map<Long, String> payloads, long nowMillis) {
    String sql = "INSERT OR IGNORE INTO inbox(bot_id, update_id, payload, received_at) VALUES (?, ?, ?, ?)";
    Set<Long> fresh = new HashSet<>();
    try {
      db.setAutoCommit(false);
      try (PreparedStatement p = db.prepareStatement(sql)) {
        for (Map.Entry<Long, String> e : payloads.entrySet()) {
          p.setLong(1, botId);
          p.setLong(2, e.getKey());
          p.setString(3, e.getValue());
          p.setLong(4, nowMillis);
          if (p.executeUpdate() == 1) {
            fresh.add(e.getKey());
          }
        }
        db.commit();
      } catch (SQLException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
      return fresh;
    } catch (SQLException e) {
      throw new FeedbackStoreException("cannot record " + payloads.size() + " updates (" + sql + "): " + e.getMessage(), e);
    }
  }

  /** Marks an update handled, so that it is not handled again after a restart. */
  public synchronized void handled(long botId, long updateId, long nowMillis) {
    String sql = "UPDATE inbox SET handled_at = ? WHERE bot_id = ? AND update_id = ? AND handled_at IS NULL";
    try (PreparedStatement p = db.prepareStatement(sql)) {
      p.setLong(1, nowMillis);
      p.setLong(2, botId);
      p.setLong(3, updateId);
      p.executeUpdate();
    } catch (SQLException e) {
      throw new FeedbackStoreException("cannot mark update " + updateId + " handled: " + e.getMessage(), e);
    }
  }

  /** The updates the bot {@code botId} received but did not handle (the process stopped first), oldest first. */
  public synchronized List<Received> unhandled(long botId) {
    String sql = "SELECT update_id, payload, received_at FROM inbox WHERE bot_id = ? AND handled_at IS NULL"
        + " ORDER BY update_id";
    try (PreparedStatement p = db.prepareStatement(sql)) {
      p.setLong(1, botId);
      List<Received> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new Received(r.getLong(1), r.getString(2), r.getLong(3)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new FeedbackStoreException("cannot read unhandled updates (" + sql + "): " + e.getMessage(), e);
    }
  }

  /**
   * Deletes answers created before {@code answersBefore} (their buttons then say the answer is too
   * old to rate; votes are kept) and handled updates received before {@code updatesBefore}.
   */
  public synchronized Pruned prune(long answersBefore, long updatesBefore) {
    try (PreparedStatement a = db.prepareStatement("DELETE FROM answers WHERE created_at < ?");
        PreparedStatement u = db.prepareStatement("DELETE FROM inbox WHERE handled_at IS NOT NULL AND received_at < ?")) {
      a.setLong(1, answersBefore);
      u.setLong(1, updatesBefore);
      return new Pruned(a.executeUpdate(), u.executeUpdate());
    } catch (SQLException e) {
      throw new FeedbackStoreException("cannot prune " + file + ": " + e.getMessage(), e);
    }
  }

  /** Adds one to a counter. */
  public synchronized void count(String counter) {
    String sql = "INSERT INTO counters(name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1";
    try (PreparedStatement p = db.prepareStatement(sql)) {
      p.setString(1, counter);
      p.executeUpdate();
    } catch (SQLException e) {
      throw new FeedbackStoreException("cannot count " + counter + ": " + e.getMessage(), e);
    }
  }

  /** Questions answered and declined, and votes up and down. */
  public synchronized Stats stats() {
    String sql = "SELECT (SELECT COALESCE(SUM(value), 0) FROM counters WHERE name = 'answered'),"
        + " (SELECT COALESCE(SUM(value), 0) FROM counters WHERE name = 'declined'),"
        + " (SELECT COUNT(*) FROM votes WHERE vote > 0), (SELECT COUNT(*) FROM votes WHERE vote < 0)";
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return new Stats(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
    } catch (SQLException e) {
      throw new FeedbackStoreException("cannot read stats (" + sql + "): " + e.getMessage(), e);
    }
  }

  String userHash(long userId) {
    return Corpus.sha256((salt + ":" + userId).getBytes(StandardCharsets.UTF_8)).substring(0, 24);
  }

  private Optional<String> meta(String key) {
    try (PreparedStatement p = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new FeedbackStoreException("cannot read meta " + key + ": " + e.getMessage(), e);
    }
  }

  private void setMeta(String key, String value) {
    try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
      p.setString(1, key);
      p.setString(2, value);
      p.executeUpdate();
    } catch (SQLException e) {
      throw new FeedbackStoreException("cannot write meta " + key + ": " + e.getMessage(), e);
    }
  }

  private String key(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  private static List<String> splitIds(String ids) {
    return ids == null || ids.isEmpty() ? List.of() : List.of(ids.split(","));
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new FeedbackStoreException("cannot close bot database " + file + ": " + e.getMessage(), e);
    }
  }

  /** One user's vote on one answer. */
  public record Vote(String answerKey, String userHash, boolean up, String question, List<String> articleIds) {
    public Vote {
      Objects.requireNonNull(answerKey, "answerKey");
      Objects.requireNonNull(question, "question");
      articleIds = List.copyOf(articleIds);
    }
  }

  /** An update as received from Telegram: its id, its JSON, and when it was recorded (epoch ms). */
  public record Received(long updateId, String payload, long receivedAt) {
    public Received {
      Objects.requireNonNull(payload, "payload");
    }
  }

  /** Rows deleted by {@link #prune}. */
  public record Pruned(int answers, int updates) {}

  /** What {@code /stats} shows from this store. */
  public record Stats(long answered, long declined, long votesUp, long votesDown) {}

  /** A failure of the bot database, naming what was being done. */
  public static final class FeedbackStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FeedbackStoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
