package org.guizhoubot.cli;

import java.io.PrintWriter;
import java.util.Objects;
import org.guizhoubot.answer.AnswerStream;
import org.guizhoubot.language.Language;

/**
 * Prints an answer to a terminal as it is written, each new piece as it comes, then ends it with
 * the final answer: only what the final adds (the sources) when it extends what was printed, else
 * the whole final answer on a fresh line, under a note when the language model failed.
 */
final class TerminalStream implements AnswerStream {
  static final String LLM_UNAVAILABLE = "(The language model was unavailable; this is the offline answer.)";
  static final String LLM_UNAVAILABLE_ZH = "（语言模型暂时不可用，以下是离线答案。）";

  private final PrintWriter out;
  private String printed = "";
  private boolean failed;

  TerminalStream(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public synchronized void shown(String text) {
    if (text.startsWith(printed) && text.length() > printed.length()) {
      out.print(text.substring(printed.length()));
      out.flush();
      printed = text;
    }
  }

  @Override
  public synchronized void failed() {
    failed = true;
  }

  /** Prints the rest of the answer: {@code answer} is the final one, as it is printed without streaming. */
  synchronized void end(String answer, Language language) {
    if (failed) {
      if (!printed.isEmpty()) {
        out.println();
        out.println();
      }
      out.println(language == Language.CHINESE ? LLM_UNAVAILABLE_ZH : LLM_UNAVAILABLE);
      out.println(answer);
    } else if (printed.isEmpty()) {
      out.println(answer);
    } else if (answer.startsWith(printed)) {
      out.println(answer.substring(printed.length()));
    } else {
      out.println();
      out.println();
      out.println(answer);
    }
    out.flush();
  }
}
