package org.guizhoubot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.guizhoubot.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI resolves settings through the loader: flags first, bad settings are bad input (exit 1). */
class CliSettingsTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private Cli cli(Map<String, String> env) {
    return new Cli(new PrintWriter(out), new PrintWriter(err), env, new ByteArrayInputStream(new byte[0]));
  }

  @Test
  void should_stop_with_exit_code_1_naming_the_key_of_a_bad_config_file() throws IOException {
    Path config = Files.writeString(dir.resolve("bad.properties"), "bot.workers = many\n");

    int code = cli(Map.of()).run("ask", "--config", config.toString(), "--data", dir.resolve("data").toString(), "hi");

    assertThat(code).isEqualTo(Cli.BAD_INPUT);
    assertThat(err.toString()).contains("bot.workers").contains("bad.properties").contains("'many'");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void should_stop_with_exit_code_1_on_a_bad_environment_value() {
    int code = cli(Map.of("BOT_ADMIN_IDS", "alice")).run("health", "--data", dir.toString());

    assertThat(code).isEqualTo(Cli.BAD_INPUT);
    assertThat(err.toString()).contains("telegram.admin.ids").contains("BOT_ADMIN_IDS");
  }

  @Test
  void should_let_the_flags_win_over_the_environment_and_the_config_file() throws IOException {
    Path config = Files.writeString(dir.resolve("c.properties"), "corpus.dir = file-corpus\ndata.dir = file-data\n");
    CommonOptions options = new CommonOptions();
    options.config = config;
    options.corpus = Path.of("flag-corpus");

    Settings s = cli(Map.of("GUIZHOU_CORPUS_DIR", "env-corpus", "GUIZHOU_DATA_DIR", "env-data")).settings(options);

    assertThat(s.corpusDir()).isEqualTo(Path.of("flag-corpus"));
    assertThat(s.dataDir()).isEqualTo(Path.of("env-data"));
  }

  @Test
  void should_redact_a_token_from_an_error_message() {
    String token = "5312345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ";

    int code = cli(Map.of("GUIZHOU_CONFIG", "/nonexistent/" + token + ".properties")).run("health");

    assertThat(code).isEqualTo(Cli.BAD_INPUT);
    assertThat(err.toString()).contains("GUIZHOU_CONFIG").contains("<redacted>").doesNotContain(token);
  }
}
