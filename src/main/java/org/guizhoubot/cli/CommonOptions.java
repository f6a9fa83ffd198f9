package org.guizhoubot.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.guizhoubot.config.Settings;
import org.guizhoubot.config.SettingKeys;
import org.guizhoubot.config.SettingsException;
import org.guizhoubot.config.SettingsLoader;
import picocli.CommandLine.Option;

/** The options every command (and every benchmark) takes. */
public final class CommonOptions {
  @Option(names = "--corpus", paramLabel = "DIR", description = "Folder of article files (default: corpus).")
  Path corpus;

  @Option(names = "--data", paramLabel = "DIR", description = "Folder of the index and bot data (default: data).")
  Path data;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Settings file (default: $GUIZHOU_CONFIG, else config/guizhou-bot.properties when present).")
  Path config;

  /**
   * Settings as the product resolves them: these flags, then {@code env}, then the config file,
   * then defaults; throws when a setting is bad.
   */
  public Settings load(Map<String, String> env) throws SettingsException {
    Map<String, String> flags = new LinkedHashMap<>();
    if (corpus != null) {
      flags.put(SettingKeys.CORPUS_DIR.name(), corpus.toString());
    }
    if (data != null) {
      flags.put(SettingKeys.DATA_DIR.name(), data.toString());
    }
    return new SettingsLoader(env, Path.of("")).load(config, flags);
  }
}
