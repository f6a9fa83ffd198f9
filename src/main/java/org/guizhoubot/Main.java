package org.guizhoubot;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.guizhoubot.cli.Cli;

/** Entry point of {@code guizhou-bot.jar}; the only place that exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = new Cli(out, err, System.getenv(), System.in).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
