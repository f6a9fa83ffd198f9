package org.guizhoubot.config;

import static org.guizhoubot.config.SettingKeys.ADMIN_IDS;
import static org.guizhoubot.config.SettingKeys.BOT_KEEP_ANSWERS_DAYS;
import static org.guizhoubot.config.SettingKeys.BOT_RECOVER_MINUTES;
import static org.guizhoubot.config.SettingKeys.BOT_WORKERS;
import static org.guizhoubot.config.SettingKeys.CONFIG_ENV;
import static org.guizhoubot.config.SettingKeys.CONVERSATION_TTL;
import static org.guizhoubot.config.SettingKeys.CORPUS_DIR;
import static org.guizhoubot.config.SettingKeys.CORPUS_MAX_FILE_MB;
import static org.guizhoubot.config.SettingKeys.DATA_DIR;
import static org.guizhoubot.config.SettingKeys.DEFAULT_CONFIG;
import static org.guizhoubot.config.SettingKeys.FEED_POLL_MINUTES;
import static org.guizhoubot.config.SettingKeys.FETCH_ALLOW_PRIVATE;
import static org.guizhoubot.config.SettingKeys.INDEX_STORE;
import static org.guizhoubot.config.SettingKeys.KEYS;
import static org.guizhoubot.config.SettingKeys.LLM_API_KEY_ENV;
import static org.guizhoubot.config.SettingKeys.LLM_BASE_URL;
import static org.guizhoubot.config.SettingKeys.LLM_MAX_TOKENS;
import static org.guizhoubot.config.SettingKeys.LLM_MODEL;
import static org.guizhoubot.config.SettingKeys.LLM_STREAM;
import static org.guizhoubot.config.SettingKeys.LLM_TEMPERATURE;
import static org.guizhoubot.config.SettingKeys.LLM_TIMEOUT;
import static org.guizhoubot.config.SettingKeys.LOG_LEVEL_ENV;
import static org.guizhoubot.config.SettingKeys.RATE_LIMIT;
import static org.guizhoubot.config.SettingKeys.SOLR_COLLECTION;
import static org.guizhoubot.config.SettingKeys.SOLR_REPLICAS;
import static org.guizhoubot.config.SettingKeys.SOLR_SHARDS;
import static org.guizhoubot.config.SettingKeys.SOLR_URL;
import static org.guizhoubot.config.SettingKeys.SOLR_ZK_HOSTS;
import static org.guizhoubot.config.SettingKeys.TELEGRAM_API_URL;
import static org.guizhoubot.config.SettingKeys.TOKEN_ENV;
import static org.guizhoubot.config.SettingKeys.WEBHOOK_BIND;
import static org.guizhoubot.config.SettingKeys.WEBHOOK_PATH;
import static org.guizhoubot.config.SettingKeys.WEBHOOK_PORT;
import static org.guizhoubot.config.SettingKeys.WEBHOOK_SECRET_ENV;
import static org.guizhoubot.config.SettingKeys.WEBHOOK_URL;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.guizhoubot.logging.Redactor;
import org.guizhoubot.web.Urls;

/**
 * Resolves {@link Settings} from four layers, first match wins: command-line flag, environment
 * variable, config file, default. Secrets are read only from the environment; an unknown key, a
 * secret in the file or a bad value throws {@link SettingsException} naming the key and its source.
 * A blank value counts as unset in every layer. The secrets loaded are handed to {@link Redactor}.
 */
public final class SettingsLoader {
  private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  private final Map<String, String> env;
  private final Path workingDir;

