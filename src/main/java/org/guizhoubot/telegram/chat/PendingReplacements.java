package org.guizhoubot.telegram.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.guizhoubot.library.ArticleSource;

/**
 * Articles refused because their id was taken, kept for the "Replace it" button under the refusal:
 * the newest {@code capacity} ones, each taken once. Kept in memory, so a restart forgets them.
 */
final class PendingReplacements {
  private final int capacity;
  private final Map<String, ArticleSource> byToken;

  PendingReplacements(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.capacity = capacity;
    this.byToken = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ArticleSource> eldest) {
        return size() > PendingReplacements.this.capacity;
      }
    };
  }

  /** Keeps the source and returns the token for its button (short enough for callback data). */
  synchronized String offer(ArticleSource source) {
    String token = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    byToken.put(token, source);
    return token;
  }

  /** The source offered under this token, once; null when it is unknown or already taken. */
  synchronized ArticleSource take(String token) {
    return byToken.remove(token);
  }
}
