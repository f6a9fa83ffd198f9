package org.guizhoubot.telegram.transport;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose next request has not arrived whole (headers and body) within the
 * deadline of the connection opening or of the previous response, so a client sending slowly, or
 * keeping an idle connection, holds it no longer than that. Added to a Jetty connector as a bean,
 * it hears of every connection and request there. Jetty's own idle timeout is reset by each byte.
 */
final class RequestDeadline implements Connection.Listener, HttpChannel.Listener {
  private static final Logger log = LoggerFactory.getLogger(RequestDeadline.class);

  private final Scheduler scheduler;
  private final Duration deadline;
  private final Map<Connection, Pending> waiting = new ConcurrentHashMap<>();

  RequestDeadline(Scheduler scheduler, Duration deadline) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, was " + deadline);
    }
  }

  @Override
  public void onOpened(Connection connection) {
    arm(connection);
  }

  @Override
  public void onClosed(Connection connection) {
    disarm(connection);
  }

  @Override
  public void onRequestEnd(Request request) {
    disarm(request.getHttpChannel().getConnection());
  }

  @Override
  public void onComplete(Request request) {
    Connection connection = request.getHttpChannel().getConnection();
    if (connection.getEndPoint().isOpen()) {
      arm(connection);
    }
  }

  /** Connections waiting for a request now (for tests). */
  int waiting() {
    return waiting.size();
  }

  private void arm(Connection connection) {
    Pending pending = new Pending(connection);
    Pending before = waiting.put(connection, pending);
    if (before != null) {
      before.cancel();
    }
    pending.task = scheduler.schedule(pending, deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void disarm(Connection connection) {
    Pending pending = waiting.remove(connection);
    if (pending != null) {
      pending.cancel();
    }
  }

  /** A connection's deadline; it closes the connection unless it was disarmed first. */
  private final class Pending implements Runnable {
    private final Connection connection;
    private volatile Scheduler.Task task;

    Pending(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void run() {
      if (waiting.remove(connection, this)) {
        log.debug("Closing a webhook connection from {}: no whole request within {} s",
            connection.getEndPoint().getRemoteSocketAddress(), deadline.toSeconds());
        connection.getEndPoint().close();
      }
    }

    void cancel() {
      Scheduler.Task t = task;
      if (t != null) {
        t.cancel();
      }
    }
  }
}
