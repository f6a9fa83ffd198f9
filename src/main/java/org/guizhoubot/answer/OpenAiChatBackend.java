package org.guizhoubot.answer;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import org.guizhoubot.config.Settings;

/**
 * A {@link ChatBackend} for any OpenAI-compatible chat completions endpoint (OpenAI, Ollama's
 * {@code /v1}, vLLM, the llama.cpp server, DeepSeek, Qwen), through langchain4j. No retries: a
 * failed call falls back to the extractive answer at once.
 */
public final class OpenAiChatBackend implements ChatBackend {
  /** Sent when no API key is set; local servers such as Ollama ignore it. */
  static final String NO_KEY = "not-needed";

  private final ChatModel model;
  private final Duration timeout;

  public OpenAiChatBackend(
      String baseUrl, String apiKey, String modelName, Duration timeout, int maxTokens, double temperature) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(modelName, "modelName");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
    }
    this.model = OpenAiChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey(apiKey == null || apiKey.isBlank() ? NO_KEY : apiKey)
        .modelName(modelName)
        .timeout(timeout)
        .maxTokens(maxTokens)
        .temperature(temperature)
        .maxRetries(0)
        .build();
  }

  /** The backend the settings describe; call only when {@link Settings#llmEnabled()}. */
  public static OpenAiChatBackend of(Settings s) {
    return new OpenAiChatBackend(s.llmBaseUrl(), s.llmApiKey(), s.llmModel(), s.llmTimeout(),
        s.llmMaxTokens(), s.llmTemperature());
  }

  @Override
  public String complete(String system, String user) {
    ChatResponse response;
    try {
      response = model.chat(SystemMessage.from(system), UserMessage.from(user));
    } catch (RuntimeException e) {
      throw new LlmException(reason(e), e);
    }
    String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
    if (text == null || text.isBlank()) {
      throw new LlmException("empty reply");
    }
    return text;
  }

  private String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException h) {
        return "HTTP " + h.statusCode();
      }
      if (t instanceof HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException
          || t instanceof java.util.concurrent.TimeoutException) {
        return "timeout after " + timeout.toMillis() + " ms";
      }
      if (t instanceof java.net.ConnectException) {
        return "cannot connect: " + t.getMessage();
      }
      if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
        return "malformed reply: " + firstLine(t.getMessage());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return "unusable reply: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String line = s.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