  /**
   * @param env the process environment
   * @param workingDir where {@link SettingKeys#DEFAULT_CONFIG} and a relative config path are looked up
   */
  public SettingsLoader(Map<String, String> env, Path workingDir) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
  }

  /**
   * The config file to read: {@code explicit} (the --config flag) when given, else the file named by
   * {@value SettingKeys#CONFIG_ENV}, else {@link SettingKeys#DEFAULT_CONFIG} when it exists, else none. A file named by the
   * flag or the environment must exist.
   */
  public Optional<Path> configFile(Path explicit) {
    if (explicit != null) {
      return Optional.of(mustExist(workingDir.resolve(explicit), explicit + " (from --config)"));
    }
    String named = SettingResolver.blankToNull(env.get(CONFIG_ENV));
    if (named != null) {
      Path p;
      try {
        p = workingDir.resolve(named);
      } catch (InvalidPathException e) {
        throw new SettingsException(CONFIG_ENV, "bad value for environment variable " + CONFIG_ENV
            + ": not a file path: '" + named + "'");
      }
      return Optional.of(mustExist(p, named + " (from environment variable " + CONFIG_ENV + ")"));
    }
    Path fallback = workingDir.resolve(DEFAULT_CONFIG);
    return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
  }

  /**
   * Resolves every setting.
   *
   * @param explicitConfig the --config flag, or null
   * @param flags values given as command-line flags, by config key (e.g. {@code corpus.dir})
   */
  public Settings load(Path explicitConfig, Map<String, String> flags) {
    Optional<Path> file = configFile(explicitConfig);
    Map<String, String> fileValues = file.map(ConfigFile::read).orElse(Map.of());
    String fileName = file.map(Path::toString).orElse("");
    for (String key : flags.keySet()) {
      if (KEYS.stream().noneMatch(k -> k.name().equals(key))) {
        throw new IllegalArgumentException("flag for unknown setting " + key);
      }
    }
    checkLogLevel();
    Redactor.remember(env.get(TOKEN_ENV));
    Redactor.remember(env.get(LLM_API_KEY_ENV));
    Redactor.remember(env.get(WEBHOOK_SECRET_ENV));
    SettingResolver r = new SettingResolver(flags, env, fileValues, fileName);
    return new Settings(
        r.path(CORPUS_DIR),
        r.path(DATA_DIR),
        SettingResolver.blankToNull(env.get(TOKEN_ENV)),
        r.url(TELEGRAM_API_URL),
        r.ids(ADMIN_IDS),
        r.integer(BOT_WORKERS, 1, 64),
        r.integer(RATE_LIMIT, 1, 10_000),
        r.url(LLM_BASE_URL),
        SettingResolver.blankToNull(env.get(LLM_API_KEY_ENV)),
        r.text(LLM_MODEL),
        Duration.ofSeconds(r.integer(LLM_TIMEOUT, 1, 600)),
        r.integer(LLM_MAX_TOKENS, 1, 32_000),
        r.decimal(LLM_TEMPERATURE, 0.0, 2.0),
        Duration.ofMinutes(r.integer(CONVERSATION_TTL, 1, 1440)),
        r.bool(FETCH_ALLOW_PRIVATE),
        Duration.ofMinutes(r.integer(FEED_POLL_MINUTES, 1, 1440)),
        solr(r),
        webhook(r),
        Duration.ofMinutes(r.integer(BOT_RECOVER_MINUTES, 0, 1440)),
        Duration.ofDays(r.integer(BOT_KEEP_ANSWERS_DAYS, 1, 3650)),
        r.integer(CORPUS_MAX_FILE_MB, 1, 1024) * 1_000_000L,
        r.bool(LLM_STREAM));
  }

  private SolrSettings solr(SettingResolver r) {
    String store = r.text(INDEX_STORE).toLowerCase(Locale.ROOT);
    if (store.equals("sqlite")) {
      return null;
    }
    if (!store.equals("solr")) {
      throw r.bad(INDEX_STORE, r.raw(INDEX_STORE), "sqlite or solr");
    }
    String zk = r.text(SOLR_ZK_HOSTS);
    List<String> urls = new ArrayList<>();
    if (r.text(SOLR_URL) != null) {
      for (String u : r.text(SOLR_URL).split(",")) {
        String url = u.strip();
        if (Urls.parse(url).isEmpty()) {
          throw r.bad(SOLR_URL, r.raw(SOLR_URL), "http(s) URLs of Solr such as http://solr1:8983/solr");
        }
        urls.add(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      }
    }
    if ((zk == null) == urls.isEmpty()) {
      throw new SettingsException(SOLR_ZK_HOSTS.name(), "index.store=solr needs exactly one of "
          + SOLR_ZK_HOSTS.name() + " (" + SOLR_ZK_HOSTS.env() + ") and " + SOLR_URL.name() + " ("
          + SOLR_URL.env() + "), got " + (zk == null ? "neither" : "both"));
    }
    List<String> hosts = new ArrayList<>();
    String chroot = null;
    if (zk != null) {
      int slash = zk.indexOf('/');
      if (slash >= 0) {
        chroot = zk.substring(slash);
        zk = zk.substring(0, slash);
      }
      for (String h : zk.split(",")) {
        if (!h.strip().matches("[A-Za-z0-9._\\[\\]:-]+:[0-9]{1,5}")) {
          throw r.bad(SOLR_ZK_HOSTS, r.raw(SOLR_ZK_HOSTS), "host:port pairs separated by commas,"
              + " such as zk1:2181,zk2:2181/solr");
        }
        hosts.add(h.strip());
      }
    }
    try {
      return new SolrSettings(hosts, chroot, urls, r.text(SOLR_COLLECTION), r.integer(SOLR_SHARDS, 1, 64),
          r.integer(SOLR_REPLICAS, 1, 16));
    } catch (IllegalArgumentException e) {
      throw new SettingsException(SOLR_COLLECTION.name(), "bad Solr settings: " + e.getMessage(), e);
    }
  }

  private WebhookSettings webhook(SettingResolver r) {
    String path = r.text(WEBHOOK_PATH);
    if (!path.matches("/[A-Za-z0-9._~/-]*")) {
      throw r.bad(WEBHOOK_PATH, r.raw(WEBHOOK_PATH), "a path such as /telegram");
    }
    String url = r.url(WEBHOOK_URL);
    if (url != null && !url.startsWith("https://")) {
      throw r.bad(WEBHOOK_URL, r.raw(WEBHOOK_URL), "an https:// URL (Telegram posts only to https)");
    }
    String secret = SettingResolver.blankToNull(env.get(WEBHOOK_SECRET_ENV));
    if (secret != null && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
      throw new SettingsException(WEBHOOK_SECRET_ENV, "bad value for environment variable " + WEBHOOK_SECRET_ENV
          + ": Telegram allows 1 to 256 characters A-Z, a-z, 0-9, _ and -");
    }
    String bind = SettingResolver.blankToNull(r.text(WEBHOOK_BIND));
    if (bind != null && !bind.matches("[A-Za-z0-9.:%_-]+")) {
      throw r.bad(WEBHOOK_BIND, r.raw(WEBHOOK_BIND), "an address such as 127.0.0.1 or ::1, a host name, or nothing for"
          + " every interface");
    }
    return new WebhookSettings(bind, r.integer(WEBHOOK_PORT, 0, 65_535), path, url, secret);
  }

  private void checkLogLevel() {
    String level = SettingResolver.blankToNull(env.get(LOG_LEVEL_ENV));
    if (level != null && !LOG_LEVELS.contains(level.toUpperCase(Locale.ROOT))) {
      throw new SettingsException(LOG_LEVEL_ENV, "bad value for environment variable " + LOG_LEVEL_ENV
          + ": expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got '" + level + "'");
    }
  }

  private static Path mustExist(Path p, String shown) {
    if (!Files.isRegularFile(p)) {
      throw new SettingsException(shown, "config file " + shown + " does not exist");
    }
    return p;
  }
}
