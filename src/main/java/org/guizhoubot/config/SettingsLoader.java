package org.guizhoubot.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.guizhoubot.logging.Redactor;
import org.guizhoubot.web.Urls;

/**
 * Resolves {@link Settings} from four layers, first match wins: command-line flag, environment
 * variable, config file, default. Secrets are read only from the environment; an unknown key, a
 * secret in the file or a bad value throws {@link SettingsException} naming the key and its source.
 * A blank value counts as unset in every layer. The secrets loaded are handed to {@link Redactor}.
 */
public final class SettingsLoader {
  /** The config file read when present in the working directory and no other is named. */
  public static final Path DEFAULT_CONFIG = Path.of("config", "guizhou-bot.properties");
  /** The environment variable that names a config file. */
  public static final String CONFIG_ENV = "GUIZHOU_CONFIG";
  public static final String TOKEN_ENV = "TELEGRAM_BOT_TOKEN";
  public static final String LLM_API_KEY_ENV = "LLM_API_KEY";
  /** Read by logback itself; validated here so a typo stops start-up instead of silently logging at DEBUG. */
  public static final String LOG_LEVEL_ENV = "LOG_LEVEL";

  /** One setting: its key in the config file, its environment variable, its default (null: unset). */
  public record Key(String name, String env, String defaultValue, String meaning) {
    public Key {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(env, "env");
      Objects.requireNonNull(meaning, "meaning");
    }
  }

  public static final Key CORPUS_DIR = new Key("corpus.dir", "GUIZHOU_CORPUS_DIR", "corpus",
      "Folder of article files (.md, .txt, .html or .htm, .pdf, .docx); flag --corpus.");
  public static final Key DATA_DIR = new Key("data.dir", "GUIZHOU_DATA_DIR", "data",
      "Folder for the index (index.db) and the bot's own data (bot.db); flag --data.");
  public static final Key TELEGRAM_API_URL = new Key("telegram.api.url", "TELEGRAM_API_URL",
      Settings.DEFAULT_TELEGRAM_API_URL, "Bot API server; change only for a local Bot API server or tests.");
  public static final Key ADMIN_IDS = new Key("telegram.admin.ids", "BOT_ADMIN_IDS", "",
      "Numeric Telegram user ids of the admins, who may run every admin command; comma-separated.");
  public static final Key BOT_WORKERS = new Key("bot.workers", "BOT_WORKERS", "4",
      "Threads answering chat messages at once (1 to 64).");
  public static final Key RATE_LIMIT = new Key("bot.rate.limit.per.minute", "BOT_RATE_LIMIT_PER_MINUTE", "20",
      "Questions one user may ask per minute.");
  public static final Key LLM_BASE_URL = new Key("llm.base.url", "LLM_BASE_URL", null,
      "OpenAI-compatible endpoint; set it to let an LLM write answers; unset: offline extractive answers.");
  public static final Key LLM_MODEL = new Key("llm.model", "LLM_MODEL", "gpt-4o-mini",
      "Model name sent to the LLM endpoint.");
  public static final Key LLM_TIMEOUT = new Key("llm.timeout.seconds", "LLM_TIMEOUT_SECONDS", "30",
      "Seconds to wait for the LLM before falling back to the extractive answer (1 to 600).");
  public static final Key LLM_MAX_TOKENS = new Key("llm.max.tokens", "LLM_MAX_TOKENS", "400",
      "Longest LLM answer, in tokens (1 to 32000).");
  public static final Key LLM_TEMPERATURE = new Key("llm.temperature", "LLM_TEMPERATURE", "0.2",
      "LLM sampling temperature (0 to 2).");
  public static final Key LLM_STREAM = new Key("llm.stream", "LLM_STREAM", "true",
      "Show LLM answers as they are written (Telegram drafts and edits, the terminal); false: only when done.");
  public static final Key CONVERSATION_TTL = new Key("conversation.ttl.minutes", "CONVERSATION_TTL_MINUTES", "30",
      "Minutes a conversation's context is kept after its last question, for follow-ups (1 to 1440).");

  public static final Key FETCH_ALLOW_PRIVATE = new Key("fetch.allow.private", "FETCH_ALLOW_PRIVATE", "false",
      "true lets add URL, /add and feeds fetch from loopback and private (intranet) addresses; link-local,"
          + " multicast and unspecified addresses stay refused.");
  public static final Key FEED_POLL_MINUTES = new Key("feed.poll.minutes", "FEED_POLL_MINUTES", "30",
      "Minutes between the bot's polls of the subscribed news feeds (1 to 1440).");

