package org.guizhoubot.answer.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.guizhoubot.TestFixtures;
import org.junit.jupiter.api.Test;

class DecisionModelTest {
  @Test
  void should_score_the_recorded_rows_as_tribuo_did_at_training_time() throws IOException {
    assertScoresRecordedRows(DecisionModel.bundled(), "decision/model-check.tsv");
  }

  @Test
  void should_score_the_recorded_rows_of_the_keyword_model_as_tribuo_did_at_training_time() throws IOException {
    DecisionModel keywords = DecisionModel.bundledForKeywords();

    assertScoresRecordedRows(keywords, "decision/model-keywords-check.tsv");
    assertThat(keywords.toJson()).isNotEqualTo(DecisionModel.bundled().toJson());
  }

  private static void assertScoresRecordedRows(DecisionModel m, String checkFile) throws IOException {
    List<String> lines = Files.readAllLines(TestFixtures.resource(checkFile), StandardCharsets.UTF_8);

    assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
    for (String line : lines) {
      String[] cols = line.split("\t");
      double expected = Double.parseDouble(cols[1]);
      double[] f = new double[cols.length - 2];
      for (int i = 0; i < f.length; i++) {
        f[i] = Double.parseDouble(cols[i + 2]);
      }
      double actual = cols[0].equals("sentence") ? m.sentence().score(f) : m.question().score(f);
      assertThat(actual).as(line).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void should_fit_the_same_model_file_twice_from_the_same_rows() {
    List<LogisticFit.Row> rows = syntheticRows();
    DecisionModel.Linear a = LogisticFit.fit(rows, SentenceFeatures.NAMES);
    DecisionModel.Linear b = LogisticFit.fit(syntheticRows(), SentenceFeatures.NAMES);
    DecisionModel.Linear q = LogisticFit.fit(questionRows(), DecisionModel.questionFeatureNames());

    String first = new DecisionModel(SentenceFeatures.NAMES, a, q, 0.4).toJson();
    String second = new DecisionModel(SentenceFeatures.NAMES, b, q, 0.4).toJson();

    assertThat(second).isEqualTo(first);
    int s = SentenceFeatures.NAMES.indexOf("s_coverage");
    assertThat(a.weights()[s]).as("coverage drives the synthetic label").isPositive();
  }

  @Test
  void should_read_back_what_it_writes() throws IOException {
    DecisionModel m = DecisionModel.bundled();

    DecisionModel back = DecisionModel.read(new ByteArrayInputStream(m.toJson().getBytes(StandardCharsets.UTF_8)));

    assertThat(back.toJson()).isEqualTo(m.toJson());
  }

  @Test
  void should_refuse_a_threshold_outside_zero_to_one() {
    DecisionModel m = DecisionModel.bundled();

    assertThatThrownBy(() -> m.withThreshold(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
  }

  /** Rows whose label follows the sentence coverage, with noise from a fixed seed. */
  private static List<LogisticFit.Row> syntheticRows() {
    Random r = new Random(7);
    int s = SentenceFeatures.NAMES.indexOf("s_coverage");
    List<LogisticFit.Row> out = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double[] f = new double[SentenceFeatures.NAMES.size()];
      for (int j = 0; j < f.length; j++) {
        f[j] = r.nextDouble();
      }
      out.add(new LogisticFit.Row(f, f[s] + 0.3 * r.nextGaussian() > 0.6));
    }
    return out;
  }

  private static List<LogisticFit.Row> questionRows() {
    Random r = new Random(8);
    List<LogisticFit.Row> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double[] f = new double[DecisionModel.questionFeatureNames().size()];
      for (int j = 0; j < f.length; j++) {
        f[j] = r.nextDouble();
      }
      out.add(new LogisticFit.Row(f, f[f.length - 3] > 0.5));
    }
    return out;
  }
}
