package org.guizhoubot.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.guizhoubot.App;
import org.guizhoubot.config.Settings;
import org.guizhoubot.config.SettingsException;
import org.guizhoubot.logging.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: parses arguments, runs one command and returns its exit code (0 ok, 1 bad
 * input, 2 internal error). Output goes to the writers given, never straight to the console.
 */
@Command(
    name = "guizhou-bot",
    mixinStandardHelpOptions = true,
    version = "guizhou-bot 0.1.0",
    description = "Answers questions about Guizhou's big data sector, citing the news articles.",
    subcommands = {
      IndexCommand.class, AddCommand.class, ListCommand.class, RemoveCommand.class, FeedCommand.class,
      SearchCommand.class, AskCommand.class, EvalCommand.class,
      BotCommand.class, HealthCommand.class, CommandLine.HelpCommand.class
    })
public final class Cli implements Runnable {
  public static final int OK = 0;
  public static final int BAD_INPUT = 1;
  public static final int INTERNAL_ERROR = 2;
  private static final Logger log = LoggerFactory.getLogger(Cli.class);

  final PrintWriter out;
  final PrintWriter err;
  final Map<String, String> env;
  final InputStream in;
  /**
   * The terminal's error stream when the program runs on one (progress bars are drawn there, and
   * answers stream); empty otherwise (progress is logged, answers print when done).
   */
  final Optional<PrintStream> terminal;
  private final Function<Settings, App> opener;

  public Cli(PrintWriter out, PrintWriter err, Map<String, String> env, InputStream in) {
    this(out, err, env, in, App::open);
  }

  /** @param opener builds the app a command runs on from its settings (tests pass one that shares a loaded model) */
  public Cli(PrintWriter out, PrintWriter err, Map<String, String> env, InputStream in, Function<Settings, App> opener) {
    this(out, err, env, in, opener, Optional.empty());
  }

  /** @param terminal the terminal's error stream for progress bars, or empty when not on a terminal */
  public Cli(PrintWriter out, PrintWriter err, Map<String, String> env, InputStream in, Function<Settings, App> opener,
      Optional<PrintStream> terminal) {
    this.out = out;
    this.err = err;
    this.env = Map.copyOf(env);
    this.in = in;
    this.opener = Objects.requireNonNull(opener, "opener");
    this.terminal = Objects.requireNonNull(terminal, "terminal");
  }

  /** Whether the program runs on a terminal (then {@code ask} prints answers as they are written). */
  boolean outputOnTerminal() {
    return terminal.isPresent();
  }

  @Override
  public void run() {
    new CommandLine(this).usage(out);
  }

  public int run(String... args) {
    CommandLine cl = new CommandLine(this);
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("Error: " + ex.getMessage());
      ex.getCommandLine().usage(err);
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof BadInputException) {
        err.println("Error: " + Redactor.redact(ex.getMessage()));
        return BAD_INPUT;
      }
      log.error("Command failed", ex);
      err.println("Internal error: " + Redactor.redact(ex.toString()));
      return INTERNAL_ERROR;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Settings for a command: its flags, then the environment, then the config file, then defaults.
   * A bad setting is the user's to fix, so it becomes a {@link BadInputException} (exit code 1).
   */
  Settings settings(CommonOptions options) {
    try {
      return options.load(env);
    } catch (SettingsException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  App open(CommonOptions options) {
    return open(settings(options));
  }

  App open(Settings settings) {
    return opener.apply(settings);
  }

  /**
   * Opens the app with its index loaded, building the index when there is none. A missing corpus
   * folder is bad input; an index without articles gets a warning on the error stream.
   */
  App openIndexed(CommonOptions options) throws java.io.IOException {
    Settings settings = settings(options);
    App app = open(settings);
    try {
      Path dir = settings.corpusDir();
      if (!java.nio.file.Files.isDirectory(dir)) {
        throw new BadInputException("corpus folder " + dir + " does not exist (use --corpus DIR)");
      }
      if (app.library().status().articles() == 0) {
        err.println("Warning: the index holds no articles. Put article files in " + dir
            + " and run `index`, or use `add FILE|URL`.");
      }
      return app;
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
  }
}
