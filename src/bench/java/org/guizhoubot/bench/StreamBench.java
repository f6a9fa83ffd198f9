package org.guizhoubot.bench;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.guizhoubot.App;
import org.guizhoubot.cli.CommonOptions;
import org.guizhoubot.config.Settings;
import org.guizhoubot.config.SettingsException;
import org.guizhoubot.telegram.chat.BotCore;
import org.guizhoubot.telegram.transport.BotConfig;
import org.guizhoubot.telegram.transport.TelegramBot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stream}: the real long-polling bot answering with a streaming LLM, both faked on loopback
 * (an OpenAI-compatible server sending one token per event, or the whole reply after as long when
 * not streaming; a Bot API that records when each call arrives). Prints, for a private chat and a group, the time from the question to the first text
 * shown, from the first token to it, and from the question to the final message.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
    description = {"Times LLM answers streamed into Telegram (fake LLM and Bot API on loopback): question to first",
        "text shown, first token to first text, question to final message; private chat and group."})
final class StreamBench implements Callable<Integer> {
  private static final String TOKEN = "4242:bench-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** 59 pieces (markers split as a model sends them): about 3 s at 50 ms. */
  static final String REPLY = "Baishan Cloud was co-founded by Wang Yong [1]. The company built its first "
      + "data centre in Gui'an [2], where many cloud firms have settled since the province began its big data "
      + "push [2]. It serves customers across China from there [1], and it grew quickly in those years [2].";

  @ParentCommand Bench bench;
  @Mixin CommonOptions common;

  @Option(names = "--token-ms", defaultValue = "50", description = "Delay before each token (default: ${DEFAULT-VALUE}).")
  long tokenMs;

  @Option(names = "--runs", defaultValue = "5", description = "Questions per chat kind (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--question", defaultValue = "Who is the co-founder of Baishan Cloud?",
      description = "The question (default: ${DEFAULT-VALUE}).")
  String question;

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final ConcurrentSkipListMap<Integer, JsonNode> updates = new ConcurrentSkipListMap<>();
  private final AtomicInteger updateIds = new AtomicInteger(1);
  private final AtomicInteger messageIds = new AtomicInteger(1);
  private final AtomicLong firstToken = new AtomicLong();

  record Call(String method, long chatId, String text, long nanos) {}

