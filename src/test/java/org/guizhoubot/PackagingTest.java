package org.guizhoubot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.guizhoubot.cli.Cli;
import org.guizhoubot.config.SettingKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import picocli.CommandLine;

/**
 * Keeps README.md, the Dockerfile and the wrapper in step with the build: the jar the pom makes,
 * the commands the CLI has, the settings the loader knows.
 */
class PackagingTest {
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```\\s*$");
  private static final Pattern RUN = Pattern.compile(
      "\\./mvnw -B -q package -DskipTests && java -jar (\\S+) (\\w+) \"[^\"]+\\?\"");
  private static final String TEST = "./mvnw -B verify";
  /** A command named after the jar or the image: {@code guizhou-bot.jar ask}, {@code guizhou-bot ask}. */
  private static final Pattern INVOCATION = Pattern.compile("(?<![\\w./-])guizhou-bot(?:\\.jar)? ([a-z][a-z-]*)\\b");

  private static String readme;
  private record Fence(String lang, String body, int start, int end) {}

  private static List<Fence> fences;
  private static String finalName;
  private static String javaRelease;
  private static Set<String> cliCommands;

  @BeforeAll
  static void read() throws Exception {
    readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    fences = new ArrayList<>();
    Matcher m = FENCE.matcher(readme);
    while (m.find()) {
      fences.add(new Fence(m.group(1), m.group(2).strip(), m.start(), m.end()));
    }
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    finalName = pom.getElementsByTagName("finalName").item(0).getTextContent().strip();
    javaRelease = pom.getElementsByTagName("maven.compiler.release").item(0).getTextContent().strip();
    Cli cli = new Cli(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(),
        new ByteArrayInputStream(new byte[0]));
    cliCommands = new CommandLine(cli).getSubcommands().keySet();
  }

  private static String jar() {
    return "target/" + finalName + ".jar";
  }

  @Test
  void should_open_the_readme_with_the_run_command_then_the_test_command() {
    Fence first = fences.get(0);
    Fence second = fences.get(1);
    String beforeFirst = readme.substring(0, first.start());

    assertThat(beforeFirst.lines().filter(l -> !l.isBlank()).toList())
        .as("the title, then one line saying what the command does")
        .hasSize(2)
        .first().asString().startsWith("# ");
    assertThat(first.lang()).isEqualTo("bash");
    assertThat(first.body()).doesNotContain("\n").matches(RUN);
    assertThat(second.lang()).isEqualTo("bash");
    assertThat(second.body()).isEqualTo(TEST);
    String between = readme.substring(first.end(), second.start());
    assertThat(between.lines().filter(l -> !l.isBlank()).toList())
        .as("one line saying what the test command does").hasSize(1);
  }

  @Test
  void should_run_the_jar_the_pom_builds() {
    Matcher m = RUN.matcher(fences.get(0).body());
    assertThat(m.matches()).isTrue();

    assertThat(m.group(1)).isEqualTo(jar());
    assertThat(cliCommands).contains(m.group(2));
  }

  @Test
  void should_name_only_commands_the_cli_has() {
    Set<String> named = new LinkedHashSet<>();
    for (Fence fence : fences) {
      Matcher m = INVOCATION.matcher(fence.body());
      while (m.find()) {
        named.add(m.group(1));
      }
      assertThat(fence.body()).as("every jar path in the README's commands")
          .doesNotContainPattern("target/(?!" + Pattern.quote(finalName) + "\\.jar)[\\w.-]+\\.jar");
    }
    named.addAll(commandTable());

    assertThat(named).contains("ask", "bot");
    assertThat(cliCommands).as("the CLI's subcommands").containsAll(named);
  }

  @Test
  void should_describe_every_command_the_cli_has() {
    Set<String> documented = commandTable();

    for (String command : cliCommands) {
      if (!command.equals("help")) {
        assertThat(documented).as("README's Commands table describes `%s`", command).contains(command);
      }
    }
  }

  /** The first word of each row of the table under "## Commands". */
  private static Set<String> commandTable() {
    int start = readme.indexOf("\n## Commands\n");
    assertThat(start).as("a Commands section").isPositive();
    int end = readme.indexOf("\n## ", start + 5);
    Set<String> out = new LinkedHashSet<>();
    Matcher m = Pattern.compile("(?m)^\\| `([a-z][a-z-]*)[ `]").matcher(readme.substring(start, end));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void should_document_every_setting_with_its_environment_variable_and_default() {
    for (SettingKeys.Key key : SettingKeys.KEYS) {
      String row = readme.lines().filter(l -> l.startsWith("| `" + key.name() + "` |")).findFirst().orElse("");
      assertThat(row).as("README's configuration row for %s", key.name())
          .contains("`" + key.env() + "`")
          .contains(key.defaultValue() == null || key.defaultValue().isEmpty() ? "(none" : "`" + key.defaultValue() + "`");
    }
    assertThat(readme).contains("`TELEGRAM_BOT_TOKEN`", "`LLM_API_KEY`", "`GUIZHOU_CONFIG`", "`LOG_LEVEL`");
  }

  @Test
  void should_let_ci_run_the_readme_test_command_word_for_word() throws IOException {
    Path ci = Path.of(".ci", "run");
    assertThat(ci).exists();

    assertThat(Files.readAllLines(ci).stream().map(String::strip)).contains(TEST);
  }

  @Test
  void should_ship_an_executable_maven_wrapper_with_a_checked_download() throws IOException {
    assertThat(Path.of("mvnw")).isRegularFile().isExecutable();
    assertThat(Path.of("mvnw.cmd")).isRegularFile();
    String props = Files.readString(Path.of(".mvn", "wrapper", "maven-wrapper.properties"));

    assertThat(props).containsPattern("(?m)^distributionUrl=https://repo\\.maven\\.apache\\.org/\\S+-bin\\.zip$")
        .containsPattern("(?m)^distributionSha256Sum=[0-9a-f]{64}$");
  }

  @Test
  void should_build_and_run_the_same_jar_in_the_dockerfile() throws IOException {
    String docker = Files.readString(Path.of("Dockerfile"), StandardCharsets.UTF_8);
    List<String> from = docker.lines().filter(l -> l.startsWith("FROM ")).toList();

    assertThat(from).hasSize(2);
    assertThat(from.get(0)).startsWith("FROM maven:").contains("-temurin-" + javaRelease).endsWith(" AS build");
    assertThat(from.get(1)).isEqualTo("FROM eclipse-temurin:" + javaRelease + "-jre");
    assertThat(docker).doesNotContainIgnoringCase("alpine:").doesNotContain("-alpine");
    assertThat(docker).contains("COPY --from=build /build/" + jar() + " /app/" + finalName + ".jar");
    assertThat(docker).containsPattern("(?m)^ENTRYPOINT \\[\"java\", .*\"-jar\", \"/app/" + Pattern.quote(finalName) + "\\.jar\"\\]$");
    assertThat(docker).containsPattern("(?m)^USER (?!root)\\w+$");
    assertThat(docker).contains("VOLUME [\"/app/corpus\", \"/app/data\"]");
    Matcher cmd = Pattern.compile("(?m)^CMD \\[\"([a-z]+)\"\\]$").matcher(docker);
    assertThat(cmd.find()).as("a CMD with the default command").isTrue();
    assertThat(cliCommands).contains(cmd.group(1));
    Matcher health = Pattern.compile("\"-jar\", \"/app/" + Pattern.quote(finalName) + "\\.jar\", \"([a-z]+)\"\\]").matcher(docker);
    assertThat(health.find()).as("a HEALTHCHECK running a CLI command").isTrue();
    assertThat(cliCommands).contains(health.group(1));
    assertThat(Files.readString(Path.of(".dockerignore"))).contains("target/", "data/", "node_modules", ".git");
    assertThat(docker).as("the CC-CEDICT attribution the pom packs into the jar is in the build stage")
        .containsPattern("(?m)^COPY pom\\.xml NOTICE \\./$");
    assertThat(Files.readString(Path.of(".dockerignore"))).doesNotContainPattern("(?m)^NOTICE$");
  }
}
