package org.guizhoubot.telegram.transport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The edge between telegrambots and the bot: turns an {@link Update} into an {@link Incoming}, or
 * nothing for what the bot ignores (messages from bots, without a sender, without text or document).
 */
public final class Updates {
  private static final Logger log = LoggerFactory.getLogger(Updates.class);
  /** The kinds of update the bot asks Telegram for: the ones this class translates. */
  static final java.util.List<String> ALLOWED = java.util.List.of("message", "callback_query");
  private final BotApi.Identity me;

  public Updates(BotApi.Identity me) {
    this.me = Objects.requireNonNull(me, "me");
  }

  /** Fails on a callback query without a sender or id (which Telegram never sends). */
  public Optional<Incoming> translate(Update update) {
    if (update.hasCallbackQuery()) {
      CallbackQuery q = update.getCallbackQuery();
      if (q.getFrom() == null || q.getId() == null) {
        throw new IllegalArgumentException("callback query " + q.getId() + " has no sender or id");
      }
      long chatId = q.getMessage() != null && q.getMessage().getChatId() != null ? q.getMessage().getChatId() : q.getFrom().getId();
      return Optional.of(new Incoming.Press(q.getId(), q.getFrom().getId(), q.getData() == null ? "" : q.getData(), chatId));
    }
    if (!update.hasMessage()) {
      return Optional.empty();
    }
    Message m = update.getMessage();
    User from = m.getFrom();
    if (from == null || m.getChat() == null || Boolean.TRUE.equals(from.getIsBot())) {
      return Optional.empty();
    }
    Incoming.ChatType type = "private".equals(m.getChat().getType())
        ? Incoming.ChatType.PRIVATE : Incoming.ChatType.GROUP;
    int messageId = m.getMessageId() == null ? 0 : m.getMessageId();
    Document doc = m.getDocument();
    if (doc != null) {
      return Optional.of(new Incoming.Upload(m.getChatId(), type, from.getId(), messageId, doc.getFileId(),
          doc.getFileName() == null ? "" : doc.getFileName(), doc.getFileSize()));
    }
    if (m.getText() == null) {
      return Optional.empty();
    }
    boolean repliesToMe = repliesToMe(m);
    return Optional.of(new Incoming.Text(m.getChatId(), type, from.getId(), messageId, m.getText(),
        mentionsMe(m), repliesToMe, repliesToMe ? m.getReplyToMessage().getMessageId() : null));
  }

  private boolean mentionsMe(Message m) {
    List<MessageEntity> entities;
    try {
      entities = m.getEntities();
    } catch (IndexOutOfBoundsException e) {
      // telegrambots cuts each entity's text out of the message when asked for them
      log.warn("Ignoring the entities of message {} in chat {}: one lies outside the text", m.getMessageId(), m.getChatId());
      return false;
    }
    if (entities == null) {
      return false;
    }
    String text = m.getText();
    for (MessageEntity e : entities) {
      if ("mention".equals(e.getType()) && e.getOffset() != null && e.getLength() != null
          && e.getOffset() >= 0 && e.getOffset() + e.getLength() <= text.length()
          && text.substring(e.getOffset(), e.getOffset() + e.getLength()).equalsIgnoreCase("@" + me.username())) {
        return true;
      }
      if ("text_mention".equals(e.getType()) && e.getUser() != null && e.getUser().getId() != null && e.getUser().getId() == me.id()) {
        return true;
      }
    }
    return false;
  }

  private boolean repliesToMe(Message m) {
    Message r = m.getReplyToMessage();
    return r != null && r.getFrom() != null && r.getFrom().getId() != null && r.getFrom().getId() == me.id();
  }
}
