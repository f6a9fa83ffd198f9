package org.guizhoubot.telegram.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.guizhoubot.telegram.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The real client ({@link TelegramBotApi}) keeps the {@link BotApi} contract, over the Bot API emulator. */
class TelegramBotApiContractTest extends BotApiContract {
  private static final AtomicInteger TOKENS = new AtomicInteger();
  private static Emulator emulator;
  /** A token of its own for each test, so that each sees only its own calls. */
  private String token;

  @BeforeAll
  static void startEmulator() throws Exception {
    emulator = Emulator.start();
  }

  @AfterAll
  static void stopEmulator() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Override
  BotApi open() {
    token = BOT.id() + ":contract-" + TOKENS.incrementAndGet();
    return new TelegramBotApi(token, emulator.apiUrl(), Duration.ofSeconds(5));
  }

  @Override
  List<String> sentTo(long chatId) {
    return emulator.botMessages(token, chatId).stream().map(m -> m.path("text").asText()).toList();
  }

  @Override
  List<Long> typingIn() {
    return emulator.calls(token, "sendChatAction").stream().map(c -> c.path("chat_id").asLong()).toList();
  }

  @Override
  List<String> pressesAnswered() {
    return emulator.calls(token, "answerCallbackQuery").stream().map(c -> c.path("callback_query_id").asText()).toList();
  }

  @Override
  List<List<String>> menus() {
    List<List<String>> menus = new ArrayList<>();
    for (JsonNode call : emulator.calls(token, "setMyCommands")) {
      List<String> names = new ArrayList<>();
      call.path("commands").forEach(c -> names.add(c.path("command").asText()));
      menus.add(names);
    }
    return menus;
  }
}
