package org.guizhoubot.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.guizhoubot.App;
import org.guizhoubot.retrieval.RetrievedPassage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Prints the passages retrieved for a question, with their scores.")
final class SearchCommand implements Callable<Integer> {
  @ParentCommand Cli cli;
  @Mixin CommonOptions common;

  @Option(names = {"-k", "--top"}, defaultValue = "5", description = "How many passages (default: ${DEFAULT-VALUE}).")
  int k;

  @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "The question.")
  List<String> words;

  @Override
  public Integer call() throws java.io.IOException {
    if (k < 1 || k > 100) {
      throw new BadInputException("--top must be between 1 and 100, was " + k);
    }
    try (App app = cli.openIndexed(common)) {
      List<RetrievedPassage> hits = app.library().search(String.join(" ", words), k);
      if (hits.isEmpty()) {
        cli.out.println("No passages found (is the corpus empty?)");
      }
      int i = 1;
      for (RetrievedPassage h : hits) {
        cli.out.printf(Locale.ROOT, "%d. %s #%d  score %.4f  cosine %.3f  vector rank %s  bm25 rank %s%n",
            i++, h.article().id(), h.passage().ordinal(), h.score(), h.cosine(),
            h.vectorRank() == 0 ? "-" : h.vectorRank(), h.bm25Rank() == 0 ? "-" : h.bm25Rank());
        cli.out.println("   " + h.article().title());
        cli.out.println("   " + h.passage().text().replace('\n', ' '));
      }
      return Cli.OK;
    }
  }
}
