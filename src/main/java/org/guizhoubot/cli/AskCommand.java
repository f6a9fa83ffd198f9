package org.guizhoubot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.guizhoubot.App;
import org.guizhoubot.answer.AnswerFormatter;
import org.guizhoubot.answer.AnswerResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "ask", mixinStandardHelpOptions = true,
    description = {"Answers a question with cited sources.",
        "With no QUESTION, reads questions from standard input, one a line.",
        "A line may be JSON: {\"conversation\": \"c1\", \"question\": \"...\"}.",
        "Questions of one conversation are read as follow-ups of the one before."})
final class AskCommand implements Callable<Integer> {
  @ParentCommand Cli cli;
  @Mixin CommonOptions common;

  @Option(names = "--json", description = "Print one JSON object per answer.")
  boolean json;

  @Parameters(paramLabel = "QUESTION", arity = "0..*", description = "The question (quote it or not).")
  List<String> words = List.of();

  @Override
  public Integer call() throws IOException {
    try (App app = cli.openIndexed(common)) {
      if (!words.isEmpty()) {
        ask(app, String.join(" ", words), null);
        return Cli.OK;
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(cli.in, StandardCharsets.UTF_8));
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        if (line.stripLeading().startsWith("{")) {
          Optional<StdinQuestion> q = StdinQuestion.parse(line, lineNo, cli.err);
          if (q.isEmpty()) {
            continue;
          }
          ask(app, q.get().question(), q.get().conversation());
        } else {
          ask(app, line, null);
        }
        if (!json) {
          cli.out.println();
        }
        cli.out.flush();
      }
      return Cli.OK;
    }
  }

  /**
   * Answers and prints; on a terminal (and without {@code --json}) an LLM's answer is printed as it
   * is written, then completed with its sources, or followed by the final answer when that differs.
   */
  private void ask(App app, String question, String conversation) {
    if (json || !cli.outputOnTerminal()) {
      AnswerResult r = conversation == null ? app.library().answer(question)
          : app.library().answer(question, conversation);
      cli.out.println(json ? AnswerJson.line(r) : AnswerFormatter.plain(r.outcome(), r.reading().language()));
      return;
    }
    TerminalStream stream = new TerminalStream(cli.out);
    AnswerResult r = app.library().answer(question, conversation, stream);
    stream.end(AnswerFormatter.plain(r.outcome(), r.reading().language()), r.reading().language());
  }
}
