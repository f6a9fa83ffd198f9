package org.guizhoubot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guizhoubot.telegram.BotFixtures.USER;
import static org.guizhoubot.telegram.BotFixtures.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code guizhou-bot bot} as its own JVM: answers, then exits promptly on SIGTERM. */
class BotProcessTest {
  private static final String TOKEN = "777:PROCESS-secret-token";

  @TempDir Path dir;

  @Test
  void should_answer_and_shut_down_cleanly_on_sigterm() throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    try (Stream<Path> files = Files.list(Path.of("corpus"))) {
      for (Path f : files.toList()) {
        Files.copy(f, corpus.resolve(f.getFileName()));
      }
    }
    Path log = dir.resolve("bot.log");
    try (FakeTelegram telegram = new FakeTelegram(TOKEN)) {
      telegram.on("sendMessage", (body, n) -> n == 1
          ? FakeTelegram.Reply.error(403, "Forbidden: bot was blocked by the user", null)
          : telegram.standard("sendMessage", body));
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
          "org.guizhoubot.cli.Main", "bot", "--corpus", corpus.toString(), "--data", dir.resolve("data").toString())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
      pb.environment().put("TELEGRAM_API_URL", telegram.apiUrl());
      pb.environment().put("BOT_ADMIN_IDS", String.valueOf(BotFixtures.ADMIN));
      Process bot = pb.start();
      try {
        assertThat(await(Duration.ofSeconds(60), () -> !telegram.calls("getUpdates").isEmpty()))
            .as("polling started; output: %s", read(log)).isTrue();
        telegram.deliverText(USER, "Who is the co-founder of Baishan Cloud?");
        telegram.deliverText(USER, "When was the Big Data Expo held?");
        assertThat(await(Duration.ofSeconds(60), () -> telegram.calls("sendMessage").size() >= 2))
            .as("answered; output: %s", read(log)).isTrue();
        Path heartbeat = dir.resolve("data").resolve("heartbeat");
        assertThat(heartbeat).as("the polling loop's heartbeat").exists();
        assertThat(Files.getLastModifiedTime(heartbeat).toInstant())
            .isAfter(Instant.now().minusSeconds(60));

        long stopAt = System.nanoTime();
        bot.destroy();
        boolean exited = bot.waitFor(10, TimeUnit.SECONDS);

        assertThat(exited).as("exited within 10 s of SIGTERM; output: %s", read(log)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stopAt)).isLessThan(Duration.ofSeconds(10));
        String output = read(log);
        assertThat(output).contains("is running").contains("Sending to chat " + USER + " failed")
            .contains("blocked by the user");
        assertThat(output).doesNotContain(TOKEN).doesNotContain("PROCESS-secret");
        List<String> texts = telegram.sentTexts(USER);
        assertThat(texts.get(texts.size() - 1)).contains("Sources:");
      } finally {
        bot.destroyForcibly();
      }
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

}
