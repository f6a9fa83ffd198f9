package org.guizhoubot.telegram.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.guizhoubot.telegram.FakeTelegram;

/** {@link TelegramBotApi} (the real telegrambots client) against the fake Bot API over HTTP. */
class TelegramBotApiTest {
  private static final String TOKEN = "5150:API-secret";
  FakeTelegram telegram;
  TelegramBotApi api;

  @BeforeEach
  void start() throws Exception {
    telegram = new FakeTelegram(TOKEN);
    api = new TelegramBotApi(TOKEN, telegram.apiUrl(), Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    api.close();
    telegram.close();
  }

  @Test
  void should_send_html_with_a_reply_and_a_row_of_buttons() throws Exception {
    BotApi.Outgoing out = BotApi.Outgoing.html(42, "<b>hi</b> &amp; bye").replyingTo(7)
        .withButtons(List.of(new BotApi.Button("👍", "fb:u:k"), new BotApi.Button("👎", "fb:d:k")));

    int id = api.send(out);

    assertThat(id).isPositive();
    var body = telegram.calls("sendMessage").get(0).body();
    assertThat(body.path("chat_id").asText()).isEqualTo("42");
    assertThat(body.path("text").asText()).isEqualTo("<b>hi</b> &amp; bye");
    assertThat(body.path("parse_mode").asText()).isEqualTo("HTML");
    assertThat(body.path("reply_to_message_id").asInt()).isEqualTo(7);
    assertThat(body.path("reply_markup").path("inline_keyboard").path(0).path(1).path("callback_data").asText())
        .isEqualTo("fb:d:k");
  }

  @Test
  void should_make_the_other_calls() throws Exception {
    assertThat(api.getMe()).isEqualTo(new BotApi.Identity(FakeTelegram.BOT_ID, FakeTelegram.BOT_USERNAME));
    api.typing(42);
    api.answerCallback("cb-9", "Thanks");
    api.setCommands(List.of(new BotApi.CommandInfo("ask", "Ask")));

    assertThat(telegram.calls("sendChatAction").get(0).body().path("action").asText()).isEqualTo("typing");
    assertThat(telegram.calls("answerCallbackQuery").get(0).body().path("callback_query_id").asText()).isEqualTo("cb-9");
    assertThat(telegram.calls("setMyCommands").get(0).body().path("commands").path(0).path("command").asText())
        .isEqualTo("ask");
  }

  @Test
  void should_download_a_file_within_the_size_limit() throws Exception {
    telegram.serveFile("documents/f1", "hello".getBytes(StandardCharsets.UTF_8));

    assertThat(api.download("f1", 100)).asString(StandardCharsets.UTF_8).isEqualTo("hello");
    assertThatThrownBy(() -> api.download("f1", 3)).isInstanceOf(BotApiException.class).hasMessageContaining("larger");
  }

  @Test
  void should_give_up_on_a_hung_call_within_its_timeout() {
    telegram.on("sendMessage", (body, n) -> null);
    long start = System.nanoTime();

    assertThatThrownBy(() -> api.send(BotApi.Outgoing.plain(42, "hello")))
        .isInstanceOf(BotApiException.class)
        .hasMessageContaining("sendMessage to chat 42 failed");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void should_retry_after_a_429_and_report_other_errors_with_code_and_no_token() throws Exception {
    telegram.on("sendMessage", (body, n) -> n == 1 ? FakeTelegram.Reply.error(429, "Too Many Requests", 1)
        : n == 2 ? telegram.standard("sendMessage", body) : FakeTelegram.Reply.error(400, "Bad Request: can't parse entities", null));

    api.send(BotApi.Outgoing.plain(42, "first"));
    BotApiException e = org.junit.jupiter.api.Assertions.assertThrows(BotApiException.class,
        () -> api.send(BotApi.Outgoing.html(42, "<b>second")));

    assertThat(telegram.calls("sendMessage")).hasSize(3);
    assertThat(e.errorCode()).isEqualTo(400);
    assertThat(e.isParseError()).isTrue();
    assertThat(e.getMessage()).contains("chat 42").doesNotContain("API-secret");
  }

  @Test
  void should_fail_with_the_error_code_when_the_token_is_wrong() {
    try (TelegramBotApi wrong = new TelegramBotApi("1:WRONG", telegram.apiUrl(), Duration.ofSeconds(2))) {
      assertThatThrownBy(wrong::getMe).isInstanceOf(BotApiException.class)
          .satisfies(e -> assertThat(((BotApiException) e).errorCode()).isEqualTo(401))
          .hasMessageNotContaining("WRONG");
    }
  }

  @Test
  void should_fail_fast_when_the_server_is_down() {
    telegram.stop();

    assertThatThrownBy(() -> api.send(BotApi.Outgoing.plain(42, "hello")))
        .isInstanceOf(BotApiException.class).hasMessageContaining("chat 42");
  }
}
