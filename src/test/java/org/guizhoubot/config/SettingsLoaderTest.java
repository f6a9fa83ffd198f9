package org.guizhoubot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
  @TempDir Path dir;

  private Path writeDefaultConfig(String text) throws IOException {
    Path file = dir.resolve(SettingKeys.DEFAULT_CONFIG);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Settings load(Map<String, String> env, Map<String, String> flags) {
    return new SettingsLoader(env, dir).load(null, flags);
  }

  @Test
  void should_use_the_defaults_when_there_is_no_file_and_no_environment() {
    Settings s = load(Map.of(), Map.of());

    assertThat(s.corpusDir()).isEqualTo(Path.of("corpus"));
    assertThat(s.dataDir()).isEqualTo(Path.of("data"));
    assertThat(s.telegramApiUrl()).isEqualTo("https://api.telegram.org");
    assertThat(s.adminIds()).isEmpty();
    assertThat(s.botWorkers()).isEqualTo(4);
    assertThat(s.rateLimitPerMinute()).isEqualTo(20);
    assertThat(s.llmEnabled()).isFalse();
    assertThat(s.llmModel()).isEqualTo("gpt-4o-mini");
    assertThat(s.llmTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.llmMaxTokens()).isEqualTo(400);
    assertThat(s.llmTemperature()).isEqualTo(0.2);
    assertThat(s.telegramToken()).isNull();
    assertThat(s.fetchAllowPrivate()).isFalse();
    assertThat(s.feedPollInterval()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void should_read_the_fetch_and_feed_settings_and_name_a_bad_value() throws IOException {
    writeDefaultConfig("feed.poll.minutes = 5\n");

    Settings s = load(Map.of("FETCH_ALLOW_PRIVATE", "TRUE"), Map.of());

    assertThat(s.fetchAllowPrivate()).isTrue();
    assertThat(s.feedPollInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> load(Map.of("FETCH_ALLOW_PRIVATE", "yes"), Map.of()))
        .hasMessageContaining("bad value for fetch.allow.private (from environment variable FETCH_ALLOW_PRIVATE)")
        .hasMessageContaining("expected true or false");
  }

  @Test
  void should_let_a_flag_beat_the_environment_beat_the_file_beat_the_default() throws IOException {
    writeDefaultConfig("corpus.dir = from-file\ndata.dir = data-from-file\nbot.workers = 7\n"
        + "llm.model = file-model\n");
    Map<String, String> env = Map.of("GUIZHOU_CORPUS_DIR", "from-env", "BOT_WORKERS", "9");

    Settings s = load(env, Map.of("corpus.dir", "from-flag"));

    assertThat(s.corpusDir()).isEqualTo(Path.of("from-flag"));
    assertThat(s.botWorkers()).isEqualTo(9);
    assertThat(s.dataDir()).isEqualTo(Path.of("data-from-file"));
    assertThat(s.llmModel()).isEqualTo("file-model");
    assertThat(s.llmMaxTokens()).isEqualTo(400);
    assertThat(load(env, Map.of()).corpusDir()).isEqualTo(Path.of("from-env"));
  }

  @Test
  void should_treat_a_blank_value_as_unset_in_every_layer() throws IOException {
    writeDefaultConfig("bot.workers = 6\nllm.base.url =\n");

    Settings s = load(Map.of("BOT_WORKERS", "  ", "LLM_BASE_URL", ""), Map.of());

    assertThat(s.botWorkers()).isEqualTo(6);
    assertThat(s.llmEnabled()).isFalse();
  }

  @Test
  void should_read_the_secrets_from_the_environment_only() {
    Settings s = load(Map.of("TELEGRAM_BOT_TOKEN", "123456:abc", "LLM_API_KEY", "sk-1",
        "LLM_BASE_URL", "http://localhost:11434/v1/"), Map.of());

    assertThat(s.telegramToken()).isEqualTo("123456:abc");
    assertThat(s.llmApiKey()).isEqualTo("sk-1");
    assertThat(s.llmBaseUrl()).isEqualTo("http://localhost:11434/v1");
    assertThat(s.toString()).doesNotContain("123456:abc").doesNotContain("sk-1");
  }

  @Test
  void should_parse_admin_ids_separated_by_commas() {
    Settings s = load(Map.of("BOT_ADMIN_IDS", "123456789, 42,7,"), Map.of());

    assertThat(s.adminIds()).containsExactlyInAnyOrder(123456789L, 42L, 7L);
    assertThatThrownBy(() -> load(Map.of("BOT_ADMIN_IDS", "42 7"), Map.of()))
        .hasMessageContaining("'42 7' is not a numeric Telegram user id");
  }

  @Test
  void should_refuse_an_unknown_key_in_the_file_naming_it() throws IOException {
    writeDefaultConfig("bot.workers = 4\nbot.wrokers = 5\n");

    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("unknown key bot.wrokers")
        .hasMessageContaining("guizhou-bot.properties")
        .extracting(e -> ((SettingsException) e).key()).isEqualTo("bot.wrokers");
  }

  @Test
  void should_suggest_the_key_when_the_file_uses_the_environment_variable_name() throws IOException {
    writeDefaultConfig("BOT_WORKERS = 5\n");

    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .hasMessageContaining("unknown key BOT_WORKERS (did you mean bot.workers?)");
  }

  @Test
  void should_refuse_a_secret_in_the_file_without_repeating_it() throws IOException {
    writeDefaultConfig("telegram.bot.token = 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\n");

    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("telegram.bot.token is a secret")
        .hasMessageContaining("TELEGRAM_BOT_TOKEN")
        .message().doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
  }

  @Test
  void should_refuse_an_api_key_in_the_file_pointing_to_its_environment_variable() throws IOException {
    writeDefaultConfig("llm.api.key = sk-secret\n");

    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .hasMessageContaining("llm.api.key is a secret")
        .hasMessageContaining("LLM_API_KEY")
        .message().doesNotContain("sk-secret");
  }

  @Test
  void should_name_the_key_and_the_source_of_a_bad_number() throws IOException {
    assertThatThrownBy(() -> load(Map.of("BOT_WORKERS", "-2"), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bot.workers")
        .hasMessageContaining("environment variable BOT_WORKERS")
        .hasMessageContaining("'-2'");

    writeDefaultConfig("llm.timeout.seconds = soon\n");
    assertThatThrownBy(() -> load(Map.of(), Map.of()))
        .hasMessageContaining("llm.timeout.seconds")
        .hasMessageContaining("guizhou-bot.properties");
  }

  @Test
  void should_refuse_non_numeric_admin_ids() {
    assertThatThrownBy(() -> load(Map.of("BOT_ADMIN_IDS", "123,@alice"), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("telegram.admin.ids")
        .hasMessageContaining("'@alice' is not a numeric Telegram user id");
  }

  @Test
  void should_refuse_a_url_that_is_not_http() {
    assertThatThrownBy(() -> load(Map.of("LLM_BASE_URL", "localhost:11434"), Map.of()))
        .hasMessageContaining("llm.base.url")
        .hasMessageContaining("LLM_BASE_URL");
    assertThatThrownBy(() -> load(Map.of("TELEGRAM_API_URL", "ftp://example.org"), Map.of()))
        .hasMessageContaining("telegram.api.url");
  }

  @Test
  void should_refuse_a_temperature_out_of_range() {
    assertThatThrownBy(() -> load(Map.of("LLM_TEMPERATURE", "3.5"), Map.of()))
        .hasMessageContaining("llm.temperature");
  }

  @Test
  void should_refuse_an_unknown_log_level() {
    assertThatThrownBy(() -> load(Map.of("LOG_LEVEL", "verbose"), Map.of()))
        .hasMessageContaining("LOG_LEVEL")
        .hasMessageContaining("'verbose'");
  }

  @Test
  void should_accept_every_documented_log_level_in_any_case_and_change_no_setting() {
    String defaults = load(Map.of(), Map.of()).toString();

    for (String level : List.of("trace", "DEBUG", "Info", "warn", "ERROR", "off")) {
      Settings s = load(Map.of("LOG_LEVEL", level), Map.of());

      assertThat(s.toString()).as("settings with LOG_LEVEL=%s", level).isEqualTo(defaults);
      assertThat(s.botWorkers()).isEqualTo(4);
    }
  }

  @Test
  void should_pick_the_flag_file_then_the_env_file_then_the_default_file() throws IOException {
    writeDefaultConfig("bot.workers = 2\n");
    Files.writeString(dir.resolve("env.properties"), "bot.workers = 3\n");
    Files.writeString(dir.resolve("flag.properties"), "bot.workers = 5\n");
    SettingsLoader withEnv = new SettingsLoader(Map.of("GUIZHOU_CONFIG", "env.properties"), dir);

    assertThat(withEnv.load(Path.of("flag.properties"), Map.of()).botWorkers()).isEqualTo(5);
    assertThat(withEnv.load(null, Map.of()).botWorkers()).isEqualTo(3);
    assertThat(new SettingsLoader(Map.of(), dir).load(null, Map.of()).botWorkers()).isEqualTo(2);
  }

  @Test
  void should_refuse_a_named_config_file_that_does_not_exist() {
    assertThatThrownBy(() -> new SettingsLoader(Map.of("GUIZHOU_CONFIG", "nope.properties"), dir).configFile(null))
        .hasMessageContaining("nope.properties")
        .hasMessageContaining("GUIZHOU_CONFIG");
    assertThatThrownBy(() -> new SettingsLoader(Map.of(), dir).configFile(Path.of("missing.properties")))
        .hasMessageContaining("missing.properties (from --config)");
  }

  @Test
  void should_accept_the_committed_config_file_and_match_the_defaults() throws IOException {
    Path committed = Path.of("config", "guizhou-bot.properties");
    Settings fromFile = new SettingsLoader(Map.of(), dir).load(committed.toAbsolutePath(), Map.of());

    assertThat(fromFile.toString()).isEqualTo(load(Map.of(), Map.of()).toString());
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(committed, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    assertThat(p.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(SettingKeys.KEYS.stream().map(SettingKeys.Key::name).toList());
    String text = Files.readString(committed, StandardCharsets.UTF_8);
    for (SettingKeys.Key key : SettingKeys.KEYS) {
      assertThat(text).as("the comment on %s names its environment variable", key.name()).contains(key.env());
    }
  }

  @Test
  void should_keep_the_sqlite_index_by_default_and_read_solr_settings_from_file_and_environment() throws IOException {
    assertThat(load(Map.of(), Map.of()).solr()).isNull();
    java.nio.file.Files.writeString(dir.resolve("solr.properties"),
        "index.store=solr\nsolr.zk.hosts=zk1:2181,zk2:2181/solr\nsolr.shards=3\n");

    Settings s = new SettingsLoader(Map.of("GUIZHOU_CONFIG", "solr.properties", "SOLR_REPLICAS", "2",
        "SOLR_COLLECTION", "news"), dir).load(null, Map.of());

    assertThat(s.solrIndex()).isTrue();
    assertThat(s.solr()).isEqualTo(new SolrSettings(java.util.List.of("zk1:2181", "zk2:2181"), "/solr",
        java.util.List.of(), "news", 3, 2));
    assertThat(load(Map.of("GUIZHOU_INDEX_STORE", "SOLR", "SOLR_URL", "http://solr1:8983/solr/, http://solr2:8983/solr"),
        Map.of()).solr().urls()).containsExactly("http://solr1:8983/solr", "http://solr2:8983/solr");
  }

  @Test
  void should_refuse_solr_without_exactly_one_way_to_reach_it_and_an_unknown_store() {
    assertThatThrownBy(() -> load(Map.of("GUIZHOU_INDEX_STORE", "solr"), Map.of()))
        .isInstanceOf(SettingsException.class).hasMessageContaining("solr.zk.hosts").hasMessageContaining("neither");
    assertThatThrownBy(() -> load(Map.of("GUIZHOU_INDEX_STORE", "solr", "SOLR_ZK_HOSTS", "zk:2181",
        "SOLR_URL", "http://solr:8983/solr"), Map.of())).hasMessageContaining("both");
    assertThatThrownBy(() -> load(Map.of("GUIZHOU_INDEX_STORE", "solr", "SOLR_ZK_HOSTS", "zk"), Map.of()))
        .hasMessageContaining("solr.zk.hosts").hasMessageContaining("host:port");
    assertThatThrownBy(() -> load(Map.of("GUIZHOU_INDEX_STORE", "elastic"), Map.of()))
        .hasMessageContaining("index.store").hasMessageContaining("sqlite or solr");
  }

  @Test
  void should_read_the_webhook_secret_from_the_environment_only_and_hide_it() {
    Settings s = load(Map.of("TELEGRAM_WEBHOOK_SECRET", "abc_DEF-123", "WEBHOOK_PORT", "8443",
        "WEBHOOK_URL", "https://bot.example.org/tg"), Map.of());

    assertThat(s.webhook()).isEqualTo(new WebhookSettings(null, 8443, "/telegram", "https://bot.example.org/tg", "abc_DEF-123"));
    assertThat(s.toString()).doesNotContain("abc_DEF-123");
    assertThatThrownBy(() -> load(Map.of("TELEGRAM_WEBHOOK_SECRET", "has spaces"), Map.of()))
        .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET").hasMessageNotContaining("has spaces");
    assertThatThrownBy(() -> load(Map.of("WEBHOOK_URL", "http://bot.example.org/tg"), Map.of()))
        .hasMessageContaining("https");
  }

  @Test
  void should_bind_the_webhook_to_every_interface_unless_given_an_address() {
    assertThat(load(Map.of(), Map.of()).webhook().bind()).isNull();
    assertThat(load(Map.of("WEBHOOK_BIND", "127.0.0.1"), Map.of()).webhook().bind()).isEqualTo("127.0.0.1");
    assertThat(load(Map.of(), Map.of("webhook.bind", "::1")).webhook().bind()).isEqualTo("::1");
    assertThatThrownBy(() -> load(Map.of("WEBHOOK_BIND", "127.0.0.1; rm"), Map.of()))
        .hasMessageContaining("webhook.bind").hasMessageContaining("127.0.0.1 or ::1");
  }
}
