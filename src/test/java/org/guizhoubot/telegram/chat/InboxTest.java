package org.guizhoubot.telegram.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guizhoubot.telegram.BotFixtures.USER;
import static org.guizhoubot.telegram.BotFixtures.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.guizhoubot.App;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.guizhoubot.telegram.BotFixtures;
import org.guizhoubot.telegram.transport.Incoming;
import org.guizhoubot.telegram.transport.Updates;
import org.guizhoubot.telegram.state.BotDb;
import org.guizhoubot.telegram.texts.Texts;
import org.guizhoubot.telegram.FakeBotApi;
import org.guizhoubot.telegram.state.InboxStore;

/** The inbox in bot.db: updates recorded before they are handled, recovered after a stop, never handled twice. */
class InboxTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir static Path shared;
  static App app;

  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();
  final AtomicLong now = new AtomicLong(1_700_000_000_000L);

  @BeforeAll
  static void openApp() {
    app = BotFixtures.app(shared);
  }

  @AfterAll
  static void closeApp() {
    if (app != null) {
      app.close();
    }
  }

  private Update question(int updateId, long userId, String text) throws Exception {
    return json.readValue(("{'update_id':" + updateId + ",'message':{'message_id':" + updateId + ",'date':1,"
        + "'from':{'id':" + userId + ",'is_bot':false,'first_name':'U'},"
        + "'chat':{'id':" + userId + ",'type':'private'},'text':'" + text + "'}}").replace('\'', '"'), Update.class);
  }

  private Inbox inbox(BotDb store, GuizhouBot bot) {
    return new Inbox(store, FakeBotApi.ME.id(), json, new Updates(FakeBotApi.ME), bot, Duration.ofMinutes(10), Duration.ofDays(90), now::get);
  }

  @Test
  void should_answer_an_update_once_when_telegram_sends_it_again() throws Exception {
    FakeBotApi api = new FakeBotApi();
    try (BotDb store = BotDb.open(dir.resolve("bot.db"));
        GuizhouBot bot = new GuizhouBot(app.library(), api, BotFixtures.config("1:x", "http://127.0.0.1:9"), store,
            FakeBotApi.ME)) {
      Inbox inbox = inbox(store, bot);
      Update q = question(41, USER, "Who is the co-founder of Baishan Cloud?");
      inbox.consume(List.of(q));
      inbox.consume(List.of(q));

      assertThat(await(WAIT, () -> store.inbox().unhandled(FakeBotApi.ME.id()).isEmpty())).isTrue();
      assertThat(await(Duration.ofMillis(500), () -> api.texts(USER).size() > 1)).isFalse();
      assertThat(api.texts(USER)).hasSize(1);
      assertThat(api.texts(USER).get(0)).contains("Baishan");
    }
  }

  @Test
  void should_answer_recent_unhandled_questions_on_start_and_tell_old_ones_they_were_missed() throws Exception {
    try (BotDb store = BotDb.open(dir.resolve("bot.db"))) {
      IncomingJson codec = new IncomingJson(json, new Updates(FakeBotApi.ME));
      Incoming asked = new Updates(FakeBotApi.ME).translate(question(7, USER, "Who is the co-founder of Baishan Cloud?")).orElseThrow();
      store.inbox().receive(FakeBotApi.ME.id(), java.util.Map.of(7L, codec.write(asked)),
          now.get() - Duration.ofMinutes(30).toMillis());
      // as versions before kept it: telegrambots' Update
      store.inbox().receive(FakeBotApi.ME.id(), java.util.Map.of(8L, json.writeValueAsString(question(8, USER + 1, "When was the Big Data Expo held?"))),
          now.get() - Duration.ofMinutes(2).toMillis());
    }
    FakeBotApi api = new FakeBotApi();
    try (BotDb store = BotDb.open(dir.resolve("bot.db"));
        GuizhouBot bot = new GuizhouBot(app.library(), api, BotFixtures.config("1:x", "http://127.0.0.1:9"), store,
            FakeBotApi.ME)) {
      Inbox inbox = inbox(store, bot);

      assertThat(inbox.recover()).isEqualTo(2);

      assertThat(await(WAIT, () -> store.inbox().unhandled(FakeBotApi.ME.id()).isEmpty())).isTrue();
      assertThat(await(WAIT, () -> api.texts(USER).size() == 1 && api.texts(USER + 1).size() == 1)).isTrue();
      assertThat(api.texts(USER)).containsExactly(Texts.MISSED_WHILE_RESTARTING);
      assertThat(api.texts(USER + 1).get(0)).contains("Expo");
      inbox.consume(List.of(question(7, USER, "Who is the co-founder of Baishan Cloud?")));
      assertThat(await(Duration.ofMillis(500), () -> api.texts(USER).size() > 1)).isFalse();
    }
  }

  @Test
  void should_keep_our_own_record_of_an_update_and_read_it_back_as_it_was() throws Exception {
    IncomingJson codec = new IncomingJson(json, new Updates(FakeBotApi.ME));
    List<Incoming> all = List.of(
        new Incoming.Text(-5, Incoming.ChatType.GROUP, USER, 3, "@bot who?", true, true, 2),
        new Incoming.Text(USER, Incoming.ChatType.PRIVATE, USER, 4, "why?", false, false),
        new Incoming.Upload(USER, Incoming.ChatType.PRIVATE, USER, 5, "doc-1", "a.docx", null),
        new Incoming.Press("cb-1", USER, "up:abc", -5));

    for (Incoming in : all) {
      String payload = codec.write(in);
      assertThat(payload).doesNotContain("update_id");
      assertThat(codec.read(payload)).contains(in);
    }
    assertThat(codec.read(json.writeValueAsString(question(9, USER, "Who?"))))
        .contains(new Incoming.Text(USER, Incoming.ChatType.PRIVATE, USER, 9, "Who?", false, false));
  }

  @Test
  void should_prune_answers_older_than_the_setting_and_handled_updates_older_than_a_day() throws Exception {
    try (BotDb store = BotDb.open(dir.resolve("bot.db"))) {
      String old = store.answers().remember("old question", List.of("a"), "answered");
      store.inbox().receive(FakeBotApi.ME.id(), java.util.Map.of(1L, "{}"), now.get() - Duration.ofDays(2).toMillis());
      store.inbox().handled(FakeBotApi.ME.id(), 1, now.get() - Duration.ofDays(2).toMillis());
      store.inbox().receive(FakeBotApi.ME.id(), java.util.Map.of(2L, "{}"), now.get() - Duration.ofDays(2).toMillis());

      BotDb.Pruned pruned = store.prune(System.currentTimeMillis() + 1, now.get() - Duration.ofDays(1).toMillis());

      assertThat(pruned).isEqualTo(new BotDb.Pruned(1, 1));
      assertThat(store.answers().vote(old, USER, true)).isEmpty();
      assertThat(store.inbox().unhandled(FakeBotApi.ME.id())).extracting(InboxStore.Received::updateId).containsExactly(2L);
    }
  }

  @Test
  void should_prune_handled_updates_as_it_receives_new_ones_an_hour_apart() throws Exception {
    FakeBotApi api = new FakeBotApi();
    try (BotDb store = BotDb.open(dir.resolve("bot.db"));
        GuizhouBot bot = new GuizhouBot(app.library(), api, BotFixtures.config("1:x", "http://127.0.0.1:9"), store,
            FakeBotApi.ME)) {
      Inbox inbox = inbox(store, bot);
      Update first = question(51, USER, "Who is the co-founder of Baishan Cloud?");
      inbox.consume(List.of(first));
      assertThat(await(WAIT, () -> store.inbox().unhandled(FakeBotApi.ME.id()).isEmpty())).isTrue();

      now.addAndGet(Duration.ofDays(2).toMillis());
      inbox.consume(List.of(question(52, USER + 2, "When was the Big Data Expo held?")));

      assertThat(store.inbox().receive(FakeBotApi.ME.id(), java.util.Map.of(51L, json.writeValueAsString(first)), now.get()))
          .as("update 51, handled two days ago, was pruned, so it reads as new").containsExactly(51L);
    }
  }
}
