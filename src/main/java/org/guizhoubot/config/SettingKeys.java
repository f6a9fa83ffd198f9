package org.guizhoubot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The settings' registry: every key of the config file with its environment variable, default and
 * meaning, and the environment variables read on their own (the secrets, the config file's name).
 */
public final class SettingKeys {
  private SettingKeys() {}

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
}
