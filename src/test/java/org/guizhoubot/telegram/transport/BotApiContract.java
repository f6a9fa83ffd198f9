package org.guizhoubot.telegram.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BotApi} does, whatever is behind it: run against the real client over the Bot
 * API emulator ({@link TelegramBotApiContractTest}) and the in-memory fake ({@link FakeBotApiContractTest}).
 */
abstract class BotApiContract {
  static final BotApi.Identity BOT = new BotApi.Identity(7001, "GuizhouTestBot");
  private static final long CHAT = 4242;

  BotApi api;

  /** A fresh API (and what it talks to) for one test. */
  abstract BotApi open() throws Exception;

  /** The texts sent to a chat so far, oldest first, as sent. */
  abstract List<String> sentTo(long chatId);

  /** The chats told "typing...", in order. */
  abstract List<Long> typingIn();

  /** The ids of the button presses answered, in order. */
  abstract List<String> pressesAnswered();

  /** The command names of each menu set, in order. */
  abstract List<List<String>> menus();

  @BeforeEach
  void openApi() throws Exception {
    api = open();
  }

  @AfterEach
  void closeApi() {
    api.close();
  }

  @Test
  void should_say_who_the_bot_is() throws Exception {
    assertThat(api.getMe()).isEqualTo(BOT);
  }

  @Test
  void should_send_messages_to_their_chat_in_order_each_with_its_own_id() throws Exception {
    int first = api.send(BotApi.Outgoing.plain(CHAT, "first & plain"));
    int second = api.send(BotApi.Outgoing.html(CHAT, "<b>second</b>").replyingTo(first)
        .withButtons(List.of(new BotApi.Button("👍", "fb:u:k"), new BotApi.Button("👎", "fb:d:k"))));

    assertThat(first).isPositive();
    assertThat(second).isPositive().isNotEqualTo(first);
    assertThat(sentTo(CHAT)).containsExactly("first & plain", "<b>second</b>");
    assertThat(sentTo(CHAT + 1)).isEmpty();
  }

  @Test
  void should_show_typing_answer_a_press_and_set_the_command_menu() throws Exception {
    api.typing(CHAT);
    api.answerCallback("cb-1", "Thanks for the feedback!");
    api.setCommands(List.of(new BotApi.CommandInfo("ask", "Ask a question"), new BotApi.CommandInfo("help", "Help")));

    assertThat(typingIn()).containsExactly(CHAT);
    assertThat(pressesAnswered()).containsExactly("cb-1");
    assertThat(menus()).containsExactly(List.of("ask", "help"));
  }
}
