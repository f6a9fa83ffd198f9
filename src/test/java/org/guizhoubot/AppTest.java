package org.guizhoubot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.guizhoubot.answer.AnswerResult;
import org.guizhoubot.config.SettingsLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppTest {
  @TempDir Path dir;

  @Test
  void should_stop_the_model_and_llm_threads_it_started_when_closed() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    var settings = new SettingsLoader(Map.of(), dir).load(null, Map.of(
        "corpus.dir", TestFixtures.copySeeds(dir.resolve("c")).toString(),
        "data.dir", dir.resolve("data").toString(),
        "llm.base.url", "http://127.0.0.1:" + closedPort + "/v1"));

    var before = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());
    App app = App.open(settings);
    AnswerResult r = app.library().answer("When was the Guian New Area established?");
    assertThat(r.outcome().composer()).isEqualTo("extractive");
    assertThat(started(before)).anyMatch(n -> n.startsWith("minilm-")).anyMatch(n -> n.startsWith("llm-call-"));

    app.close();

    Eventually.within(Duration.ofSeconds(5), () -> started(before).isEmpty());
    assertThat(started(before)).isEmpty();
  }

  private static List<String> started(java.util.Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !before.contains(t))
        .map(Thread::getName)
        .filter(n -> n.startsWith("minilm-") || n.startsWith("llm-call-")).toList();
  }
}
