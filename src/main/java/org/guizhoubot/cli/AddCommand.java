package org.guizhoubot.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.guizhoubot.App;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.library.AddReport;
import org.guizhoubot.library.ArticleSource;
import org.guizhoubot.web.Urls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "add", mixinStandardHelpOptions = true,
    description = "Copies or fetches articles into the corpus folder and indexes them.")
final class AddCommand implements Callable<Integer> {
  @ParentCommand Cli cli;
  @Mixin CommonOptions common;

  @Option(names = "--jsonl", paramLabel = "FILE",
      description = "Import one article per line: id, text, optional title, source, url, published, category.")
  Path jsonl;

  @Parameters(paramLabel = "FILE|URL", arity = "0..*", description = "Article files (.md, .txt, .html) or web pages.")
  List<String> inputs = List.of();

  @Override
  public Integer call() {
    if (jsonl == null && inputs.isEmpty()) {
      throw new BadInputException("give at least one FILE or URL, or --jsonl FILE");
    }
    List<ArticleSource> sources = new ArrayList<>();
    if (jsonl != null) {
      sources.add(new ArticleSource.Jsonl(existing(jsonl.toString())));
    }
    for (String input : inputs) {
      sources.add(Urls.isWeb(input) ? new ArticleSource.Url(uri(input)) : new ArticleSource.File(existing(input)));
    }
    try (App app = cli.open(common)) {
      AddReport report = app.library().add(sources,
          System.console() != null ? new TerminalProgress(cli.err) : IndexProgress.NONE);
      for (AddReport.Added a : report.added()) {
        cli.out.println("Added " + a.id() + ": " + a.title());
      }
      for (Problem p : report.problems()) {
        cli.out.println("  skipped " + p);
      }
      report.index().ifPresent(r -> IndexCommand.printReport(cli, r));
      return report.added().isEmpty() && !report.problems().isEmpty() ? Cli.BAD_INPUT : Cli.OK;
    }
  }

  private static URI uri(String input) {
    return Urls.parse(input).orElseThrow(() -> new BadInputException("not a valid http(s) URL: " + input));
  }

  private static Path existing(String input) {
    Path p = Path.of(input);
    if (!Files.isRegularFile(p)) {
      throw new BadInputException("no such file: " + input);
    }
    return p;
  }
}
