package org.guizhoubot.config;

import java.util.Objects;

/**
 * How {@code bot --webhook} listens: the local address (null: every interface), port and path that
 * the load balancer forwards to,
 * the public https URL given to Telegram when the webhook is set, and the secret Telegram sends in
 * {@code X-Telegram-Bot-Api-Secret-Token} (from the environment only; null when unset).
 */
public record WebhookSettings(String bind, int port, String path, String publicUrl, String secret) {
  public WebhookSettings {
    if (bind != null && (bind.isBlank() || !bind.strip().equals(bind))) {
      throw new IllegalArgumentException("bind must be an address or host name without spaces, was '" + bind + "'");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
    }
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', was '" + path + "'");
    }
  }

  @Override
  public String toString() {
    return "WebhookSettings[bind=" + (bind == null ? "all interfaces" : bind) + ", port=" + port + ", path=" + path + ", publicUrl=" + publicUrl + ", secret="
        + (secret == null ? "unset" : "***") + "]";
  }
}
