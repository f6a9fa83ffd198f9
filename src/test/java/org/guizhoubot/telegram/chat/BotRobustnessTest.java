package org.guizhoubot.telegram.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guizhoubot.telegram.BotFixtures.ADMIN;
import static org.guizhoubot.telegram.BotFixtures.USER;
import static org.guizhoubot.telegram.BotFixtures.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guizhoubot.App;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.guizhoubot.telegram.transport.TelegramBot;
import org.guizhoubot.telegram.transport.BotConfig;
import org.guizhoubot.telegram.texts.TelegramHtml;
import org.guizhoubot.telegram.BotFixtures;
import org.guizhoubot.telegram.FakeTelegram;

/**
 * The bot against our own fake Bot API on loopback (real telegrambots client, real HTTP): rate
 * limits, hangs, failures, outages, uploads and hostile messages.
 */
class BotRobustnessTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TOKEN = "424242:SECRET-token-must-never-be-logged";
  private static final String QUESTION = "Who is the co-founder of Baishan Cloud?";

  @TempDir static Path dir;
  static App app;

  @TempDir Path botData;
  FakeTelegram telegram;
  TelegramBot bot;
  ListAppender<ILoggingEvent> logs;

  @BeforeAll
  static void openApp() {
    app = BotFixtures.app(dir);
  }

  @AfterAll
  static void closeApp() {
    if (app != null) {
      app.close();
    }
  }

  @BeforeEach
  void startServer() throws Exception {
    telegram = new FakeTelegram(TOKEN);
    logs = new ListAppender<>();
    logs.start();
    root().addAppender(logs);
  }

  @AfterEach
  void stopAll() {
    if (bot != null) {
      bot.close();
    }
    telegram.close();
    root().detachAppender(logs);
  }

  /** Says in the test's output that the ERROR lines which follow are this test's doing. */
  private static void expectErrors(String what) {
    System.out.println("[expected] ERROR lines follow: " + what);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private void startBot() throws Exception {
    startBot(BotFixtures.config(TOKEN, telegram.apiUrl()));
  }

  /** A bot with its own bot.db, so that updates one test leaves unhandled are not recovered by the next. */
  private void startBot(BotConfig config) throws Exception {
    bot = BotFixtures.polling(app.library(), app.settings().withDirs(app.settings().corpusDir(), botData), config);
  }

  private List<String> awaitTexts(long chatId, int count) {
    await(WAIT, () -> telegram.sentTexts(chatId).size() >= count);
    return texts(chatId);
  }

  /** What the user sees of the messages to a chat: the HTML as text. */
  private List<String> texts(long chatId) {
    return telegram.sentTexts(chatId).stream().map(TelegramHtml::toPlain).toList();
  }

  private List<String> logLines() {
    List<ILoggingEvent> events;
    synchronized (logs) {
      events = new ArrayList<>(logs.list);
    }
    return events.stream().map(e -> e.getFormattedMessage() + " " + throwableText(e.getThrowableProxy())).toList();
  }

  private static String throwableText(IThrowableProxy t) {
    return t == null ? "" : t.getClassName() + ": " + t.getMessage() + " " + throwableText(t.getCause());
  }

  @Test
  void should_wait_out_a_429_and_still_send_the_answer() throws Exception {
    telegram.on("sendMessage", (body, n) -> n == 1
        ? FakeTelegram.Reply.error(429, "Too Many Requests: retry after 1", 1)
        : telegram.standard("sendMessage", body));
    startBot();
    telegram.deliverText(USER, QUESTION);

    assertThat(await(WAIT, () -> telegram.calls("sendMessage").size() >= 2)).isTrue();
    List<FakeTelegram.Call> sends = telegram.calls("sendMessage");
    assertThat(sends.get(1).body().path("text").asText()).contains("Sources:");
    assertThat(sends.get(1).body().path("text").asText()).isEqualTo(sends.get(0).body().path("text").asText());
    assertThat(Duration.ofNanos(sends.get(1).nanos() - sends.get(0).nanos())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void should_log_send_failures_with_the_chat_id_and_never_the_token() throws Exception {
    telegram.on("sendMessage", (body, n) -> FakeTelegram.Reply.error(400, "Bad Request: chat not found", null));
    expectErrors("\"Sending to chat " + USER + " failed\": every send in this test fails on purpose");
    startBot();
    telegram.deliverText(USER, QUESTION);

    assertThat(await(WAIT, () -> logLines().stream().anyMatch(l -> l.contains("Sending to chat " + USER)))).isTrue();
    assertThat(logLines()).anyMatch(l -> l.contains("Sending to chat " + USER) && l.contains("chat not found"));
    assertThat(logLines()).noneMatch(l -> l.contains(TOKEN) || l.contains("SECRET"));
  }

  @Test
  void should_resend_as_plain_text_when_telegram_rejects_the_html() throws Exception {
    telegram.on("sendMessage", (body, n) -> body.path("parse_mode").asText().equals("HTML")
        ? FakeTelegram.Reply.error(400, "Bad Request: can't parse entities: unexpected end tag", null)
        : telegram.standard("sendMessage", body));
    startBot();
    telegram.deliverText(USER, QUESTION);

    assertThat(await(WAIT, () -> telegram.calls("sendMessage").size() >= 2)).isTrue();
    FakeTelegram.Call plain = telegram.calls("sendMessage").get(1);
    assertThat(plain.body().has("parse_mode")).isFalse();
    assertThat(plain.body().path("text").asText()).contains("Sources:").doesNotContain("<b>");
  }

  @Test
  void should_answer_while_typing_and_set_my_commands_hang() throws Exception {
    AtomicInteger hangingWhenAnswered = new AtomicInteger(-1);
    telegram.on("sendChatAction", (body, n) -> null);
    telegram.on("setMyCommands", (body, n) -> null);
    telegram.on("sendMessage", (body, n) -> {
      hangingWhenAnswered.compareAndSet(-1, telegram.hanging());
      return telegram.standard("sendMessage", body);
    });
    startBot();
    telegram.deliverText(USER, QUESTION);

    List<String> texts = awaitTexts(USER, 1);

    assertThat(texts).hasSize(1);
    assertThat(texts.get(0)).contains("Sources:");
    assertThat(telegram.calls("sendChatAction")).isNotEmpty();
    assertThat(hangingWhenAnswered.get()).as("calls hanging when the answer went out").isGreaterThanOrEqualTo(1);
  }

  @Test
  void should_keep_polling_after_an_update_that_throws() throws Exception {
    startBot();
    expectErrors("\"Update ... could not be handled\": this test delivers a callback query without a sender");
    ObjectNode broken = telegram.json.createObjectNode().put("id", "cb-1").put("chat_instance", "x").put("data", "fb:u:x");
    telegram.deliver("callback_query", broken);
    assertThat(await(WAIT, () -> logLines().stream().anyMatch(l -> l.contains("could not be handled")))).isTrue();

    telegram.deliverText(USER, QUESTION);

    assertThat(awaitTexts(USER, 1)).hasSize(1).allMatch(t -> t.contains("Sources:"));
  }

  @Test
  void should_resume_after_an_outage_with_the_back_off_capped() throws Exception {
    startBot(BotFixtures.config(TOKEN, telegram.apiUrl())
        .withTimings(Duration.ofSeconds(3), 1, Duration.ofMillis(100), Duration.ofMillis(400)));
    assertThat(await(WAIT, () -> telegram.calls("getUpdates").size() >= 2)).isTrue();

    expectErrors("telegrambots' \"Error received from Telegram GetUpdates Request\": the fake Bot API is down on purpose");
    telegram.stop();
    assertThat(await(WAIT, () -> retryWaits().size() >= 5)).as("failed polls while down").isTrue();
    telegram.restart();
    long back = System.nanoTime();
    telegram.deliverText(USER, QUESTION);

    assertThat(awaitTexts(USER, 1)).hasSize(1).allMatch(t -> t.contains("Sources:"));
    assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(30));
    assertThat(retryWaits()).startsWith(100L, 200L, 400L, 400L).allMatch(w -> w <= 400L);
  }

  /** The waits telegrambots announced after failed polls, in order. */
  private List<Long> retryWaits() {
    Pattern wait = Pattern.compile("retrying in (\\d+) millis");
    return logLines().stream().map(wait::matcher).filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).toList();
  }

  @Test
  void should_add_a_document_sent_by_an_admin_and_refuse_others() throws Exception {
    byte[] article = ("---\ntitle: \"Test upload: a data centre opens in Gui'an\"\nsource: \"Test Desk\"\npublished: 2024-03-01\n"
        + "---\n\nA test article written for the bot's upload test. The Gui'an test data centre opened its"
        + " first hall in March 2024. It holds servers for cloud companies and for the province's"
        + " government data platform.\n\nThe operator said the second hall would open a year later.\n")
        .getBytes(StandardCharsets.UTF_8);
    telegram.serveFile("documents/doc-1", article);
    startBot();

    telegram.deliver("message", document(USER, "doc-1", "gui-an-test.md", article.length));
    telegram.deliver("message", document(ADMIN, "doc-1", "gui-an-test.md", article.length));
    telegram.deliver("message", document(ADMIN, "doc-2", "huge.md", 2_000_000));
    telegram.deliver("message", document(ADMIN, "doc-3", "sheet.xlsx", 1000));

    assertThat(awaitTexts(USER, 1).get(0)).contains("only the bot's admins");
    assertThat(await(Duration.ofSeconds(60), () -> telegram.sentTexts(ADMIN).stream().anyMatch(t -> t.startsWith("Added")))).isTrue();
    List<String> admin = texts(ADMIN);
    assertThat(admin).anyMatch(t -> t.contains("larger than 1 MB"));
    assertThat(admin).anyMatch(t -> t.contains(".txt, .md, .html, .pdf and .docx files; sheet.xlsx"));
    assertThat(admin).anyMatch(t -> t.matches("(?s)Added \"Test upload: a data centre opens in Gui'an\" \\(gui-an-test\\): [1-9]\\d* passages?\\."));
    assertThat(app.library().articles()).anyMatch(a -> a.id().equals("gui-an-test"));
  }

  @Test
  void should_add_a_page_by_url_and_show_stats_to_admins() throws Exception {
    telegram.servePage("guiyang-test-page.html", ("<html><head><title>Guiyang test page about a data exchange</title>"
        + "</head><body><article><h1>Guiyang test page about a data exchange</h1><p>This page was written for a test."
        + " It says that a data exchange in Guiyang listed forty new data products in one test month.</p>"
        + "<p>The exchange planned to list more products the following year.</p></article></body></html>")
        .getBytes(StandardCharsets.UTF_8));
    startBot();

    telegram.deliverText(ADMIN, "/add " + telegram.apiUrl() + "/pages/guiyang-test-page.html");
    assertThat(await(Duration.ofSeconds(60), () -> telegram.sentTexts(ADMIN).stream().anyMatch(t -> t.startsWith("Added")))).isTrue();
    telegram.deliverText(ADMIN, "/stats");
    telegram.deliverText(USER, "/stats");

    assertThat(awaitTexts(USER, 1).get(0)).contains("admins only");
    assertThat(await(WAIT, () -> telegram.sentTexts(ADMIN).stream().anyMatch(t -> t.startsWith("Questions answered")))).isTrue();
    assertThat(telegram.sentTexts(ADMIN)).anyMatch(t -> t.contains("guiyang-test-page") && t.matches("(?s).*: [1-9]\\d* passages?\\."));
    assertThat(telegram.sentTexts(ADMIN)).anyMatch(t -> t.contains("Feedback:") && t.contains("articles"));
  }

  @Test
  void should_reply_to_any_message_however_strange() throws Exception {
    startBot();
    String[] messages = {
        "Guizhou big data ".repeat(295).substring(0, 5000),
        "<b>bold</b> & <script>alert(1)</script> *markdown* _under_ [link](http://x) `code` Baishan?",
        "🚀🇨🇳 big data valley 💾 who founded Baishan? 👍",
        "control \u0000\u0001\u0007\u001b[31m chars \u202e reversed",
        "&amp; &lt; &#x27; \\ \" ' ??"
    };
    for (int i = 0; i < messages.length; i++) {
      telegram.deliverText(USER + 100 + i, messages[i]);
    }

    for (int i = 0; i < messages.length; i++) {
      awaitTexts(USER + 100 + i, 1);
      List<String> sent = telegram.sentTexts(USER + 100 + i);
      assertThat(sent).as("reply to message %d", i).hasSize(1);
      assertThat(sent.get(0).length()).isBetween(1, TelegramHtml.MAX_MESSAGE);
      assertOnlyTelegramTags(sent.get(0));
      assertThat(TelegramHtml.toPlain(sent.get(0))).doesNotContain("\u0000").doesNotContain("\u0007");
    }
  }

  @Test
  void should_escape_what_it_repeats_of_a_message() throws Exception {
    startBot();
    String url = "https://example.invalid/<script>alert(1)</script>&x=\"y\"";
    telegram.deliverText(ADMIN, "/add " + url);

    awaitTexts(ADMIN, 2);
    List<String> sent = telegram.sentTexts(ADMIN);

    assertThat(sent).hasSize(2);
    assertThat(sent.get(0)).isEqualTo("Fetching https://example.invalid/&lt;script&gt;alert(1)&lt;/script&gt;"
        + "&amp;x=&quot;y&quot; ...");
    assertThat(TelegramHtml.toPlain(sent.get(0))).isEqualTo("Fetching " + url + " ...");
    assertThat(TelegramHtml.toPlain(sent.get(1))).startsWith("Could not add " + url + ": Illegal character");
    sent.forEach(BotRobustnessTest::assertOnlyTelegramTags);
  }

  /** Every tag is one the bot writes (b, code, a with an http(s) href), and no other < or > is left unescaped. */
  private static void assertOnlyTelegramTags(String html) {
    String text = html.replaceAll("</?b>|</?code>|<a href=\"https?://[^\"<>]*\">|</a>", "");
    assertThat(text).as("text of %s", html).doesNotContain("<").doesNotContain(">");
  }

  @Test
  void should_answer_a_flood_with_one_short_notice() throws Exception {
    startBot(BotFixtures.config(TOKEN, telegram.apiUrl()).withRateLimit(3));
    for (int i = 0; i < 6; i++) {
      telegram.deliverText(USER, "Question number " + i + " about the Big Data Expo?");
    }

    awaitTexts(USER, 4);
    assertThat(await(WAIT, () -> telegram.unconfirmed() == 0)).isTrue();
    bot.close(); // lets queued replies go out; nothing is sent after it
    List<String> texts = telegram.sentTexts(USER);

    assertThat(texts).hasSize(4);
    assertThat(texts).filteredOn(t -> t.contains("faster than I can keep up")).hasSize(1);
  }

  @Test
  void should_fail_to_start_with_a_clear_message_when_the_token_is_rejected() {
    BotConfig wrong = BotFixtures.config("999:WRONG-secret", telegram.apiUrl());

    assertThatThrownBy(() -> BotFixtures.polling(app.library(), app.settings(), wrong))
        .isInstanceOf(TelegramBot.BotStartException.class)
        .hasMessageContaining("TELEGRAM_BOT_TOKEN was rejected")
        .hasMessageNotContaining("WRONG-secret");
  }

  private ObjectNode document(long userId, String fileId, String name, long size) {
    ObjectNode m = telegram.message(userId, null);
    m.putObject("document").put("file_id", fileId).put("file_unique_id", "u-" + fileId).put("file_name", name)
        .put("file_size", size);
    return m;
  }
}
