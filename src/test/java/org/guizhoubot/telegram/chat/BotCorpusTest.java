package org.guizhoubot.telegram.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guizhoubot.telegram.BotFixtures.ADMIN;
import static org.guizhoubot.telegram.BotFixtures.USER;
import static org.guizhoubot.telegram.BotFixtures.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.guizhoubot.App;
import org.guizhoubot.LoopbackServer;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.config.Settings;
import org.guizhoubot.config.SettingsLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.guizhoubot.telegram.transport.BotApi;
import org.guizhoubot.telegram.transport.Incoming;
import org.guizhoubot.telegram.state.BotDb;
import org.guizhoubot.telegram.texts.TelegramHtml;
import org.guizhoubot.telegram.texts.Texts;
import org.guizhoubot.telegram.texts.CorpusTexts;
import org.guizhoubot.telegram.BotFixtures;
import org.guizhoubot.telegram.FakeBotApi;

/** Keeping the corpus from the chat: paged lists, remove, feeds, Word uploads and replacing a taken id. */
class BotCorpusTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir Path dir;
  private final FakeBotApi api = new FakeBotApi();
  private final AtomicInteger messageIds = new AtomicInteger(1);
  private App app;
  private BotDb feedback;
  private GuizhouBot bot;

  @BeforeEach
  void start() throws Exception {
    Path corpus = TestFixtures.copySeeds(dir);
    for (int i = 1; i <= 12; i++) {
      Files.writeString(corpus.resolve(String.format("note-%02d.md", i)), "---\ntitle: \"Note " + i
          + "\"\npublished: 2030-01-" + String.format("%02d", i) + "\n---\n\nShort note number " + i + " about Guizhou.\n");
    }
    Path data = dir.resolve("data");
    Settings s = new SettingsLoader(Map.of("FETCH_ALLOW_PRIVATE", "true"), data)
        .load(null, Map.of("corpus.dir", corpus.toString(), "data.dir", data.toString()));
    app = TestFixtures.app(s);
    app.library().status();
    feedback = BotDb.open(dir.resolve("bot.db"));
    bot = new GuizhouBot(app.library(), api, BotFixtures.config("1:unused", "http://127.0.0.1:9"), feedback, FakeBotApi.ME);
  }

  @AfterEach
  void stop() {
    bot.close();
    feedback.close();
    app.close();
  }

  private Incoming.Text privately(long userId, String text) {
    return new Incoming.Text(userId, Incoming.ChatType.PRIVATE, userId, messageIds.getAndIncrement(), text, false, false);
  }

  private List<BotApi.Outgoing> awaitSent(long chatId, int count) {
    await(WAIT, () -> api.sent(chatId).size() >= count);
    return api.sent(chatId);
  }

  @Test
  void should_page_sources_ten_at_a_time_newest_first_with_buttons() {
    bot.handle(privately(USER, "/sources"));
    BotApi.Outgoing first = awaitSent(USER, 1).get(0);

    assertThat(first.text()).startsWith("<b>17 articles</b>, newest first (page 1 of 2):").contains("Note 12")
        .doesNotContain("• Note 2,");
    assertThat(first.text().lines().count()).isEqualTo(11);
    assertThat(first.buttons()).extracting(BotApi.Button::data).containsExactly("src:1");

    bot.handle(new Incoming.Press("cb-1", USER, "src:1"));
    BotApi.Outgoing second = awaitSent(USER, 2).get(1);

    assertThat(second.text()).startsWith("<b>17 articles</b>, newest first (page 2 of 2):").contains("• Note 1, 2030-01-01");
    assertThat(second.text().lines().count()).isEqualTo(8);
    assertThat(second.buttons()).extracting(BotApi.Button::data).containsExactly("src:0");
    assertThat(api.pressAnswers()).containsExactly(new FakeBotApi.PressAnswer("cb-1", "Page 2"));
  }

  @Test
  void should_list_articles_with_ids_and_remove_one_for_admins_only() {
    bot.handle(privately(USER, "/articles"));
    bot.handle(privately(USER, "/remove note-01"));
    bot.handle(new Incoming.Press("cb-1", USER, "art:1"));
    assertThat(awaitSent(USER, 2)).extracting(BotApi.Outgoing::text)
        .containsExactly(Texts.ADMINS_ONLY, Texts.ADMINS_ONLY);
    await(WAIT, () -> !api.pressAnswers().isEmpty());
    assertThat(api.pressAnswers()).containsExactly(new FakeBotApi.PressAnswer("cb-1", Texts.ADMINS_ONLY));

    bot.handle(privately(ADMIN, "/articles"));
    assertThat(awaitSent(ADMIN, 1).get(0).text()).contains("<code>note-12</code> Note 12");

    bot.handle(privately(ADMIN, "/remove note-12 no-such-id"));
    List<String> texts = awaitTexts(ADMIN, 2);

    assertThat(texts.get(1)).contains("Removed \"Note 12\" (note-12).", "Not removed no-such-id: no such article",
        "The index now holds 16 articles.");
    assertThat(app.library().articles()).noneMatch(a -> a.id().equals("note-12"));
  }

  @Test
  void should_say_that_remove_found_no_such_id_and_leave_the_index_as_it_was() {
    int before = app.library().articles().size();

    bot.handle(privately(ADMIN, "/remove no-such-id"));
    String text = awaitTexts(ADMIN, 1).get(0);

    assertThat(text).isEqualTo("No article has the id no-such-id. Nothing was removed and the index is unchanged;"
        + " /articles shows the ids.");
    assertThat(app.library().articles()).hasSize(before);
  }

  private List<String> awaitTexts(long chatId, int count) {
    await(WAIT, () -> api.sent(chatId).size() >= count);
    return api.texts(chatId);
  }

  @Test
  void should_subscribe_list_and_remove_feeds_and_poll_them_on_schedule() throws Exception {
    Map<String, String[]> pages = new java.util.concurrent.ConcurrentHashMap<>();
    LoopbackServer server = LoopbackServer.start(ex -> {
      String[] page = pages.get(ex.getRequestURI().getPath());
      LoopbackServer.send(ex, page == null ? 404 : 200, page == null ? "text/plain" : page[0], page == null ? "no" : page[1]);
    });
    String base = server.base();
    pages.putAll(Map.of(
        "/rss.xml", new String[] {"application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
            + "<title>Guizhou wire</title><link>" + base + "</link><description>d</description><item><title>t</title>"
            + "<link>" + base + "/story.html</link></item></channel></rss>"},
        "/story.html", new String[] {"text/html", "<html><head><title>Tongren opens a cloud campus</title></head>"
            + "<body><article><p>Tongren opened a cloud campus with 12 halls.</p></article></body></html>"}));
    try {
      bot.handle(privately(ADMIN, "/feed_add " + base + "/rss.xml"));
      assertThat(awaitTexts(ADMIN, 1).get(0)).isEqualTo("Subscribed to " + base + "/rss.xml (Guizhou wire) with 1 items;"
          + " new items are added at the next poll.");
      bot.handle(privately(ADMIN, "/feeds"));
      assertThat(awaitTexts(ADMIN, 2).get(1)).startsWith("1 feeds:\n• " + base + "/rss.xml (Guizhou wire), last polled never");

      bot.pollFeedsEvery(Duration.ofMillis(200));

      assertThat(awaitTexts(ADMIN, 3).get(2)).startsWith("New from the feeds: 1 articles.\n• Tongren opens a cloud campus");
      assertThat(app.library().answer("How many halls does the Tongren cloud campus have?").outcome().toString())
          .contains("12 halls");

      bot.handle(privately(ADMIN, "/feed_remove " + base + "/rss.xml"));
      await(WAIT, () -> api.texts(ADMIN).stream().anyMatch(t -> t.startsWith("Unsubscribed")));
      assertThat(app.library().feeds()).isEmpty();
    } finally {
      server.close();
    }
  }

  @Test
  void should_add_an_uploaded_docx_and_offer_to_replace_a_taken_id() throws Exception {
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.getProperties().getCoreProperties().setTitle("Zunyi plans a data park");
      doc.createParagraph().createRun().setText("Zunyi plans a data park with 30 buildings by 2031.");
      doc.write(docx);
    }
    api.serveFile("doc-1", docx.toByteArray());
    api.serveFile("doc-2", "Other note\n\nA different text for note one.\n".getBytes(StandardCharsets.UTF_8));

    bot.handle(new Incoming.Upload(ADMIN, Incoming.ChatType.PRIVATE, ADMIN, 1, "doc-1", "zunyi-park.docx", 5000L));
    bot.handle(new Incoming.Upload(ADMIN, Incoming.ChatType.PRIVATE, ADMIN, 2, "doc-3", "big.pdf", 21L << 20));
    bot.handle(new Incoming.Upload(ADMIN, Incoming.ChatType.PRIVATE, ADMIN, 3, "doc-2", "note-01.md", 50L));
    List<BotApi.Outgoing> sent = awaitSent(ADMIN, 3);

    assertThat(api.texts(ADMIN)).anyMatch(t -> t.matches("Added \"Zunyi plans a data park\" \\(zunyi-park\\): \\d+ passages?\\."))
        .contains("big.pdf is larger than 20 MB; I can add such files up to 20 MB.");
    BotApi.Outgoing offer = sent.stream().filter(m -> !m.buttons().isEmpty()).findFirst().orElseThrow();
    assertThat(TelegramHtml.toPlain(offer.text())).isEqualTo("Not added: the id note-01 (\"Other note\") is already taken by"
        + " note-01.md (\"Note 1\"), a different article. Replace it?");

    bot.handle(new Incoming.Press("cb-9", ADMIN, offer.buttons().get(0).data()));

    assertThat(await(WAIT, () -> api.texts(ADMIN).stream().anyMatch(t -> t.startsWith("Added \"Other note\" (note-01)"))))
        .isTrue();
    assertThat(app.library().articles()).anyMatch(a -> a.id().equals("note-01") && a.title().equals("Other note"));
    bot.handle(new Incoming.Press("cb-10", ADMIN, offer.buttons().get(0).data()));
    await(WAIT, () -> api.pressAnswers().size() >= 2);
    assertThat(api.pressAnswers()).contains(new FakeBotApi.PressAnswer("cb-10", CorpusTexts.REPLACE_GONE));
  }

  @Test
  void should_page_a_list_with_newer_and_older_buttons() {
    assertThat(CorpusCommands.pageButtons("src:", 23, 0)).extracting(BotApi.Button::data).containsExactly("src:1");
    assertThat(CorpusCommands.pageButtons("src:", 23, 1)).extracting(BotApi.Button::data).containsExactly("src:0", "src:2");
    assertThat(CorpusCommands.pageButtons("src:", 23, 2)).extracting(BotApi.Button::data).containsExactly("src:1");
    assertThat(CorpusCommands.pageButtons("src:", 5, 0)).isEmpty();
  }
}
