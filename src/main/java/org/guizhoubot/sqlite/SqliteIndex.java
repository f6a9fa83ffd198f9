package org.guizhoubot.sqlite;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.retrieval.IndexView;
import org.guizhoubot.retrieval.IndexViews;
import org.guizhoubot.library.ServingIndex;

/** The embedded index: snapshots of the SQLite file, swapped after each reindex. */
public final class SqliteIndex implements ServingIndex {
  private final LiveIndex live;
  private final IndexViews views;

  public SqliteIndex(LiveIndex live) {
    this.live = Objects.requireNonNull(live, "live");
    this.views = SnapshotView.over(live);
  }

  @Override
  public IndexView current() {
    return views.current();
  }

  @Override
  public IndexReport reindex(boolean full, IndexProgress progress) throws IOException {
    return live.reindex(full, progress);
  }

  @Override
  public Optional<IndexReport> tryReindex(boolean full, IndexProgress progress) throws IOException {
    return live.tryReindex(full, progress);
  }

  @Override
  public void refreshIfChanged() {
    live.refreshIfChanged();
  }

  @Override
  public boolean isReindexing() {
    return live.isReindexing();
  }

  @Override
  public long sizeBytes() {
    return live.store().sizeBytes();
  }
}
