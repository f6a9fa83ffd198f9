package org.guizhoubot.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.guizhoubot.App;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.library.AddReport;
import org.guizhoubot.library.ArticleSource;
import org.guizhoubot.web.Urls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Adds files, web pages and JSON Lines imports; exit code 1 when anything was skipped. */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = {"Copies or fetches articles into the corpus folder and indexes them.",
        "An id already taken by a different article is skipped (exit code 1);",
        "--replace replaces that article instead."})
final class AddCommand implements Callable<Integer> {
  @ParentCommand Cli cli;
  @Mixin CommonOptions common;

  @Option(names = "--jsonl", paramLabel = "FILE",
      description = "Import one article per line: id, text, optional title, source, url, published, category.")
  Path jsonl;

  @Option(names = "--replace",
      description = "Replace an article whose id is taken by a different one (without it, such articles are skipped).")
  boolean replace;

  @Parameters(paramLabel = "FILE|URL", arity = "0..*",
      description = "Article files (.md, .txt, .html, .pdf, .docx) or web pages (http:// or https://).")
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
      AddReport report = app.library().add(sources, replace, IndexCommand.progress(cli));
      for (AddReport.Added a : report.added()) {
        if (report.added().size() <= 20 || a.change() == AddReport.Change.REPLACED) {
          cli.out.println(switch (a.change()) {
            case NEW -> "Added ";
            case REPLACED -> "Replaced ";
            case UNCHANGED -> "Unchanged ";
          } + a.id() + ": " + a.title());
        }
      }
      if (jsonl != null || report.added().size() > 1) {
        cli.out.printf(Locale.ROOT, "%d articles: %d new, %d replaced, %d unchanged; %d skipped%n",
            report.added().size(), report.count(AddReport.Change.NEW), report.count(AddReport.Change.REPLACED),
            report.count(AddReport.Change.UNCHANGED), report.problems().size());
      }
      for (Problem p : report.problems()) {
        cli.out.println("  skipped " + p);
      }
      report.index().ifPresent(r -> IndexCommand.printReport(cli, r));
      return report.problems().isEmpty() ? Cli.OK : Cli.BAD_INPUT;
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
