package org.guizhoubot.telegram.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.guizhoubot.config.Settings;

/**
 * How the bot runs: token and API URL, admins (by Telegram user id), worker threads, rate limit,
 * the timings of Bot API calls and polling, how old a question missed in a crash may be and still
 * be answered on restart, and how long answers are kept for their feedback buttons.
 */
public record BotConfig(
    String token,
    String apiUrl,
    Set<Long> adminIds,
    int workers,
    int rateLimitPerMinute,
    Duration callTimeout,
    int pollTimeoutSeconds,
    Duration backOffInitial,
    Duration backOffMax,
    Duration recoverWithin,
    Duration keepAnswers) {

  /** Production back-off after a failed poll: from 1 s, doubling, never above 10 s. */
  public static final Duration BACK_OFF_INITIAL = Duration.ofSeconds(1);
  public static final Duration BACK_OFF_MAX = Duration.ofSeconds(10);

  public BotConfig {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    Objects.requireNonNull(apiUrl, "apiUrl");
    adminIds = Set.copyOf(adminIds);
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, was " + workers);
    }
    if (rateLimitPerMinute < 1) {
      throw new IllegalArgumentException("rateLimitPerMinute must be >= 1, was " + rateLimitPerMinute);
    }
    Objects.requireNonNull(callTimeout, "callTimeout");
    if (pollTimeoutSeconds < 0) {
      throw new IllegalArgumentException("pollTimeoutSeconds must be >= 0, was " + pollTimeoutSeconds);
    }
    Objects.requireNonNull(backOffInitial, "backOffInitial");
    Objects.requireNonNull(backOffMax, "backOffMax");
    Objects.requireNonNull(recoverWithin, "recoverWithin");
    Objects.requireNonNull(keepAnswers, "keepAnswers");
  }

  /**
   * The production timings: 20 s per call; 25 s long polls (so a connection that hangs through an
   * outage is dropped after 35 s); back-off from 1 s up to 10 s.
   */
  public static BotConfig from(Settings s) {
    return new BotConfig(s.telegramToken(), s.telegramApiUrl(), s.adminIds(), s.botWorkers(),
        s.rateLimitPerMinute(), Duration.ofSeconds(20), 25, BACK_OFF_INITIAL, BACK_OFF_MAX, s.botRecoverWithin(),
        s.botKeepAnswers());
  }

  public boolean isAdmin(Long userId) {
    return userId != null && adminIds.contains(userId);
  }

  public BotConfig withTimings(Duration call, int pollSeconds, Duration backOffFrom, Duration backOffTo) {
    return new BotConfig(token, apiUrl, adminIds, workers, rateLimitPerMinute, call, pollSeconds, backOffFrom, backOffTo,
        recoverWithin, keepAnswers);
  }

  public BotConfig withRateLimit(int perMinute) {
    return new BotConfig(token, apiUrl, adminIds, workers, perMinute, callTimeout, pollTimeoutSeconds,
        backOffInitial, backOffMax, recoverWithin, keepAnswers);
  }

  @Override
  public String toString() {
    return "BotConfig[apiUrl=" + apiUrl + ", adminIds=" + adminIds + ", workers=" + workers
        + ", rateLimitPerMinute=" + rateLimitPerMinute + ", callTimeout=" + callTimeout
        + ", pollTimeoutSeconds=" + pollTimeoutSeconds + ", backOff=" + backOffInitial + ".." + backOffMax
        + ", recoverWithin=" + recoverWithin + ", keepAnswers=" + keepAnswers + "]";
  }
}
