package org.guizhoubot.telegram.chat;

import java.util.Locale;
import java.util.Optional;

/** A command in a message's text: {@code /name@bot args}; {@code forOtherBot} when it names another bot. */
record SlashCommand(String name, String args, boolean forOtherBot) {
  static Optional<SlashCommand> parse(String text, String botUsername) {
    String t = text.stripLeading();
    if (!t.startsWith("/") || t.length() < 2) {
      return Optional.empty();
    }
    int end = 1;
    while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
      end++;
    }
    String head = t.substring(1, end);
    String args = t.substring(end).strip();
    boolean other = false;
    int at = head.indexOf('@');
    if (at >= 0) {
      other = !head.substring(at + 1).equalsIgnoreCase(botUsername);
      head = head.substring(0, at);
    }
    if (head.isEmpty() || !head.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
      return Optional.empty();
    }
    return Optional.of(new SlashCommand(head.toLowerCase(Locale.ROOT), args, other));
  }
}
