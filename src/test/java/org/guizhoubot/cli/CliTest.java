package org.guizhoubot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.guizhoubot.App;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.config.Settings;
import org.guizhoubot.index.MiniLmEmbedder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: real model, real SQLite file, output captured from the writers. */
class CliTest {
  @TempDir static Path dir;
  static Path corpus;
  static Path data;

  record Run(int code, String out, String err) {}

  /** Runs the command line on the model shared by all tests. */
  static Run run(String stdin, String... args) {
    return run(TestFixtures::app, stdin, args);
  }

  static Run run(Function<Settings, App> opener, String stdin, String... args) {
    return run(opener, Map.of(), stdin, args);
  }

  /** The CLI with this environment, opening apps with {@code opener}, reading {@code stdin}. */
  static Run run(Function<Settings, App> opener, Map<String, String> env, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Cli(new PrintWriter(out), new PrintWriter(err), env,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), opener).run(args);
    return new Run(code, out.toString(), err.toString());
  }

  static String[] withDirs(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--corpus", corpus.toString(), "--data", data.toString()));
    return all.toArray(String[]::new);
  }

  @BeforeAll
  static void indexSeeds() {
    corpus = TestFixtures.copySeeds(dir);
    data = dir.resolve("data");
    Run r = run("", withDirs("index"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Indexed 5 articles");
  }

  @Test
  void should_print_an_answer_with_its_sources() {
    Run r = run("", withDirs("ask", "Who is the co-founder of Baishan Cloud?"));

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Dai Xiang", "[1]", "\nSources:\n[1] ");
  }

  @Test
  void should_print_the_documented_json_shape() throws Exception {
    Run r = run("", withDirs("ask", "--json", "How many reservoirs does the flood alarm system support?"));

    assertThat(r.code()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("question").asText()).isEqualTo("How many reservoirs does the flood alarm system support?");
    assertThat(j.get("answered").asBoolean()).isTrue();
    assertThat(j.get("answer").asText()).contains("10,000");
    assertThat(j.get("composer").asText()).isEqualTo("extractive");
    JsonNode c = j.get("citations").get(0);
    assertThat(c.get("n").asInt()).isEqualTo(1);
    assertThat(c.get("article").asText()).isEqualTo("big-data-looms-large-2019");
    assertThat(c.get("title").asText()).isEqualTo("Big data looms large in Guizhou");
    assertThat(c.get("source").asText()).isEqualTo("China Daily");
    assertThat(c.get("published").asText()).isEqualTo("2019-02-28");
    assertThat(c.has("url")).isTrue();
    assertThat(c.get("passage").asText()).contains("reservoirs");
    for (String t : List.of("retrieve", "compose", "total")) {
      assertThat(j.get("timings_ms").get(t).isNumber()).as(t).isTrue();
    }
  }

  @Test
  void should_echo_a_refused_megabyte_question_at_most_1000_characters_at_a_time() throws Exception {
    String question = "Why " + "y".repeat(1 << 20) + "?";

    Run r = run("", withDirs("ask", "--json", question));

    assertThat(r.code()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("answered").asBoolean()).isFalse();
    assertThat(j.get("question").asText()).isEqualTo(question.substring(0, 1000));
    assertThat(r.out().length()).as("whole output").isLessThan(4 * 1000 + 1000);
  }

  @Test
  void should_answer_every_line_of_standard_input_with_one_model_load() throws Exception {
    int loadsBefore = MiniLmEmbedder.loads();

    Run r = run(App::open, "Who opened the fourth Big Data Expo?\n\nHow do I bake sourdough bread?\nWhen was the Guian New Area established?\n",
        withDirs("ask", "--json"));

    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    ObjectMapper m = new ObjectMapper();
    assertThat(lines.stream().map(l -> {
      try {
        return m.readTree(l).get("answered").asBoolean();
      } catch (Exception e) {
        throw new AssertionError(l, e);
      }
    })).containsExactly(true, false, true);
    assertThat(MiniLmEmbedder.loads() - loadsBefore).isEqualTo(1);
  }

  @Test
  void should_leave_an_unchanged_index_alone() {
    Run r = run("", withDirs("index"));

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("5 unchanged; 0 passages embedded");
  }

  @Test
  void should_exit_with_1_on_bad_input_and_say_why() {
    Run missing = run("", withDirs("eval", dir.resolve("nope.jsonl").toString()));
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no such file");

    Run badOption = run("", "search", "--top", "zero", "x");
    assertThat(badOption.code()).isEqualTo(1);
    assertThat(badOption.err()).contains("Invalid value");

    Run badCorpus = run("", "index", "--corpus", dir.resolve("absent").toString(), "--data", data.toString());
    assertThat(badCorpus.code()).isEqualTo(1);
    assertThat(badCorpus.err()).contains("does not exist");
  }

  @Test
  void should_refuse_a_missing_corpus_and_warn_about_an_empty_one() throws Exception {
    Path empty = dir.resolve("empty-corpus");
    Files.createDirectories(empty);

    Run missing = run("", "ask", "What is Guian?", "--corpus", dir.resolve("no-such-folder").toString(),
        "--data", dir.resolve("data-missing").toString());
    Run emptyRun = run("", "ask", "What is Guian?", "--corpus", empty.toString(),
        "--data", dir.resolve("data-empty").toString());

    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("corpus folder", "no-such-folder", "does not exist");
    assertThat(emptyRun.code()).isZero();
    assertThat(emptyRun.err()).contains("the index holds no articles");
    assertThat(emptyRun.out()).startsWith("I could not find this in my articles.");
  }

  @Test
  void should_gate_on_eval_thresholds() throws Exception {
    Path questions = dir.resolve("q.jsonl");
    Files.writeString(questions, String.join("\n",
        "{\"id\": \"a\", \"question\": \"Who opened the fourth Big Data Expo?\", \"articles\": [\"big-data-expo-2018-deals\"], \"answer\": [\"Sun Zhigang\"]}",
        "{\"id\": \"b\", \"question\": \"How do I bake sourdough bread?\", \"articles\": [], \"answer\": []}",
        "{\"id\": \"c\", \"question\": \"Who is the co-founder of Baishan Cloud?\", \"articles\": [\"big-data-valley-expo\"], \"answer\": [\"Nobody Else\"]}"));

    Run pass = run("", withDirs("eval", questions.toString(), "--min-recall", "1.0", "--min-decline", "1.0"));
    Run fail = run("", withDirs("eval", questions.toString(), "--min-fact", "0.9"));

    assertThat(pass.code()).as(pass.out()).isZero();
    assertThat(pass.out()).contains("citation recall      1.000 (2/2)", "fact hit             0.500 (1/2)",
        "decline rate         1.000 (1/1");
    assertThat(fail.code()).isEqualTo(1);
    assertThat(fail.out()).contains("FAILED: fact hit 0.500 < 0.9");
  }

  @Test
  void should_keep_context_per_conversation_for_json_lines_on_standard_input() throws Exception {
    Run r = run(String.join("\n",
        "{\"conversation\": \"c1\", \"question\": \"Who is the co-founder of Baishan Cloud?\"}",
        "{\"conversation\": \"c2\", \"question\": \"How many reservoirs does the flood alarm system support?\"}",
        "{\"conversation\": \"c1\", \"question\": \"When was it set up?\"}",
        "{\"question\": \"When was it set up?\"}",
        "{\"conversation\": \"c1\", \"question\": 42",
        "{\"conversation\": \"c1\"}",
        "Who opened the fourth Big Data Expo?") + "\n", withDirs("ask", "--json"));

    assertThat(r.code()).isZero();
    List<JsonNode> answers = new java.util.ArrayList<>();
    for (String line : r.out().lines().toList()) {
      answers.add(new ObjectMapper().readTree(line));
    }
    assertThat(answers).hasSize(5);
    JsonNode followUp = answers.get(2);
    assertThat(followUp.get("question").asText()).isEqualTo("When was it set up?");
    assertThat(followUp.get("expansion").get("trigger").asText()).isEqualTo("reference");
    assertThat(followUp.get("expansion").get("added").toString()).contains("Baishan Cloud");
    assertThat(followUp.get("answer").asText()).contains("2015");
    assertThat(followUp.get("reading").asText()).isIn("When was Baishan Cloud set up?", "When was it set up?");
    assertThat(answers.get(3).get("expansion").isNull()).isTrue();
    assertThat(answers.get(4).get("language").asText()).isEqualTo("en");
    assertThat(r.err()).contains("line 5 is not valid JSON", "line 6 has no \"question\"");
  }

  @Test
  void should_answer_a_chinese_question_with_the_chinese_lead_in() {
    Run r = run("", withDirs("ask", "花溪大学城有多少家大数据公司？"));

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("以下回答摘自英文文章原文：\n").contains("110", "来源：\n[1] ");
  }

  @Test
  void should_run_a_conversation_in_turn_order_and_score_from_turn_two() throws Exception {
    Path questions = dir.resolve("conversations.jsonl");
    Files.writeString(questions, String.join("\n",
        "{\"id\": \"t2\", \"kind\": \"follow-up\", \"question\": \"When was it set up?\", \"articles\": [\"big-data-valley-2017-expo\", \"big-data-valley-expo\"], \"answer\": [\"2015\"], \"conversation\": \"c\", \"turn\": 2}",
        "{\"id\": \"x\", \"kind\": \"plain\", \"question\": \"How many reservoirs does the flood alarm system support?\", \"articles\": [\"big-data-looms-large-2019\"], \"answer\": [\"10,000\"]}",
        "{\"id\": \"t1\", \"kind\": \"follow-up\", \"question\": \"Who is the co-founder of Baishan Cloud?\", \"articles\": [\"big-data-valley-expo\"], \"answer\": [\"Dai Xiang\"], \"conversation\": \"c\", \"turn\": 1}"));

    Run r = run("", withDirs("eval", "-v", questions.toString()));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("questions            2 (2 in scope", "fact hit             1.000 (2/2)",
        "kind follow-up       fact 1/1", "kind plain           fact 1/1");
    assertThat(r.out().indexOf("t1 (turn 1, not scored)")).isLessThan(r.out().indexOf("t2 cited, fact"));
  }

  @Test
  void should_refuse_a_conversation_line_without_a_turn() throws Exception {
    Path questions = dir.resolve("no-turn.jsonl");
    Files.writeString(questions, "{\"question\": \"When?\", \"conversation\": \"c\"}\n");

    Run r = run("", withDirs("eval", questions.toString()));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no-turn.jsonl line 1", "\"turn\"");
  }

  @Test
  void should_add_an_article_file_and_find_it() throws Exception {
    Path file = dir.resolve("karst-cloud.txt");
    Files.writeString(file, "Karst cloud centre opens\n\nA karst cave near Anshun now houses a cloud centre cooled by the cave air.");
    Path corpus2 = dir.resolve("corpus2");
    Files.createDirectories(corpus2);
    Path data2 = dir.resolve("data2");

    Run add = run("", "add", file.toString(), "--corpus", corpus2.toString(), "--data", data2.toString());
    Run search = run("", "search", "cave cooling", "--corpus", corpus2.toString(), "--data", data2.toString());

    assertThat(add.code()).as(add.err()).isZero();
    assertThat(add.out()).contains("Added karst-cloud: Karst cloud centre opens", "Indexed 1 articles");
    assertThat(search.out()).contains("karst-cloud #0", "cosine");
  }
}
