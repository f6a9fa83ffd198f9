package org.guizhoubot.corpus;

import java.util.Objects;
import java.util.Optional;

/** What adding one article did: added, replaced, found unchanged, refused as a clash, or failed. */
public sealed interface AddOutcome {
  /** One line for an admin: what happened to which input. */
  String describe();

  /** True when the corpus now holds the article (added, replaced or already there). */
  default boolean stored() {
    return storedArticle().isPresent();
  }

  /** The article the corpus now holds, when it holds it. */
  default Optional<Article> storedArticle() {
    if (this instanceof Added a) {
      return Optional.of(a.article());
    }
    if (this instanceof Replaced r) {
      return Optional.of(r.article());
    }
    if (this instanceof Unchanged u) {
      return Optional.of(u.article());
    }
    return Optional.empty();
  }

  /** Why the article was not stored (a clash or a failure), to report by name; empty when it was stored. */
  default Optional<Problem> skipped() {
    if (this instanceof Conflict c) {
      return Optional.of(c.problem());
    }
    if (this instanceof Failed f) {
      return Optional.of(f.problem());
    }
    return Optional.empty();
  }

  /** A new article was written to {@code file}. */
  record Added(Article article, String file) implements AddOutcome {
    public Added {
      Objects.requireNonNull(article, "article");
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String describe() {
      return "Added " + article.id() + ": " + article.title();
    }
  }

  /** An existing article was replaced (asked for, or the same web page fetched again). */
  record Replaced(Article article, String file, String previousFile) implements AddOutcome {
    public Replaced {
      Objects.requireNonNull(article, "article");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(previousFile, "previousFile");
    }

    @Override
    public String describe() {
      return "Replaced " + article.id() + " (" + previousFile + "): " + article.title();
    }
  }

  /** The corpus already holds exactly this article; nothing was written. */
  record Unchanged(Article article, String file) implements AddOutcome {
    public Unchanged {
      Objects.requireNonNull(article, "article");
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String describe() {
      return "Unchanged " + article.id() + " (already in " + file + ")";
    }
  }

  /** The id is taken by a different article; nothing was written. */
  record Conflict(String input, Article incoming, String existingFile, String existingTitle) implements AddOutcome {
    public Conflict {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(incoming, "incoming");
      Objects.requireNonNull(existingFile, "existingFile");
      Objects.requireNonNull(existingTitle, "existingTitle");
    }

    public Problem problem() {
      return new Problem(input, "id '" + incoming.id() + "' (\"" + incoming.title() + "\") is already taken by "
          + existingFile + " (\"" + existingTitle + "\"), a different article; skipped (--replace replaces it)");
    }

    @Override
    public String describe() {
      return "skipped " + problem();
    }
  }

  /** The input could not be read, fetched or written; nothing was written. */
  record Failed(Problem problem) implements AddOutcome {
    public Failed {
      Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String describe() {
      return "skipped " + problem;
    }
  }
}
