package org.guizhoubot.telegram.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file whose age tells whether the bot's polling loop is alive: rewritten before each
 * getUpdates request, read by the {@code health} command. Failing to write it never stops polling.
 */
final class Heartbeat {
  private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);
  private final Path file;
  private volatile boolean warned;

  Heartbeat(Path file) {
    this.file = file;
  }

  void beat() {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, Instant.now().toString());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!warned) {
        warned = true;
        log.warn("Cannot write the heartbeat file {}: {}", file, e.getMessage());
      }
    }
  }
}
