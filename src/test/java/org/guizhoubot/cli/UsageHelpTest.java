package org.guizhoubot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code --help} as a terminal shows it: every description line is printed as written, never broken by
 * picocli's wrapping (issue 22: {@code ask --help} broke "questions of one conversation" over three lines).
 */
class UsageHelpTest {
  private static List<CommandLine> commands() {
    Cli cli = new Cli(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(),
        new ByteArrayInputStream(new byte[0]));
    List<CommandLine> out = new ArrayList<>();
    collect(new CommandLine(cli), out);
    return out;
  }

  private static void collect(CommandLine c, List<CommandLine> out) {
    if (c.getCommand() instanceof CommandLine.HelpCommand) {
      return;
    }
    out.add(c);
    c.getSubcommands().values().forEach(s -> collect(s, out));
  }

  private static List<String> declared(CommandLine c) {
    return Arrays.stream(c.getCommandSpec().usageMessage().description()).map(l -> l.replace("%n", "\n"))
        .flatMap(String::lines).toList();
  }

  @Test
  void should_print_every_description_line_of_every_command_unwrapped() {
    for (CommandLine c : commands()) {
      String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
      String shown = c.getHelp().description();

      assertThat(shown.lines().toList()).as("the description `%s --help` shows", c.getCommandSpec().qualifiedName())
          .isEqualTo(declared(c));
      assertThat(usage).contains(shown);
    }
  }

  @Test
  void should_list_each_subcommand_with_its_first_line_whole() {
    for (CommandLine c : commands()) {
      List<String> lines = c.getUsageMessage(CommandLine.Help.Ansi.OFF).lines().map(String::strip).toList();
      for (CommandLine sub : c.getSubcommands().values()) {
        if (sub.getCommand() instanceof CommandLine.HelpCommand) {
          continue;
        }
        String entry = sub.getCommandName() + " " + declared(sub).get(0);
        assertThat(lines).as("`%s --help` lists %s on one line", c.getCommandSpec().qualifiedName(), sub.getCommandName())
            .anyMatch(l -> l.replaceAll("\\s+", " ").equals(entry));
      }
    }
  }

  @Test
  void should_keep_each_parameter_label_whole_in_the_synopsis() {
    for (CommandLine c : commands()) {
      String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
      String synopsis = usage.substring(0, usage.indexOf(c.getHelp().description()));
      for (PositionalParamSpec p : c.getCommandSpec().positionalParameters()) {
        assertThat(synopsis).as("the synopsis of `%s --help`", c.getCommandSpec().qualifiedName())
            .contains(p.paramLabel());
      }
    }
  }
}
