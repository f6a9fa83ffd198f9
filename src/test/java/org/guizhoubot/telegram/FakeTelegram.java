package org.guizhoubot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.guizhoubot.bench.BotApiRequests;
import org.guizhoubot.concurrent.DaemonThreads;
import org.guizhoubot.telegram.texts.Texts;
import org.guizhoubot.telegram.transport.Updates;

/**
 * Our own small Bot API server on loopback, for what the emulator cannot do: answers can be
 * replaced per method (429, errors, hangs), the server can go down and come back on the same
 * port, and it serves getFile, file downloads and web pages.
 */
public final class FakeTelegram implements AutoCloseable {
  public static final long BOT_ID = 8001;
  public static final String BOT_USERNAME = "FakeGuizhouBot";

  /** An answer to one request. */
  public record Reply(int status, String body) {
    static Reply ok(JsonNode result) {
      return new Reply(200, "{\"ok\":true,\"result\":" + result + "}");
    }

    public static Reply error(int code, String description, Integer retryAfter) {
      return new Reply(code, "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\""
          + (retryAfter == null ? "" : ",\"parameters\":{\"retry_after\":" + retryAfter + "}") + "}");
    }
  }

  /** How to answer one method; returning null hangs the request until the server stops. */
  public interface Responder {
    Reply reply(JsonNode body, int callNumber) throws Exception;
  }

  /** A request the bot made. */
  public record Call(String method, JsonNode body, long nanos) {}

  public final ObjectMapper json = new ObjectMapper();
  private final int port;
  private final String token;
  /** Updates not yet confirmed, by id: as Telegram, a getUpdates with offset N confirms (drops) those below N. */
  private final ConcurrentSkipListMap<Integer, JsonNode> updates = new ConcurrentSkipListMap<>();
  /** Shared by every fake in a JVM, so update ids never repeat: Telegram's only grow, and bot.db relies on that. */
  private static final AtomicInteger UPDATE_IDS = new AtomicInteger(1);
  private final AtomicInteger messageIds = new AtomicInteger(1);
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Responder> responders = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> callCounts = new ConcurrentHashMap<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
  private final AtomicInteger hanging = new AtomicInteger();
  private volatile CountDownLatch release = new CountDownLatch(1);
  private volatile HttpServer server;
  /** Set on close: long polls in progress end at once with no updates, so the bot sees no error. */
  private volatile boolean closing;
  private final AtomicInteger inFlight = new AtomicInteger();
  /** Notified when an update is delivered, a request ends or the server is closing. */
  private final Object changed = new Object();
  private volatile ExecutorService executor;

  public FakeTelegram(String token) throws IOException {
    this.token = token;
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    this.port = s.getAddress().getPort();
    start(s);
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + port;
  }

  private void start(HttpServer s) {
    executor = Executors.newCachedThreadPool(DaemonThreads.factory("fake-telegram"));
    s.setExecutor(executor);
    s.createContext("/", this::handle);
    s.start();
    server = s;
  }

