package org.guizhoubot.telegram.transport;

import java.util.List;
import org.guizhoubot.telegram.FakeBotApi;

/** The in-memory fake keeps the {@link BotApi} contract the real client keeps. */
class FakeBotApiContractTest extends BotApiContract {
  private FakeBotApi fake;

  @Override
  BotApi open() {
    fake = new FakeBotApi();
    return fake;
  }

  @Override
  List<String> sentTo(long chatId) {
    return fake.sent(chatId).stream().map(BotApi.Outgoing::text).toList();
  }

  @Override
  List<Long> typingIn() {
    return List.copyOf(fake.typing());
  }

  @Override
  List<String> pressesAnswered() {
    return fake.pressAnswers().stream().map(FakeBotApi.PressAnswer::callbackId).toList();
  }

  @Override
  List<List<String>> menus() {
    return fake.menus().stream().map(m -> m.commands().stream().map(BotApi.CommandInfo::command).toList()).toList();
  }
}
