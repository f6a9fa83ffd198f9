package org.guizhoubot.telegram.chat;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.guizhoubot.telegram.transport.BotApi;
import org.guizhoubot.telegram.transport.Incoming;
import org.guizhoubot.telegram.transport.Sender;
import org.guizhoubot.telegram.state.BotDb;
import org.guizhoubot.telegram.texts.Texts;

/** Votes: the 👍/👎 buttons under an answer, and what a press on one does. Every press is answered. */
final class Feedback {
  private static final Logger log = LoggerFactory.getLogger(Feedback.class);
  static final String UP = "fb:u:";
  static final String DOWN = "fb:d:";

  private final BotDb store;
  private final Sender sender;

  Feedback(BotDb store, Sender sender) {
    this.store = store;
    this.sender = sender;
  }

  /** The buttons for the answer kept under {@code key}. */
  static List<BotApi.Button> buttons(String key) {
    return List.of(new BotApi.Button("👍", UP + key), new BotApi.Button("👎", DOWN + key));
  }

  /** Records a vote (one per user and answer, the last one counts) and tells the user how it went. */
  void press(Incoming.Press press) {
    String notice = Texts.VOTE_FAILED;
    try {
      String data = press.data();
      boolean up = data.startsWith(UP);
      if (up || data.startsWith(DOWN)) {
        String key = data.substring(UP.length());
        notice = store.answers().vote(key, press.userId(), up).isPresent() ? Texts.VOTE_THANKS : Texts.VOTE_TOO_OLD;
      }
    } catch (RuntimeException e) {
      log.error("Recording feedback failed", e);
    } finally {
      sender.answerPress(press.callbackId(), notice);
    }
  }
}
