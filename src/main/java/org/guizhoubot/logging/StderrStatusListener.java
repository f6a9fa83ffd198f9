package org.guizhoubot.logging;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Prints logback's own warnings and errors (a broken logback.xml, an appender that failed) to
 * stderr. Without a listener logback prints them to stdout, which carries only the CLI's output.
 */
public final class StderrStatusListener implements StatusListener {
  @Override
  public void addStatusEvent(Status status) {
    if (status.getEffectiveLevel() >= Status.WARN) {
      System.err.println(Redactor.redact("logback: " + status));
    }
  }
}
