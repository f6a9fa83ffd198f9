package org.guizhoubot.telegram.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guizhoubot.telegram.BotFixtures.USER;
import static org.guizhoubot.telegram.BotFixtures.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guizhoubot.App;
import org.guizhoubot.answer.FakeOpenAiServer;
import org.guizhoubot.language.Language;
import org.guizhoubot.telegram.BotFixtures;
import org.guizhoubot.telegram.FakeTelegram;
import org.guizhoubot.telegram.texts.TelegramHtml;
import org.guizhoubot.telegram.texts.Texts;
import org.guizhoubot.config.WebhookSettings;
import org.guizhoubot.telegram.transport.TelegramBot;
import org.guizhoubot.telegram.transport.WebhookBot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LLM answers streamed into Telegram: the real bot and telegrambots client against our recording
 * Bot API fake, the LLM a fake OpenAI-compatible server streaming server-sent events 50 ms apart.
 */
class StreamingBotTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TOKEN = "515151:streaming-test-token";
  private static final String QUESTION = "Who is the co-founder of Baishan Cloud?";
  private static final long GROUP = -100_4242L;
  /** About 2 s at 50 ms a token; [9] names no passage given (the bot gives 6). */
  private static final String REPLY = "Baishan Cloud was co-founded by Wang Yong [1]. The company built its first "
      + "data centre in Gui'an [9], where many cloud firms have settled since the province began its big data "
      + "push [2]. It serves customers across China from there [1][9], and it grew quickly in those years [2].";

  @TempDir static Path dir;
  static FakeOpenAiServer llm;
  static App app;

  @TempDir Path botData;
  FakeTelegram telegram;
  TelegramBot bot;

  @BeforeAll
  static void openApp() throws Exception {
    llm = new FakeOpenAiServer();
    app = BotFixtures.app(dir, Map.of("llm.base.url", llm.baseUrl(), "llm.timeout.seconds", "20"));
  }

  @AfterAll
  static void closeApp() {
    if (app != null) {
      app.close();
    }
    llm.close();
  }

  @BeforeEach
  void start() throws Exception {
    telegram = new FakeTelegram(TOKEN);
    bot = BotFixtures.polling(app.library(), app.settings().withDirs(app.settings().corpusDir(), botData),
        BotFixtures.config(TOKEN, telegram.apiUrl()));
  }

  @AfterEach
  void stop() {
    bot.close();
    telegram.close();
  }

  /** The reply in pieces as a model streams them: words, and each marker as "[", digits, "]". */
  static List<String> tokens(String reply) {
    List<String> out = new ArrayList<>();
    for (String word : reply.split("(?<= )")) {
      for (String piece : word.split("(?=\\[)|(?<=\\[)|(?=\\])")) {
        if (!piece.isEmpty()) {
          out.add(piece);
        }
      }
    }
    return out;
  }

  /** The HTML the bot sends for the same tokens unstreamed (the library asked without a stream). */
  private static String unstreamed(FakeOpenAiServer.Streamed s) {
    llm.stream(s);
    return TelegramHtml.render(app.library().answer(QUESTION).outcome(), Language.ENGLISH);
  }

  /** The offline answer: the one the bot gives when the model's endpoint fails. */
  private static String offline() {
    llm.reply(new FakeOpenAiServer.Reply(503, "{}", 0, 0));
    return TelegramHtml.render(app.library().answer(QUESTION).outcome(), Language.ENGLISH);
  }

  private static String note() {
    return "<i>" + TelegramHtml.escape(Texts.LLM_UNAVAILABLE) + "</i>\n\n";
  }

  private List<FakeTelegram.Call> to(String method, long chatId) {
    return telegram.calls(method).stream()
        .filter(c -> c.body().path("chat_id").asText().equals(String.valueOf(chatId))).toList();
  }

  private List<String> texts(List<FakeTelegram.Call> calls) {
    return calls.stream().map(c -> c.body().path("text").asText()).toList();
  }

  private void askInGroup() {
    telegram.deliver("message", telegram.groupMessage(GROUP, USER, "/ask " + QUESTION));
  }

  @Test
  void should_stream_checked_drafts_to_a_private_chat_then_send_the_unstreamed_answer() {
    FakeOpenAiServer.Streamed s = new FakeOpenAiServer.Streamed(tokens(REPLY), 50, -1);
    String expected = unstreamed(s);

    telegram.deliverText(USER, QUESTION);

    assertThat(await(WAIT, () -> !to("sendMessage", USER).isEmpty())).isTrue();
    List<FakeTelegram.Call> drafts = to("sendMessageDraft", USER);
    FakeTelegram.Call last = to("sendMessage", USER).get(0);
    assertThat(drafts).hasSizeGreaterThanOrEqualTo(3).allSatisfy(d -> assertThat(d.nanos()).isLessThan(last.nanos()));
    assertThat(drafts).extracting(d -> d.body().path("draft_id").asInt()).containsOnly(drafts.get(0).body()
        .path("draft_id").asInt()).doesNotContain(0);
    assertThat(texts(drafts)).allSatisfy(t -> assertThat(t).doesNotContain("[9]").doesNotContain("9]"));
    assertThat(texts(to("sendMessage", USER))).containsExactly(expected);
    assertThat(expected).contains("Sources");
  }

  @Test
  void should_edit_one_group_message_in_place_at_most_once_a_second_without_an_unchecked_marker() {
    FakeOpenAiServer.Streamed s = new FakeOpenAiServer.Streamed(tokens(REPLY), 50, -1);
    String expected = unstreamed(s);

    askInGroup();

    assertThat(await(WAIT, () -> texts(to("editMessageText", GROUP)).contains(expected))).isTrue();
    List<FakeTelegram.Call> sent = to("sendMessage", GROUP);
    List<FakeTelegram.Call> edits = to("editMessageText", GROUP);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).body().path("text").asText()).contains("Wang Yong").doesNotContain("Sources");
    assertThat(edits).isNotEmpty().allSatisfy(e -> assertThat(e.body().path("message_id").asInt())
        .isEqualTo(edits.get(0).body().path("message_id").asInt()));
    assertThat(texts(edits).get(edits.size() - 1)).isEqualTo(expected);
    assertThat(edits.get(edits.size() - 1).body().path("reply_markup").isMissingNode()).isFalse();
    assertThat(texts(sent)).allSatisfy(t -> assertThat(t).doesNotContain("[9]"));
    assertThat(texts(edits)).allSatisfy(t -> assertThat(t).doesNotContain("[9]"));
    List<Long> times = new ArrayList<>();
    times.add(sent.get(0).nanos());
    edits.forEach(e -> times.add(e.nanos()));
    for (int i = 1; i < times.size(); i++) {
      assertThat(Duration.ofNanos(times.get(i) - times.get(i - 1))).as("gap before update %d", i)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void should_stream_drafts_from_a_webhook_replica_as_the_polling_bot_does() throws Exception {
    FakeOpenAiServer.Streamed s = new FakeOpenAiServer.Streamed(tokens(REPLY), 50, -1);
    String expected = unstreamed(s);
    long user = USER + 1;
    WebhookBot replica = BotFixtures.webhook(app.library(), app.settings()
        .withDirs(app.settings().corpusDir(), botData.resolve("replica"))
        .withWebhook(new WebhookSettings("127.0.0.1", 0, "/telegram", "https://bot.example/telegram", "s3cret")),
        BotFixtures.config(TOKEN, telegram.apiUrl()), false);
    try {
      ObjectNode update = telegram.json.createObjectNode();
      update.put("update_id", 900_000 + (int) (System.nanoTime() % 10_000));
      update.set("message", telegram.message(user, QUESTION));
      HttpResponse<Void> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + replica.port() + "/telegram"))
          .header("Content-Type", "application/json").header(WebhookBot.SECRET_HEADER, "s3cret")
          .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build(), HttpResponse.BodyHandlers.discarding());
      assertThat(posted.statusCode()).isEqualTo(200);

      assertThat(await(WAIT, () -> !to("sendMessage", user).isEmpty())).isTrue();
      assertThat(to("sendMessageDraft", user)).hasSizeGreaterThanOrEqualTo(3);
      assertThat(texts(to("sendMessage", user))).containsExactly(expected);
    } finally {
      replica.close();
    }
  }

  @Test
  void should_show_no_draft_of_the_sentinel_and_answer_as_the_unstreamed_call_does() {
    FakeOpenAiServer.Streamed s = new FakeOpenAiServer.Streamed(List.of("NOT", "_IN", "_SOUR", "CES"), 50, -1);
    String expected = unstreamed(s);
    int asked = llm.requests().size();

    telegram.deliverText(USER, QUESTION);

    assertThat(await(WAIT, () -> !to("sendMessage", USER).isEmpty())).isTrue();
    assertThat(llm.requests().subList(asked, llm.requests().size()))
        .anySatisfy(r -> assertThat(r.body().path("stream").asBoolean()).isTrue());
    assertThat(texts(to("sendMessageDraft", USER))).allSatisfy(t -> assertThat(t).doesNotContainIgnoringCase("NOT"));
    assertThat(texts(to("sendMessage", USER))).containsExactly(expected).noneMatch(t -> t.contains("NOT_IN"));
  }

  @Test
  void should_replace_the_draft_with_the_offline_answer_and_a_note_when_the_stream_drops() {
    String expected = note() + offline();
    llm.stream(new FakeOpenAiServer.Streamed(tokens(REPLY), 50, 20));

    telegram.deliverText(USER, QUESTION);

    assertThat(await(WAIT, () -> !to("sendMessage", USER).isEmpty())).isTrue();
    assertThat(to("sendMessageDraft", USER)).isNotEmpty();
    assertThat(texts(to("sendMessage", USER))).containsExactly(expected);
  }

  @Test
  void should_edit_the_group_message_into_the_offline_answer_when_the_stream_drops() {
    String expected = note() + offline();
    llm.stream(new FakeOpenAiServer.Streamed(tokens(REPLY), 50, 20));

    askInGroup();

    assertThat(await(WAIT, () -> texts(to("editMessageText", GROUP)).contains(expected))).isTrue();
    assertThat(to("sendMessage", GROUP)).hasSize(1);
    List<String> edits = texts(to("editMessageText", GROUP));
    assertThat(edits.get(edits.size() - 1)).isEqualTo(expected);
  }

  @Test
  void should_wait_out_a_429_on_an_edit_and_still_complete_the_answer() {
    FakeOpenAiServer.Streamed s = new FakeOpenAiServer.Streamed(tokens(REPLY), 50, -1);
    String expected = unstreamed(s);
    telegram.on("editMessageText", (body, n) -> n == 1
        ? FakeTelegram.Reply.error(429, "Too Many Requests: retry after 2", 2)
        : telegram.standard("editMessageText", body));

    askInGroup();

    assertThat(await(WAIT, () -> texts(to("editMessageText", GROUP)).contains(expected))).isTrue();
    List<FakeTelegram.Call> edits = to("editMessageText", GROUP);
    assertThat(edits).hasSizeGreaterThanOrEqualTo(2);
    assertThat(Duration.ofNanos(edits.get(1).nanos() - edits.get(0).nanos()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(to("sendMessage", GROUP)).hasSize(1);
  }
}
