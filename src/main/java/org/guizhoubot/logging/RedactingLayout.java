package org.guizhoubot.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * A logback pattern layout whose every formatted line, message, arguments and stack trace
 * included, passes through {@link Redactor} before it is written.
 */
public final class RedactingLayout extends PatternLayout {
  @Override
  public String doLayout(ILoggingEvent event) {
    return Redactor.redact(super.doLayout(event));
  }
}
