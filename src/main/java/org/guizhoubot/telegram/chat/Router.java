package org.guizhoubot.telegram.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.guizhoubot.telegram.transport.Target;
import org.guizhoubot.telegram.transport.BotApi;
import org.guizhoubot.telegram.transport.BotConfig;
import org.guizhoubot.telegram.transport.Incoming;
import org.guizhoubot.telegram.transport.Sender;
import org.guizhoubot.telegram.texts.Texts;
import org.guizhoubot.telegram.texts.CorpusTexts;

/**
 * Decides what each incoming update is for: a command (for this bot, allowed for this user), a
 * question (in a private chat; in a group only when the bot is mentioned or replied to), an upload
 * from an admin, or a button press. Runs on the polling thread and only queues work.
 */
final class Router {
  private final BotApi.Identity me;
  private final BotConfig config;
  private final Map<String, Command> commands = new LinkedHashMap<>();
  private final Questions questions;
  private final AdminCommands admin;
  private final RateLimiter limiter;
  private final Feedback feedback;
  private final Sender sender;
  private final OrderedQueues chats;
  private final Pattern mention;
  private final ConversationIds conversations;
  private final List<PressRoute> presses;

  Router(BotApi.Identity me, BotConfig config, List<Command> commands, List<PressRoute> presses, Questions questions,
      AdminCommands admin, Feedback feedback, Sender sender, OrderedQueues chats, ConversationIds conversations,
      RateLimiter limiter) {
    this.limiter = limiter;
    this.presses = List.copyOf(presses);
    this.conversations = conversations;
    this.me = me;
    this.config = config;
    for (Command c : commands) {
      if (this.commands.putIfAbsent(c.name(), c) != null) {
        throw new IllegalArgumentException("command /" + c.name() + " is listed twice");
      }
    }
    this.questions = questions;
    this.admin = admin;
    this.feedback = feedback;
    this.sender = sender;
    this.chats = chats;
    this.mention = Pattern.compile("(?i)@" + Pattern.quote(me.username()) + "\\b");
  }

  /** Everyone's command menu in English: the commands for anyone with a menu line, in the order listed. */
  List<BotApi.CommandInfo> menu() {
    return menu(false, false);
  }

  /**
   * A command menu: the commands for anyone with a menu line, then (for {@code admins}) the admin
   * commands, each in the order listed, described in Chinese or English.
   */
  List<BotApi.CommandInfo> menu(boolean admins, boolean chinese) {
    return commands.values().stream().filter(c -> c.menu() != null)
        .filter(c -> admins || c.access() == Command.Access.ANYONE)
        .sorted(java.util.Comparator.comparing(Command::access))
        .map(c -> c.info(chinese)).toList();
  }

  /**
   * Routes an update. Its receipt is marked done once the work it queued in its chat is over (a
   * question marks it itself, before its answer is sent). An update recovered too late is
   * dropped, except that a question is told it was missed.
   */
  void route(Incoming in, Receipt receipt) {
    if (in instanceof Incoming.Press p) {
      if (!receipt.stale()) {
        onPress(p);
      }
      receipt.done();
    } else if (in instanceof Incoming.Upload u) {
      if (!receipt.stale()) {
        onUpload(u);
      }
      chats.submit(u.chatId(), receipt::done);
    } else if (in instanceof Incoming.Text t) {
      onText(t, receipt);
      chats.submit(t.chatId(), receipt::done);
    }
  }

  private void onPress(Incoming.Press p) {
    for (PressRoute r : presses) {
      if (p.data().startsWith(r.prefix())) {
        if (r.access() == Command.Access.ADMINS && !config.isAdmin(p.userId())) {
          chats.run(() -> sender.answerPress(p.callbackId(), Texts.ADMINS_ONLY));
        } else {
          r.handler().press(p);
        }
        return;
      }
    }
    chats.run(() -> feedback.press(p));
  }

  private void onUpload(Incoming.Upload u) {
    if (config.isAdmin(u.userId())) {
      chats.submit(u.chatId(), () -> admin.upload(u));
    } else if (u.chatType() == Incoming.ChatType.PRIVATE) {
      say(u.replyTarget(), CorpusTexts.UPLOAD_ADMINS_ONLY);
    }
  }

  private void onText(Incoming.Text t, Receipt receipt) {
    if (t.text().isBlank()) {
      return;
    }
    Optional<SlashCommand> cmd = SlashCommand.parse(t.text(), me.username());
    if (cmd.isPresent()) {
      if (!cmd.get().forOtherBot()) {
        onCommand(t, cmd.get(), receipt);
      }
      return;
    }
    if (t.chatType() == Incoming.ChatType.PRIVATE) {
      questions.ask(t.replyTarget(), t.chatType(), t.userId(), t.text(), conversations.of(t), receipt);
    } else if (mentionsMe(t)) {
      questions.ask(t.replyTarget(), t.chatType(), t.userId(), withoutMention(t.text()), conversations.of(t), receipt);
    } else if (t.repliesToBot()) {
      questions.ask(t.replyTarget(), t.chatType(), t.userId(), t.text(), conversations.of(t), receipt);
    }
  }

  private void onCommand(Incoming.Text t, SlashCommand cmd, Receipt receipt) {
    Target to = t.replyTarget();
    Command c = commands.get(cmd.name());
    if (receipt.stale() && !Questions.COMMAND.equals(cmd.name())) {
      return;
    }
    if (c == null) {
      if (t.chatType() == Incoming.ChatType.PRIVATE) {
        say(to, Texts.unknownCommand(cmd.name()));
      }
    } else if (c.access() == Command.Access.ADMINS && !config.isAdmin(t.userId())) {
      say(to, Texts.ADMINS_ONLY);
    } else if (Questions.COMMAND.equals(c.name()) || allowed(to, t.userId())) {
      c.handler().handle(new Command.Request(to, t.userId(), t.chatType(), cmd.args(), receipt));
    }
  }

  /** Every command that answers with text counts against its sender's rate limit (questions count in Questions). */
  private boolean allowed(Target to, long userId) {
    switch (limiter.acquire(userId)) {
      case ALLOW:
        return true;
      case LIMIT_AND_NOTIFY:
        say(new Target(to.chatId(), to.replyTo()), Texts.TOO_FAST);
        return false;
      default:
        return false;
    }
  }

  private void say(Target to, String text) {
    chats.submit(to.chatId(), () -> sender.say(to, text));
  }

  /** Mentioned by an entity, or by the handle written out (clients do not always mark it). */
  private boolean mentionsMe(Incoming.Text t) {
    return t.mentionsBot() || !me.username().isEmpty() && containsHandle(t.text(), "@" + me.username().toLowerCase(Locale.ROOT));
  }

  private static boolean containsHandle(String text, String handle) {
    String lower = text.toLowerCase(Locale.ROOT);
    int i = lower.indexOf(handle);
    while (i >= 0) {
      int end = i + handle.length();
      boolean startOk = i == 0 || !isHandleChar(lower.charAt(i - 1));
      boolean endOk = end == lower.length() || !isHandleChar(lower.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      i = lower.indexOf(handle, i + 1);
    }
    return false;
  }

  private static boolean isHandleChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private String withoutMention(String text) {
    return mention.matcher(text).replaceAll(" ").strip().replaceAll("^[,:\\s]+", "");
  }
}
