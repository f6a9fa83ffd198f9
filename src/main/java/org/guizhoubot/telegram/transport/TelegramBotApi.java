package org.guizhoubot.telegram.transport;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.guizhoubot.logging.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * {@link BotApi} over telegrambots' {@link OkHttpTelegramClient}: each method's request, with a
 * deadline on every call ({@link BotApiCalls}) and 429 {@code retry_after} honoured for messages.
 */
public final class TelegramBotApi implements BotApi {
  private static final Logger log = LoggerFactory.getLogger(TelegramBotApi.class);
  /** Sends of one message give up after this many 429 answers. */
  static final int MAX_RETRIES = 3;
  /** The longest {@code retry_after} we wait out. */
  static final int MAX_RETRY_AFTER_SECONDS = 60;

  private final String token;
  private final String apiBase;
  private final OkHttpClient http;
  private final BotApiCalls calls;

  public TelegramBotApi(String token, String apiUrl, Duration callTimeout) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    Redactor.remember(token);
    this.token = token;
    this.apiBase = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.http = TelegramHttp.httpClient(callTimeout, callTimeout);
    this.calls = new BotApiCalls(new OkHttpTelegramClient(http, token, TelegramHttp.telegramUrl(apiBase)), callTimeout);
  }

  @Override
  public Identity getMe() throws BotApiException {
    User me = calls.call(new GetMe(), null);
    return new Identity(me.getId(), me.getUserName() == null ? "" : me.getUserName());
  }

  @Override
  public int send(Outgoing m) throws BotApiException {
    SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder()
        .chatId(m.chatId())
        .text(m.text())
        .disableWebPagePreview(true);
    if (m.html()) {
      b.parseMode("HTML");
    }
    if (m.replyTo() != null) {
      b.replyToMessageId(m.replyTo()).allowSendingWithoutReply(true);
    }
    if (!m.buttons().isEmpty()) {
      b.replyMarkup(keyboard(m.buttons()));
    }
    SendMessage request = b.build();
    for (int attempt = 1; ; attempt++) {
      try {
        Message sent = calls.call(request, m.chatId());
        return sent.getMessageId() == null ? 0 : sent.getMessageId();
      } catch (BotApiException e) {
        if (e.retryAfter() == null || attempt > MAX_RETRIES) {
          throw e;
        }
        int wait = Math.min(Math.max(e.retryAfter(), 1), MAX_RETRY_AFTER_SECONDS);
        log.warn("Telegram asked to slow down sending to chat {}: waiting {} s (attempt {})", m.chatId(), wait, attempt);
        BotApiCalls.sleep(wait * 1000L, "sendMessage", m.chatId());
      }
    }
  }

  @Override
  public void draft(long chatId, int draftId, String html) throws BotApiException {
    calls.call(new SendMessageDraft(chatId, draftId, html, true), chatId);
  }

  @Override
  public void edit(long chatId, int messageId, String html, List<Button> buttons) throws BotApiException {
    EditMessageText.EditMessageTextBuilder<?, ?> b = EditMessageText.builder()
        .chatId(chatId)
        .messageId(messageId)
        .text(html)
        .parseMode("HTML")
        .disableWebPagePreview(true);
    if (!buttons.isEmpty()) {
      b.replyMarkup(keyboard(buttons));
    }
    try {
      calls.call(b.build(), chatId);
    } catch (BotApiException e) {
      if (e.isNotModified()) {
        return;
      }
      throw e;
    }
  }

  private static InlineKeyboardMarkup keyboard(List<Button> buttons) {
    List<InlineKeyboardButton> row = new ArrayList<>();
    for (Button button : buttons) {
      row.add(InlineKeyboardButton.builder().text(button.text()).callbackData(button.data()).build());
    }
    return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(row)).build();
  }

  @Override
  public void typing(long chatId) throws BotApiException {
    calls.call(SendChatAction.builder().chatId(chatId).action("typing").build(), chatId);
  }

  @Override
  public void answerCallback(String callbackQueryId, String text) throws BotApiException {
    calls.call(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).text(text).build(), null);
  }

  @Override
  public void setCommands(List<CommandInfo> commands, MenuScope scope) throws BotApiException {
    List<BotCommand> list = new ArrayList<>();
    for (CommandInfo c : commands) {
      list.add(new BotCommand(c.command(), c.description()));
    }
    SetMyCommands.SetMyCommandsBuilder<?, ?> set = SetMyCommands.builder().commands(list);
    if (scope.chatId() != null) {
      set.scope(new BotCommandScopeChat(scope.chatId().toString()));
    }
    if (scope.languageCode() != null) {
      set.languageCode(scope.languageCode());
    }
    calls.call(set.build(), scope.chatId());
  }

  @Override
  public byte[] download(String fileId, int maxBytes) throws BotApiException {
    File file = calls.call(GetFile.builder().fileId(fileId).build(), null);
    if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
      throw new BotApiException("getFile", null, null, null, "file is larger than " + maxBytes + " bytes", null);
    }
    if (file.getFilePath() == null) {
      throw new BotApiException("getFile", null, null, null, "the Bot API gave no file_path", null);
    }
    Request request = new Request.Builder().url(apiBase + "/file/bot" + token + "/" + file.getFilePath()).build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        throw new BotApiException("download", null, response.code(), null, "HTTP " + response.code(), null);
      }
      try (InputStream in = body.byteStream()) {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
          throw new BotApiException("download", null, null, null, "file is larger than " + maxBytes + " bytes", null);
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new BotApiException("download", null, null, null, BotApiCalls.redact(String.valueOf(e.getMessage())), null);
    }
  }

  @Override
  public void setWebhook(String url, String secret, List<String> allowedUpdates) throws BotApiException {
    SetWebhook set = SetWebhook.builder().url(url).secretToken(secret).allowedUpdates(allowedUpdates).build();
    calls.call("setWebhook", null, client -> client.executeAsync(set));
  }

  @Override
  public void close() {
    TelegramHttp.shutdown(http);
  }
}
