package org.guizhoubot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.guizhoubot.telegram.transport.BotApi;
import org.guizhoubot.telegram.transport.BotApiException;
import org.guizhoubot.telegram.texts.TelegramHtml;

/**
 * The Bot API seam in memory, for running the bot's logic without HTTP: it keeps what the bot
 * sends and serves files; a rule can make sends fail as Telegram would.
 */
public final class FakeBotApi implements BotApi {
  public static final BotApi.Identity ME = new BotApi.Identity(7001, "GuizhouTestBot");

  /** A rule for sends: throw to make Telegram refuse the message. */
  public interface SendRule {
    void check(Outgoing message) throws BotApiException;
  }

  /** A command menu registered for a scope. */
  public record Menu(MenuScope scope, List<CommandInfo> commands) {}

  /** A button press answered, with its notice. */
  public record PressAnswer(String callbackId, String text) {}

  private final List<Outgoing> sent = new CopyOnWriteArrayList<>();
  private final List<Long> typing = new CopyOnWriteArrayList<>();
  private final List<PressAnswer> pressAnswers = new CopyOnWriteArrayList<>();
  private final List<Menu> menus = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final AtomicInteger messageIds = new AtomicInteger(1000);
  private volatile SendRule rule = m -> { };

  public void onSend(SendRule newRule) {
    rule = newRule;
  }

  public void serveFile(String fileId, byte[] bytes) {
    files.put(fileId, bytes);
  }

  /** Messages the bot sent to a chat, in order. */
  public List<Outgoing> sent(long chatId) {
    List<Outgoing> found = new ArrayList<>();
    for (Outgoing m : sent) {
      if (m.chatId() == chatId) {
        found.add(m);
      }
    }
    return found;
  }

  /** What the user sees of the messages to a chat. */
  public List<String> texts(long chatId) {
    return sent(chatId).stream().map(m -> m.html() ? TelegramHtml.toPlain(m.text()) : m.text()).toList();
  }

  public List<Long> typing() {
    return typing;
  }

  public List<PressAnswer> pressAnswers() {
    return pressAnswers;
  }

  public List<Menu> menus() {
    return menus;
  }

  @Override
  public Identity getMe() {
    return ME;
  }

  @Override
  public int send(Outgoing message) throws BotApiException {
    rule.check(message);
    sent.add(message);
    return messageIds.incrementAndGet();
  }

  /** A draft update or an edit the bot made. */
  public record Update(long chatId, int id, String html, boolean edit) {}

  private final List<Update> updates = new CopyOnWriteArrayList<>();

  /** Draft updates and edits, in order. */
  public List<Update> updates() {
    return updates;
  }

  @Override
  public void draft(long chatId, int draftId, String html) {
    updates.add(new Update(chatId, draftId, html, false));
  }

  @Override
  public void edit(long chatId, int messageId, String html, List<Button> buttons) {
    updates.add(new Update(chatId, messageId, html, true));
  }

  @Override
  public void typing(long chatId) {
    typing.add(chatId);
  }

  @Override
  public void answerCallback(String callbackQueryId, String text) {
    pressAnswers.add(new PressAnswer(callbackQueryId, text));
  }

  @Override
  public void setCommands(List<CommandInfo> commands, MenuScope scope) {
    menus.add(new Menu(scope, List.copyOf(commands)));
  }

  @Override
  public void setWebhook(String url, String secret, List<String> allowedUpdates) {
    throw new UnsupportedOperationException("the bot logic never sets a webhook");
  }

  @Override
  public byte[] download(String fileId, int maxBytes) throws BotApiException {
    byte[] bytes = files.get(fileId);
    if (bytes == null) {
      throw new BotApiException("getFile", null, 400, null, "Bad Request: invalid file_id", null);
    }
    return bytes;
  }

  @Override
  public void close() {}
}
