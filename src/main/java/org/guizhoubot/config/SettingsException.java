package org.guizhoubot.config;

/**
 * A setting that cannot be used: an unknown key, a bad value, a secret in a file, or a config file
 * that cannot be read. The message names the key (or file) and where the value came from.
 */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public SettingsException(String key, String message) {
    super(message);
    this.key = key;
  }

  public SettingsException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** The setting's key in the config file (or the file's path when the file itself is the problem). */
  public String key() {
    return key;
  }
}
