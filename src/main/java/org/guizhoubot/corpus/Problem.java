package org.guizhoubot.corpus;

import java.util.Objects;

/** Something wrong with one input (a file, a line, a URL), named so that an admin can find it. */
public record Problem(String name, String message) {
  public Problem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return name + ": " + message;
  }
}
