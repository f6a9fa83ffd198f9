package org.guizhoubot.answer;

/** The OpenAI-compatible backend keeps the {@link ChatBackend} contract. */
class OpenAiChatBackendContractTest extends ChatBackendContract {
  @Override
  ChatBackend backend(FakeOpenAiServer server) {
    return new OpenAiChatBackend(server.baseUrl(), null, "fake-model", TIMEOUT, 200, 0, true);
  }
}
