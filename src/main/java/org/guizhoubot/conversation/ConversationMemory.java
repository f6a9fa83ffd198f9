package org.guizhoubot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The last few turns of each conversation, in memory. A conversation is forgotten when its last
 * turn is older than the time to live; past {@code maxConversations} the least recently active
 * one is forgotten first, so memory stays bounded however many chats there are. Thread-safe.
 */
public final class ConversationMemory {
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(30);
  public static final int DEFAULT_MAX_CONVERSATIONS = 10_000;
  public static final int DEFAULT_TURNS = 3;

  private final Duration ttl;
  private final int maxConversations;
  private final int turnsKept;
  private final Clock clock;
  private final LinkedHashMap<String, Deque<Turn>> conversations = new LinkedHashMap<>();

  public ConversationMemory(Duration ttl, int maxConversations, int turnsKept, Clock clock) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, was " + ttl);
    }
    if (maxConversations < 1) {
      throw new IllegalArgumentException("maxConversations must be at least 1, was " + maxConversations);
    }
    if (turnsKept < 1) {
      throw new IllegalArgumentException("turnsKept must be at least 1, was " + turnsKept);
    }
    this.ttl = ttl;
    this.maxConversations = maxConversations;
    this.turnsKept = turnsKept;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ConversationMemory(Duration ttl) {
    this(ttl, DEFAULT_MAX_CONVERSATIONS, DEFAULT_TURNS, Clock.systemUTC());
  }

  /** The conversation's most recent turn, unless it has expired. */
  public synchronized Optional<Turn> last(String conversation) {
    evictExpired();
    Deque<Turn> turns = conversations.get(key(conversation));
    return turns == null ? Optional.empty() : Optional.ofNullable(turns.peekLast());
  }

  /** The conversation's remembered turns, oldest first. */
  public synchronized List<Turn> turns(String conversation) {
    evictExpired();
    Deque<Turn> turns = conversations.get(key(conversation));
    return turns == null ? List.of() : List.copyOf(new ArrayList<>(turns));
  }

  public synchronized void remember(String conversation, Turn turn) {
    Objects.requireNonNull(turn, "turn");
    evictExpired();
    Deque<Turn> turns = conversations.remove(key(conversation));
    if (turns == null) {
      turns = new ArrayDeque<>(turnsKept);
    }
    turns.addLast(turn);
    conversations.put(conversation, turns);
    while (turns.size() > turnsKept) {
      turns.removeFirst();
    }
    Iterator<Map.Entry<String, Deque<Turn>>> it = conversations.entrySet().iterator();
    while (conversations.size() > maxConversations && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  /** Drops what the conversation remembers; its next question starts afresh. */
  public synchronized void forget(String conversation) {
    conversations.remove(key(conversation));
  }

  /** Conversations remembered now. */
  public synchronized int size() {
    evictExpired();
    return conversations.size();
  }

  public Instant now() {
    return clock.instant();
  }

  /**
   * A conversation moves to the end when it gets a turn, so the map runs from the longest idle to
   * the most recently active, and expired conversations sit at the head.
   */
  private void evictExpired() {
    Instant oldest = clock.instant().minus(ttl);
    Iterator<Deque<Turn>> it = conversations.values().iterator();
    while (it.hasNext()) {
      Deque<Turn> turns = it.next();
      if (turns.isEmpty() || !turns.peekLast().at().isAfter(oldest)) {
        it.remove();
      } else {
        break;
      }
    }
  }

  private static String key(String conversation) {
    Objects.requireNonNull(conversation, "conversation");
    if (conversation.isBlank()) {
      throw new IllegalArgumentException("conversation must not be blank");
    }
    return conversation;
  }
}
