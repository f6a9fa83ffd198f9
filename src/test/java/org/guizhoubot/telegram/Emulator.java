package org.guizhoubot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * telegram-test-api (npm) run by our launcher {@code src/test/node/emulator.js} as a child process
 * on a free loopback port, and a client that plays Telegram users against it.
 */
public final class Emulator implements AutoCloseable {
  static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
  public static final long BOT_ID = 7001;
  public static final String BOT_USERNAME = "GuizhouTestBot";

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final StringBuilder output = new StringBuilder();

  private Emulator(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the emulator; fails (never skips) when its npm packages are not installed. */
  public static Emulator start() throws IOException, InterruptedException {
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules/telegram-test-api"))) {
      throw new IllegalStateException("telegram-test-api is not installed: `./mvnw -B verify` installs it when"
          + " src/test/node/node_modules is missing (or run `npm ci --prefix src/test/node`)");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Process p = new ProcessBuilder("node", NODE_DIR.resolve("emulator.js").toString(), String.valueOf(port))
        .directory(NODE_DIR.toFile())
        .redirectErrorStream(true)
        .start();
    Emulator emulator = new Emulator(p, port);
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String line;
    while ((line = out.readLine()) != null) {
      emulator.output.append(line).append('\n');
      if (line.startsWith("READY")) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "emulator-output");
        drain.setDaemon(true);
        drain.start();
        return emulator;
      }
      if (System.nanoTime() > end) {
        break;
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("the emulator did not start: " + emulator.output);
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + port;
  }

  // ---- playing users

  public ObjectNode user(long id, String name) {
    return json.createObjectNode().put("id", id).put("is_bot", false).put("first_name", name);
  }

  public ObjectNode privateChat(long userId, String name) {
    return json.createObjectNode().put("id", userId).put("type", "private").put("first_name", name);
  }

  public ObjectNode groupChat(long chatId) {
    return json.createObjectNode().put("id", chatId).put("type", "supergroup").put("title", "Test group");
  }

  /** A text message from a user; {@code /commands} and {@code @mentions} get their entities. */
  public ObjectNode message(String token, ObjectNode from, ObjectNode chat, String text) {
    ObjectNode m = json.createObjectNode();
    m.put("botToken", token);
    m.set("from", from);
    m.set("chat", chat);
    m.put("date", System.currentTimeMillis() / 1000);
    m.put("text", text);
    ArrayNode entities = json.createArrayNode();
    if (text.startsWith("/")) {
      int end = text.indexOf(' ');
      entities.addObject().put("type", "bot_command").put("offset", 0).put("length", end < 0 ? text.length() : end);
    }
    int at = text.indexOf("@" + BOT_USERNAME);
    if (at > 0 || at == 0 && !text.startsWith("/")) {
      entities.addObject().put("type", "mention").put("offset", at).put("length", BOT_USERNAME.length() + 1);
    }
    if (!entities.isEmpty()) {
      m.set("entities", entities);
    }
    return m;
  }

  public void send(ObjectNode message) {
    post("/sendMessage", message);
  }

  public void sendText(String token, ObjectNode from, ObjectNode chat, String text) {
    send(message(token, from, chat, text));
  }

  /** Presses an inline button of a bot message. */
  public void press(String token, ObjectNode from, JsonNode botMessage, String data) {
    ObjectNode cb = json.createObjectNode();
    cb.put("botToken", token);
    cb.set("from", from);
    ObjectNode msg = cb.putObject("message");
    msg.put("message_id", botMessage.path("message_id").asInt(1));
    msg.put("date", System.currentTimeMillis() / 1000);
    msg.put("text", "answer");
    msg.putObject("chat").put("id", botMessage.path("chat_id").asLong()).put("type", "private").put("first_name", "U");
    cb.put("data", data);
    post("/sendCallback", cb);
  }

  /** The bot's messages to a chat so far, oldest first (each with chat_id, text, reply_markup...). */
  public List<JsonNode> botMessages(String token, long chatId) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode update : history(token)) {
      JsonNode m = update.path("message");
      if (m.has("chat_id") && m.path("chat_id").asText().equals(String.valueOf(chatId))) {
        ObjectNode copy = ((ObjectNode) m).deepCopy();
        copy.put("message_id", update.path("messageId").asInt());
        found.add(copy);
      }
    }
    return found;
  }

  /** Every message the bot sent with this token. */
  List<JsonNode> allBotMessages(String token) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode update : history(token)) {
      if (update.path("message").has("chat_id")) {
        found.add(update.path("message"));
      }
    }
    return found;
  }

  private JsonNode history(String token) {
    return post("/getUpdatesHistory", json.createObjectNode().put("token", token)).path("result");
  }

  /** Calls the bot made to methods the emulator does not keep (answerCallbackQuery, sendChatAction, setMyCommands). */
  public List<JsonNode> calls(String token, String method) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode c : get("/_calls").path("result")) {
      if (c.path("token").asText().equals(token) && c.path("method").asText().equals(method)) {
        found.add(c.path("body"));
      }
    }
    return found;
  }

  private JsonNode post(String path, JsonNode body) {
    return exchange(HttpRequest.newBuilder(URI.create(apiUrl() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private JsonNode get(String path) {
    return exchange(HttpRequest.newBuilder(URI.create(apiUrl() + path)).GET());
  }

  private JsonNode exchange(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("emulator answered " + r.statusCode() + ": " + r.body());
      }
      return json.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
