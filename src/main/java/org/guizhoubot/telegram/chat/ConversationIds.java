package org.guizhoubot.telegram.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guizhoubot.language.Language;
import org.guizhoubot.telegram.transport.Incoming;

/**
 * Which conversation a Telegram message belongs to: in a private chat the chat; in a group the user
 * within the chat; a reply to one of the bot's answers continues that answer's conversation. Holds
 * only the ids (the bot's recent answer messages, each conversation's last language) up to a bound;
 * the turns a follow-up is read with are the library's ({@code conversation.ConversationMemory}).
 * Thread-safe.
 */
final class ConversationIds {
  /** Answers (and conversations' languages) remembered; older ones are forgotten first. */
  static final int MAX_REMEMBERED = 10_000;

  private final Map<String, String> answers = lru();
  private final Map<String, Language> languages = lru();

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_REMEMBERED;
      }
    };
  }

  /** The conversation of a user's own message (or command) in a chat. */
  static String of(long chatId, Incoming.ChatType type, long userId) {
    return type == Incoming.ChatType.PRIVATE ? "tg:" + chatId : "tg:" + chatId + ":" + userId;
  }

  /** The conversation a text message continues. */
  synchronized String of(Incoming.Text t) {
    if (t.botMessageId() != null) {
      String answered = answers.get(t.chatId() + "/" + t.botMessageId());
      if (answered != null) {
        return answered;
      }
    }
    return of(t.chatId(), t.chatType(), t.userId());
  }

  /** Notes the messages that carried an answer in a conversation, and the language it was asked in. */
  synchronized void answered(long chatId, List<Integer> messageIds, String conversation, Language language) {
    for (int id : messageIds) {
      answers.put(chatId + "/" + id, conversation);
    }
    languages.put(conversation, language);
  }

  /** The language of the conversation's last question, English when unknown. */
  synchronized Language language(String conversation) {
    return languages.getOrDefault(conversation, Language.ENGLISH);
  }
}
