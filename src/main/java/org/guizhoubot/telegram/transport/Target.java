package org.guizhoubot.telegram.transport;

/** Where a reply goes: a chat, and in groups the message it answers (null in private chats). */
public record Target(long chatId, Integer replyTo, Long sentBy) {
  /** A chat to write to, replying to a message or not, on no user's account. */
  public Target(long chatId, Integer replyTo) {
    this(chatId, replyTo, null);
  }

  /** Where to answer a user's message; {@code sentBy} pays for every message of the answer. */
  static Target of(long chatId, Incoming.ChatType type, int messageId, long sentBy) {
    return new Target(chatId, type == Incoming.ChatType.PRIVATE ? null : messageId, sentBy);
  }
}
