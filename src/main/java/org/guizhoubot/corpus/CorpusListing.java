package org.guizhoubot.corpus;

import java.util.List;

/** The article files found in a corpus folder and the files skipped, each with the reason. */
public record CorpusListing(List<CorpusFile> files, List<Problem> skipped) {
  public CorpusListing {
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
  }
}
