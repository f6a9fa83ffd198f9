package org.guizhoubot.telegram.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.guizhoubot.telegram.BotFixtures;
import org.guizhoubot.telegram.FakeBotApi;
import org.guizhoubot.telegram.texts.TelegramHtml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A reply shown while it is written, over the in-memory Bot API. */
class LiveReplyTest {
  private static final long GROUP = -100_77L;
  private static final long USER = 77L;
  private final FakeBotApi api = new FakeBotApi();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService calls = Executors.newCachedThreadPool();
  private final Sender sender = new Sender(api, calls, ticker, calls);
  private final List<BotApi.Button> buttons = List.of(new BotApi.Button("👍", "v:1:up"));

  @AfterEach
  void stop() {
    ticker.shutdownNow();
    calls.shutdownNow();
  }

  @Test
  void should_send_a_group_message_only_once_there_is_a_sentence_then_edit_the_final_answer_into_it() {
    AtomicInteger firstShown = new AtomicInteger();
    LiveReply live = sender.live(new Target(GROUP, 5, USER), false, firstShown::incrementAndGet);

    live.show("Baishan Cloud was co-founded");
    live.show("Baishan Cloud was co-founded by Wang Yong [1].");
    assertThat(BotFixtures.await(Duration.ofSeconds(10), () -> !api.sent(GROUP).isEmpty())).isTrue();
    List<Integer> ids = live.finish("Baishan Cloud was co-founded by Wang Yong [1].\n\n<b>Sources:</b> one", buttons);

    assertThat(api.sent(GROUP)).singleElement().satisfies(m -> {
      assertThat(m.text()).isEqualTo("Baishan Cloud was co-founded by Wang Yong [1].");
      assertThat(m.replyTo()).isEqualTo(5);
    });
    assertThat(api.updates()).last().satisfies(u -> {
      assertThat(u.edit()).isTrue();
      assertThat(u.html()).endsWith("<b>Sources:</b> one");
    });
    assertThat(ids).containsExactly(api.updates().get(api.updates().size() - 1).id());
    assertThat(firstShown).hasValue(1);
  }

  @Test
  void should_split_a_long_final_answer_only_when_it_is_final_editing_in_the_first_part() {
    LiveReply live = sender.live(new Target(GROUP, 5, USER), false, () -> { });
    live.show("First sentence. More");
    assertThat(BotFixtures.await(Duration.ofSeconds(10), () -> !api.sent(GROUP).isEmpty())).isTrue();
    String longAnswer = "Word. ".repeat(1500);

    List<Integer> ids = live.finish(TelegramHtml.escape(longAnswer), buttons);

    List<String> parts = TelegramHtml.split(TelegramHtml.escape(longAnswer));
    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(ids).hasSize(parts.size());
    assertThat(api.updates()).last().satisfies(u -> assertThat(u.html()).isEqualTo(parts.get(0)));
    List<BotApi.Outgoing> sent = api.sent(GROUP);
    assertThat(sent).hasSize(parts.size());
    assertThat(sent.get(sent.size() - 1).buttons()).isEqualTo(buttons);
    assertThat(sent.subList(1, sent.size())).allSatisfy(m -> assertThat(m.replyTo()).isNull());
  }

  @Test
  void should_show_drafts_in_a_private_chat_and_send_the_final_answer_as_a_new_message() {
    LiveReply live = sender.live(new Target(USER, null, USER), true, () -> { });
    live.show("Baishan");

    assertThat(BotFixtures.await(Duration.ofSeconds(10), () -> !api.updates().isEmpty())).isTrue();
    live.finish("Baishan Cloud [1].", buttons);

    assertThat(api.updates()).allSatisfy(u -> assertThat(u.edit()).isFalse()).first()
        .satisfies(u -> assertThat(u.html()).isEqualTo("Baishan"));
    assertThat(api.sent(USER)).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("Baishan Cloud [1]."));
  }

  @Test
  void should_send_the_reply_as_usual_when_nothing_was_shown() {
    LiveReply live = sender.live(new Target(GROUP, 5, USER), false, () -> { });
    live.show("No sentence yet");

    live.finish("The offline answer.", buttons);

    assertThat(api.updates()).isEmpty();
    assertThat(api.sent(GROUP)).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("The offline answer."));
  }
}
