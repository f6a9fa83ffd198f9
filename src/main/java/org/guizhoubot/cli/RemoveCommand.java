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

/** Deletes articles from the corpus folder and the index; exit code 1 when an id was not found. */
@Command(name = "remove", mixinStandardHelpOptions = true,
    description = "Deletes articles (by id, as shown by list) from the corpus folder and the index.")
final class RemoveCommand implements Callable<Integer> {
  @ParentCommand Cli cli;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "ID", arity = "1..*", description = "Article ids.")
  List<String> ids;

  @Override
  public Integer call() {
    try (App app = cli.open(common)) {
      RemoveReport report = app.library().remove(ids);
      for (RemoveReport.Removed r : report.removed()) {
        cli.out.println("Removed " + r.id() + ": " + r.title() + " (" + String.join(", ", r.files()) + ")");
      }
      for (Problem p : report.problems()) {
        cli.out.println("  skipped " + p);
      }
      IndexCommand.printReport(cli, report.index());
      return report.problems().isEmpty() ? Cli.OK : Cli.BAD_INPUT;
    }
  }
}
