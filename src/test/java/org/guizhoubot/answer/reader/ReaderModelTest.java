package org.guizhoubot.answer.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The committed reader against what its training run recorded. */
class ReaderModelTest {
  private static final OnnxCrossEncoder READER = new OnnxCrossEncoder(2);

  @AfterAll
  static void close() {
    READER.close();
  }

  private static List<String[]> rows(String resource) throws IOException {
    try (InputStream in = ReaderModelTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      List<String[]> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(line.split("\t", -1));
        }
      }
      return out;
    }
  }

  private static long[] ids(String s) {
    return Arrays.stream(s.split(" ")).mapToLong(Long::parseLong).toArray();
  }

  @Test
  void should_score_the_pairs_recorded_at_training_time_as_the_trainer_did() throws IOException {
    List<String[]> rows = rows("/reader/reader-check.tsv");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(5);
    List<ReaderInput.Pieces> pieces = new ArrayList<>();
    for (String[] r : rows) {
      pieces.add(new ReaderInput.Pieces(ids(r[2]), Integer.parseInt(r[1])));
    }

    double[] batched = READER.logits(pieces);

    for (int i = 0; i < rows.size(); i++) {
      double trained = Double.parseDouble(rows.get(i)[0]);
      // the jar holds the trained weights as int8 matrices (quantize.py), the trainer scored in float
      assertThat(batched[i]).as("pair %d", i).isCloseTo(trained, within(0.3));
      // int8 inputs are scaled per batch, so a pair alone scores a little differently
      assertThat(READER.logits(List.of(pieces.get(i)))[0]).as("pair %d alone", i).isCloseTo(trained, within(0.5));
    }
  }

  @Test
  void should_split_words_as_the_training_data_was_split() throws IOException {
    List<String[]> rows = rows("/reader/tokens-sample.tsv");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
    try (ReaderInput input = new ReaderInput()) {
      for (String[] r : rows) {
        ReaderInput.Pieces p = input.encode(r[0], new ReaderInput.Candidate(r[1], r[2], r[3]));

        assertThat(p.secondStart()).as(r[0]).isEqualTo(Integer.parseInt(r[4]));
        assertThat(p.ids()).as(r[0]).containsExactly(ids(r[5]));
      }
    }
  }

  @Test
  void should_keep_a_long_pair_within_the_model_input_and_the_sentence_whole() {
    try (ReaderInput input = new ReaderInput()) {
      String sentence = "The Big Data Expo signed deals worth billions in Guiyang.";
      ReaderInput.Pieces shortPair = input.encode("Who signed?", new ReaderInput.Candidate("", "", sentence));
      ReaderInput.Pieces longPair = input.encode("Who signed? ".repeat(40),
          new ReaderInput.Candidate("A title ".repeat(20), "Earlier words came first. ".repeat(30), sentence));

      assertThat(longPair.length()).isLessThanOrEqualTo(ReaderInput.MAX_PIECES);
      // the short pair ends in the sentence and two separators (no title, no previous sentence)
      long[] sentencePieces = Arrays.copyOfRange(shortPair.ids(), shortPair.secondStart(), shortPair.length() - 2);
      assertThat(Arrays.copyOfRange(longPair.ids(), longPair.secondStart(),
          longPair.secondStart() + sentencePieces.length)).containsExactly(sentencePieces);
    }
  }

  @Test
  void should_rank_the_sentence_that_answers_above_one_that_only_shares_words() {
    double[] s = READER.scores("Who opened the Big Data Expo in 2018?", List.of(
        new ReaderInput.Candidate("Big Data Expo opens in Guiyang", "",
            "Guizhou hosted the Big Data Expo in 2018, and many firms came to the Big Data Expo."),
        new ReaderInput.Candidate("Big Data Expo opens in Guiyang", "",
            "The 2018 Expo was opened on Saturday by provincial party chief Sun Zhigang.")));

    assertThat(s[1]).isGreaterThan(s[0]);
    assertThat(READER.scores("anything", List.of())).isEmpty();
  }

  @Test
  void should_refuse_a_calibration_that_skips_the_llm_above_its_threshold() {
    assertThatThrownBy(() -> new ReaderCalibration(0.4, 0.5, 0.45, 8)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("skipBelow");
    assertThat(ReaderCalibration.bundled().pool()).isPositive();
  }
}
