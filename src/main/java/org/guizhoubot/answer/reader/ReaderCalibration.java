package org.guizhoubot.answer.reader;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * How the reader's scores are read, chosen on a held-out SQuAD fold ({@code ChooseReaderThreshold}):
 * the best candidate's probability at which to answer, for sentences and for key-word readings (a
 * Chinese question through the dictionary), the level below which an LLM is not asked, and how many
 * candidates are read.
 */
@JsonPropertyOrder({"threshold", "keywordThreshold", "skipBelow", "pool"})
public record ReaderCalibration(double threshold, double keywordThreshold, double skipBelow, int pool) {
  public static final String RESOURCE = "/org/guizhoubot/answer/reader/reader.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ReaderCalibration {
    for (double p : new double[] {threshold, keywordThreshold, skipBelow}) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("a reader level must be within [0, 1], was " + p);
      }
    }
    if (skipBelow > Math.min(threshold, keywordThreshold)) {
      throw new IllegalArgumentException("skipBelow " + skipBelow + " is above a threshold");
    }
    if (pool < 1) {
      throw new IllegalArgumentException("pool must be >= 1, was " + pool);
    }
  }

  /** The calibration committed beside the model. */
  public static ReaderCalibration bundled() {
    try (InputStream in = ReaderCalibration.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no reader calibration on the classpath at " + RESOURCE);
      }
      return JSON.readValue(in, ReaderCalibration.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the reader calibration " + RESOURCE, e);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
