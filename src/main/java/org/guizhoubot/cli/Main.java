package org.guizhoubot.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.guizhoubot.App;
import org.guizhoubot.index.OnnxNativeCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Entry point of {@code guizhou-bot.jar}; the only place that exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // java.util.logging (OkHttp) and uncaught exceptions go through logback, so they are redacted too
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Logger log = LoggerFactory.getLogger(Main.class);
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> log.error("Uncaught exception in thread {}", thread.getName(), e));
    OnnxNativeCache.install(System.getenv());
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    // a progress bar only on a terminal; elsewhere (a container, a pipe) progress is logged
    Optional<PrintStream> terminal = System.console() != null ? Optional.of(System.err) : Optional.empty();
    int code = new Cli(out, err, System.getenv(), System.in, App::open, terminal).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
