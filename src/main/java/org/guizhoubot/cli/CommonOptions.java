package org.guizhoubot.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command takes. */
public final class CommonOptions {
  @Option(names = "--corpus", paramLabel = "DIR", description = "Folder of article files (default: corpus).")
  Path corpus;

  @Option(names = "--data", paramLabel = "DIR", description = "Folder of the index and bot data (default: data).")
  Path data;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Settings file (default: $GUIZHOU_CONFIG, else config/guizhou-bot.properties when present).")
  Path config;
}
