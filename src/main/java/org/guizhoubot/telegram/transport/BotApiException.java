package org.guizhoubot.telegram.transport;

import java.util.Locale;

/**
 * A failed Bot API call: which method, for which chat (when there is one), the API's error code
 * and {@code retry_after} when it gave them. The message never contains the bot token.
 */
public final class BotApiException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String method;
  private final Long chatId;
  private final Integer errorCode;
  private final Integer retryAfter;
  private final String description;

  /** {@code description} is the API's own error text (or ours, when the call got no answer). */
  public BotApiException(String method, Long chatId, Integer errorCode, Integer retryAfter, String description,
      Throwable cause) {
    super(method + (chatId == null ? "" : " to chat " + chatId) + " failed"
        + (errorCode == null ? "" : " [" + errorCode + "]") + ": " + description, cause);
    this.method = method;
    this.chatId = chatId;
    this.errorCode = errorCode;
    this.retryAfter = retryAfter;
    this.description = description == null ? "" : description;
  }

  public String method() {
    return method;
  }

  public Long chatId() {
    return chatId;
  }

  /** The Bot API's error code (HTTP status), or null when the call did not get an answer. */
  public Integer errorCode() {
    return errorCode;
  }

  /** Seconds the API asked us to wait (429), or null. */
  public Integer retryAfter() {
    return retryAfter;
  }

  /**
   * True when Telegram could not parse the message's HTML: a 400 whose description (the API's only
   * signal for it, "can't parse entities") says so.
   */
  public boolean isParseError() {
    return errorCode != null && errorCode == 400 && description.toLowerCase(Locale.ROOT).contains("parse");
  }

  /** True when an edit changed nothing: Telegram's 400 "message is not modified". */
  public boolean isNotModified() {
    return errorCode != null && errorCode == 400 && description.toLowerCase(Locale.ROOT).contains("not modified");
  }
}
