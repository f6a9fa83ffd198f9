package org.guizhoubot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Every setting of guizhou-bot, resolved. Secrets ({@code telegramToken}, {@code llmApiKey}) come
 * only from the environment; optional values are null when unset.
 */
public record Settings(
    Path corpusDir,
    Path dataDir,
    String telegramToken,
    String telegramApiUrl,
    Set<Long> adminIds,
    int botWorkers,
    int rateLimitPerMinute,
    String llmBaseUrl,
    String llmApiKey,
    String llmModel,
    Duration llmTimeout,
    int llmMaxTokens,
    double llmTemperature,
    Duration conversationTtl,
    boolean fetchAllowPrivate,
    Duration feedPollInterval,
    SolrSettings solr,
    WebhookSettings webhook,
    Duration botRecoverWithin,
    Duration botKeepAnswers,
    long maxArticleBytes,
    boolean llmStream) {

  public static final String DEFAULT_TELEGRAM_API_URL = "https://api.telegram.org";

  public Settings {
    Objects.requireNonNull(corpusDir, "corpusDir");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(telegramApiUrl, "telegramApiUrl");
    adminIds = Set.copyOf(adminIds);
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(llmTimeout, "llmTimeout");
    Objects.requireNonNull(botRecoverWithin, "botRecoverWithin");
    Objects.requireNonNull(botKeepAnswers, "botKeepAnswers");
    if (maxArticleBytes < 1) {
      throw new IllegalArgumentException("maxArticleBytes must be >= 1, was " + maxArticleBytes);
    }
    Objects.requireNonNull(conversationTtl, "conversationTtl");
    if (conversationTtl.isNegative() || conversationTtl.isZero()) {
      throw new IllegalArgumentException("conversationTtl must be positive, was " + conversationTtl);
    }
    Objects.requireNonNull(feedPollInterval, "feedPollInterval");
    if (botWorkers < 1) {
      throw new IllegalArgumentException("botWorkers must be >= 1, was " + botWorkers);
    }
    if (rateLimitPerMinute < 1) {
      throw new IllegalArgumentException("rateLimitPerMinute must be >= 1, was " + rateLimitPerMinute);
    }
  }

  /** Settings with the SQLite index and the default webhook (no secret). */
  public Settings(Path corpusDir, Path dataDir, String telegramToken, String telegramApiUrl, Set<Long> adminIds,
      int botWorkers, int rateLimitPerMinute, String llmBaseUrl, String llmApiKey, String llmModel,
      Duration llmTimeout, int llmMaxTokens, double llmTemperature, Duration conversationTtl,
      boolean fetchAllowPrivate, Duration feedPollInterval) {
    this(corpusDir, dataDir, telegramToken, telegramApiUrl, adminIds, botWorkers, rateLimitPerMinute, llmBaseUrl,
        llmApiKey, llmModel, llmTimeout, llmMaxTokens, llmTemperature, conversationTtl, fetchAllowPrivate,
        feedPollInterval, null, DEFAULT_WEBHOOK, Duration.ofMinutes(10), Duration.ofDays(90), 5_000_000L, true);
  }

  /** Listens on 8080 at /telegram; no public URL, no secret. */
  public static final WebhookSettings DEFAULT_WEBHOOK = new WebhookSettings(null, 8080, "/telegram", null, null);

  /** Whether the passages are in Solr ({@code index.store=solr}) rather than the SQLite file. */
  public boolean solrIndex() {
    return solr != null;
  }

  public Settings withWebhook(WebhookSettings webhookSettings) {
    return new Settings(corpusDir, dataDir, telegramToken, telegramApiUrl, adminIds, botWorkers,
        rateLimitPerMinute, llmBaseUrl, llmApiKey, llmModel, llmTimeout, llmMaxTokens, llmTemperature,
        conversationTtl, fetchAllowPrivate, feedPollInterval, solr, webhookSettings, botRecoverWithin, botKeepAnswers,
        maxArticleBytes, llmStream);
  }

  public Path indexFile() {
    return dataDir.resolve("index.db");
  }

  /** Feed subscriptions and the items taken from them. */
  public Path feedsFile() {
    return dataDir.resolve("feeds.db");
  }

  /**
   * The file a running bot touches after each successful poll of Telegram; the {@code health}
   * command reports the bot unhealthy when it exists and is stale.
   */
  public Path heartbeatFile() {
    return dataDir.resolve("heartbeat");
  }

  public boolean llmEnabled() {
    return llmBaseUrl != null;
  }

  public Settings withDirs(Path corpus, Path data) {
    return new Settings(corpus, data, telegramToken, telegramApiUrl, adminIds, botWorkers,
        rateLimitPerMinute, llmBaseUrl, llmApiKey, llmModel, llmTimeout, llmMaxTokens, llmTemperature,
        conversationTtl, fetchAllowPrivate, feedPollInterval, solr, webhook,
        botRecoverWithin, botKeepAnswers, maxArticleBytes, llmStream);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public String toString() {
    return "Settings[corpusDir=" + corpusDir + ", dataDir=" + dataDir + ", telegramToken="
        + (telegramToken == null ? "unset" : "***") + ", telegramApiUrl=" + telegramApiUrl
        + ", adminIds=" + adminIds + ", botWorkers=" + botWorkers + ", rateLimitPerMinute="
        + rateLimitPerMinute + ", llmBaseUrl=" + llmBaseUrl + ", llmApiKey="
        + (llmApiKey == null ? "unset" : "***") + ", llmModel=" + llmModel + ", llmTimeout="
        + llmTimeout + ", llmMaxTokens=" + llmMaxTokens + ", llmTemperature=" + llmTemperature
        + ", conversationTtl=" + conversationTtl + ", fetchAllowPrivate=" + fetchAllowPrivate
        + ", feedPollInterval=" + feedPollInterval + ", solr=" + solr + ", webhook=" + webhook
        + ", botRecoverWithin=" + botRecoverWithin + ", botKeepAnswers=" + botKeepAnswers
        + ", maxArticleBytes=" + maxArticleBytes + ", llmStream=" + llmStream + "]";
  }
}
