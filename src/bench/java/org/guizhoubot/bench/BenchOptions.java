package org.guizhoubot.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The folders and config file a benchmark runs on, with the product's option names. */
public final class BenchOptions {
  @Option(names = "--corpus", paramLabel = "DIR", description = "Folder of article files (default: corpus).")
  Path corpus;

  @Option(names = "--data", paramLabel = "DIR", description = "Folder of the index (default: data).")
  Path data;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Settings file (default: $GUIZHOU_CONFIG, else config/guizhou-bot.properties when present).")
  Path config;
}
