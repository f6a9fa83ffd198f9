package org.guizhoubot.telegram;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work for many chats on a fixed pool: different chats run concurrently, one chat's tasks
 * run one after another in the order submitted.
 */
final class ChatQueues implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChatQueues.class);
  private final ExecutorService pool;
  private final Map<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

  ChatQueues(int workers) {
    this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        BotThreads.daemon("bot-worker"));
  }

  /** Queues a task behind the chat's earlier tasks; it runs even when an earlier one failed. */
  CompletableFuture<Void> submit(long chatId, Runnable task) {
    CompletableFuture<Void> next = tails.compute(chatId, (id, tail) ->
        (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail).handleAsync((v, e) -> {
          try {
            task.run();
          } catch (Throwable t) {
            log.error("Task for chat {} failed", chatId, t);
          }
          return null;
        }, pool));
    next.whenComplete((v, e) -> tails.remove(chatId, next));
    return next;
  }

  /** Runs a task on the pool outside any chat's order (for work that must not wait behind answers). */
  void run(Runnable task) {
    pool.execute(() -> {
      try {
        task.run();
      } catch (Throwable t) {
        log.error("Task failed", t);
      }
    });
  }

  /** Chats with queued or running work. */
  int busyChats() {
    return tails.size();
  }

  @Override
  public void close() {
    BotThreads.stop(pool, 2000);
  }
}
