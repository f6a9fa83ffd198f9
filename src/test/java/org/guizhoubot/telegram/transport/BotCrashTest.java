package org.guizhoubot.telegram.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guizhoubot.telegram.BotFixtures.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.guizhoubot.telegram.FakeTelegram;

/**
 * {@code guizhou-bot bot} killed with SIGKILL while questions are queued, polling or fed by the
 * webhook: after a restart over the same {@code bot.db} every question is answered, and none twice.
 */
class BotCrashTest {
  private static final String TOKEN = "778:CRASH-secret-token";
  private static final int QUESTIONS = 30;
  private static final long FIRST_USER = 9_100_000_000L;

  @TempDir Path dir;

  @Test
  void should_answer_every_question_once_after_a_kill_9_while_questions_are_queued() throws Exception {
    Path corpus = copySeeds(dir.resolve("corpus"));
    try (FakeTelegram telegram = new FakeTelegram(TOKEN)) {
      Process bot = startBot(telegram, corpus, dir.resolve("bot-1.log"));
      try {
        assertThat(await(Duration.ofSeconds(240), () -> !telegram.calls("getUpdates").isEmpty()))
            .as("polling started; output: %s", read(dir.resolve("bot-1.log"))).isTrue();
        List<Long> asked = new ArrayList<>();
        for (int i = 0; i < QUESTIONS; i++) {
          long user = FIRST_USER + i;
          telegram.deliverText(user, i % 2 == 0 ? "Who is the co-founder of Baishan Cloud?"
              : "When was the Big Data Expo held?");
          asked.add(user);
        }
        assertThat(await(Duration.ofSeconds(240), () -> !answersByQuestion(telegram).isEmpty()))
            .as("a first answer; output: %s", read(dir.resolve("bot-1.log"))).isTrue();
        bot.destroyForcibly();
        assertThat(bot.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int beforeKill = answersByQuestion(telegram).size();
        System.out.printf("BotCrashTest: %d of %d questions answered before kill -9%n", beforeKill, QUESTIONS);
        assertThat(beforeKill).as("questions still queued at the kill").isLessThan(QUESTIONS);

        bot = startBot(telegram, corpus, dir.resolve("bot-2.log"));
        assertThat(await(Duration.ofSeconds(240), () -> answersByQuestion(telegram).size() == QUESTIONS))
            .as("every question answered after the restart (%d before the kill); output: %s", beforeKill,
                read(dir.resolve("bot-2.log"))).isTrue();
        int polls = telegram.calls("getUpdates").size();
        assertThat(await(Duration.ofSeconds(10), () -> telegram.calls("getUpdates").size() >= polls + 2)).isTrue();

        Map<Long, Integer> answers = answersByQuestion(telegram);
        assertThat(answers.keySet()).containsExactlyInAnyOrderElementsOf(asked);
        assertThat(answers.values()).as("answers per question").containsOnly(1);
        assertThat(read(dir.resolve("bot-2.log"))).contains("left unhandled when the bot last stopped");
        assertThat(telegram.unconfirmed()).isZero();
      } finally {
        bot.destroyForcibly();
        bot.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void should_answer_every_posted_question_once_after_a_webhook_replica_is_killed() throws Exception {
    Path corpus = copySeeds(dir.resolve("corpus"));
    String secret = "crash-webhook-Secret";
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Map<String, String> webhook = Map.of("WEBHOOK_PORT", String.valueOf(port), "TELEGRAM_WEBHOOK_SECRET", secret);
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.URI hook = java.net.URI.create("http://127.0.0.1:" + port + "/telegram");
    try (FakeTelegram telegram = new FakeTelegram(TOKEN)) {
      Process bot = startBot(telegram, corpus, dir.resolve("hook-1.log"), webhook, "--webhook");
      try {
        assertThat(await(Duration.ofSeconds(240), () -> listening(http, hook)))
            .as("replica listening; output: %s", read(dir.resolve("hook-1.log"))).isTrue();
        List<Long> asked = new ArrayList<>();
        for (int i = 0; i < QUESTIONS; i++) {
          long user = FIRST_USER + i;
          com.fasterxml.jackson.databind.node.ObjectNode u = telegram.json.createObjectNode();
          u.put("update_id", 70_000 + i);
          u.set("message", telegram.message(user, i % 2 == 0 ? "Who is the co-founder of Baishan Cloud?"
              : "When was the Big Data Expo held?"));
          java.net.http.HttpRequest post = java.net.http.HttpRequest.newBuilder(hook)
              .header(WebhookBot.SECRET_HEADER, secret).header("Content-Type", "application/json")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(u.toString())).build();
          assertThat(http.send(post, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode())
              .as("post %d", i).isEqualTo(200);
          asked.add(user);
        }
        bot.destroyForcibly();
        assertThat(bot.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int beforeKill = answersByQuestion(telegram).size();
        System.out.printf("BotCrashTest (webhook): %d of %d posted questions answered before kill -9%n", beforeKill,
            QUESTIONS);
        assertThat(beforeKill).as("questions still queued at the kill").isLessThan(QUESTIONS);

        bot = startBot(telegram, corpus, dir.resolve("hook-2.log"), webhook, "--webhook");
        assertThat(await(Duration.ofSeconds(240), () -> answersByQuestion(telegram).size() == QUESTIONS))
            .as("every question answered after the restart (%d before the kill); output: %s", beforeKill,
                read(dir.resolve("hook-2.log"))).isTrue();
        assertThat(await(Duration.ofMillis(800), () -> answersByQuestion(telegram).values().stream()
            .anyMatch(n -> n > 1))).isFalse();
        Map<Long, Integer> answers = answersByQuestion(telegram);
        assertThat(answers.keySet()).containsExactlyInAnyOrderElementsOf(asked);
        assertThat(answers.values()).as("answers per question").containsOnly(1);
      } finally {
        bot.destroyForcibly();
        bot.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static boolean listening(java.net.http.HttpClient http, java.net.URI hook) {
    try {
      return http.send(java.net.http.HttpRequest.newBuilder(hook).GET().build(),
          java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 405;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Messages the bot sent to each asker (one question per private chat), by chat id. */
  private static Map<Long, Integer> answersByQuestion(FakeTelegram telegram) {
    Map<Long, Integer> counts = new TreeMap<>();
    for (FakeTelegram.Call c : telegram.calls("sendMessage")) {
      counts.merge(c.body().path("chat_id").asLong(), 1, Integer::sum);
    }
    return counts;
  }

  static Path copySeeds(Path corpus) throws IOException {
    Files.createDirectories(corpus);
    try (Stream<Path> files = Files.list(Path.of("corpus"))) {
      for (Path f : files.toList()) {
        Files.copy(f, corpus.resolve(f.getFileName()));
      }
    }
    return corpus;
  }

  private Process startBot(FakeTelegram telegram, Path corpus, Path log) throws IOException {
    return startBot(telegram, corpus, log, Map.of());
  }

  /** The bot in its own JVM, one worker so that questions queue up. */
  private Process startBot(FakeTelegram telegram, Path corpus, Path log, Map<String, String> env, String... flags)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "org.guizhoubot.cli.Main", "bot", "--corpus", corpus.toString(), "--data", dir.resolve("data").toString()));
    command.addAll(List.of(flags));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    pb.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
    pb.environment().put("TELEGRAM_API_URL", telegram.apiUrl());
    pb.environment().put("BOT_WORKERS", "1");
    pb.environment().put("LOG_LEVEL", "INFO");
    pb.environment().put("BOT_RATE_LIMIT_PER_MINUTE", "100");
    return pb.start();
  }

  static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

}
