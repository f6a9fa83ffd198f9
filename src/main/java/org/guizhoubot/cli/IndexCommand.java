package org.guizhoubot.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.guizhoubot.App;
import org.guizhoubot.config.Settings;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.index.LogProgress;
import org.guizhoubot.index.Rebuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Brings the index up to date with the corpus folder.",
        "Only new or changed articles are embedded."})
final class IndexCommand implements Callable<Integer> {
  @ParentCommand Cli cli;
  @Mixin CommonOptions common;

  @Option(names = "--full", description = "Embed every article again, from scratch.")
  boolean full;

  @Override
  public Integer call() throws IOException {
    Settings settings = cli.settings(common);
    try (App app = cli.open(settings)) {
      if (!java.nio.file.Files.isDirectory(settings.corpusDir())) {
        throw new BadInputException("corpus folder " + settings.corpusDir() + " does not exist");
      }
      IndexReport report = app.library().reindex(full, progress(cli));
      printReport(cli, report);
      return Cli.OK;
    }
  }

  /** Progress shown while indexing: a bar on a terminal, else a log line every 10 s. */
  static IndexProgress progress(Cli cli) {
    return new InterruptNotice(cli.terminal.<IndexProgress>map(TerminalProgress::new).orElseGet(LogProgress::every10s),
        cli.err);
  }

  static void printReport(Cli cli, IndexReport report) {
    if (report.rebuildReason() != null && !(report.rebuildReason() instanceof Rebuild.Requested)) {
      cli.out.println("Built the index from scratch: " + report.rebuildReason().describe());
    }
    cli.out.println("Indexed " + report.summary());
    for (Problem p : report.problems()) {
      cli.out.println("  skipped " + p);
    }
  }
}
