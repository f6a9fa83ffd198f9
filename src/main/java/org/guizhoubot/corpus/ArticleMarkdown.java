package org.guizhoubot.corpus;

import java.nio.charset.StandardCharsets;

/** An article written as Markdown with front matter, the form imported and fetched articles are kept in. */
final class ArticleMarkdown {
  private ArticleMarkdown() {}

  /** An article as Markdown with front matter. */
  static byte[] of(Article a) {
    StringBuilder s = new StringBuilder("---\n");
    s.append("title: ").append(FrontMatter.quote(a.title())).append('\n');
    if (a.source() != null) s.append("source: ").append(FrontMatter.quote(a.source())).append('\n');
    if (a.published() != null) s.append("published: ").append(FrontMatter.quote(a.published())).append('\n');
    if (a.url() != null) s.append("url: ").append(FrontMatter.quote(a.url())).append('\n');
    if (a.category() != null) s.append("category: ").append(FrontMatter.quote(a.category())).append('\n');
    s.append("---\n\n").append(a.body().strip()).append('\n');
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
