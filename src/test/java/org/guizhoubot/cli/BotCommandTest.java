package org.guizhoubot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.guizhoubot.LoopbackServer;
import org.guizhoubot.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env) {
    Cli cli = new Cli(new PrintWriter(out, true), new PrintWriter(err, true), env,
        new ByteArrayInputStream(new byte[0]));
    return cli.run("bot", "--corpus", Path.of("corpus").toString(), "--data", dir.resolve("data").toString());
  }

  @Test
  void should_refuse_to_start_without_a_token() {
    assertThat(run(Map.of())).isEqualTo(Cli.BAD_INPUT);
    assertThat(err.toString()).contains("TELEGRAM_BOT_TOKEN is not set");
  }

  @Test
  void should_report_a_rejected_token_without_printing_it() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(ex -> LoopbackServer.send(ex, 401, "application/json",
        "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"))) {
      int code = run(Map.of("TELEGRAM_BOT_TOKEN", "123:VERY-SECRET", "TELEGRAM_API_URL", server.base()));

      assertThat(code).isEqualTo(Cli.BAD_INPUT);
      assertThat(err.toString()).contains("TELEGRAM_BOT_TOKEN was rejected").contains("401");
      assertThat(err.toString() + out).doesNotContain("VERY-SECRET");
    }
  }

  @Test
  void should_explain_a_malformed_api_url() {
    assertThat(run(Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "TELEGRAM_API_URL", "ftp://example.org")))
        .isEqualTo(Cli.BAD_INPUT);
    assertThat(err.toString()).contains("TELEGRAM_API_URL").contains("http:// or https:// URL");
  }

  @Test
  void should_explain_an_unreachable_api_url_without_printing_the_token() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;

    assertThat(run(Map.of("TELEGRAM_BOT_TOKEN", "123:UNREACHABLE-secret", "TELEGRAM_API_URL", url)))
        .isEqualTo(Cli.BAD_INPUT);
    assertThat(err.toString()).contains("cannot reach the Bot API at " + url).contains("getMe");
    assertThat(err.toString() + out).doesNotContain("UNREACHABLE-secret");
  }

  @Test
  void should_reject_admin_ids_that_are_not_numbers() {
    assertThat(run(Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "BOT_ADMIN_IDS", "42, @boss"))).isEqualTo(Cli.BAD_INPUT);
    assertThat(err.toString()).contains("BOT_ADMIN_IDS").contains("'@boss'");
  }

  @Test
  void should_give_the_bot_the_api_url_and_64_bit_admin_ids_from_the_environment() {
    Cli cli = new Cli(new PrintWriter(out, true), new PrintWriter(err, true),
        Map.of("TELEGRAM_API_URL", "http://127.0.0.1:9", "BOT_ADMIN_IDS", " 42, 9007199254740993 "),
        new ByteArrayInputStream(new byte[0]));

    Settings s = cli.settings(new CommonOptions());

    assertThat(s.telegramApiUrl()).isEqualTo("http://127.0.0.1:9");
    assertThat(s.adminIds()).isEqualTo(Set.of(42L, 9007199254740993L));
  }
}
