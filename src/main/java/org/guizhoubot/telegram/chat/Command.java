package org.guizhoubot.telegram.chat;

import java.util.Objects;
import org.guizhoubot.telegram.transport.Target;
import org.guizhoubot.telegram.transport.BotApi;
import org.guizhoubot.telegram.transport.Incoming;
import org.guizhoubot.telegram.texts.Menu;

/**
 * A slash command the bot answers: its name (lower case, no slash), who may use it, its line in
 * Telegram's command menu and in the help (null for none), and its handler. To add a command,
 * make one and list it where {@link GuizhouBot} builds its router.
 */
record Command(String name, Access access, Menu menu, Handler handler) {
  enum Access { ANYONE, ADMINS }

  /** Runs on the polling thread: it decides and queues work, never waits for it. */
  interface Handler {
    void handle(Request request);
  }

  /**
   * A command as a user sent it: where to reply, who sent it, in what kind of chat, the text after
   * the name, and the update's receipt (a handler that answers later may mark it done itself).
   */
  record Request(Target target, long userId, Incoming.ChatType chatType, String args, Receipt receipt) {
    public Request {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(chatType, "chatType");
      Objects.requireNonNull(args, "args");
      Objects.requireNonNull(receipt, "receipt");
    }
  }

  Command {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(handler, "handler");
    if (!name.matches("[a-z0-9_]{1,32}")) {
      throw new IllegalArgumentException("command name must be 1-32 of a-z, 0-9 and _, was '" + name + "'");
    }
  }

  static Command forAnyone(String name, Menu menu, Handler handler) {
    return new Command(name, Access.ANYONE, menu, handler);
  }

  static Command forAdmins(String name, Menu menu, Handler handler) {
    return new Command(name, Access.ADMINS, Objects.requireNonNull(menu, "menu"), handler);
  }

  /** The menu line in {@code chinese} or English. */
  BotApi.CommandInfo info(boolean chinese) {
    return new BotApi.CommandInfo(name, chinese ? menu.chinese() : menu.english());
  }
}
