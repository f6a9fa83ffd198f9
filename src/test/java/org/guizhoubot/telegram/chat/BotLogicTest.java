package org.guizhoubot.telegram.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guizhoubot.telegram.BotFixtures.ADMIN;
import static org.guizhoubot.telegram.BotFixtures.USER;
import static org.guizhoubot.telegram.BotFixtures.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.guizhoubot.App;
import org.guizhoubot.library.Library;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.guizhoubot.telegram.transport.BotApi;
import org.guizhoubot.telegram.transport.BotConfig;
import org.guizhoubot.telegram.transport.Incoming;
import org.guizhoubot.telegram.transport.BotApiException;
import org.guizhoubot.telegram.state.BotDb;
import org.guizhoubot.telegram.texts.TelegramHtml;
import org.guizhoubot.telegram.texts.Texts;
import org.guizhoubot.telegram.texts.HelpTexts;
import org.guizhoubot.telegram.texts.ArticleLists;
import org.guizhoubot.telegram.texts.AdminTexts;
import org.guizhoubot.telegram.BotFixtures;
import org.guizhoubot.telegram.FakeBotApi;
import org.guizhoubot.telegram.state.AnswerStore;

/**
 * The bot's routing and handlers without HTTP: {@link Incoming} records fed to the real bot logic
 * over the real library (seed corpus, real model), with the Bot API kept in memory.
 */
class BotLogicTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String QUESTION = "Who is the co-founder of Baishan Cloud?";
  private static final long GROUP = -100_777L;

  @TempDir static Path shared;
  static App app;

  @TempDir Path dir;
  final FakeBotApi api = new FakeBotApi();
  final AtomicInteger messageIds = new AtomicInteger(1);
  BotDb feedback;
  GuizhouBot bot;

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

  @AfterEach
  void stopBot() {
    if (bot != null) {
      bot.close();
    }
    if (feedback != null) {
      feedback.close();
    }
  }

  private GuizhouBot start(Library library, BotConfig config) {
    feedback = BotDb.open(dir.resolve("bot.db"));
    bot = new GuizhouBot(library, api, config, feedback, FakeBotApi.ME);
    return bot;
  }

  private GuizhouBot start() {
    return start(app.library(), BotFixtures.config("1:unused", "http://127.0.0.1:9"));
  }

  private Incoming.Text privately(long userId, String text) {
    return new Incoming.Text(userId, Incoming.ChatType.PRIVATE, userId, messageIds.getAndIncrement(), text, false, false);
  }

  private Incoming.Text inGroup(String text, boolean mentionsBot, boolean repliesToBot) {
    return new Incoming.Text(GROUP, Incoming.ChatType.GROUP, USER, messageIds.getAndIncrement(), text, mentionsBot,
        repliesToBot);
  }

  private List<BotApi.Outgoing> awaitSent(long chatId, int count) {
    await(WAIT, () -> api.sent(chatId).size() >= count);
    return api.sent(chatId);
  }

  private List<String> awaitTexts(long chatId, int count) {
    await(WAIT, () -> api.sent(chatId).size() >= count);
    return api.texts(chatId);
  }

  private static String answerHtml(String question) {
    return TelegramHtml.render(app.library().answer(question).outcome());
  }

  @Test
  void should_answer_a_private_question_with_the_librarys_answer_and_vote_buttons() {
    start().handle(privately(USER, QUESTION));

    List<BotApi.Outgoing> sent = awaitSent(USER, 1);

    assertThat(await(WAIT, bot::isIdle)).as("no reply on its way").isTrue();
    assertThat(sent).hasSize(1);
    BotApi.Outgoing reply = sent.get(0);
    assertThat(reply.html()).isTrue();
    assertThat(reply.text()).isEqualTo(answerHtml(QUESTION)).contains("Baishan").contains("<b>Sources:</b>");
    assertThat(reply.replyTo()).as("no reply-to in a private chat").isNull();
    assertThat(reply.buttons()).extracting(BotApi.Button::text).containsExactly("👍", "👎");
    assertThat(reply.buttons().get(0).data()).startsWith(Feedback.UP);
    assertThat(reply.buttons().get(1).data()).startsWith(Feedback.DOWN)
        .endsWith(reply.buttons().get(0).data().substring(Feedback.UP.length()));
    assertThat(api.typing()).contains(USER);
    assertThat(feedback.answers().stats().answered()).isEqualTo(1);
  }

  @Test
  void should_answer_in_a_group_only_when_asked_mentioned_or_replied_to() throws Exception {
    start();
    String stripped = "when was the Big Data Expo held?";
    List<Incoming.Text> messages = List.of(
        inGroup(QUESTION + " Just chatting among ourselves.", false, false),
        inGroup("/ask@SomeOtherBot " + QUESTION, false, false),
        inGroup("/nosuchcommand", false, false),
        inGroup("/ask " + QUESTION, false, false),
        inGroup("@GuizhouTestBot, " + stripped, true, false),
        inGroup("@guizhoutestbot: " + stripped, false, false),
        inGroup("And who founded it?", false, true),
        inGroup("mail me at x@GuizhouTestBots.example", false, false));
    messages.forEach(bot::handle);

    awaitSent(GROUP, 4);
    assertThat(await(WAIT, bot::isIdle)).isTrue();
    List<BotApi.Outgoing> sent = api.sent(GROUP);

    assertThat(sent).hasSize(4);
    assertThat(sent).extracting(BotApi.Outgoing::replyTo).containsExactly(
        messages.get(3).messageId(), messages.get(4).messageId(), messages.get(5).messageId(), messages.get(6).messageId());
    assertThat(sent.get(0).text()).isEqualTo(answerHtml(QUESTION));
    assertThat(sent.get(1).text()).as("asked without the mention").isEqualTo(answerHtml(stripped));
    assertThat(sent.get(2).text()).isEqualTo(answerHtml(stripped));
    String conversation = "same-as-the-user-in-the-group";
    app.library().answer(stripped, conversation);
    assertThat(sent.get(3).text()).as("a follow-up of the user's question before")
        .isEqualTo(TelegramHtml.render(app.library().answer("And who founded it?", conversation).outcome()));
  }

  @Test
  void should_tell_users_what_they_cannot_do_in_a_private_chat() {
    start();
    bot.handle(privately(USER, "/nosuch thing"));
    bot.handle(privately(USER, "/ask   "));
    bot.handle(privately(USER, "/reindex"));
    bot.handle(privately(USER, "/stats"));
    bot.handle(privately(USER, "/add https://example.org/a"));
    bot.handle(new Incoming.Upload(USER, Incoming.ChatType.PRIVATE, USER, 99, "f1", "a.md", 100L));
    bot.handle(new Incoming.Upload(GROUP, Incoming.ChatType.GROUP, USER, 100, "f1", "a.md", 100L));

    List<String> texts = awaitTexts(USER, 6);

    assertThat(texts).containsExactly(
        "I don't know /nosuch. See /help.",
        "Ask like this: /ask Who founded Baishan Cloud?",
        "Sorry, that command is for the bot's admins only.",
        "Sorry, that command is for the bot's admins only.",
        "Sorry, that command is for the bot's admins only.",
        "Sorry, only the bot's admins can add articles.");
    assertThat(api.sent(GROUP)).as("uploads from users in groups are ignored").isEmpty();
  }

  @Test
  void should_show_help_sources_stats_and_register_the_menu() throws Exception {
    start().registerCommands().get(5, java.util.concurrent.TimeUnit.SECONDS);
    bot.handle(privately(USER, "/start"));
    bot.handle(privately(USER, "/sources"));
    bot.handle(privately(ADMIN, "/stats"));

    List<BotApi.Outgoing> sent = awaitSent(USER, 2);
    List<String> admin = awaitTexts(ADMIN, 1);

    assertThat(sent.get(0).text()).isEqualTo(HelpTexts.help(app.library().articles(), "GuizhouTestBot"))
        .contains("5 news articles").contains("@GuizhouTestBot");
    assertThat(sent.get(1).text()).isEqualTo(ArticleLists.sources(app.library().articles(), 0))
        .startsWith("<b>5 articles</b>, newest first:");
    assertThat(admin.get(0)).startsWith("Questions answered: 0, declined: 0.").contains("Index: 5 articles");
    assertThat(api.menus()).extracting(FakeBotApi.Menu::scope).containsExactlyInAnyOrder(
        BotApi.MenuScope.EVERYONE, new BotApi.MenuScope(null, "zh"), new BotApi.MenuScope(ADMIN, null),
        new BotApi.MenuScope(ADMIN, "zh"));
    assertThat(menu(BotApi.MenuScope.EVERYONE)).extracting(BotApi.CommandInfo::command)
        .containsExactly("ask", "new", "sources", "help");
    assertThat(menu(new BotApi.MenuScope(null, "zh"))).extracting(BotApi.CommandInfo::description)
        .contains("我知道什么、怎样提问").hasSize(4);
    assertThat(menu(new BotApi.MenuScope(ADMIN, null))).extracting(BotApi.CommandInfo::command).containsExactly(
        "ask", "new", "sources", "help", "articles", "remove", "feeds", "feed_add", "feed_remove", "add", "reindex",
        "stats");
    assertThat(menu(new BotApi.MenuScope(ADMIN, "zh"))).extracting(BotApi.CommandInfo::description)
        .contains("从文章文件夹和索引中删除文章").hasSize(12);
  }

  private List<BotApi.CommandInfo> menu(BotApi.MenuScope scope) {
    return api.menus().stream().filter(m -> m.scope().equals(scope)).findFirst().orElseThrow().commands();
  }

  @Test
  void should_count_every_command_against_the_senders_rate_limit() throws Exception {
    start(app.library(), BotFixtures.config("1:unused", "http://127.0.0.1:9").withRateLimit(3));
    for (int i = 0; i < 10; i++) {
      bot.handle(privately(USER, i % 2 == 0 ? "/help" : "/sources"));
    }

    awaitSent(USER, 4);
    assertThat(await(WAIT, bot::isIdle)).isTrue();
    List<String> texts = api.texts(USER);

    assertThat(texts).hasSize(4);
    assertThat(texts).filteredOn(t -> t.equals(Texts.TOO_FAST)).hasSize(1);
  }

  @Test
  void should_answer_a_flooding_user_with_one_notice() throws Exception {
    start(app.library(), BotFixtures.config("1:unused", "http://127.0.0.1:9").withRateLimit(2));
    for (int i = 0; i < 5; i++) {
      bot.handle(privately(USER, "Question number " + i + " about the Big Data Expo?"));
    }

    awaitSent(USER, 3);
    assertThat(await(WAIT, bot::isIdle)).isTrue();
    List<String> texts = api.texts(USER);

    assertThat(texts).hasSize(3);
    assertThat(texts).filteredOn(t -> t.equals(Texts.TOO_FAST)).hasSize(1);
    assertThat(api.sent(USER)).filteredOn(m -> !m.buttons().isEmpty()).hasSize(2);
  }

  @Test
  void should_record_votes_and_answer_every_press() {
    start().handle(privately(USER, QUESTION));
    BotApi.Outgoing answer = awaitSent(USER, 1).get(0);
    String up = answer.buttons().get(0).data();
    String down = answer.buttons().get(1).data();

    bot.handle(new Incoming.Press("cb-1", USER, up));
    bot.handle(new Incoming.Press("cb-2", USER + 1, down));
    bot.handle(new Incoming.Press("cb-3", USER, Feedback.UP + "no-such-answer"));
    bot.handle(new Incoming.Press("cb-4", USER, "garbage"));
    await(WAIT, () -> api.pressAnswers().size() >= 4);

    assertThat(api.pressAnswers()).containsExactlyInAnyOrder(
        new FakeBotApi.PressAnswer("cb-1", "Thanks for the feedback!"),
        new FakeBotApi.PressAnswer("cb-2", "Thanks for the feedback!"),
        new FakeBotApi.PressAnswer("cb-3", "That answer is too old to rate."),
        new FakeBotApi.PressAnswer("cb-4", "Sorry, I could not record that."));
    assertThat(feedback.answers().votes()).extracting(AnswerStore.Vote::up).containsExactlyInAnyOrder(true, false);
    assertThat(feedback.answers().votes()).allSatisfy(v -> assertThat(v.question()).isEqualTo(QUESTION));
    assertThat(feedback.answers().stats().votesUp()).isEqualTo(1);
  }

  @Test
  void should_send_plain_text_when_telegram_rejects_the_html() {
    api.onSend(m -> {
      if (m.html()) {
        throw new BotApiException("sendMessage", m.chatId(), 400, null, "Bad Request: can't parse entities", null);
      }
    });
    start().handle(privately(USER, QUESTION));

    List<BotApi.Outgoing> sent = awaitSent(USER, 1);

    assertThat(await(WAIT, bot::isIdle)).as("no reply on its way").isTrue();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).html()).isFalse();
    assertThat(sent.get(0).text()).isEqualTo(TelegramHtml.toPlain(answerHtml(QUESTION))).contains("Sources:");
    assertThat(sent.get(0).buttons()).hasSize(2);
  }

  @Test
  void should_add_an_uploaded_article_and_refuse_other_types_sizes_and_failed_downloads(@TempDir Path own) {
    try (App changing = BotFixtures.app(own)) {
      byte[] article = ("---\ntitle: \"Test upload: a data centre opens in Gui'an\"\nsource: \"Test Desk\"\n"
          + "published: 2024-03-01\n---\n\nThe Gui'an test data centre opened its first hall in March 2024."
          + " It holds servers for cloud companies.\n").getBytes(StandardCharsets.UTF_8);
      api.serveFile("doc-1", article);
      start(changing.library(), BotFixtures.config("1:unused", "http://127.0.0.1:9"));

      bot.handle(new Incoming.Upload(ADMIN, Incoming.ChatType.PRIVATE, ADMIN, 1, "doc-2", "paper.ppt", 1000L));
      bot.handle(new Incoming.Upload(ADMIN, Incoming.ChatType.PRIVATE, ADMIN, 2, "doc-3", "huge.md", 2_000_000L));
      bot.handle(new Incoming.Upload(ADMIN, Incoming.ChatType.PRIVATE, ADMIN, 3, "doc-4", "lost.md", 10L));
      bot.handle(new Incoming.Upload(ADMIN, Incoming.ChatType.PRIVATE, ADMIN, 4, "doc-1", "gui-an-test.md", null));

      List<String> texts = awaitTexts(ADMIN, 4);

      assertThat(await(WAIT, bot::isIdle)).as("no reply on its way").isTrue();
      assertThat(texts).hasSize(4);
      assertThat(texts.get(0)).isEqualTo("I can add .txt, .md, .html, .pdf and .docx files; paper.ppt is none of those.");
      assertThat(texts.get(1)).isEqualTo("huge.md is larger than 1 MB; I can add such files up to 1 MB.");
      assertThat(texts.get(2)).startsWith("Could not add lost.md: lost.md: could not be downloaded (")
          .contains("invalid file_id");
      assertThat(texts.get(3)).matches("Added \"Test upload: a data centre opens in Gui'an\" \\(gui-an-test\\): [1-9]\\d* passages?\\.");
      assertThat(changing.library().articles()).anyMatch(a -> a.id().equals("gui-an-test"));
    }
  }

  @Test
  void should_explain_add_and_escape_the_address_it_repeats() {
    start();
    String url = "https://example.invalid/<script>&x=\"y\"";
    bot.handle(privately(ADMIN, "/add example.org/article"));
    bot.handle(privately(ADMIN, "/add " + url));

    List<BotApi.Outgoing> sent = awaitSent(ADMIN, 3);

    assertThat(await(WAIT, bot::isIdle)).as("no reply on its way").isTrue();
    assertThat(api.texts(ADMIN)).hasSize(3);
    assertThat(api.texts(ADMIN).get(0)).isEqualTo("Give the article's web address: /add https://example.com/article");
    assertThat(sent.get(1).text()).isEqualTo("Fetching https://example.invalid/&lt;script&gt;&amp;x=&quot;y&quot; ...");
    assertThat(api.texts(ADMIN).get(2)).startsWith("Could not add " + url + ": Illegal character");
  }

  @Test
  void should_reindex_in_the_background_one_at_a_time_and_keep_answering(@TempDir Path own) throws Exception {
    try (App changing = BotFixtures.app(own)) {
      try (Stream<Path> files = Files.list(Path.of("corpus"))) {
        for (Path f : files.toList()) {
          Files.copy(f, changing.parts().corpus().dir().resolve("copy-" + f.getFileName()));
        }
      }
      Files.writeString(changing.parts().corpus().dir().resolve("broken.md"), "---\ntitle: \"Never closed\"\n\nNo end.\n");
      start(changing.library(), BotFixtures.config("1:unused", "http://127.0.0.1:9"));

      bot.handle(privately(USER, "/reindex"));
      bot.handle(privately(ADMIN, "/reindex"));
      bot.handle(privately(ADMIN, "/reindex"));
      bot.handle(new Incoming.Text(GROUP, Incoming.ChatType.GROUP, ADMIN, 77, "/reindex", false, false));
      bot.handle(privately(ADMIN, QUESTION));

      assertThat(await(Duration.ofSeconds(120), () -> api.texts(ADMIN).stream().anyMatch(t -> t.startsWith("Reindex done"))))
          .isTrue();
      List<String> texts = api.texts(ADMIN);
      assertThat(texts).hasSize(4);
      assertThat(texts.get(0)).isEqualTo(AdminTexts.REINDEX_STARTED);
      assertThat(texts.get(1)).isEqualTo(AdminTexts.REINDEX_RUNNING_HERE);
      assertThat(texts.get(2)).as("the question asked meanwhile is answered before the report").contains("Sources:");
      assertThat(texts.get(3)).startsWith("Reindex done: 10 articles").contains("5 added")
          .contains("Errors (1):").contains("broken.md");
      assertThat(api.texts(USER)).containsExactly(Texts.ADMINS_ONLY);
      assertThat(api.texts(GROUP)).as("asked in another chat while it runs").containsExactly(AdminTexts.REINDEX_RUNNING_ELSEWHERE);
      assertThat(api.sent(GROUP).get(0).replyTo()).isEqualTo(77);
      assertThat(changing.library().articles()).hasSize(10);
    }
  }
}
