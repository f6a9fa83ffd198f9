package org.guizhoubot.telegram;

/** Where a reply goes: a chat, and in groups the message it answers (null in private chats). */
record Target(long chatId, Integer replyTo) {
  static Target of(long chatId, Incoming.ChatType type, int messageId) {
    return new Target(chatId, type == Incoming.ChatType.PRIVATE ? null : messageId);
  }
}
