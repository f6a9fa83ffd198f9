package org.guizhoubot.answer;

/** The deadline every LLM caller puts around its backend keeps the {@link ChatBackend} contract. */
class TimedBackendContractTest extends ChatBackendContract {
  @Override
  ChatBackend backend(FakeOpenAiServer server) {
    return new TimedBackend(new OpenAiChatBackend(server.baseUrl(), null, "fake-model", TIMEOUT, 200, 0, true),
        TIMEOUT.plusSeconds(1), "llm-contract");
  }
}
