package org.guizhoubot.cli;

/** A user's mistake (a missing file, a bad option value): reported plainly, exit code 1. */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }
}
