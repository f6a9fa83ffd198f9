package org.guizhoubot.telegram.transport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethodBoolean;

/**
 * Bot API 9.3's {@code sendMessageDraft} (open to every bot since 9.5), as a raw method, as
 * telegrambots 9.2 has no class for it: shows a reply being written in a private chat; updates of
 * one {@code draft_id} are animated. Answers {@code true}.
 */
final class SendMessageDraft extends BotApiMethodBoolean {
  static final String PATH = "sendMessageDraft";

  @JsonProperty("chat_id")
  private final long chatId;
  @JsonProperty("draft_id")
  private final int draftId;
  @JsonProperty("text")
  private final String text;
  @JsonProperty("parse_mode")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private final String parseMode;

  SendMessageDraft(long chatId, int draftId, String text, boolean html) {
    if (draftId == 0) {
      throw new IllegalArgumentException("draft_id must be non-zero");
    }
    this.chatId = chatId;
    this.draftId = draftId;
    this.text = Objects.requireNonNull(text, "text");
    this.parseMode = html ? "HTML" : null;
  }

  @Override
  public String getMethod() {
    return PATH;
  }
}
