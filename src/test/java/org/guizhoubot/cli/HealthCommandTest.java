package org.guizhoubot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.guizhoubot.sqlite.IndexStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), new ByteArrayInputStream(new byte[0]))
        .run(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void should_be_unhealthy_without_an_index_and_create_nothing() {
    Path data = dir.resolve("data");

    Run r = run("health", "--data", data.toString());

    assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
    assertThat(r.out()).startsWith("unhealthy: no index at " + data.resolve("index.db"));
    assertThat(data).doesNotExist();
  }

  @Test
  void should_be_unhealthy_when_the_index_holds_no_articles() {
    Path data = dir.resolve("data");
    IndexStore.open(data.resolve("index.db")).close();

    Run r = run("health", "--data", data.toString());

    assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
    assertThat(r.out()).contains("holds no articles");
  }

  @Test
  void should_say_indexing_during_a_first_build_and_name_a_build_that_stopped() throws Exception {
    Path data = dir.resolve("data");
    try (IndexStore store = IndexStore.open(data.resolve("index.db"))) {
      store.markIndexing(2125, ProcessHandle.current().pid());
    }

    Run running = run("health", "--data", data.toString());

    assertThat(running.code()).isEqualTo(Cli.OK);
    assertThat(running.out()).contains("indexing, 0 of 2125 articles");

    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    try (IndexStore store = IndexStore.open(data.resolve("index.db"))) {
      store.markIndexing(2125, gone.pid());
    }

    Run stopped = run("health", "--data", data.toString());

    assertThat(stopped.code()).isEqualTo(Cli.BAD_INPUT);
    assertThat(stopped.out()).contains("holds no articles", "an indexing run stopped at 0 of 2125 articles");
  }

  @Test
  void should_be_healthy_with_articles_and_check_a_heartbeat_when_there_is_one() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.copy(Path.of("corpus", "big-data-valley-expo.md"), corpus.resolve("big-data-valley-expo.md"));
    Path data = dir.resolve("data");
    String[] common = {"--corpus", corpus.toString(), "--data", data.toString()};
    assertThat(run(concat("index", common)).code()).isEqualTo(Cli.OK);

    Run healthy = run(concat("health", common));
    assertThat(healthy.code()).isEqualTo(Cli.OK);
    assertThat(healthy.out()).startsWith("healthy: 1 articles, ");

    Path heartbeat = Files.createFile(data.resolve("heartbeat"));
    assertThat(run(concat("health", common)).out()).contains("heartbeat 0 s old");

    Files.setLastModifiedTime(heartbeat, FileTime.from(Instant.now().minus(10, ChronoUnit.MINUTES)));
    Run stale = run(concat("health", common));
    assertThat(stale.code()).isEqualTo(Cli.BAD_INPUT);
    assertThat(stale.out()).contains("unhealthy: the bot's heartbeat").contains("limit 300 s");
    assertThat(run(concat("health", common, "--max-heartbeat-age", "900")).code()).isEqualTo(Cli.OK);
  }

  private static String[] concat(String first, String[] middle, String... rest) {
    String[] all = new String[1 + middle.length + rest.length];
    all[0] = first;
    System.arraycopy(middle, 0, all, 1, middle.length);
    System.arraycopy(rest, 0, all, 1 + middle.length, rest.length);
    return all;
  }
}
