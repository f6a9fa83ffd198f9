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
        print(app.library().answer(String.join(" ", words)));
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
        AnswerResult r;
        if (line.stripLeading().startsWith("{")) {
          Optional<StdinQuestion> q = StdinQuestion.parse(line, lineNo, cli.err);
          if (q.isEmpty()) {
            continue;
          }
          r = q.get().conversation() == null ? app.library().answer(q.get().question())
              : app.library().answer(q.get().question(), q.get().conversation());
        } else {
          r = app.library().answer(line);
        }
        print(r);
        if (!json) {
          cli.out.println();
        }
        cli.out.flush();
      }
      return Cli.OK;
    }
  }

  private void print(AnswerResult r) {
    cli.out.println(json ? AnswerJson.line(r) : AnswerFormatter.plain(r.outcome(), r.reading().language()));
  }
}
