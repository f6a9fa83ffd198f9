package org.guizhoubot.telegram.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.guizhoubot.concurrent.DaemonThreads;
import org.guizhoubot.logging.Redactor;
import org.guizhoubot.web.Urls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
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
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * {@link BotApi} over telegrambots' {@link OkHttpTelegramClient}, with a deadline on every call
 * (telegrambots itself waits forever) and 429 {@code retry_after} honoured for messages.
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
  private final TelegramClient client;
  private final Duration callTimeout;

  public TelegramBotApi(String token, String apiUrl, Duration callTimeout) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    Redactor.remember(token);
    this.token = token;
    this.apiBase = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.callTimeout = callTimeout;
    this.http = httpClient(callTimeout, callTimeout);
    this.client = new OkHttpTelegramClient(http, token, telegramUrl(apiBase));
  }

  /** An OkHttp client whose calls end after {@code callTimeout}, on daemon threads. */
  static OkHttpClient httpClient(Duration readTimeout, Duration callTimeout) {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(readTimeout)
        .writeTimeout(Duration.ofSeconds(10))
        .callTimeout(callTimeout)
        .dispatcher(new Dispatcher(Executors.newCachedThreadPool(DaemonThreads.factory("telegram-http"))))
        .build();
  }

  /** Shuts down an OkHttp client's threads and connections (it would otherwise keep the JVM alive for a minute). */
  static void shutdown(OkHttpClient http) {
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }

  /** The Bot API base URL as telegrambots wants it: scheme, host and port. */
  public static TelegramUrl telegramUrl(String apiUrl) {
    URI uri = Urls.parse(apiUrl).orElseThrow(() -> new IllegalArgumentException(
        "TELEGRAM_API_URL must be an http(s) URL like https://api.telegram.org, was '" + apiUrl + "'"));
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
      throw new IllegalArgumentException("TELEGRAM_API_URL must have no path, was '" + apiUrl + "'");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return new TelegramUrl(scheme, uri.getHost(), port, false);
  }

  @Override
  public Identity getMe() throws BotApiException {
    User me = call(new GetMe(), null);
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
        Message sent = call(request, m.chatId());
        return sent.getMessageId() == null ? 0 : sent.getMessageId();
      } catch (BotApiException e) {
        if (e.retryAfter() == null || attempt > MAX_RETRIES) {
          throw e;
        }
        int wait = Math.min(Math.max(e.retryAfter(), 1), MAX_RETRY_AFTER_SECONDS);
        log.warn("Telegram asked to slow down sending to chat {}: waiting {} s (attempt {})", m.chatId(), wait, attempt);
        sleep(wait * 1000L, "sendMessage", m.chatId());
      }
    }
  }

  @Override
  public void draft(long chatId, int draftId, String html) throws BotApiException {
    call(new SendMessageDraft(chatId, draftId, html, true), chatId);
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
      call(b.build(), chatId);
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
    call(SendChatAction.builder().chatId(chatId).action("typing").build(), chatId);
  }

  @Override
  public void answerCallback(String callbackQueryId, String text) throws BotApiException {
    call(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).text(text).build(), null);
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
    call(set.build(), scope.chatId());
  }

  @Override
  public byte[] download(String fileId, int maxBytes) throws BotApiException {
    File file = call(GetFile.builder().fileId(fileId).build(), null);
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
      throw new BotApiException("download", null, null, null, redact(String.valueOf(e.getMessage())), null);
    }
  }

  @Override
  public void setWebhook(String url, String secret, List<String> allowedUpdates) throws BotApiException {
    SetWebhook set = SetWebhook.builder().url(url).secretToken(secret).allowedUpdates(allowedUpdates).build();
    CompletableFuture<Boolean> future;
    try {
      future = client.executeAsync(set);
    } catch (Exception e) {
      throw failure("setWebhook", null, e);
    }
    await("setWebhook", null, future);
  }

  /** Runs one call with a deadline, turning every failure into a {@link BotApiException}. */
  private <T extends Serializable> T call(BotApiMethod<T> method, Long chatId) throws BotApiException {
    String simple = method.getClass().getSimpleName();
    String name = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    CompletableFuture<T> future;
    try {
      future = client.executeAsync(method);
    } catch (Exception e) {
      throw failure(name, chatId, e);
    }
    return await(name, chatId, future);
  }

  private <T> T await(String name, Long chatId, CompletableFuture<T> future) throws BotApiException {
    try {
      return future.get(callTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw failure(name, chatId, e.getCause() == null ? e : e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new BotApiException(name, chatId, null, null, "no answer within " + callTimeout.toSeconds() + " s", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BotApiException(name, chatId, null, null, "interrupted", null);
    }
  }

  /** A message that might quote a URL, without the token. */
  private static String redact(String message) {
    return message == null ? "" : Redactor.redact(message);
  }

  private BotApiException failure(String method, Long chatId, Throwable e) {
    if (e instanceof TelegramApiRequestException r) {
      Integer retryAfter = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
      return new BotApiException(method, chatId, r.getErrorCode(), retryAfter, redact(r.getApiResponse() == null
          ? String.valueOf(r.getMessage()) : r.getApiResponse()), null);
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new BotApiException(method, chatId, null, null,
        redact(root.getClass().getSimpleName() + ": " + root.getMessage()), null);
  }

  private static void sleep(long millis, String method, long chatId) throws BotApiException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BotApiException(method, chatId, null, null, "interrupted while waiting out a 429", null);
    }
  }

  @Override
  public void close() {
    shutdown(http);
  }
}
