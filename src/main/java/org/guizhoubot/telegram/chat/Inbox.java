package org.guizhoubot.telegram.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.guizhoubot.telegram.transport.Incoming;
import org.guizhoubot.telegram.transport.Updates;
import org.guizhoubot.telegram.state.BotDb;
import org.guizhoubot.telegram.state.InboxStore;

/**
 * At-least-once handling of updates: each batch is recorded in {@code bot.db}, as our own
 * {@link Incoming}s ({@link IncomingJson}), before it is handed
 * on, and the poller confirms a batch to Telegram (the next offset) only after this returns (a
 * webhook post is answered 200 only after its update is recorded), so an update is either recorded
 * or delivered again. An update is marked handled when its work is done;
 * on start, the ones a crash left unhandled are handled then, or told they were missed when older
 * than {@code recoverWithin}. One already recorded is never handled a second time.
 */
final class Inbox {
  private static final Logger log = LoggerFactory.getLogger(Inbox.class);
  /** Handled updates are kept this long, to recognise Telegram sending one again. */
  static final Duration KEEP_HANDLED = Duration.ofDays(1);
  private static final long PRUNE_EVERY_MS = Duration.ofHours(1).toMillis();

  private final BotDb store;
  private final long botId;
  private final Updates updates;
  private final IncomingJson codec;
  private final GuizhouBot bot;
  private final Duration recoverWithin;
  private final Duration keepAnswers;
  private final LongSupplier clock;
  /** When the last prune ran; none yet at 0, so the first update prunes. Webhook posts arrive on several threads. */
  private final java.util.concurrent.atomic.AtomicLong lastPrune = new java.util.concurrent.atomic.AtomicLong();

  Inbox(BotDb store, long botId, ObjectMapper json, Updates updates, GuizhouBot bot, Duration recoverWithin,
      Duration keepAnswers, LongSupplier clock) {
    this.store = store;
    this.botId = botId;
    this.updates = updates;
    this.codec = new IncomingJson(json, updates);
    this.bot = bot;
    this.recoverWithin = recoverWithin;
    this.keepAnswers = keepAnswers;
    this.clock = clock;
  }

  /**
   * Records a batch from the poller as our own {@link Incoming}s, then hands each new one to the
   * bot; what the bot ignores is not recorded. Nothing thrown escapes.
   */
  void consume(List<Update> batch) {
    if (bot.isClosed()) {
      return;
    }
    Map<Long, Incoming> incoming = new LinkedHashMap<>();
    Map<Long, String> payloads = new LinkedHashMap<>();
    for (Update u : batch) {
      if (u == null || u.getUpdateId() == null) {
        continue;
      }
      long id = u.getUpdateId();
      Optional<Incoming> in = translate(u);
      if (in.isEmpty()) {
        continue;
      }
      incoming.put(id, in.get());
      try {
        payloads.put(id, codec.write(in.get()));
      } catch (JsonProcessingException e) {
        log.error("Update {} cannot be recorded: {}", id, e.getMessage());
      }
    }
    Set<Long> fresh;
    try {
      fresh = store.inbox().receive(botId, payloads, clock.getAsLong());
    } catch (BotDb.BotDbException e) {
      log.error("Updates could not be recorded; handling them without a record: {}", e.getMessage());
      fresh = null;
    }
    for (Map.Entry<Long, Incoming> e : incoming.entrySet()) {
      long id = e.getKey();
      if (fresh != null && payloads.containsKey(id) && !fresh.contains(id)) {
        log.debug("Update {} was recorded before; not handled again", id);
        continue;
      }
      handle(id, e.getValue(), fresh != null && fresh.contains(id) ? receipt(id, false) : Receipt.NONE);
    }
    pruneHourly();
  }

