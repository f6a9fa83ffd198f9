package org.guizhoubot.answer;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The composer contract for the LLM composer, over the real client and a fake server that plays a careful model. */
class LlmComposerContractTest extends AnswerComposerContract {
  private FakeOpenAiServer server;
  private LlmComposer composer;

  @BeforeEach
  void start() throws Exception {
    server = new FakeOpenAiServer();
    server.respond(user -> user.startsWith("Question: " + WHO)
        ? "Baishan Cloud was co-founded by Wang Yong in 2015 [1]."
        : "NOT_IN_SOURCES");
    Duration timeout = Duration.ofSeconds(30);
    composer = new LlmComposer(new OpenAiChatBackend(server.baseUrl(), null, "fake-model", timeout, 200, 0),
        fixture.extractive, timeout.plusSeconds(1));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Override
  AnswerComposer composer() {
    return composer;
  }

  @Override
  String expectedName() {
    return "llm";
  }
}
