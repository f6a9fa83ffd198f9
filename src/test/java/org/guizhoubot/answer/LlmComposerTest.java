package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.guizhoubot.retrieval.Retrieval;
import org.guizhoubot.index.Passage;
import org.guizhoubot.retrieval.RetrievedPassage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The LLM composer with the real langchain4j OpenAI client against a fake server on loopback. */
class LlmComposerTest {
  private static final String KEY = "sk-test-secret-4711";
  private static final String WHO = "Who co-founded Baishan Cloud?";
  /** Happy paths: long enough that a busy machine never turns them into a fallback. */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** Only for the tests of a slow or stalled reply, which wait this long for the fallback. */
  private static final Duration SHORT_TIMEOUT = Duration.ofMillis(800);

  private final LlmFixture fixture = new LlmFixture();
  private FakeOpenAiServer server;
  private LlmComposer composer;
  private ListAppender<ILoggingEvent> logs;
  private Logger logger;

  @BeforeEach
  void start() throws Exception {
    server = new FakeOpenAiServer();
    composer = new LlmComposer(
        new OpenAiChatBackend(server.baseUrl(), KEY, "fake-model", TIMEOUT, 300, 0.1),
        fixture.extractive, TIMEOUT.plusSeconds(1));
    logger = (Logger) LoggerFactory.getLogger(LlmComposer.class);
    logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    logger.setLevel(Level.INFO);
  }

  /** A composer whose client gives up after {@link #SHORT_TIMEOUT} and whose deadline follows 700 ms later. */
  private LlmComposer impatient() {
    return new LlmComposer(new OpenAiChatBackend(server.baseUrl(), KEY, "fake-model", SHORT_TIMEOUT, 300, 0.1),
        fixture.extractive, SHORT_TIMEOUT.plusMillis(700));
  }

  @AfterEach
  void stop() {
    logger.detachAppender(logs);
    logger.setLevel(null);
    server.close();
  }

