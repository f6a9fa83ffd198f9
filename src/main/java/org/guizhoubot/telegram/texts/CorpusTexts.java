package org.guizhoubot.telegram.texts;

import java.util.Locale;
import org.guizhoubot.corpus.AddOutcome;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.library.AddReport;
import org.guizhoubot.library.RemoveReport;

/** What the bot says when admins add, replace or remove articles (plain text). */
public final class CorpusTexts {
  public static final String UPLOAD_ADMINS_ONLY = "Sorry, only the bot's admins can add articles.";
  public static final String ADD_HOW = "Give the article's web address: /add https://example.com/article";

  private CorpusTexts() {}

  public static String removed(RemoveReport r) {
    if (r.removed().isEmpty()) {
      return (r.problems().size() == 1 ? "No article has the id " : "No article has these ids: ")
          + String.join(", ", r.notRemoved()) + ". Nothing was removed and the index is unchanged; /articles shows the ids.";
    }
    StringBuilder s = new StringBuilder();
    for (RemoveReport.Removed a : r.removed()) {
      s.append("Removed \"").append(a.title()).append("\" (").append(a.id()).append(").\n");
    }
    for (Problem p : r.problems()) {
      s.append("Not removed ").append(p).append(".\n");
    }
    r.index().ifPresent(i -> s.append(String.format(Locale.ROOT, "The index now holds %d articles.", i.articles())));
    return s.toString().strip();
  }

  public static final String REMOVE_HOW = "Give the article's id, as /articles shows it: /remove some-article-id";
  public static final String REPLACE_GONE = "That offer to replace has expired; add the article again.";

  /** The id of an article being added is taken by another: asks whether to replace it. */
  public static String conflict(AddOutcome.Conflict c) {
    return "Not added: the id " + c.incoming().id() + " (\"" + c.incoming().title() + "\") is already taken by "
        + c.existingFile() + " (\"" + c.existingTitle() + "\"), a different article. Replace it?";
  }

  public static String fetching(String url) {
    return "Fetching " + url + " ...";
  }

  /** The outcome of adding one article named {@code what} (a URL or a file name). */
  public static String added(String what, AddReport report) {
    if (!report.added().isEmpty()) {
      AddReport.Added a = report.added().get(0);
      return "Added \"" + a.title() + "\" (" + a.id() + "): " + a.passages() + (a.passages() == 1 ? " passage." : " passages.");
    }
    return report.problems().isEmpty() ? notAdded(what, "nothing was added") : notAdded(what, report.problems().get(0).toString());
  }

  public static String notAdded(String what, String why) {
    return "Could not add " + what + ": " + why;
  }

  public static String notAFileType(String name) {
    return "I can add .txt, .md, .html, .pdf and .docx files; " + (name.isEmpty() ? "this file" : name)
        + " is none of those.";
  }

  public static String tooLarge(String name, int maxBytes) {
    return name + " is larger than " + (maxBytes >> 20) + " MB; I can add such files up to " + (maxBytes >> 20) + " MB.";
  }
}
