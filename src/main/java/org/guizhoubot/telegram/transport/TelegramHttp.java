package org.guizhoubot.telegram.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.guizhoubot.concurrent.DaemonThreads;
import org.guizhoubot.web.Urls;
import org.telegram.telegrambots.meta.TelegramUrl;

/** The HTTP under the Bot API client and long polling: OkHttp clients on daemon threads, and the API's base URL. */
public final class TelegramHttp {
  private TelegramHttp() {}

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
}