  public static final Key BOT_RECOVER_MINUTES = new Key("bot.recover.minutes", "BOT_RECOVER_MINUTES", "10",
      "Questions received but not answered when the bot stopped (a crash, kill -9) are answered on restart"
          + " when at most this many minutes old (0 to 1440); older ones are told to ask again.");
  public static final Key BOT_KEEP_ANSWERS_DAYS = new Key("bot.answers.keep.days", "BOT_ANSWERS_KEEP_DAYS", "90",
      "Days an answer is kept in bot.db for its feedback buttons (1 to 3650); votes are kept.");
  public static final Key CORPUS_MAX_FILE_MB = new Key("corpus.max.file.mb", "CORPUS_MAX_FILE_MB", "5",
      "Largest article file indexed, in MB (1 to 1024); larger files are reported by name and skipped.");
  public static final Key INDEX_STORE = new Key("index.store", "GUIZHOU_INDEX_STORE", "sqlite",
      "Where the passages are kept: sqlite (index.db in the data folder) or solr (a SolrCloud).");
  public static final Key SOLR_ZK_HOSTS = new Key("solr.zk.hosts", "SOLR_ZK_HOSTS", null,
      "With index.store=solr: ZooKeeper hosts of the SolrCloud, comma-separated, optional /chroot at the end.");
  public static final Key SOLR_URL = new Key("solr.url", "SOLR_URL", null,
      "With index.store=solr and no ZooKeeper hosts: Solr base URLs (http://host:8983/solr), comma-separated.");
  public static final Key SOLR_COLLECTION = new Key("solr.collection", "SOLR_COLLECTION", "guizhou-passages",
      "With index.store=solr: the alias that names the serving collection.");
  public static final Key SOLR_SHARDS = new Key("solr.shards", "SOLR_SHARDS", "2",
      "Shards of each collection a reindex creates (1 to 64).");
  public static final Key SOLR_REPLICAS = new Key("solr.replicas", "SOLR_REPLICAS", "2",
      "Replicas of each shard of a collection a reindex creates (1 to 16).");
  public static final Key WEBHOOK_BIND = new Key("webhook.bind", "WEBHOOK_BIND", null,
      "bot --webhook: the local address to listen on, such as 127.0.0.1 behind a reverse proxy (empty: every interface).");
  public static final Key WEBHOOK_PORT = new Key("webhook.port", "WEBHOOK_PORT", "8080",
      "bot --webhook: local port the load balancer forwards Telegram's updates to (0: any free port).");
  public static final Key WEBHOOK_PATH = new Key("webhook.path", "WEBHOOK_PATH", "/telegram",
      "bot --webhook: the path updates are posted to.");
  public static final Key WEBHOOK_URL = new Key("webhook.url", "WEBHOOK_URL", null,
      "bot --webhook --set-webhook: the public https URL given to Telegram (the load balancer's).");
  /** The secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token; environment only. */
  public static final String WEBHOOK_SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET";

  /** Every key the config file may hold, in the order of the reference. */
  public static final List<Key> KEYS = List.of(CORPUS_DIR, DATA_DIR, TELEGRAM_API_URL, ADMIN_IDS,
      BOT_WORKERS, RATE_LIMIT, LLM_BASE_URL, LLM_MODEL, LLM_TIMEOUT, LLM_MAX_TOKENS, LLM_TEMPERATURE,
      LLM_STREAM, CONVERSATION_TTL, FETCH_ALLOW_PRIVATE, FEED_POLL_MINUTES, INDEX_STORE, SOLR_ZK_HOSTS, SOLR_URL,
      SOLR_COLLECTION, SOLR_SHARDS, SOLR_REPLICAS, WEBHOOK_BIND, WEBHOOK_PORT, WEBHOOK_PATH, WEBHOOK_URL,
      BOT_RECOVER_MINUTES, BOT_KEEP_ANSWERS_DAYS, CORPUS_MAX_FILE_MB);

  /** File keys that would hold a secret: refused, so a token never sits in a committed file. */
  private static final Map<String, String> SECRET_KEYS = Map.of(
      "telegram.bot.token", TOKEN_ENV,
      "telegram.token", TOKEN_ENV,
      "bot.token", TOKEN_ENV,
      "llm.api.key", LLM_API_KEY_ENV);

