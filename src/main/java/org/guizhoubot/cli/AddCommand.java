package org.guizhoubot.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.guizhoubot.App;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.corpus.ArticleFormatException;
import org.guizhoubot.corpus.CorpusImporter;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.index.IndexProgress;
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
  public Integer call() throws IOException {
    if (jsonl == null && inputs.isEmpty()) {
      throw new BadInputException("give at least one FILE or URL, or --jsonl FILE");
    }
    try (App app = cli.open(common)) {
      CorpusImporter importer = app.importer();
      int failed = 0;
      if (jsonl != null) {
        if (!Files.isRegularFile(jsonl)) {
          throw new BadInputException("no such file: " + jsonl);
        }
        CorpusImporter.JsonlImport result = importer.importJsonl(jsonl);
        cli.out.println("Imported " + result.imported() + " articles from " + jsonl.getFileName());
        for (Problem p : result.problems()) {
          cli.out.println("  skipped " + p);
        }
        failed += result.problems().size();
      }
      for (String input : inputs) {
        try {
          Article a = input.startsWith("http://") || input.startsWith("https://")
              ? importer.addUrl(URI.create(input))
              : importer.addFile(existing(input));
          cli.out.println("Added " + a.id() + ": " + a.title());
        } catch (ArticleFormatException | IllegalArgumentException e) {
          cli.out.println("  skipped " + e.getMessage());
          failed++;
        }
      }
      IndexCommand.printReport(cli, app.index().reindex(false,
          System.console() != null ? new TerminalProgress(cli.err) : IndexProgress.NONE));
      return failed > 0 && failed == inputs.size() && jsonl == null ? Cli.BAD_INPUT : Cli.OK;
    }
  }

  private static Path existing(String input) {
    Path p = Path.of(input);
    if (!Files.isRegularFile(p)) {
      throw new BadInputException("no such file: " + input);
    }
    return p;
  }
}
