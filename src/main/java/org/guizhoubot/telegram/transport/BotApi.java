package org.guizhoubot.telegram.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.guizhoubot.telegram.texts.TelegramHtml;

/**
 * The calls the bot makes to the Telegram Bot API. Every call returns or fails within the
 * implementation's timeout; failures are {@link BotApiException}s that never carry the token.
 */
public interface BotApi extends AutoCloseable {

  /** Who the bot is; fails with error code 401 or 404 when the token is rejected. */
  Identity getMe() throws BotApiException;

  /** Sends a message and returns its id; a 429 with {@code retry_after} is waited out and retried. */
  int send(Outgoing message) throws BotApiException;

  /**
   * Shows HTML as the draft {@code draftId} (non-zero) of a reply being written in a private chat
   * ({@code sendMessageDraft}); one attempt: a 429 is thrown with its {@code retry_after}.
   */
  void draft(long chatId, int draftId, String html) throws BotApiException;

  /**
   * Replaces the HTML text and the buttons of a message the bot sent ({@code editMessageText});
   * one attempt: a 429 is thrown with its {@code retry_after}. Telegram's "message is not
   * modified" counts as done.
   */
  void edit(long chatId, int messageId, String html, List<Button> buttons) throws BotApiException;

  /** Shows "typing..." in a chat. */
  void typing(long chatId) throws BotApiException;

  /** Answers a callback query (a button press), with a short notice for the user. */
  void answerCallback(String callbackQueryId, String text) throws BotApiException;

  /** Registers the commands shown in Telegram's command menu, for everyone in any language. */
  default void setCommands(List<CommandInfo> commands) throws BotApiException {
    setCommands(commands, MenuScope.EVERYONE);
  }

  /** Registers the command menu shown in {@code scope}'s chats to users of its language. */
  void setCommands(List<CommandInfo> commands, MenuScope scope) throws BotApiException;

  /**
   * Tells Telegram to post updates to {@code url} (https), with {@code secret} in the
   * {@code X-Telegram-Bot-Api-Secret-Token} header of every post.
   */
  void setWebhook(String url, String secret, List<String> allowedUpdates) throws BotApiException;

  /** Downloads a file the bot received, failing when it is larger than {@code maxBytes}. */
  byte[] download(String fileId, int maxBytes) throws BotApiException;

  @Override
  void close();

  /** The bot's own user id and username (without the @). */
  record Identity(long id, String username) {
    public Identity {
      Objects.requireNonNull(username, "username");
    }
  }

  /** A command for the menu: name without the slash, and a short description. */
  record CommandInfo(String command, String description) {
    public CommandInfo {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(description, "description");
    }
  }

  /**
   * Where a command menu shows: in one private chat ({@code chatId}) or in every chat (null), to
   * users whose Telegram language is {@code languageCode} (an ISO 639-1 code) or to all (null).
   */
  record MenuScope(Long chatId, String languageCode) {
    public static final MenuScope EVERYONE = new MenuScope(null, null);

    public MenuScope {
      if (languageCode != null && !languageCode.matches("[a-z]{2}")) {
        throw new IllegalArgumentException("languageCode must be two lower-case letters, was '" + languageCode + "'");
      }
    }
  }

  /** An inline button that sends {@code data} (at most 64 bytes) back as a callback query. */
  record Button(String text, String data) {
    public Button {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(data, "data");
      if (data.getBytes(StandardCharsets.UTF_8).length > 64) {
        throw new IllegalArgumentException("callback data must be at most 64 bytes, was '" + data + "'");
      }
    }
  }

  /**
   * A message to send: HTML (parse mode HTML) or plain text, optionally as a reply to a message
   * and with one row of buttons.
   */
  record Outgoing(long chatId, String text, boolean html, Integer replyTo, List<Button> buttons) {
    public Outgoing {
      Objects.requireNonNull(text, "text");
      if (text.isEmpty() || text.length() > TelegramHtml.MAX_MESSAGE) {
        throw new IllegalArgumentException("text for chat " + chatId + " must have 1.."
            + TelegramHtml.MAX_MESSAGE + " characters, had " + text.length());
      }
      buttons = List.copyOf(buttons);
    }

    public static Outgoing html(long chatId, String html) {
      return new Outgoing(chatId, html, true, null, List.of());
    }

    public static Outgoing plain(long chatId, String text) {
      return new Outgoing(chatId, text, false, null, List.of());
    }

    public Outgoing replyingTo(Integer messageId) {
      return new Outgoing(chatId, text, html, messageId, buttons);
    }

    public Outgoing withButtons(List<Button> newButtons) {
      return new Outgoing(chatId, text, html, replyTo, newButtons);
    }

    public Outgoing asPlain() {
      return new Outgoing(chatId, html ? TelegramHtml.toPlain(text) : text, false, replyTo, buttons);
    }
  }
}
