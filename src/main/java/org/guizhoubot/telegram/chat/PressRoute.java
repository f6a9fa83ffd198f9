package org.guizhoubot.telegram.chat;

import java.util.Objects;
import org.guizhoubot.telegram.transport.Incoming;

/** Where presses on buttons whose data starts with {@code prefix} go, and who may press them. */
record PressRoute(String prefix, Command.Access access, Handler handler) {
  /** Runs on the polling thread: it decides and queues work, never waits for it. */
  interface Handler {
    void press(Incoming.Press press);
  }

  PressRoute {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(handler, "handler");
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("prefix must not be empty");
    }
  }
}