  /**
   * Records one update posted to the webhook, before the post is answered: what to run once it is
   * answered to handle it, or empty when the bot ignores it, it was recorded before (Telegram
   * posting it again) or the bot is closing. When it cannot be recorded, it is handled without a record.
   */
  Optional<Runnable> record(Update u) {
    if (bot.isClosed() || u == null || u.getUpdateId() == null) {
      return Optional.empty();
    }
    long id = u.getUpdateId();
    Optional<Incoming> translated = translate(u);
    if (translated.isEmpty()) {
      return Optional.empty();
    }
    Incoming in = translated.get();
    Receipt receipt;
    try {
      Set<Long> fresh = store.inbox().receive(botId, Map.of(id, codec.write(in)), clock.getAsLong());
      if (!fresh.contains(id)) {
        log.debug("Update {} was recorded before; not handled again", id);
        return Optional.empty();
      }
      receipt = receipt(id, false);
    } catch (JsonProcessingException e) {
      log.error("Update {} cannot be recorded: {}", id, e.getMessage());
      receipt = Receipt.NONE;
    } catch (BotDb.BotDbException e) {
      log.error("Update {} could not be recorded; handling it without a record: {}", id, e.getMessage());
      receipt = Receipt.NONE;
    }
    Receipt handled = receipt;
    return Optional.of(() -> {
      handle(id, in, handled);
      pruneHourly();
    });
  }

  /**
   * Handles the updates that were recorded but not handled before the last stop, oldest first;
   * returns how many.
   */
  int recover() {
    List<InboxStore.Received> pending = store.inbox().unhandled(botId);
    long now = clock.getAsLong();
    int stale = 0;
    for (InboxStore.Received r : pending) {
      boolean tooOld = now - r.receivedAt() > recoverWithin.toMillis();
      stale += tooOld ? 1 : 0;
      Optional<Incoming> in;
      try {
        in = codec.read(r.payload());
      } catch (JsonProcessingException | RuntimeException e) {
        log.error("Recorded update {} cannot be read back; dropped: {}", r.updateId(), e.getMessage());
        markHandled(r.updateId());
        continue;
      }
      if (in.isEmpty()) {
        markHandled(r.updateId());
        continue;
      }
      handle(r.updateId(), in.get(), receipt(r.updateId(), tooOld));
    }
    if (!pending.isEmpty()) {
      log.info("Handling {} updates left unhandled when the bot last stopped ({} older than {} min: told they were missed)",
          pending.size(), stale, recoverWithin.toMinutes());
    }
    return pending.size();
  }

  /** Deletes answers older than the setting and handled updates older than a day. */
  BotDb.Pruned prune() {
    long now = clock.getAsLong();
    lastPrune.set(now);
    BotDb.Pruned p = store.prune(now - keepAnswers.toMillis(), now - KEEP_HANDLED.toMillis());
    if (p.answers() > 0 || p.updates() > 0) {
      log.info("Pruned {} answers older than {} days and {} handled updates from {}", p.answers(),
          keepAnswers.toDays(), p.updates(), store.file());
    }
    return p;
  }

  private void pruneHourly() {
    long last = lastPrune.get();
    if (clock.getAsLong() - last < PRUNE_EVERY_MS || !lastPrune.compareAndSet(last, clock.getAsLong())) {
      return;
    }
    try {
      prune();
    } catch (BotDb.BotDbException e) {
      log.warn("Pruning the bot database failed: {}", e.getMessage());
    }
  }

  /** What the bot makes of an update; empty for what it ignores, or cannot read (logged). */
  private Optional<Incoming> translate(Update u) {
    try {
      return updates.translate(u);
    } catch (RuntimeException e) {
      log.error("Update {} could not be handled", u.getUpdateId(), e);
      return Optional.empty();
    }
  }

  private void handle(long updateId, Incoming in, Receipt receipt) {
    try {
      bot.handle(in, receipt);
    } catch (RuntimeException e) {
      log.error("Update {} could not be handled", updateId, e);
      receipt.done();
    }
  }

  private Receipt receipt(long updateId, boolean stale) {
    return new Receipt(() -> markHandled(updateId), stale,
        () -> new InboxStore.Handled(botId, updateId, clock.getAsLong()));
  }

  private void markHandled(long updateId) {
    try {
      store.inbox().handled(botId, updateId, clock.getAsLong());
    } catch (BotDb.BotDbException e) {
      log.warn("Could not mark update {} handled: {}", updateId, e.getMessage());
    }
  }
}
