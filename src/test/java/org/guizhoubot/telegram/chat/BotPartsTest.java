package org.guizhoubot.telegram.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.guizhoubot.telegram.transport.CappedBackOff;
import org.guizhoubot.telegram.transport.BotApi;
import org.guizhoubot.telegram.transport.TelegramBotApi;
import org.guizhoubot.telegram.transport.TelegramHttp;
import org.guizhoubot.telegram.state.BotDb;
import org.guizhoubot.telegram.state.AnswerStore;

/** The bot's small parts: back-off, rate limit, per-chat queues, command parsing, feedback store. */
class BotPartsTest {

  @Test
  void should_double_the_back_off_up_to_its_cap_and_reset() {
    CappedBackOff b = new CappedBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10));
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      waits.add(b.nextBackOffMillis());
    }
    assertThat(waits).containsExactly(1000L, 2000L, 4000L, 8000L, 10000L, 10000L, 10000L, 10000L);
    b.reset();
    assertThat(b.nextBackOffMillis()).isEqualTo(1000L);
  }

  @Test
  void should_limit_each_user_and_notify_once_per_flood() {
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(3, now::get);

    List<RateLimiter.Decision> first = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      first.add(limiter.acquire(1));
    }
    assertThat(first).containsExactly(RateLimiter.Decision.ALLOW, RateLimiter.Decision.ALLOW,
        RateLimiter.Decision.ALLOW, RateLimiter.Decision.LIMIT_AND_NOTIFY, RateLimiter.Decision.LIMIT_SILENTLY);
    assertThat(limiter.acquire(2)).isEqualTo(RateLimiter.Decision.ALLOW);
    now.addAndGet(TimeUnit.SECONDS.toNanos(20));
    assertThat(limiter.acquire(1)).isEqualTo(RateLimiter.Decision.ALLOW);
    assertThat(limiter.acquire(1)).isEqualTo(RateLimiter.Decision.LIMIT_AND_NOTIFY);
  }

  @Test
  void should_run_one_chats_tasks_in_order_and_chats_side_by_side() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      OrderedQueues queues = new OrderedQueues(pool);
      List<Integer> chatA = Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<Void> blocker = new CompletableFuture<>();
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        int n = i;
        done.add(queues.submit(1, () -> {
          if (n == 0) {
            blocker.join();
          }
          chatA.add(n);
        }));
      }
      System.out.println("[expected] an ERROR \"Task for chat 2 failed\" follows: this test's task throws on purpose");
      queues.submit(2, () -> {
        throw new IllegalStateException("a failing task");
      });
      CompletableFuture<Void> chatB = queues.submit(2, () -> blocker.complete(null));

      chatB.get(5, TimeUnit.SECONDS);
      CompletableFuture.allOf(done.toArray(CompletableFuture<?>[]::new)).get(5, TimeUnit.SECONDS);

      assertThat(chatA).isSorted().hasSize(50);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_hold_a_chats_place_for_a_task_that_waits_for_a_value() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      OrderedQueues queues = new OrderedQueues(pool);
      List<String> order = Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<String> value = new CompletableFuture<>();
      CompletableFuture<String> failed = new CompletableFuture<>();
      queues.submit(1, value, v -> order.add("first: " + v));
      queues.submit(1, failed, v -> order.add("second: " + v));
      CompletableFuture<Void> last = queues.submit(1, () -> order.add("third"));
      CompletableFuture<Void> otherChat = queues.submit(2, () -> order.add("other chat"));

      otherChat.get(5, TimeUnit.SECONDS);
      assertThat(order).containsExactly("other chat");
      failed.completeExceptionally(new IllegalStateException("no value"));
      value.complete("v");
      last.get(5, TimeUnit.SECONDS);

      assertThat(order).containsExactly("other chat", "first: v", "second: null", "third");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_parse_commands_addressed_to_this_bot_or_others() {
    assertThat(SlashCommand.parse("/ask  who? ", "MyBot")).contains(new SlashCommand("ask", "who?", false));
    assertThat(SlashCommand.parse("/Ask@mybot who?", "MyBot")).contains(new SlashCommand("ask", "who?", false));
    assertThat(SlashCommand.parse("/ask@OtherBot who?", "MyBot")).hasValueSatisfying(c -> assertThat(c.forOtherBot()).isTrue());
    assertThat(SlashCommand.parse("/ not a command", "MyBot")).isEmpty();
    assertThat(SlashCommand.parse("1/2 of it", "MyBot")).isEmpty();
    assertThat(SlashCommand.parse("/etc/passwd?", "MyBot")).isEmpty();
  }

  @Test
  void should_keep_votes_and_counters_in_sqlite_across_reopening(@TempDir Path dir) {
    Path file = dir.resolve("data/bot.db");
    String key;
    try (BotDb store = BotDb.open(file)) {
      key = store.answers().remember("Who?", List.of("a1", "a2"), "answered");
      store.answers().count("answered");
      store.answers().count("answered");
      store.answers().count("declined");
      assertThat(store.answers().vote(key, 7, true)).isPresent();
      assertThat(store.answers().vote(key, 7, false)).isPresent();
      assertThat(store.answers().vote(key, 8, true)).isPresent();
      assertThat(store.answers().vote("unknown", 7, true)).isEmpty();
      assertThat(key.length()).isLessThanOrEqualTo(64 - Feedback.UP.length());
    }
    try (BotDb store = BotDb.open(file)) {
      assertThat(store.answers().stats()).isEqualTo(new AnswerStore.Stats(2, 1, 1, 1));
      List<AnswerStore.Vote> votes = store.answers().votes();
      assertThat(votes).hasSize(2);
      assertThat(votes).allSatisfy(v -> {
        assertThat(v.question()).isEqualTo("Who?");
        assertThat(v.articleIds()).containsExactly("a1", "a2");
        assertThat(v.userHash()).matches("[0-9a-f]{24}");
      });
    }
  }

  @Test
  void should_reject_callback_data_over_64_bytes() {
    assertThatThrownBy(() -> new BotApi.Button("👍", "x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 bytes");
  }

  @Test
  void should_read_the_api_url_and_reject_bad_ones() {
    assertThat(TelegramHttp.telegramUrl("http://127.0.0.1:8081").getPort()).isEqualTo(8081);
    assertThat(TelegramHttp.telegramUrl("https://api.telegram.org").getPort()).isEqualTo(443);
    assertThatThrownBy(() -> TelegramHttp.telegramUrl("ftp://x")).hasMessageContaining("TELEGRAM_API_URL");
  }
}
