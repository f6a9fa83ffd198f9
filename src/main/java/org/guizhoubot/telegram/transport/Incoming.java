package org.guizhoubot.telegram.transport;

import java.util.Objects;

/**
 * An update from Telegram as the bot's logic sees it. {@link Updates} translates telegrambots'
 * types into these at the edge, so routing and handlers never see them.
 */
public sealed interface Incoming {

  /** Private chats, and every other kind (groups, supergroups) where the bot answers only when addressed. */
  enum ChatType { PRIVATE, GROUP }

  /**
   * A text message: {@code mentionsBot} when one of its mention entities names this bot,
   * {@code repliesToBot} when it replies to one of this bot's messages, whose id is then
   * {@code botMessageId} (null otherwise).
   */
  record Text(long chatId, ChatType chatType, long userId, int messageId, String text, boolean mentionsBot,
      boolean repliesToBot, Integer botMessageId) implements Incoming {
    public Text {
      Objects.requireNonNull(chatType, "chatType");
      Objects.requireNonNull(text, "text");
    }

    public Text(long chatId, ChatType chatType, long userId, int messageId, String text, boolean mentionsBot,
        boolean repliesToBot) {
      this(chatId, chatType, userId, messageId, text, mentionsBot, repliesToBot, null);
    }

    public Target replyTarget() {
      return Target.of(chatId, chatType, messageId, userId);
    }
  }

  /** A file sent as a document; {@code fileSize} is null when Telegram did not give it. */
  record Upload(long chatId, ChatType chatType, long userId, int messageId, String fileId, String fileName,
      Long fileSize) implements Incoming {
    public Upload {
      Objects.requireNonNull(chatType, "chatType");
      Objects.requireNonNull(fileId, "fileId");
      Objects.requireNonNull(fileName, "fileName");
    }

    public Target replyTarget() {
      return Target.of(chatId, chatType, messageId, userId);
    }
  }

  /** A press on one of the bot's inline buttons, carrying the button's data, in the chat of the button's message. */
  record Press(String callbackId, long userId, String data, long chatId) implements Incoming {
    public Press {
      Objects.requireNonNull(callbackId, "callbackId");
      Objects.requireNonNull(data, "data");
    }

    /** A press in the user's private chat with the bot. */
    public Press(String callbackId, long userId, String data) {
      this(callbackId, userId, data, userId);
    }

    public Target replyTarget() {
      return new Target(chatId, null, userId);
    }
  }
}
