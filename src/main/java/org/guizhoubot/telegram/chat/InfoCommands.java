package org.guizhoubot.telegram.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.language.Language;
import org.guizhoubot.library.Library;
import org.guizhoubot.telegram.transport.Target;
import org.guizhoubot.telegram.transport.Sender;
import org.guizhoubot.telegram.texts.HelpTexts;
import org.guizhoubot.telegram.texts.Menu;

/**
 * The commands for everyone that tell what the bot knows: {@code /start} and {@code /help}
 * ({@code /sources} is in {@link CorpusCommands}). The help is in Chinese after a question in
 * Chinese, or with {@code /help zh} or {@code /help 中文}. An admin's help also lists the admin
 * commands.
 */
final class InfoCommands {
  private final Library library;
  private final Sender sender;
  private final OrderedQueues chats;
  private final String botUsername;
  private final ConversationIds conversations;
  private final LongPredicate isAdmin;
  private final List<Command> adminCommands;

  /** {@code adminCommands} are listed in the help of the users {@code isAdmin} accepts. */
  InfoCommands(Library library, Sender sender, OrderedQueues chats, String botUsername, ConversationIds conversations,
      LongPredicate isAdmin, List<Command> adminCommands) {
    this.isAdmin = isAdmin;
    this.adminCommands = List.copyOf(adminCommands);
    this.library = library;
    this.sender = sender;
    this.chats = chats;
    this.botUsername = botUsername;
    this.conversations = conversations;
  }

  /** In menu order; {@code /start} (what Telegram sends first) shows the help and is not in the menu. */
  List<Command> commands() {
    Command.Handler help = r -> {
      boolean chinese = Language.of(r.args()) == Language.CHINESE || r.args().strip().equalsIgnoreCase("zh")
          || conversations.language(ConversationIds.of(r.target().chatId(), r.chatType(), r.userId())) == Language.CHINESE;
      Map<String, Menu> extra = new LinkedHashMap<>();
      if (isAdmin.test(r.userId())) {
        adminCommands.forEach(c -> extra.put(c.name(), c.menu()));
      }
      reply(r.target(), () -> chinese ? HelpTexts.helpChinese(articles(), botUsername, extra)
          : HelpTexts.help(articles(), botUsername, extra));
    };
    return List.of(
        Command.forAnyone("help", new Menu("What I know and how to ask", "我知道什么、怎样提问"), help),
        Command.forAnyone("start", null, help));
  }

  private void reply(Target to, Supplier<String> html) {
    chats.submit(to.chatId(), () -> sender.sayHtml(to, html.get()));
  }

  private List<ArticleMeta> articles() {
    return CorpusCommands.articlesOrNone(library);
  }
}
