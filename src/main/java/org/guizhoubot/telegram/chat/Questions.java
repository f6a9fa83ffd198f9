package org.guizhoubot.telegram.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.guizhoubot.answer.AnswerResult;
import org.guizhoubot.answer.AnswerStream;
import org.guizhoubot.answer.Citation;
import org.guizhoubot.answer.Outcome;
import org.guizhoubot.conversation.Greetings;
import org.guizhoubot.language.Language;
import org.guizhoubot.library.Library;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.guizhoubot.telegram.transport.Target;
import org.guizhoubot.telegram.transport.BotApi;
import org.guizhoubot.telegram.transport.Incoming;
import org.guizhoubot.telegram.transport.LiveReply;
import org.guizhoubot.telegram.transport.Sender;
import org.guizhoubot.telegram.state.BotDb;
import org.guizhoubot.telegram.state.InboxStore;
import org.guizhoubot.telegram.texts.TelegramHtml;
import org.guizhoubot.telegram.texts.Texts;
import org.guizhoubot.telegram.texts.HelpTexts;
import org.guizhoubot.telegram.texts.Menu;

/**
 * Questions: rate-limited per user, answered from the library in the chat's order while "typing..."
 * shows, sent as HTML with feedback buttons, and kept in the feedback store with their outcome. A
 * greeting or a thanks gets the welcome instead, in its language.
 */
final class Questions {
  private static final Logger log = LoggerFactory.getLogger(Questions.class);
  private final Library library;
  private final BotDb feedback;
  private final Sender sender;
  private final OrderedQueues chats;
  private final RateLimiter limiter;
  private final ConversationIds conversations;

  Questions(Library library, BotDb feedback, Sender sender, OrderedQueues chats, RateLimiter limiter,
      ConversationIds conversations) {
    this.library = library;
    this.feedback = feedback;
    this.sender = sender;
    this.chats = chats;
    this.limiter = limiter;
    this.conversations = conversations;
  }

  /** The name of the command that asks a question. */
  static final String COMMAND = "ask";

  /** The {@code /ask} command (asks its text, or shows how to ask) and {@code /new} (starts a fresh conversation). */
  List<Command> commands() {
    return List.of(
        Command.forAnyone(COMMAND, new Menu("Ask a question about " + HelpTexts.TOPIC, "提问关于贵州大数据产业的问题"), r -> {
          if (r.args().isBlank()) {
            chats.submit(r.target().chatId(), () -> sender.say(r.target(), Texts.ASK_HOW));
          } else {
            ask(r.target(), r.chatType(), r.userId(), r.args(),
                ConversationIds.of(r.target().chatId(), r.chatType(), r.userId()), r.receipt());
          }
        }),
        Command.forAnyone("new", new Menu("Start a new conversation (forget the earlier questions)",
            "开始新的对话（忘记之前的问题）"), r -> {
          String conversation = ConversationIds.of(r.target().chatId(), r.chatType(), r.userId());
          chats.submit(r.target().chatId(), () -> {
            library.forget(conversation);
            sender.say(r.target(), conversations.language(conversation) == Language.CHINESE
                ? Texts.NEW_CONVERSATION_ZH : Texts.NEW_CONVERSATION);
          });
        }));
  }

  /**
   * Queues a user's question behind the chat's earlier work, unless the user is asking too fast;
   * it is read as part of {@code conversation}. The receipt is marked done once the answer is
   * ready, just before it is sent: a crash while it is being sent loses that one answer rather than
   * sending it twice. A stale receipt's question is told it was missed instead of being answered.
   */
  void ask(Target to, Incoming.ChatType chatType, long userId, String question, String conversation,
      Receipt receipt) {
    if (receipt.stale()) {
      chats.submit(to.chatId(), () -> {
        receipt.done();
        sender.say(to, Texts.MISSED_WHILE_RESTARTING);
      });
      return;
    }
    switch (limiter.acquire(userId)) {
      case LIMIT_SILENTLY -> {
        return;
      }
      case LIMIT_AND_NOTIFY -> {
        chats.submit(to.chatId(), () -> sender.say(to, Texts.TOO_FAST));
        return;
      }
      case ALLOW -> { }
    }
    Sender.Typing typing = sender.typing(to.chatId());
    chats.submit(to.chatId(), () -> {
      try {
        answer(to, chatType, question.strip(), conversation, receipt, typing);
      } finally {
        typing.stop();
      }
    });
  }

  /**
   * Answers; an answer a language model writes is shown as it grows (a draft in a private chat, a
   * message edited in place in a group; "typing..." until its first text) and then replaced by the
   * checked answer, or by the offline one with a note when the model failed on the way.
   */
  private void answer(Target to, Incoming.ChatType chatType, String question, String conversation, Receipt receipt,
      Sender.Typing typing) {
    Optional<Greetings.Greeting> greeting = Greetings.of(question);
    if (greeting.isPresent()) {
      receipt.done();
      List<Integer> sent = sender.sayHtml(to,
          TelegramHtml.escape(HelpTexts.welcome(greeting.get(), CorpusCommands.articlesOrNone(library))), List.of());
      conversations.answered(to.chatId(), sent, conversation, greeting.get().language());
      return;
    }
    LiveReply live = sender.live(to, chatType == Incoming.ChatType.PRIVATE, typing::stop);
    AtomicBoolean llmFailed = new AtomicBoolean();
    AnswerStream stream = new AnswerStream() {
      @Override
      public void shown(String text) {
        live.show(text);
      }

      @Override
      public void failed() {
        llmFailed.set(true);
      }
    };
    AnswerResult result;
    try {
      result = library.answer(question, conversation, stream);
    } catch (RuntimeException e) {
      log.error("Answering a question in chat {} failed", to.chatId(), e);
      receipt.done();
      live.finish(TelegramHtml.escape(Texts.ANSWER_FAILED), List.of());
      return;
    }
    Outcome outcome = result.outcome();
    String kind = outcome instanceof Outcome.Answered ? "answered" : "declined";
    List<BotApi.Button> buttons = List.of();
    InboxStore.Handled asked = receipt.mark();
    try {
      buttons = Feedback.buttons(feedback.answers().answered(outcome.question(), citedArticles(outcome), kind, asked));
      if (asked != null) {
        receipt.markWritten();
      }
    } catch (BotDb.BotDbException e) {
      log.error("Could not record the answer for chat {}: {}", to.chatId(), e.getMessage());
    }
    receipt.done();
    Language language = result.reading().language();
    String html = TelegramHtml.render(outcome, language);
    if (llmFailed.get()) {
      html = "<i>" + TelegramHtml.escape(language == Language.CHINESE ? Texts.LLM_UNAVAILABLE_ZH : Texts.LLM_UNAVAILABLE)
          + "</i>\n\n" + html;
    }
    List<Integer> sent = live.finish(html, buttons);
    conversations.answered(to.chatId(), sent, conversation, language);
  }

  private static List<String> citedArticles(Outcome outcome) {
    List<String> ids = new ArrayList<>();
    if (outcome instanceof Outcome.Answered a) {
      for (Citation c : a.citations()) {
        if (!ids.contains(c.articleId())) {
          ids.add(c.articleId());
        }
      }
    }
    return ids;
  }
}
