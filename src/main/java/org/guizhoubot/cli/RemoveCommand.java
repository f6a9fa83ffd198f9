package org.guizhoubot.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.guizhoubot.App;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.library.RemoveReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Deletes articles from the corpus folder and the index; exit code 1 when an id was not found.
 * When none was found, nothing is touched and no reindex runs.
 */
@Command(name = "remove", mixinStandardHelpOptions = true,
    description = {"Deletes articles from the corpus and the index.", "Give the ids `list` shows."})
final class RemoveCommand implements Callable<Integer> {
  @ParentCommand Cli cli;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "ID", arity = "1..*", description = "Article ids.")
  List<String> ids;

  @Override
  public Integer call() {
    try (App app = cli.open(common)) {
      RemoveReport report = app.library().remove(ids);
      if (report.removed().isEmpty()) {
        cli.out.println(nothingRemoved(report));
        return Cli.BAD_INPUT;
      }
      for (RemoveReport.Removed r : report.removed()) {
        cli.out.println("Removed " + r.id() + ": " + r.title() + " (" + String.join(", ", r.files()) + ")");
      }
      for (Problem p : report.problems()) {
        cli.out.println("  skipped " + p);
      }
      report.index().ifPresent(r -> IndexCommand.printReport(cli, r));
      return report.problems().isEmpty() ? Cli.OK : Cli.BAD_INPUT;
    }
  }

  /** No id named an article: says which, and that the corpus and the index were left as they were. */
  static String nothingRemoved(RemoveReport report) {
    StringBuilder s = new StringBuilder("Nothing removed, and the index is unchanged: ");
    s.append(report.problems().size() == 1 ? "no article has the id " : "no article has these ids: ");
    s.append(String.join(", ", report.notRemoved())).append(" (see `list` for the ids).");
    for (Problem p : report.problems()) {
      s.append("\n  ").append(p);
    }
    return s.toString();
  }
}
