package org.guizhoubot.telegram.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The updates received, in {@code bot.db}, and whether each was handled, so that a crash loses
 * none and a repeat is handled once.
 */
public final class InboxStore {
  private final Connection db;
  private final Object lock;

  InboxStore(Connection db, Object lock) {
    this.db = db;
    this.lock = lock;
  }

  /**
   * Records updates the bot {@code botId} received, in one transaction, and returns the ids that
   * were new: an id already recorded (Telegram sends an update again until it is confirmed) is left
   * as it was.
   */
  public Set<Long> receive(long botId, Map<Long, String> payloads, long nowMillis) {
    synchronized (lock) {
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
        throw new BotDb.BotDbException("cannot record " + payloads.size() + " updates (" + sql + "): " + e.getMessage(), e);
      }
    }
  }

  /** Marks an update handled, so that it is not handled again after a restart. */
  public void handled(long botId, long updateId, long nowMillis) {
    synchronized (lock) {
      try {
        markHandled(db, new Handled(botId, updateId, nowMillis));
      } catch (SQLException e) {
        throw new BotDb.BotDbException("cannot mark update " + updateId + " handled: " + e.getMessage(), e);
      }
    }
  }

  /** Marks an update handled on {@code db}, within the caller's transaction. */
  static void markHandled(Connection db, Handled h) throws SQLException {
    String sql = "UPDATE inbox SET handled_at = ? WHERE bot_id = ? AND update_id = ? AND handled_at IS NULL";
    try (PreparedStatement p = db.prepareStatement(sql)) {
      p.setLong(1, h.atMillis());
      p.setLong(2, h.botId());
      p.setLong(3, h.updateId());
      p.executeUpdate();
    }
  }

  /** The updates the bot {@code botId} received but did not handle (the process stopped first), oldest first. */
  public List<Received> unhandled(long botId) {
    synchronized (lock) {
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
        throw new BotDb.BotDbException("cannot read unhandled updates (" + sql + "): " + e.getMessage(), e);
      }
    }
  }

  /** Deletes handled updates received before {@code before}; returns how many. */
  int prune(long before) throws SQLException {
    try (PreparedStatement u = db.prepareStatement("DELETE FROM inbox WHERE handled_at IS NOT NULL AND received_at < ?")) {
      u.setLong(1, before);
      return u.executeUpdate();
    }
  }

  /** That the bot {@code botId} handled update {@code updateId} at {@code atMillis} (epoch ms). */
  public record Handled(long botId, long updateId, long atMillis) {}

  /** An update as received from Telegram: its id, its JSON, and when it was recorded (epoch ms). */
  public record Received(long updateId, String payload, long receivedAt) {
    public Received {
      Objects.requireNonNull(payload, "payload");
    }
  }
}
