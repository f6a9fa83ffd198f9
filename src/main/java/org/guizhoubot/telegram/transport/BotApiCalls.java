package org.guizhoubot.telegram.transport;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.guizhoubot.logging.Redactor;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Runs telegrambots calls with a deadline (telegrambots itself waits forever), turning every
 * failure into a {@link BotApiException} without the token.
 */
final class BotApiCalls {
  private final TelegramClient client;
  private final Duration callTimeout;

  BotApiCalls(TelegramClient client, Duration callTimeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
  }

  /** Runs one call with a deadline; {@code chatId} (or null) is named in its failure. */
  <T extends Serializable> T call(BotApiMethod<T> method, Long chatId) throws BotApiException {
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

  /** Starts a call through {@code start} (telegrambots' overloads differ by type) and waits for it with the deadline. */
  <T> T call(String name, Long chatId, Start<T> start) throws BotApiException {
    CompletableFuture<T> future;
    try {
      future = start.start(client);
    } catch (Exception e) {
      throw failure(name, chatId, e);
    }
    return await(name, chatId, future);
  }

  /** Starts one asynchronous call on the client. */
  @FunctionalInterface
  interface Start<T> {
    CompletableFuture<T> start(TelegramClient client) throws Exception;
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
  static String redact(String message) {
    return message == null ? "" : Redactor.redact(message);
  }

  private static BotApiException failure(String method, Long chatId, Throwable e) {
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

  /** Waits out a 429's {@code retry_after}. */
  static void sleep(long millis, String method, long chatId) throws BotApiException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BotApiException(method, chatId, null, null, "interrupted while waiting out a 429", null);
    }
  }
}
