package org.guizhoubot.answer;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.guizhoubot.concurrent.DaemonThreads;

/**
 * A chat backend whose every call, reply body included, ends within a deadline: a late, failed or
 * empty reply becomes an {@link LlmException} with the reason. Close it to stop its call threads.
 */
final class TimedBackend implements ChatBackend, AutoCloseable {
  private final ExecutorService calls;
  private final ChatBackend backend;
  private final Duration deadline;

  TimedBackend(ChatBackend backend, Duration deadline, String threadName) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, was " + deadline);
    }
    this.calls = Executors.newCachedThreadPool(DaemonThreads.factory(Objects.requireNonNull(threadName, "threadName")));
  }

  @Override
  public String complete(String system, String user) {
    return await(calls.submit(() -> backend.complete(system, user)));
  }

  /**
   * A streamed call: {@code pieces} hears the reply as it arrives, until the call returns or
   * fails; pieces that come later (from a call given up on) are dropped.
   */
  @Override
  public String complete(String system, String user, Consumer<String> pieces) {
    AtomicBoolean open = new AtomicBoolean(true);
    Consumer<String> gated = piece -> {
      if (open.get()) {
        pieces.accept(piece);
      }
    };
    try {
      return await(calls.submit(() -> backend.complete(system, user, gated)));
    } finally {
      open.set(false);
    }
  }

  private String await(Future<String> f) {
    try {
      String reply = f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      if (reply == null || reply.isBlank()) {
        throw new LlmException("empty reply");
      }
      return reply;
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new LlmException("no reply within the deadline of " + deadline.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new LlmException("interrupted while waiting for the reply", e);
    } catch (CancellationException e) {
      throw new LlmException("call cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LlmException l) {
        throw l;
      }
      throw new LlmException("backend failed: " + cause, cause);
    }
  }

  /** Stops the call threads, cancelling calls in flight. */
  @Override
  public void close() {
    calls.shutdownNow();
  }
}
