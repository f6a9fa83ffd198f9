package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.cli.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ask --json} end to end with LLM mode switched on by {@code LLM_BASE_URL}: the seed
 * corpus, the real model and SQLite index, and the fake OpenAI-compatible server on loopback.
 */
class LlmAskJsonTest {
  private static final String QUESTION = "Who is the co-founder of Baishan Cloud?";
  @TempDir static Path data;
  private static FakeOpenAiServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new FakeOpenAiServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void should_report_the_llm_composer_and_cite_the_passage_the_model_used() throws Exception {
    server.answer("According to the article, the co-founder is named in the passage [2].");

    JsonNode json = ask(Map.of("LLM_BASE_URL", server.baseUrl(), "LLM_API_KEY", "sk-cli-test"));

    assertThat(json.get("composer").asText()).isEqualTo("llm");
    assertThat(json.get("answered").asBoolean()).isTrue();
    assertThat(json.get("citations")).hasSize(1);
    String user = server.requests().get(server.requests().size() - 1).message("user");
    String cited = json.get("citations").get(0).get("passage").asText();
    int second = user.indexOf("\n[2] Title: ");
    int third = user.indexOf("\n[3] Title: ");
    assertThat(second).isPositive();
    assertThat(user.indexOf(cited.strip().substring(0, 40)))
        .as("the cited passage is the second one sent to the model")
        .isBetween(second, third > 0 ? third : user.indexOf(LlmPrompt.CLOSE));
    assertThat(json.get("answer").asText()).startsWith("According to the article, the co-founder is named in the passage [1].")
        .contains("Sources:\n[1] " + json.get("citations").get(0).get("title").asText());
  }

  @Test
  void should_report_the_extractive_composer_when_the_endpoint_fails() throws Exception {
    server.reply(new FakeOpenAiServer.Reply(503, "{}", 0, 0));

    JsonNode json = ask(Map.of("LLM_BASE_URL", server.baseUrl()));

    assertThat(json.get("composer").asText()).isEqualTo("extractive");
    assertThat(json.get("question").asText()).isEqualTo(QUESTION);
  }

  @Test
  void should_use_the_extractive_composer_without_llm_base_url() throws Exception {
    int before = server.requests().size();

    JsonNode json = ask(Map.of());

    assertThat(json.get("composer").asText()).isEqualTo("extractive");
    assertThat(server.requests()).hasSize(before);
  }

  @Test
  void should_search_a_chinese_question_by_the_llms_english_and_ask_it_in_chinese() throws Exception {
    String english = "How many big data companies are there in Huaxi University Town?";
    server.replyWith(r -> FakeOpenAiServer.completion(r.message("system").equals(LlmQuestionTranslation.SYSTEM)
        ? english : "花溪大学城有110家大数据公司 [1]。"));
    int before = server.requests().size();

    JsonNode json = ask(Map.of("LLM_BASE_URL", server.baseUrl()), CHINESE);

    assertThat(json.get("translation").asText()).isEqualTo("llm");
    assertThat(json.get("search").asText()).isEqualTo(english);
    assertThat(json.get("composer").asText()).isEqualTo("llm");
    assertThat(json.get("answer").asText()).startsWith(ChineseReplies.WRITTEN_LEAD_IN + "\n花溪大学城有110家大数据公司 [1]。");
    assertThat(json.get("citations")).hasSize(1);
    assertThat(server.requests()).hasSize(before + 2);
    assertThat(server.requests().get(before).message("user")).isEqualTo(CHINESE);
    assertThat(server.requests().get(before + 1).message("user")).contains("Question: " + CHINESE);
  }

  @Test
  void should_search_by_the_dictionarys_english_when_the_llm_gives_none() throws Exception {
    server.replyWith(r -> r.message("system").equals(LlmQuestionTranslation.SYSTEM)
        ? new FakeOpenAiServer.Reply(500, "{}", 0, 0)
        : FakeOpenAiServer.completion("花溪大学城有110家大数据公司 [1]。"));

    JsonNode json = ask(Map.of("LLM_BASE_URL", server.baseUrl()), CHINESE);

    assertThat(json.get("translation").asText()).isEqualTo("dictionary");
    assertThat(json.get("search").asText()).startsWith("how many").contains("Huaxi");
    assertThat(json.get("answered").asBoolean()).isTrue();
  }

  private static final String CHINESE = "花溪大学城有多少家大数据公司？";

  private static JsonNode ask(Map<String, String> env) throws Exception {
    return ask(env, QUESTION);
  }

  private static JsonNode ask(Map<String, String> env, String question) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Cli(new PrintWriter(out), new PrintWriter(err), env, new ByteArrayInputStream(new byte[0]),
        TestFixtures::app).run("ask", "--json", "--corpus", Path.of("corpus").toString(), "--data", data.toString(), question);
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    return new ObjectMapper().readTree(out.toString());
  }
}
