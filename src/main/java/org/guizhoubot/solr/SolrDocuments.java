package org.guizhoubot.solr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.apache.solr.common.SolrInputDocument;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexChange;
import org.guizhoubot.index.Passage;
import org.guizhoubot.text.QueryTerms;

/** The documents of a collection: one per passage, carrying its article's metadata, and the index description. */
final class SolrDocuments {
  private SolrDocuments() {}

  /** The document describing the index: schema version, model and dimension. */
  static SolrInputDocument description(String model, int dimension) {
    SolrInputDocument meta = new SolrInputDocument();
    meta.addField("id", SolrIndex.META_ID);
    meta.addField("kind", "meta");
    meta.addField("schema_version", String.valueOf(SolrIndex.SCHEMA_VERSION));
    meta.addField("model", model);
    meta.addField("dimension", dimension);
    return meta;
  }

  static String docId(String articleId, int ordinal) {
    return articleId + "#" + ordinal;
  }

  static SolrInputDocument passage(IndexChange.Upsert u, Passage p, float[] vector) {
    ArticleMeta m = u.meta();
    SolrInputDocument d = new SolrInputDocument();
    String id = docId(m.id(), p.ordinal());
    d.addField("id", id);
    d.addField("kind", "passage");
    d.addField("pid", UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits()
        & Long.MAX_VALUE);
    d.addField("article_id", m.id());
    d.addField("ordinal", p.ordinal());
    d.addField("start_char", p.start());
    d.addField("end_char", p.end());
    d.addField("word_pieces", p.wordPieces());
    d.addField("text", p.text());
    d.addField("stems", String.join(" ", new LinkedHashSet<>(
        QueryTerms.tokens(p.text()).stream().map(QueryTerms::stem).toList())));
    List<Float> v = new ArrayList<>(vector.length);
    for (float f : vector) {
      v.add(f);
    }
    d.addField("vector", v);
    d.addField("title", m.title());
    putIfSet(d, "source", m.source());
    putIfSet(d, "published", m.published());
    putIfSet(d, "url", m.url());
    putIfSet(d, "category", m.category());
    d.addField("content_hash", m.contentHash());
    d.addField("file", u.fileName());
    d.addField("passages", u.passages().size());
    return d;
  }

  private static void putIfSet(SolrInputDocument d, String field, String value) {
    if (value != null) {
      d.addField(field, value);
    }
  }
}
