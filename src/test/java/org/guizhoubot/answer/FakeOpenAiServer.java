package org.guizhoubot.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat completions server on loopback for tests: answers
 * {@code POST /v1/chat/completions} with whatever the test sets, and records each request.
 */
public final class FakeOpenAiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request as received: its headers and its JSON body. */
  public record Received(Map<String, List<String>> headers, JsonNode body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    public String message(String role) {
      for (JsonNode m : body.get("messages")) {
        if (role.equals(m.get("role").asText())) {
          return m.get("content").asText();
        }
      }
      throw new AssertionError("no " + role + " message in " + body);
    }
  }

  /** What the server sends: status, body, a delay before the headers, a stall after them. */
  public record Reply(int status, String body, long delayMs, long stallMs) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-openai");
    t.setDaemon(true);
    return t;
  });
  private final List<Received> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Received, Reply> replies = r -> completion("");
  private volatile Streamed streamed;

  /**
   * A streamed reply ({@code "stream": true}): each token as one server-sent event, {@code delayMs}
   * apart (the first after one delay too); after {@code dropAfter} tokens (-1: never) the
   * connection is cut mid-body, else a last event with {@code finish_reason} and {@code [DONE]}.
   */
  public record Streamed(List<String> tokens, long delayMs, int dropAfter) {
    public Streamed {
      tokens = List.copyOf(tokens);
    }

    /** The whole reply, as a request without streaming gets it. */
    public String joined() {
      return String.join("", tokens);
    }
  }

  public FakeOpenAiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /**
   * Streams {@code s} to requests with {@code "stream": true}, and answers the others with the
   * same tokens joined into one completion.
   */
  public void stream(Streamed s) {
    this.streamed = s;
    this.replies = r -> completion(s.joined());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public void reply(Reply r) {
    this.replies = x -> r;
  }

  /** Answers each request with whatever {@code replies} gives for it. */
  void replyWith(Function<Received, Reply> replies) {
    this.replies = replies;
  }

  /** Answers each request with a completion whose content depends on the request's user message. */
  void respond(Function<String, String> contentForUserMessage) {
    this.replies = r -> completion(contentForUserMessage.apply(r.message("user")));
  }

  /** Answers every request with a completion whose message content is {@code content}. */
  void answer(String content) {
    reply(completion(content));
  }

  public List<Received> requests() {
    return List.copyOf(requests);
  }

  static Reply completion(String content) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000L)
        .put("model", "fake-model");
    ObjectNode choice = o.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    o.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
    return new Reply(200, o.toString(), 0, 0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] in = ex.getRequestBody().readAllBytes();
      Received received = new Received(Map.copyOf(ex.getRequestHeaders()), JSON.readTree(in));
      requests.add(received);
      Streamed st = streamed;
      if (st != null && received.body().path("stream").asBoolean(false)) {
        sendStream(ex, st);
        return;
      }
      Reply r = replies.apply(received);
      sleep(r.delayMs());
      byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      if (r.stallMs() > 0) {
        ex.sendResponseHeaders(r.status(), 0);
        OutputStream os = ex.getResponseBody();
        os.write(out, 0, out.length / 2);
        os.flush();
        sleep(r.stallMs());
        os.write(out, out.length / 2, out.length - out.length / 2);
      } else {
        ex.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
        ex.getResponseBody().write(out);
      }
    } catch (IOException e) {
      // the client gave up (timeout); nothing to answer
    }
  }

  private static void sendStream(HttpExchange ex, Streamed st) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
    // a length far above the body: closing early cuts the connection, as a dropped stream would
    ex.sendResponseHeaders(200, st.dropAfter() >= 0 ? 1_000_000 : 0);
    OutputStream os = ex.getResponseBody();
    for (int i = 0; i < st.tokens().size(); i++) {
      if (i == st.dropAfter()) {
        return;
      }
      sleep(st.delayMs());
      os.write(event(chunk(st.tokens().get(i), null)));
      os.flush();
    }
    os.write(event(chunk(null, "stop")));
    os.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    os.flush();
  }

  private static String chunk(String content, String finishReason) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", "chatcmpl-test").put("object", "chat.completion.chunk").put("created", 1_700_000_000L)
        .put("model", "fake-model");
    ObjectNode choice = o.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    if (content != null) {
      delta.put("content", content);
    }
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return o.toString();
  }

  private static byte[] event(String data) {
    return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
