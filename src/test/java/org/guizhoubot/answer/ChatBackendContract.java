package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChatBackend} promises, against a fake OpenAI-compatible server on loopback; each
 * implementation's test extends this.
 */
abstract class ChatBackendContract {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  FakeOpenAiServer server;
  private ChatBackend backend;

  /** The backend under test, streaming, talking to {@code server}. */
  abstract ChatBackend backend(FakeOpenAiServer server);

  @BeforeEach
  void start() throws Exception {
    server = new FakeOpenAiServer();
    backend = backend(server);
  }

  @AfterEach
  void stop() throws Exception {
    if (backend instanceof AutoCloseable c) {
      c.close();
    }
    server.close();
  }

  @Test
  void should_send_the_system_and_user_messages_and_return_the_reply() {
    server.answer("Wang Yong co-founded Baishan Cloud [1].");

    String reply = backend.complete("You answer from passages.", "Who co-founded Baishan Cloud?");

    assertThat(reply).isEqualTo("Wang Yong co-founded Baishan Cloud [1].");
    assertThat(server.requests()).singleElement().satisfies(r -> {
      assertThat(r.message("system")).isEqualTo("You answer from passages.");
      assertThat(r.message("user")).isEqualTo("Who co-founded Baishan Cloud?");
    });
  }

  @Test
  void should_hand_out_pieces_that_join_into_the_reply() {
    server.stream(new FakeOpenAiServer.Streamed(List.of("Wang ", "Yong ", "[1]."), 5, -1));
    List<String> pieces = new CopyOnWriteArrayList<>();

    String reply = backend.complete("system", "Who co-founded Baishan Cloud?", pieces::add);

    assertThat(reply).isEqualTo("Wang Yong [1].");
    assertThat(String.join("", pieces)).isEqualTo(reply);
  }

  @Test
  void should_throw_an_llm_exception_naming_the_status_on_a_server_error() {
    server.reply(new FakeOpenAiServer.Reply(500, "{\"error\":{\"message\":\"boom\"}}", 0, 0));

    assertThatThrownBy(() -> backend.complete("system", "user")).isInstanceOf(LlmException.class)
        .hasMessageContaining("500");
  }

  @Test
  void should_throw_an_llm_exception_on_an_empty_reply() {
    server.answer("");

    assertThatThrownBy(() -> backend.complete("system", "user")).isInstanceOf(LlmException.class)
        .hasMessageContaining("empty");
  }
}