  @Override
  public Integer call() throws Exception {
    Bench.header(bench, "stream");
    HttpServer llm = server("/v1/chat/completions", this::llm);
    HttpServer telegram = server("/", this::telegram);
    Path data = Files.createTempDirectory("bench-stream");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("LLM_BASE_URL", "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1");
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.getAddress().getPort());
    Settings settings;
    try {
      settings = common.load(env);
    } catch (SettingsException e) {
      throw new Bench.BadInputException(e.getMessage());
    }
    settings = settings.withDirs(settings.corpusDir(), data);
    bench.out.printf(Locale.ROOT, "token delay %d ms, %d tokens; llm.stream=%s%n", tokenMs, tokens().size(),
        settings.llmStream());
    try (App app = App.open(settings)) {
      app.library().status();
      BotConfig config = BotConfig.from(settings).withTimings(Duration.ofSeconds(10), 1, Duration.ofMillis(100),
          Duration.ofSeconds(1)).withRateLimit(1000);
      TelegramBot bot = TelegramBot.start(settings, config, BotCore.opener(app.library(), settings, config));
      try {
        ask(5_000_000L, false);
        measure("private", false);
        measure("group", true);
      } finally {
        bot.close();
      }
    } finally {
      llm.stop(0);
      telegram.stop(0);
    }
    return Bench.OK;
  }

  private void measure(String kind, boolean group) throws InterruptedException {
    List<Double> toFirst = new ArrayList<>();
    List<Double> tokenToFirst = new ArrayList<>();
    List<Double> toFinal = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      long chat = group ? -100_000L - r : 6_000_000L + r;
      long[] t = ask(chat, group);
      if (t == null) {
        bench.out.printf(Locale.ROOT, "%s run %d: no final message within 60 s%n", kind, r + 1);
        continue;
      }
      toFirst.add((t[2] - t[0]) / 1e6);
      tokenToFirst.add((t[2] - t[1]) / 1e6);
      toFinal.add((t[3] - t[0]) / 1e6);
    }
    bench.out.printf(Locale.ROOT, "%s: question to first text p50 %.0f ms %s; first token to first text p50 %.0f ms %s; "
            + "question to final message p50 %.0f ms %s; load %s%n", kind, Bench.median(toFirst), Bench.fmt(toFirst),
        Bench.median(tokenToFirst), Bench.fmt(tokenToFirst), Bench.median(toFinal), Bench.fmt(toFinal),
        Bench.loadAverage());
  }

  /** Asks once; the times (nanos) of the question, the first token, the first text shown and the final message. */
  private long[] ask(long chat, boolean group) throws InterruptedException {
    firstToken.set(0);
    ObjectNode m = JSON.createObjectNode();
    m.put("message_id", messageIds.getAndIncrement());
    m.put("date", System.currentTimeMillis() / 1000);
    long user = group ? 7_000_000L + Math.abs(chat) : chat;
    m.putObject("from").put("id", user).put("is_bot", false).put("first_name", "Bench");
    if (group) {
      m.putObject("chat").put("id", chat).put("type", "supergroup").put("title", "Bench group");
      m.put("text", "/ask " + question);
      m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", 4);
    } else {
      m.putObject("chat").put("id", chat).put("type", "private").put("first_name", "Bench");
      m.put("text", question);
    }
    ObjectNode u = JSON.createObjectNode();
    int id = updateIds.getAndIncrement();
    u.put("update_id", id);
    u.set("message", m);
    long asked = System.nanoTime();
    updates.put(id, u);
    long end = asked + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      Call first = null;
      Call last = null;
      for (Call c : calls) {
        if (c.chatId() != chat || c.nanos() < asked) {
          continue;
        }
        boolean shown = c.method().equals("sendmessagedraft") || c.method().equals("sendmessage")
            || c.method().equals("editmessagetext");
        if (shown && first == null) {
          first = c;
        }
        if ((c.method().equals("sendmessage") || c.method().equals("editmessagetext")) && c.text().contains("Sources")) {
          last = c;
        }
      }
      if (last != null) {
        return new long[] {asked, firstToken.get() == 0 ? first.nanos() : firstToken.get(), first.nanos(), last.nanos()};
      }
      Thread.sleep(20);
    }
    return null;
  }

  private List<String> tokens() {
    List<String> out = new ArrayList<>();
    for (String word : REPLY.split("(?<= )")) {
      for (String piece : word.split("(?=\\[)|(?<=\\[)|(?=\\])")) {
        if (!piece.isEmpty()) {
          out.add(piece);
        }
      }
    }
    return out;
  }

  // ---- the fake LLM: one token per server-sent event

  private void llm(HttpExchange ex) throws IOException {
    JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
    if (!body.path("stream").asBoolean(false)) {
      sleep(tokenMs * tokens().size());
      ObjectNode o = JSON.createObjectNode();
      o.put("id", "c").put("object", "chat.completion").put("created", 1).put("model", "bench");
      ObjectNode choice = o.putArray("choices").addObject();
      choice.put("index", 0).put("finish_reason", "stop");
      choice.putObject("message").put("role", "assistant").put("content", String.join("", tokens()));
      respond(ex, 200, o.toString(), "application/json");
      return;
    }
    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream os = ex.getResponseBody()) {
      for (String token : tokens()) {
        sleep(tokenMs);
        firstToken.compareAndSet(0, System.nanoTime());
        os.write(event(chunk(token, null)));
        os.flush();
      }
      os.write(event(chunk(null, "stop")));
      os.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String chunk(String content, String finish) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", "c").put("object", "chat.completion.chunk").put("created", 1).put("model", "bench");
    ObjectNode choice = o.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    if (content != null) {
      delta.put("content", content);
    }
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    return o.toString();
  }

  private static byte[] event(String data) {
    return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  // ---- the fake Bot API: records every call with its arrival time

  private void telegram(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String prefix = "/bot" + TOKEN + "/";
    if (!path.startsWith(prefix)) {
      respond(ex, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}", "application/json");
      return;
    }
    String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
    JsonNode body = BotApiRequests.body(ex);
    long now = System.nanoTime();
    calls.add(new Call(method, body.path("chat_id").asLong(), body.path("text").asText(""), now));
    String result = switch (method) {
      case "getme" -> "{\"id\":4242,\"is_bot\":true,\"first_name\":\"Bench\",\"username\":\"BenchBot\"}";
      case "getupdates" -> poll(body.path("offset").asInt(0)).toString();
      case "sendmessage", "editmessagetext" -> {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", method.equals("sendmessage") ? messageIds.getAndIncrement() : body.path("message_id").asInt());
        m.put("date", System.currentTimeMillis() / 1000);
        m.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
        m.put("text", body.path("text").asText(""));
        yield m.toString();
      }
      default -> "true";
    };
    respond(ex, 200, "{\"ok\":true,\"result\":" + result + "}", "application/json");
  }

  private ArrayNode poll(int offset) {
    updates.headMap(offset).clear();
    long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    while (updates.tailMap(offset).isEmpty() && System.nanoTime() < end) {
      sleep(5);
    }
    ArrayNode out = JSON.createArrayNode();
    updates.tailMap(offset).values().forEach(out::add);
    return out;
  }

  private static HttpServer server(String path, com.sun.net.httpserver.HttpHandler handler) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    s.createContext(path, ex -> {
      try (ex) {
        handler.handle(ex);
      } catch (IOException e) {
        // the client went away
      }
    });
    s.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "bench-fake");
      t.setDaemon(true);
      return t;
    }));
    s.start();
    return s;
  }

  private static void respond(HttpExchange ex, int status, String body, String type) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
