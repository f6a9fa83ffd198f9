package org.guizhoubot.telegram.transport;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.guizhoubot.telegram.texts.TelegramHtml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Edits the group message a reply was written in into the final reply's first part: the pace and
 * up to {@link TelegramBotApi#MAX_RETRIES} 429s waited out, as plain text if Telegram rejects the HTML.
 */
final class FinalEdit {
  private static final Logger log = LoggerFactory.getLogger(FinalEdit.class);

  private FinalEdit() {}

  /** Whether message {@code id} now shows {@code html} (false: the caller sends the reply anew). */
  static boolean edit(BotApi api, Target to, ReplyPace pace, int id, String html, List<BotApi.Button> buttons) {
    String text = html;
    for (int attempt = 1; ; attempt++) {
      long wait = pace.waitNanos();
      if (wait > 0 && !sleep(wait)) {
        return false;
      }
      try {
        api.edit(to.chatId(), id, text, buttons);
        pace.finished();
        return true;
      } catch (BotApiException e) {
        if (e.retryAfter() != null && attempt <= TelegramBotApi.MAX_RETRIES) {
          int seconds = ReplyPace.retrySeconds(e.retryAfter());
          log.warn("Telegram asked to slow down editing in chat {}: waiting {} s (attempt {})", to.chatId(), seconds,
              attempt);
          pace.retryAfter(seconds);
        } else if (e.isParseError() && text.equals(html)) {
          log.warn("Telegram rejected the HTML of the edit in chat {}, editing as plain text: {}", to.chatId(),
              e.getMessage());
          text = TelegramHtml.escape(TelegramHtml.toPlain(html));
        } else {
          log.warn("Could not replace the reply being written in chat {}, sending it anew: {}", to.chatId(),
              e.getMessage());
          return false;
        }
      }
    }
  }

  private static boolean sleep(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
