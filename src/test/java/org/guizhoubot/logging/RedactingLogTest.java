package org.guizhoubot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Logs through logback configured from the production logback.xml and reads what reached the console. */
class RedactingLogTest {
  private static final String TOKEN = "5312345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ";
  private static final String TOKEN_SECRET_PART = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ";

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldErr;
  private PrintStream oldOut;
  private LoggerContext context;

  @BeforeEach
  void captureConsole() throws JoranException {
    oldErr = System.err;
    oldOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    LoggerContext fresh = new LoggerContext();
    fresh.setMDCAdapter(new LogbackMDCAdapter());
    context = configured(fresh);
  }

  @AfterEach
  void restoreConsole() {
    context.stop();
    System.setErr(oldErr);
    System.setOut(oldOut);
  }

  private static LoggerContext configured(LoggerContext ctx) throws JoranException {
    URL config = RedactingLogTest.class.getResource("/logback.xml");
    assertThat(config).as("logback.xml on the class path").isNotNull();
    ctx.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(ctx);
    configurator.doConfigure(config);
    return ctx;
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void should_mask_a_token_in_a_message_an_argument_and_a_url() {
    Logger log = context.getLogger("org.guizhoubot.bot.Test");

    log.warn("token is " + TOKEN);
    log.warn("polling {} failed", "https://api.telegram.org/bot" + TOKEN + "/getUpdates");
    log.warn("encoded https://example.org/?t={}", TOKEN.replace(":", "%3A"));

    assertThat(stderr())
        .contains("token is " + Redactor.MASK)
        .contains("https://api.telegram.org/bot" + Redactor.MASK + "/getUpdates")
        .doesNotContain(TOKEN_SECRET_PART)
        .hasLineCount(3);
  }

  @Test
  void should_mask_a_token_in_exception_messages_causes_and_stack_traces() {
    Logger log = context.getLogger("org.guizhoubot.bot.Test");
    Exception cause = new IOException("connect to https://api.telegram.org/bot" + TOKEN + "/getMe refused");
    Exception e = new UncheckedIOException("request with " + TOKEN + " failed", (IOException) cause);

    log.error("Polling stopped", e);

    assertThat(stderr())
        .contains("Polling stopped")
        .contains("UncheckedIOException: request with " + Redactor.MASK + " failed")
        .contains("Caused by: java.io.IOException: connect to https://api.telegram.org/bot" + Redactor.MASK)
        .contains("at org.guizhoubot.logging.RedactingLogTest")
        .doesNotContain(TOKEN_SECRET_PART);
  }

  @Test
  void should_mask_a_remembered_secret_that_has_no_token_shape() {
    String apiKey = "sk-test-" + System.nanoTime();
    Redactor.remember(apiKey);
    Logger log = context.getLogger("org.guizhoubot.answer.Test");

    log.warn("LLM call with key {} timed out", apiKey);

    assertThat(stderr()).contains("LLM call with key " + Redactor.MASK + " timed out").doesNotContain(apiKey);
  }

  @Test
  void should_write_log_lines_to_stderr_only_and_filter_below_the_level() {
    Logger log = context.getLogger("org.guizhoubot.Test");

    log.warn("visible warning");
    log.debug("hidden debug line");

    assertThat(stderr()).contains("WARN").contains("visible warning").doesNotContain("hidden debug line");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void should_mask_a_token_logged_through_java_util_logging() throws JoranException {
    configured((LoggerContext) LoggerFactory.getILoggerFactory());
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    try {
      java.util.logging.Logger.getLogger("okhttp3.OkHttpClient")
          .warning("A connection to https://api.telegram.org/bot" + TOKEN + "/ was leaked");
    } finally {
      SLF4JBridgeHandler.uninstall();
    }

    assertThat(stderr()).contains("OkHttpClient").contains("/bot" + Redactor.MASK + "/ was leaked")
        .doesNotContain(TOKEN_SECRET_PART);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
