package org.guizhoubot.telegram.chat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a pool it does not own, in order per key (a chat): tasks of different keys run
 * side by side, the tasks of one key one after another in the order submitted.
 */
final class OrderedQueues {
  private static final Logger log = LoggerFactory.getLogger(OrderedQueues.class);
  private final Executor pool;
  private final Map<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

  OrderedQueues(Executor pool) {
    this.pool = pool;
  }

  /** Queues a task behind the key's earlier tasks; it runs even when an earlier one failed. */
  CompletableFuture<Void> submit(long key, Runnable task) {
    return submit(key, CompletableFuture.completedFuture(null), v -> task.run());
  }

  /**
   * Takes the task's place in the key's order now, but runs it only once {@code ready} has a value
   * too (without holding a thread while it waits). A failed {@code ready} gives the task null.
   */
  <T> CompletableFuture<Void> submit(long key, CompletableFuture<T> ready, Consumer<? super T> task) {
    CompletableFuture<Void> next = tails.compute(key, (id, tail) ->
        (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
            .thenCompose(v -> ready.exceptionally(e -> null))
            .thenAcceptAsync(value -> {
              try {
                task.accept(value);
              } catch (Throwable t) {
                log.error("Task for chat {} failed", key, t);
              }
            }, pool)
            .exceptionally(e -> {
              log.debug("Task for chat {} was not run: {}", key, e.toString());
              return null;
            }));
    next.whenComplete((v, e) -> tails.remove(key, next));
    return next;
  }

  /** Whether every task submitted in a key's order has ended. */
  boolean isIdle() {
    return tails.isEmpty();
  }

  /** Runs a task on the pool outside any key's order (for work that must not wait behind others). */
  void run(Runnable task) {
    pool.execute(() -> {
      try {
        task.run();
      } catch (Throwable t) {
        log.error("Task failed", t);
      }
    });
  }
}
