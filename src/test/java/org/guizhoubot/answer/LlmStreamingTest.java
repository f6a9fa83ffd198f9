package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.guizhoubot.language.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM composer streaming server-sent events from a fake OpenAI-compatible server on loopback. */
class LlmStreamingTest {
  private static final String WHO = "Who co-founded Baishan Cloud?";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final LlmFixture fixture = new LlmFixture();
  private FakeOpenAiServer server;
  private LlmComposer composer;
  private final List<String> shown = new CopyOnWriteArrayList<>();
  private final AtomicBoolean failed = new AtomicBoolean();
  private final AnswerStream stream = new AnswerStream() {
    @Override
    public void shown(String text) {
      shown.add(text);
    }

    @Override
    public void failed() {
      failed.set(true);
    }
  };

  @BeforeEach
  void start() throws Exception {
    server = new FakeOpenAiServer();
    composer = new LlmComposer(
        new OpenAiChatBackend(server.baseUrl(), null, "fake-model", TIMEOUT, 300, 0.1, true),
        fixture.extractive, TIMEOUT.plusSeconds(1));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.split("(?<= )")) {
      out.add(w);
    }
    return out;
  }

  @Test
  void should_stream_the_answer_and_end_with_the_outcome_the_unstreamed_call_gives() {
    FakeOpenAiServer.Streamed s = new FakeOpenAiServer.Streamed(words("Baishan Cloud was co-founded by Wang Yong "
        + "in 2015 [2]. It opened a data centre in Gui'an [1][9], the year after the exchange began [3]."), 20, -1);
    server.stream(s);

    Outcome streamed = composer.compose(Asked.english(WHO), fixture.retrieval(), stream);
    Outcome whole = composer.compose(Asked.english(WHO), fixture.retrieval());

    assertThat(streamed).isEqualTo(whole).isInstanceOf(Outcome.Answered.class);
    assertThat(streamed.composer()).isEqualTo("llm");
    assertThat(shown).hasSizeGreaterThanOrEqualTo(3).allSatisfy(t -> assertThat(t).doesNotContain("[9]"));
    assertThat(shown.get(shown.size() - 1)).isEqualTo(((Outcome.Answered) whole).text());
    assertThat(server.requests().get(0).body().path("stream").asBoolean()).isTrue();
    assertThat(server.requests().get(1).body().path("stream").asBoolean(false)).isFalse();
    assertThat(failed).isFalse();
  }

  @Test
  void should_show_nothing_before_the_outcome_when_streaming_is_off() {
    server.stream(new FakeOpenAiServer.Streamed(words("Baishan Cloud was co-founded by Wang Yong [1]."), 20, -1));
    LlmComposer unstreamed = new LlmComposer(
        new OpenAiChatBackend(server.baseUrl(), null, "fake-model", TIMEOUT, 300, 0.1, false),
        fixture.extractive, TIMEOUT.plusSeconds(1));

    Outcome outcome = unstreamed.compose(Asked.english(WHO), fixture.retrieval(), stream);

    assertThat(shown).isEmpty();
    assertThat(outcome.composer()).isEqualTo("llm");
    assertThat(server.requests()).singleElement()
        .satisfies(r -> assertThat(r.body().path("stream").asBoolean(false)).isFalse());
  }

  @Test
  void should_answer_offline_and_say_so_when_the_stream_drops_mid_answer() {
    server.stream(new FakeOpenAiServer.Streamed(words("Baishan Cloud was co-founded by Wang Yong in 2015 [1]. "
        + "It opened a data centre in Gui'an in 2016 [1]."), 20, 6));

    Outcome outcome = composer.compose(Asked.english(WHO), fixture.retrieval(), stream);

    assertThat(failed).isTrue();
    assertThat(shown).isNotEmpty();
    assertThat(outcome.composer()).isEqualTo("extractive");
    assertThat(outcome).isEqualTo(fixture.extractive.compose(WHO, fixture.retrieval()));
  }

  @Test
  void should_show_nothing_and_let_the_offline_composer_decide_on_the_sentinel() {
    server.stream(new FakeOpenAiServer.Streamed(List.of("NOT", "_IN", "_SOUR", "CES"), 20, -1));

    Outcome outcome = composer.compose(Asked.english(WHO), fixture.retrieval(), stream);

    assertThat(shown).isEmpty();
    assertThat(failed).isFalse();
    assertThat(outcome.composer()).isEqualTo("extractive");
  }

  @Test
  void should_stream_a_chinese_answer_to_a_chinese_question() {
    server.stream(new FakeOpenAiServer.Streamed(List.of("白山云", "由王勇", "于2015年", "联合创办", "[1]", "。"), 20, -1));
    Asked asked = new Asked("谁联合创办了白山云？", Language.CHINESE, List.of(WHO), List.of(), false);

    Outcome outcome = composer.compose(asked, fixture.retrieval(), stream);

    assertThat(server.requests().get(0).message("user")).contains("谁联合创办了白山云？");
    assertThat(shown).hasSizeGreaterThanOrEqualTo(3).last().isEqualTo("白山云由王勇于2015年联合创办[1]。");
    assertThat(outcome).isInstanceOf(Outcome.Answered.class);
    assertThat(((Outcome.Answered) outcome).text()).isEqualTo("白山云由王勇于2015年联合创办[1]。");
  }
}
