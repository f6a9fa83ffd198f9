package org.guizhoubot.answer;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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
  /** Null when replies are not streamed. */
  private final StreamingChatModel streaming;
  private final Duration timeout;

  public OpenAiChatBackend(
      String baseUrl, String apiKey, String modelName, Duration timeout, int maxTokens, double temperature) {
    this(baseUrl, apiKey, modelName, timeout, maxTokens, temperature, false);
  }

  /** @param stream whether {@link #complete(String, String, Consumer)} reads the reply as server-sent events */
  public OpenAiChatBackend(String baseUrl, String apiKey, String modelName, Duration timeout, int maxTokens,
      double temperature, boolean stream) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(modelName, "modelName");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
    }
    String key = apiKey == null || apiKey.isBlank() ? NO_KEY : apiKey;
    this.model = OpenAiChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey(key)
        .modelName(modelName)
        .timeout(timeout)
        .maxTokens(maxTokens)
        .temperature(temperature)
        .maxRetries(0)
        .build();
    this.streaming = !stream ? null : OpenAiStreamingChatModel.builder()
        .baseUrl(baseUrl)
        .apiKey(key)
        .modelName(modelName)
        .timeout(timeout)
        .maxTokens(maxTokens)
        .temperature(temperature)
        .build();
  }

  /** The backend the settings describe; call only when {@link Settings#llmEnabled()}. */
  public static OpenAiChatBackend of(Settings s) {
    return new OpenAiChatBackend(s.llmBaseUrl(), s.llmApiKey(), s.llmModel(), s.llmTimeout(),
        s.llmMaxTokens(), s.llmTemperature(), s.llmStream());
  }

  /**
   * With streaming on, asks with {@code "stream": true} and hands out each piece of the reply as
   * its event arrives; a stream that fails, or ends without the model saying it finished, throws.
   * Interrupting the calling thread cancels the stream.
   */
  @Override
  public String complete(String system, String user, Consumer<String> pieces) {
    if (streaming == null) {
      return ChatBackend.super.complete(system, user, pieces);
    }
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    StringBuilder text = new StringBuilder();
    try {
      streaming.chat(List.of(SystemMessage.from(system), UserMessage.from(user)), new StreamingChatResponseHandler() {
        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
          handle.set(context.streamingHandle());
          if (done.isDone()) {
            context.streamingHandle().cancel();
            return;
          }
          String piece = partial.text();
          if (piece != null && !piece.isEmpty()) {
            synchronized (text) {
              text.append(piece);
            }
            pieces.accept(piece);
          }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
          done.complete(response);
        }

        @Override
        public void onError(Throwable error) {
          done.completeExceptionally(error);
        }
      });
      ChatResponse response = done.get();
      if (response == null || response.finishReason() == null) {
        throw new LlmException("the stream ended before the model finished");
      }
    } catch (InterruptedException e) {
      cancel(done, handle);
      Thread.currentThread().interrupt();
      throw new LlmException("interrupted while streaming", e);
    } catch (ExecutionException e) {
      throw new LlmException(reason(e.getCause() == null ? e : e.getCause()), e.getCause());
    } catch (RuntimeException e) {
      if (e instanceof LlmException l) {
        throw l;
      }
      cancel(done, handle);
      throw new LlmException(reason(e), e);
    }
    String reply;
    synchronized (text) {
      reply = text.toString();
    }
    if (reply.isBlank()) {
      throw new LlmException("empty reply");
    }
    return reply;
  }

  private static void cancel(CompletableFuture<ChatResponse> done, AtomicReference<StreamingHandle> handle) {
    done.cancel(false);
    StreamingHandle h = handle.get();
    if (h != null) {
      h.cancel();
    }
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
