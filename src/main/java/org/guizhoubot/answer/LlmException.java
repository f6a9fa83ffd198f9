package org.guizhoubot.answer;

/** A chat call that gave no usable reply; the message is the reason, fit for a log line. */
public final class LlmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LlmException(String reason) {
    super(reason);
  }

  public LlmException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