  /** Stops answering (connections are refused) until {@link #restart()}. */
  public synchronized void stop() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
    release = new CountDownLatch(1);
  }

  public synchronized void restart() throws IOException {
    start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64));
  }

  public void on(String method, Responder responder) {
    responders.put(method.toLowerCase(java.util.Locale.ROOT), responder);
  }

  public void serveFile(String path, byte[] bytes) {
    files.put(path, bytes);
  }

  public void servePage(String name, byte[] bytes) {
    pages.put(name, bytes);
  }

  /** Requests currently held open by a hanging responder. */
  public int hanging() {
    return hanging.get();
  }

  public List<Call> calls(String method) {
    List<Call> found = new ArrayList<>();
    for (Call c : calls) {
      if (c.method().equalsIgnoreCase(method)) {
        found.add(c);
      }
    }
    return found;
  }

  /** Texts the bot sent to a chat, in order. */
  public List<String> sentTexts(long chatId) {
    List<String> texts = new ArrayList<>();
    for (Call c : calls("sendMessage")) {
      if (c.body().path("chat_id").asText().equals(String.valueOf(chatId))) {
        texts.add(c.body().path("text").asText());
      }
    }
    return texts;
  }

  // ---- updates the bot will receive

  ObjectNode user(long id) {
    return json.createObjectNode().put("id", id).put("is_bot", false).put("first_name", "User" + id);
  }

  public ObjectNode message(long userId, String text) {
    ObjectNode m = json.createObjectNode();
    m.put("message_id", messageIds.getAndIncrement());
    m.put("date", System.currentTimeMillis() / 1000);
    m.set("from", user(userId));
    m.putObject("chat").put("id", userId).put("type", "private").put("first_name", "User" + userId);
    if (text != null) {
      m.put("text", text);
      if (text.startsWith("/")) {
        int end = text.indexOf(' ');
        m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
            .put("length", end < 0 ? text.length() : end);
      }
    }
    return m;
  }

  /** A message from a user in a group chat ({@code chatId} negative, as Telegram's are). */
  public ObjectNode groupMessage(long chatId, long userId, String text) {
    ObjectNode m = message(userId, text);
    m.putObject("chat").put("id", chatId).put("type", "supergroup").put("title", "Test group");
    return m;
  }

  public void deliver(String kind, JsonNode payload) {
    ObjectNode u = json.createObjectNode();
    int id = UPDATE_IDS.getAndIncrement();
    u.put("update_id", id);
    u.set(kind, payload);
    updates.put(id, u);
    synchronized (changed) {
      changed.notifyAll();
    }
  }

  public void deliverText(long userId, String text) {
    deliver("message", message(userId, text));
  }

  // ---- serving

  private void handle(HttpExchange ex) throws IOException {
    inFlight.incrementAndGet();
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.startsWith("/file/bot" + token + "/")) {
        byte[] file = files.get(path.substring(("/file/bot" + token + "/").length()));
        respond(ex, file == null ? 404 : 200, file == null ? new byte[0] : file, "application/octet-stream");
        return;
      }
      if (path.startsWith("/pages/")) {
        byte[] page = pages.get(path.substring("/pages/".length()));
        respond(ex, page == null ? 404 : 200, page == null ? new byte[0] : page, "text/html; charset=utf-8");
        return;
      }
      String prefix = "/bot" + token + "/";
      if (!path.startsWith(prefix)) {
        respond(ex, 401, Reply.error(401, "Unauthorized", null).body().getBytes(StandardCharsets.UTF_8),
            "application/json");
        return;
      }
      String method = path.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT);
      JsonNode body = BotApiRequests.body(ex);
      calls.add(new Call(method, body, System.nanoTime()));
      int n = callCounts.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
      Responder r = responders.get(method);
      Reply reply;
      try {
        reply = r == null ? standard(method, body) : r.reply(body, n);
      } catch (Exception e) {
        reply = Reply.error(500, "fake server failed: " + e, null);
      }
      if (reply == null) {
        hanging.incrementAndGet();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          hanging.decrementAndGet();
        }
        return;
      }
      respond(ex, reply.status(), reply.body().getBytes(StandardCharsets.UTF_8), "application/json");
    } finally {
      inFlight.decrementAndGet();
      synchronized (changed) {
        changed.notifyAll();
      }
    }
  }

  private static void respond(HttpExchange ex, int status, byte[] body, String type) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** What the real Bot API answers, in short. */
  public Reply standard(String method, JsonNode body) throws InterruptedException {
    return switch (method.toLowerCase(java.util.Locale.ROOT)) {
      case "getme" -> Reply.ok(json.createObjectNode().put("id", BOT_ID).put("is_bot", true)
          .put("first_name", "Fake").put("username", BOT_USERNAME));
      case "getupdates" -> Reply.ok(pollUpdates(body.path("offset").asInt(0), body.path("limit").asInt(100),
          body.path("timeout").asInt(0)));
      case "sendmessage" -> {
        ObjectNode m = json.createObjectNode();
        m.put("message_id", messageIds.getAndIncrement());
        m.put("date", System.currentTimeMillis() / 1000);
        m.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
        m.put("text", body.path("text").asText());
        yield Reply.ok(m);
      }
      case "getfile" -> {
        String id = body.path("file_id").asText();
        byte[] bytes = files.get("documents/" + id);
        yield bytes == null ? Reply.error(400, "Bad Request: invalid file_id", null)
            : Reply.ok(json.createObjectNode().put("file_id", id).put("file_unique_id", "u" + id)
                .put("file_size", bytes.length).put("file_path", "documents/" + id));
      }
      case "editmessagetext" -> {
        ObjectNode m = json.createObjectNode();
        m.put("message_id", body.path("message_id").asInt());
        m.put("date", System.currentTimeMillis() / 1000);
        m.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
        m.put("text", body.path("text").asText());
        yield Reply.ok(m);
      }
      case "deletewebhook", "sendchataction", "setmycommands", "answercallbackquery", "sendmessagedraft" ->
          new Reply(200, "{\"ok\":true,\"result\":true}");
      default -> Reply.error(404, "Not Found: method " + method, null);
    };
  }

  private ArrayNode pollUpdates(int offset, int limit, int timeoutSeconds) throws InterruptedException {
    updates.headMap(offset).clear();
    ArrayNode result = json.createArrayNode();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(timeoutSeconds, 1));
    synchronized (changed) {
      while (updates.tailMap(offset).isEmpty() && !closing && System.nanoTime() < end) {
        TimeUnit.NANOSECONDS.timedWait(changed, end - System.nanoTime());
      }
    }
    for (JsonNode u : updates.tailMap(offset).values()) {
      if (result.size() >= Math.max(1, limit)) {
        break;
      }
      result.add(u);
    }
    return result;
  }

  /** Updates delivered or waiting that the bot has not yet confirmed with a later offset. */
  public int unconfirmed() {
    return updates.size();
  }

  /** Ends long polls in progress with no updates (waiting up to a second for their answers to go out), then stops. */
  @Override
  public void close() {
    closing = true;
    release.countDown();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    synchronized (changed) {
      changed.notifyAll();
      while (inFlight.get() > 0 && System.nanoTime() < end) {
        try {
          TimeUnit.NANOSECONDS.timedWait(changed, end - System.nanoTime());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
