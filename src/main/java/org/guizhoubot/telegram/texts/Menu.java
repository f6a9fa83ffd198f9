package org.guizhoubot.telegram.texts;

import java.util.Objects;

/**
 * What a command is for, in one line of English and of Chinese, and what it takes after its name
 * ("URL", "ID"; empty for nothing), as the help writes it.
 */
public record Menu(String english, String chinese, String args) {
  public Menu {
    Objects.requireNonNull(english, "english");
    Objects.requireNonNull(chinese, "chinese");
    Objects.requireNonNull(args, "args");
  }

  public Menu(String english, String chinese) {
    this(english, chinese, "");
  }
}
