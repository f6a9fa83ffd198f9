package org.guizhoubot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.guizhoubot.App;
import org.guizhoubot.corpus.PublishedDates;
import org.guizhoubot.index.ArticleMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Lists the indexed articles, newest first: id, title, date, source. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Lists the indexed articles, newest first: date, id, title, source.")
final class ListCommand implements Callable<Integer> {
  @ParentCommand Cli cli;
  @Mixin CommonOptions common;

  @Option(names = "--json", description = "Print one JSON array of {id, title, published, source, url, passages}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    try (App app = cli.open(common)) {
      List<ArticleMeta> articles = app.library().articles();
      if (json) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode all = mapper.createArrayNode();
        for (ArticleMeta a : articles) {
          ObjectNode o = all.addObject();
          o.put("id", a.id());
          o.put("title", a.title());
          o.put("published", a.published());
          o.put("source", a.source());
          o.put("url", a.url());
          o.put("passages", a.passageCount());
        }
        cli.out.println(mapper.writeValueAsString(all));
        return Cli.OK;
      }
      for (ArticleMeta a : articles) {
        cli.out.println(String.join("  ", a.published() == null ? "----------" : PublishedDates.calendarDate(a.published()), a.id(),
            a.title() + (a.source() == null ? "" : " (" + a.source() + ")")));
      }
      cli.out.println(articles.size() + " articles");
      return Cli.OK;
    }
  }
}
