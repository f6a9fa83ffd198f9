package org.guizhoubot.telegram.state;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import org.guizhoubot.corpus.Corpus;

/**
 * Answers given (so that a feedback button needs only a short key), votes on them, and counters of
 * questions answered and declined, in {@code bot.db}. User ids are stored as salted hashes.
 */
public final class AnswerStore {
  private final Connection db;
  private final Object lock;
  private final String salt;
  private final IntFunction<String> keys;

  AnswerStore(Connection db, Object lock, String salt, IntFunction<String> keys) {
    this.db = db;
    this.lock = lock;
    this.salt = salt;
    this.keys = keys;
  }

  /**
   * Records an answer in one transaction: counts it under {@code outcome} ("answered", "declined"),
   * keeps it for votes, and marks the update that asked it handled ({@code asked}; none when null).
   * Returns the short key its feedback buttons carry.
   */
  public String answered(String question, List<String> articleIds, String outcome, InboxStore.Handled asked) {
    synchronized (lock) {
      try {
        db.setAutoCommit(false);
        try {
          increment(outcome);
          String key = insert(question, articleIds, outcome);
          if (asked != null) {
            InboxStore.markHandled(db, asked);
          }
          db.commit();
          return key;
        } catch (SQLException e) {
          db.rollback();
          throw e;
        } finally {
          db.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw new BotDb.BotDbException("cannot record the " + outcome + " question '" + question + "'"
            + (asked == null ? "" : " of update " + asked.updateId()) + ": " + e.getMessage(), e);
      }
    }
  }

  /** Keeps an answer and returns the short key its feedback buttons carry. */
  public String remember(String question, List<String> articleIds, String outcome) {
    synchronized (lock) {
      try {
        return insert(question, articleIds, outcome);
      } catch (SQLException e) {
        throw new BotDb.BotDbException("cannot store answer: " + e.getMessage(), e);
      }
    }
  }

  private String insert(String question, List<String> articleIds, String outcome) throws SQLException {
    String key = keys.apply(10);
    String sql = "INSERT INTO answers(key, question, article_ids, outcome, created_at) VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement p = db.prepareStatement(sql)) {
      p.setString(1, key);
      p.setString(2, question);
      p.setString(3, String.join(",", articleIds));
      p.setString(4, outcome);
      p.setLong(5, System.currentTimeMillis());
      p.executeUpdate();
      return key;
    }
  }

  /**
   * Records a user's vote on an answer, replacing their earlier vote on it; empty when the key is
   * unknown.
   */
  public Optional<Vote> vote(String answerKey, long userId, boolean up) {
    synchronized (lock) {
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
        throw new BotDb.BotDbException("cannot store vote on answer " + answerKey + ": " + e.getMessage(), e);
      }
    }
  }

  /** Every vote, oldest first. */
  public List<Vote> votes() {
    synchronized (lock) {
      String sql = "SELECT answer_key, user_hash, vote, question, article_ids FROM votes ORDER BY voted_at, rowid";
      try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
        List<Vote> votes = new ArrayList<>();
        while (r.next()) {
          votes.add(new Vote(r.getString(1), r.getString(2), r.getInt(3) > 0, r.getString(4), splitIds(r.getString(5))));
        }
        return votes;
      } catch (SQLException e) {
        throw new BotDb.BotDbException("cannot read votes (" + sql + "): " + e.getMessage(), e);
      }
    }
  }

  /** Adds one to a counter. */
  public void count(String counter) {
    synchronized (lock) {
      try {
        increment(counter);
      } catch (SQLException e) {
        throw new BotDb.BotDbException("cannot count " + counter + ": " + e.getMessage(), e);
      }
    }
  }

  private void increment(String counter) throws SQLException {
    String sql = "INSERT INTO counters(name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1";
    try (PreparedStatement p = db.prepareStatement(sql)) {
      p.setString(1, counter);
      p.executeUpdate();
    }
  }

  /** Questions answered and declined, and votes up and down. */
  public Stats stats() {
    synchronized (lock) {
      String sql = "SELECT (SELECT COALESCE(SUM(value), 0) FROM counters WHERE name = 'answered'),"
          + " (SELECT COALESCE(SUM(value), 0) FROM counters WHERE name = 'declined'),"
          + " (SELECT COUNT(*) FROM votes WHERE vote > 0), (SELECT COUNT(*) FROM votes WHERE vote < 0)";
      try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
        r.next();
        return new Stats(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
      } catch (SQLException e) {
        throw new BotDb.BotDbException("cannot read stats (" + sql + "): " + e.getMessage(), e);
      }
    }
  }

  /** Deletes answers created before {@code before} (votes are kept); returns how many. */
  int prune(long before) throws SQLException {
    try (PreparedStatement a = db.prepareStatement("DELETE FROM answers WHERE created_at < ?")) {
      a.setLong(1, before);
      return a.executeUpdate();
    }
  }

  String userHash(long userId) {
    return Corpus.sha256((salt + ":" + userId).getBytes(StandardCharsets.UTF_8)).substring(0, 24);
  }

  private static List<String> splitIds(String ids) {
    return ids == null || ids.isEmpty() ? List.of() : List.of(ids.split(","));
  }

  /** One user's vote on one answer. */
  public record Vote(String answerKey, String userHash, boolean up, String question, List<String> articleIds) {
    public Vote {
      Objects.requireNonNull(answerKey, "answerKey");
      Objects.requireNonNull(question, "question");
      articleIds = List.copyOf(articleIds);
    }
  }

  /** What {@code /stats} shows from this store. */
  public record Stats(long answered, long declined, long votesUp, long votesDown) {}
}