  private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  private final Map<String, String> env;
  private final Path workingDir;

  /**
   * @param env the process environment
   * @param workingDir where {@link #DEFAULT_CONFIG} and a relative config path are looked up
   */
  public SettingsLoader(Map<String, String> env, Path workingDir) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
  }

  /**
   * The config file to read: {@code explicit} (the --config flag) when given, else the file named by
   * {@value #CONFIG_ENV}, else {@link #DEFAULT_CONFIG} when it exists, else none. A file named by the
   * flag or the environment must exist.
   */
  public Optional<Path> configFile(Path explicit) {
    if (explicit != null) {
      return Optional.of(mustExist(workingDir.resolve(explicit), explicit + " (from --config)"));
    }
    String named = blankToNull(env.get(CONFIG_ENV));
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
    Map<String, String> fileValues = file.map(SettingsLoader::readFile).orElse(Map.of());
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
    Resolver r = new Resolver(flags, fileValues, fileName);
    return new Settings(
        r.path(CORPUS_DIR),
        r.path(DATA_DIR),
        blankToNull(env.get(TOKEN_ENV)),
        r.url(TELEGRAM_API_URL),
        r.ids(ADMIN_IDS),
        r.integer(BOT_WORKERS, 1, 64),
        r.integer(RATE_LIMIT, 1, 10_000),
        r.url(LLM_BASE_URL),
        blankToNull(env.get(LLM_API_KEY_ENV)),
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

  private SolrSettings solr(Resolver r) {
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

  private WebhookSettings webhook(Resolver r) {
    String path = r.text(WEBHOOK_PATH);
    if (!path.matches("/[A-Za-z0-9._~/-]*")) {
      throw r.bad(WEBHOOK_PATH, r.raw(WEBHOOK_PATH), "a path such as /telegram");
    }
    String url = r.url(WEBHOOK_URL);
    if (url != null && !url.startsWith("https://")) {
      throw r.bad(WEBHOOK_URL, r.raw(WEBHOOK_URL), "an https:// URL (Telegram posts only to https)");
    }
    String secret = blankToNull(env.get(WEBHOOK_SECRET_ENV));
    if (secret != null && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
      throw new SettingsException(WEBHOOK_SECRET_ENV, "bad value for environment variable " + WEBHOOK_SECRET_ENV
          + ": Telegram allows 1 to 256 characters A-Z, a-z, 0-9, _ and -");
    }
    String bind = blankToNull(r.text(WEBHOOK_BIND));
    if (bind != null && !bind.matches("[A-Za-z0-9.:%_-]+")) {
      throw r.bad(WEBHOOK_BIND, r.raw(WEBHOOK_BIND), "an address such as 127.0.0.1 or ::1, a host name, or nothing for"
          + " every interface");
    }
    return new WebhookSettings(bind, r.integer(WEBHOOK_PORT, 0, 65_535), path, url, secret);
  }

  /** Reads a properties file and rejects unknown keys and secrets, naming the key and the file. */
  static Map<String, String> readFile(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (CharacterCodingException e) {
      throw new SettingsException(file.toString(), file + ": not UTF-8 text", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new SettingsException(file.toString(), file + ": cannot be read: " + e.getMessage(), e);
    }
    Map<String, String> values = new HashMap<>();
    for (String key : new TreeSet<>(p.stringPropertyNames())) {
      if (KEYS.stream().anyMatch(k -> k.name().equals(key))) {
        values.put(key, p.getProperty(key));
        continue;
      }
      String secretEnv = secretEnv(key);
      if (secretEnv != null) {
        throw new SettingsException(key, file + ": " + key + " is a secret and is read only from the"
            + " environment variable " + secretEnv + "; remove it from the file"
            + " (and revoke it if the file was ever shared)");
      }
      throw new SettingsException(key, file + ": unknown key " + key + suggestion(key)
          + "; known keys: " + String.join(", ", KEYS.stream().map(Key::name).toList()));
    }
    return values;
  }

  /** The environment variable a secret-looking key belongs in, or null when the key is no secret. */
  private static String secretEnv(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (SECRET_KEYS.containsKey(k)) {
      return SECRET_KEYS.get(k);
    }
    if (k.equals(TOKEN_ENV.toLowerCase(Locale.ROOT)) || k.contains("token")) {
      return TOKEN_ENV;
    }
    if (k.equals(LLM_API_KEY_ENV.toLowerCase(Locale.ROOT)) || k.contains("api.key") || k.contains("apikey")
        || k.contains("api_key") || k.contains("secret") || k.contains("password")) {
      return k.startsWith("telegram") ? TOKEN_ENV : LLM_API_KEY_ENV;
    }
    return null;
  }

  /** "; did you mean bot.workers?" for a key written as its environment variable or with other separators. */
  private static String suggestion(String unknown) {
    String norm = unknown.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
    for (Key k : KEYS) {
      if (k.env().equalsIgnoreCase(unknown) || k.name().equals(norm)) {
        return " (did you mean " + k.name() + "?)";
      }
    }
    return "";
  }

  private void checkLogLevel() {
    String level = blankToNull(env.get(LOG_LEVEL_ENV));
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

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Looks a key up layer by layer and parses it, remembering where the value came from for messages. */
  private final class Resolver {
    private final Map<String, String> flags;
    private final Map<String, String> file;
    private final String fileName;

    Resolver(Map<String, String> flags, Map<String, String> file, String fileName) {
      this.flags = flags;
      this.file = file;
      this.fileName = fileName;
    }

    record Raw(String value, String origin) {}

    Raw raw(Key key) {
      String v = blankToNull(flags.get(key.name()));
      if (v != null) {
        return new Raw(v, "command-line option");
      }
      v = blankToNull(env.get(key.env()));
      if (v != null) {
        return new Raw(v, "environment variable " + key.env());
      }
      v = blankToNull(file.get(key.name()));
      if (v != null) {
        return new Raw(v, fileName);
      }
      return new Raw(key.defaultValue(), "default");
    }

    SettingsException bad(Key key, Raw raw, String expected) {
      return new SettingsException(key.name(), "bad value for " + key.name() + " (from " + raw.origin()
          + "): expected " + expected + ", got '" + raw.value() + "'");
    }

    Path path(Key key) {
      Raw raw = raw(key);
      try {
        return Path.of(raw.value());
      } catch (InvalidPathException e) {
        throw bad(key, raw, "a folder path");
      }
    }

    String text(Key key) {
      return raw(key).value();
    }

    String url(Key key) {
      Raw raw = raw(key);
      if (raw.value() == null) {
        return null;
      }
      String expected = "an http:// or https:// URL such as " + (key == LLM_BASE_URL
          ? "http://localhost:11434/v1" : Settings.DEFAULT_TELEGRAM_API_URL);
      URI u = Urls.parse(raw.value()).orElseThrow(() -> bad(key, raw, expected));
      if (u.getQuery() != null || u.getFragment() != null) {
        throw bad(key, raw, expected);
      }
      String v = raw.value();
      return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    int integer(Key key, int min, int max) {
      Raw raw = raw(key);
      try {
        int n = Integer.parseInt(raw.value());
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad(key, raw, "a whole number from " + min + " to " + max);
    }

    boolean bool(Key key) {
      Raw raw = raw(key);
      String v = raw.value().toLowerCase(Locale.ROOT);
      if (v.equals("true") || v.equals("false")) {
        return Boolean.parseBoolean(v);
      }
      throw bad(key, raw, "true or false");
    }

    double decimal(Key key, double min, double max) {
      Raw raw = raw(key);
      try {
        double d = Double.parseDouble(raw.value());
        if (d >= min && d <= max) {
          return d;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad(key, raw, "a number from " + min + " to " + max);
    }

    Set<Long> ids(Key key) {
      Raw raw = raw(key);
      Set<Long> ids = new LinkedHashSet<>();
      if (raw.value() == null) {
        return ids;
      }
      for (String item : raw.value().split(",")) {
        String part = item.strip();
        if (part.isEmpty()) {
          continue;
        }
        try {
          long id = Long.parseLong(part);
          if (id > 0) {
            ids.add(id);
            continue;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        throw new SettingsException(key.name(), "bad value for " + key.name() + " (from " + raw.origin()
            + "): '" + part + "' is not a numeric Telegram user id; expected positive whole numbers"
            + " separated by commas, such as 123456789,987654321");
      }
      return ids;
    }
  }
}
