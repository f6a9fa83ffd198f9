package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.cli.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ask} with a streaming LLM: printed as it is written when standard output is a terminal,
 * only the final answer through a pipe, the same final text either way.
 */
class LlmAskStreamTest {
  private static final String QUESTION = "Who is the co-founder of Baishan Cloud?";
  private static final List<String> TOKENS = List.of("Baishan ", "Cloud ", "was ", "co-founded ", "by ", "Wang ",
      "Yong ", "[", "1", "]. ", "It ", "built ", "a ", "data ", "centre ", "in ", "Gui'an ", "[", "9", "][", "2", "].");
  @TempDir static Path data;
  private static FakeOpenAiServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new FakeOpenAiServer();
    server.stream(new FakeOpenAiServer.Streamed(TOKENS, 30, -1));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A writer that keeps what had been written at each flush. */
  private static final class Flushes extends StringWriter {
    final List<String> seen = new ArrayList<>();

    @Override
    public void flush() {
      super.flush();
      synchronized (seen) {
        if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(toString())) {
          seen.add(toString());
        }
      }
    }
  }

  private static String ask(boolean terminal, Flushes out, String... more) {
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("ask", "--corpus", Path.of("corpus").toString(), "--data",
        data.toString()));
    args.addAll(List.of(more));
    args.add(QUESTION);
    int code = new Cli(new PrintWriter(out), new PrintWriter(err), Map.of("LLM_BASE_URL", server.baseUrl()),
        new ByteArrayInputStream(new byte[0]), TestFixtures::app,
        terminal ? Optional.of(new PrintStream(OutputStream.nullOutputStream())) : Optional.empty())
        .run(args.toArray(String[]::new));
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    return out.toString();
  }

  @Test
  void should_print_the_answer_as_it_is_written_on_a_terminal_ending_as_through_a_pipe() {
    Flushes piped = new Flushes();
    String whole = ask(false, piped);
    int before = server.requests().size();
    Flushes live = new Flushes();

    String streamed = ask(true, live);

    assertThat(streamed).isEqualTo(whole).contains("Wang Yong [1]").contains("Sources:").doesNotContain("[9]");
    assertThat(server.requests().get(before).body().path("stream").asBoolean()).isTrue();
    List<String> partial = live.seen.stream().filter(s -> !s.equals(streamed)).toList();
    assertThat(partial).hasSizeGreaterThanOrEqualTo(3).allSatisfy(s -> assertThat(streamed).startsWith(s));
  }

  @Test
  void should_ask_without_streaming_through_a_pipe_or_with_json() {
    int before = server.requests().size();

    ask(false, new Flushes());
    ask(true, new Flushes(), "--json");

    assertThat(server.requests().subList(before, server.requests().size()))
        .hasSize(2).allSatisfy(r -> assertThat(r.body().path("stream").asBoolean(false)).isFalse());
  }
}
