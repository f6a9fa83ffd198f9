package org.guizhoubot.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.guizhoubot.App;
import org.guizhoubot.corpus.AddOutcome;
import org.guizhoubot.corpus.CorpusImporter;
import org.guizhoubot.corpus.Problem;
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

  @Option(names = "--replace",
      description = "Replace an article whose id is taken by a different one (without it such articles are skipped).")
  boolean replace;

  @Parameters(paramLabel = "FILE|URL", arity = "0..*",
      description = "Article files (.md, .txt, .html, .pdf, .docx) or web pages (http:// or https://).")
  List<String> inputs = List.of();

  @Override
  public Integer call() throws IOException {
    if (jsonl == null && inputs.isEmpty()) {
      throw new BadInputException("give at least one FILE or URL, or --jsonl FILE");
    }
    try (App app = cli.open(common)) {
      CorpusImporter importer = app.importer();
      int skipped = 0;
      if (jsonl != null) {
        if (!Files.isRegularFile(jsonl)) {
          throw new BadInputException("no such file: " + jsonl);
        }
        CorpusImporter.JsonlImport result = importer.importJsonl(jsonl, replace);
        cli.out.printf(Locale.ROOT, "Imported %d articles from %s (%d new, %d replaced, %d unchanged)%s%n",
            result.articles(), jsonl.getFileName(), result.added(), result.replaced(), result.unchanged(),
            result.problems().isEmpty() ? "" : "; " + result.problems().size() + " lines skipped:");
        for (Problem p : result.problems()) {
          cli.out.println("  skipped " + p);
        }
        skipped += result.problems().size();
      }
      for (String input : inputs) {
        AddOutcome outcome = add(importer, input);
        cli.out.println(outcome.stored() ? outcome.describe() : "  " + outcome.describe());
        if (!outcome.stored()) {
          skipped++;
        }
      }
      IndexCommand.printReport(cli, app.index().reindex(false, IndexCommand.progress(cli)));
      return skipped > 0 ? Cli.BAD_INPUT : Cli.OK;
    }
  }

  private AddOutcome add(CorpusImporter importer, String input) {
    if (input.contains("://")) {
      try {
        return importer.addUrl(new URI(input.strip()), replace);
      } catch (URISyntaxException e) {
        return new AddOutcome.Failed(new Problem(input, "is not a valid web address (" + e.getReason() + ")"));
      }
    }
    Path file = Path.of(input);
    return Files.isRegularFile(file) ? importer.addFile(file, replace)
        : new AddOutcome.Failed(new Problem(input, "no such file"));
  }
}