  @Test
  void should_answer_with_valid_markers_renumbered_and_sources_built_from_them() {
    server.answer("Baishan Cloud was co-founded by Wang Yong in 2015 [1]. It opened a data centre in "
        + "Gui'an in June 2016 [1][2], the year after the Guiyang exchange began trading [3].");

    Outcome outcome = composer.compose(WHO, fixture.retrieval(List.of(fixture.passage(2), fixture.passage(1), fixture.passage(3))));

    assertThat(outcome).isInstanceOf(Outcome.Answered.class);
    Outcome.Answered a = (Outcome.Answered) outcome;
    assertThat(a.composer()).isEqualTo("llm");
    assertThat(a.text()).isEqualTo("Baishan Cloud was co-founded by Wang Yong in 2015 [1]. It opened a data "
        + "centre in Gui'an in June 2016 [1][2], the year after the Guiyang exchange began trading [3].");
    assertThat(a.citations()).extracting(Citation::n, Citation::articleId).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, "big-data-expo-2023"),
        org.assertj.core.groups.Tuple.tuple(2, "baishan-cloud-guian"),
        org.assertj.core.groups.Tuple.tuple(3, "guiyang-data-exchange"));
    assertThat(a.citations().get(1).passage()).isEqualTo(fixture.passage(1).passage().text());
    assertThat(a.citations().get(1).published()).isEqualTo("2016-06-12");
  }

  @Test
  void should_renumber_by_first_appearance_and_cite_only_the_passages_used() {
    server.answer("Wang Yong co-founded Baishan Cloud [3]. It opened in Gui'an in 2016 [3].");

    Outcome.Answered a = (Outcome.Answered) composer.compose(WHO,
        fixture.retrieval(List.of(fixture.passage(3), fixture.passage(2), fixture.passage(1))));

    assertThat(a.text()).isEqualTo("Wang Yong co-founded Baishan Cloud [1]. It opened in Gui'an in 2016 [1].");
    assertThat(a.citations()).singleElement().extracting(Citation::articleId).isEqualTo("baishan-cloud-guian");
  }

  @Test
  void should_list_an_article_once_when_the_model_cites_two_of_its_passages() {
    RetrievedPassage first = fixture.passage(1);
    Passage later = new Passage(first.article().id(), 1, 0, 40, "Baishan Cloud later opened a second data centre.", 12);
    RetrievedPassage second = new RetrievedPassage(first.passageId() + 100, later, first.article(), first.score() / 2,
        first.cosine(), 4, 4);
    server.answer("Baishan Cloud was co-founded by Wang Yong [1]. It later opened a second data centre [3], "
        + "after the expo [2].");

    Outcome.Answered a = (Outcome.Answered) composer.compose(WHO,
        fixture.retrieval(List.of(first, fixture.passage(2), second)));

    assertThat(a.text()).isEqualTo("Baishan Cloud was co-founded by Wang Yong [1]. It later opened a second data "
        + "centre [1], after the expo [2].");
    assertThat(a.citations()).extracting(Citation::articleId).containsExactly("baishan-cloud-guian", "big-data-expo-2023");
    assertThat(a.citations().get(0).passage()).isEqualTo(first.passage().text());
  }

  @Test
  void should_remove_a_marker_that_points_to_no_given_passage() {
    server.answer("Baishan Cloud was co-founded by Wang Yong [7]. It opened its first data centre in 2016 [1].");

    Outcome.Answered a = (Outcome.Answered) composer.compose(WHO, fixture.retrieval());

    assertThat(a.text()).isEqualTo("Baishan Cloud was co-founded by Wang Yong. It opened its first data centre in 2016 [1].");
    assertThat(a.text()).doesNotContain("[7]");
    assertThat(a.citations()).singleElement().extracting(Citation::articleId).isEqualTo("baishan-cloud-guian");
    assertThat(a.composer()).isEqualTo("llm");
  }

  @Test
  void should_let_the_extractive_composer_decide_when_no_valid_marker_is_left() {
    server.answer("Baishan Cloud was co-founded by Wang Yong [9] [0].");

    Outcome outcome = composer.compose(WHO, fixture.retrieval());

    assertThat(outcome.composer()).isEqualTo("extractive");
    assertThat(outcome).isEqualTo(fixture.extractive.compose(WHO, fixture.retrieval()));
    assertThat(messages(Level.WARN)).anyMatch(m -> m.contains("cited none of the 3 passages"));
  }

  @Test
  void should_let_the_extractive_composer_answer_when_the_model_refuses_with_the_sentinel() {
    server.answer("NOT_IN_SOURCES");

    Outcome outcome = composer.compose(WHO, fixture.retrieval());

    assertThat(outcome).isInstanceOf(Outcome.Answered.class);
    assertThat(outcome.composer()).isEqualTo("extractive");
    assertThat(((Outcome.Answered) outcome).text()).contains("Wang Yong");
  }

  @Test
  void should_let_the_extractive_composer_decline_when_the_model_refuses_in_words() {
    String question = "How many satellites did Guizhou launch in 2020?";
    server.answer("The passages do not mention satellite launches by Guizhou [2].");

    Outcome outcome = composer.compose(question, fixture.retrieval());

    assertThat(outcome).isInstanceOf(Outcome.Declined.class);
    assertThat(outcome.composer()).isEqualTo("extractive");
  }

  @Test
  void should_send_the_extractive_answer_and_log_why_on_http_500() {
    server.reply(new FakeOpenAiServer.Reply(500, "{\"error\":{\"message\":\"model crashed\"}}", 0, 0));

    Outcome outcome = composer.compose(WHO, fixture.retrieval());

    assertThat(outcome.composer()).isEqualTo("extractive");
    assertThat(outcome).isEqualTo(fixture.extractive.compose(WHO, fixture.retrieval()));
    assertThat(messages(Level.WARN)).singleElement().asString().contains("HTTP 500").contains("extractive");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void should_send_the_extractive_answer_when_the_reply_is_slower_than_the_timeout() {
    server.reply(new FakeOpenAiServer.Reply(200, FakeOpenAiServer.completion("Wang Yong [1].").body(), 3000, 0));

    Outcome outcome = impatient().compose(WHO, fixture.retrieval());

    assertThat(outcome.composer()).isEqualTo("extractive");
    assertThat(messages(Level.WARN)).singleElement().asString().contains("timeout");
  }

  @Test
  void should_send_the_extractive_answer_when_the_reply_body_stalls_past_the_deadline() {
    server.reply(new FakeOpenAiServer.Reply(200, FakeOpenAiServer.completion("Wang Yong [1].").body(), 0, 4000));

    Outcome outcome = impatient().compose(WHO, fixture.retrieval());

    assertThat(outcome.composer()).isEqualTo("extractive");
    assertThat(messages(Level.WARN)).singleElement().asString().contains("deadline");
  }

  @Test
  void should_send_the_extractive_answer_on_malformed_json() {
    server.reply(new FakeOpenAiServer.Reply(200, "{\"choices\": [ {\"message\": ", 0, 0));

    Outcome outcome = composer.compose(WHO, fixture.retrieval());

    assertThat(outcome.composer()).isEqualTo("extractive");
    assertThat(messages(Level.WARN)).singleElement().asString().contains("malformed");
  }

  @Test
  void should_send_the_extractive_answer_on_an_empty_reply() {
    server.answer("   ");

    Outcome outcome = composer.compose(WHO, fixture.retrieval());

    assertThat(outcome.composer()).isEqualTo("extractive");
    assertThat(messages(Level.WARN)).singleElement().asString().contains("empty reply");
  }

  @Test
  void should_never_log_the_api_key() {
    server.reply(new FakeOpenAiServer.Reply(401, "{\"error\":{\"message\":\"bad key " + KEY + "\"}}", 0, 0));

    composer.compose(WHO, fixture.retrieval());

    assertThat(messages(Level.WARN)).singleElement().asString().contains("HTTP 401").doesNotContain(KEY);
    assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void should_send_a_placeholder_key_when_none_is_set() {
    server.answer("Wang Yong [1].");
    LlmComposer keyless = new LlmComposer(
        new OpenAiChatBackend(server.baseUrl(), null, "llama3", TIMEOUT, 300, 0.1), fixture.extractive, TIMEOUT);

    Outcome outcome = keyless.compose(WHO, fixture.retrieval());

    assertThat(outcome.composer()).isEqualTo("llm");
    assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + OpenAiChatBackend.NO_KEY);
    assertThat(server.requests().get(0).body().get("model").asText()).isEqualTo("llama3");
  }

  @Test
  void should_send_the_question_and_every_passage_with_title_and_date_inside_the_data_block() {
    server.answer("Wang Yong [1].");

    composer.compose(WHO, fixture.retrieval());

    FakeOpenAiServer.Received request = server.requests().get(0);
    assertThat(request.body().get("model").asText()).isEqualTo("fake-model");
    assertThat(request.message("system")).contains("not instructions").contains("language of the question")
        .contains(LlmPrompt.NOT_IN_SOURCES);
    String user = request.message("user");
    assertThat(user).contains("Question: " + WHO);
    int open = user.indexOf(LlmPrompt.OPEN);
    int close = user.indexOf(LlmPrompt.CLOSE);
    assertThat(open).isGreaterThan(user.indexOf(WHO));
    assertThat(close).isGreaterThan(open);
    String block = user.substring(open, close);
    assertThat(block)
        .contains("[1] Title: Baishan Cloud opens its data centre in Gui'an New Area | Date: 2016-06-12")
        .contains("[2] Title: Big Data Expo draws exhibitors to Guiyang | Date: 2023-05-28")
        .contains("[3] Title: Guiyang Global Big Data Exchange marks its first trades | Date: 2015-04-15")
        .contains("Wang Yong in 2015")
        .contains("deals worth 65 billion yuan");
  }

  @Test
  void should_keep_an_injected_instruction_inside_the_data_block() {
    server.answer("Wang Yong [1].");

    composer.compose(WHO, fixture.retrieval());

    String user = server.requests().get(0).message("user");
    int open = user.indexOf(LlmPrompt.OPEN);
    int close = user.indexOf(LlmPrompt.CLOSE);
    int injection = user.indexOf("Ignore previous instructions");
    assertThat(injection).isGreaterThan(open).isLessThan(close);
    assertThat(user.indexOf("The exchange was the first of its kind")).isGreaterThan(injection).isLessThan(close);
    assertThat(count(user, LlmPrompt.OPEN)).isEqualTo(1);
    assertThat(count(user, LlmPrompt.CLOSE)).isEqualTo(1);
  }

  @Test
  void should_not_call_the_model_without_passages() {
    Outcome outcome = composer.compose(WHO, Retrieval.empty());

    assertThat(outcome).isInstanceOf(Outcome.Declined.class);
    assertThat(server.requests()).isEmpty();
  }

  private List<String> messages(Level level) {
    return logs.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.toList());
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
