package org.guizhoubot.answer.decision;

import java.util.List;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fits the decision model with Tribuo's logistic regression (AdaGrad SGD, fixed seed) on
 * standardised features, and turns the fitted weights into a {@link DecisionModel.Linear}.
 */
final class LogisticFit {
  static final long SEED = 20261124L;
  static final int EPOCHS = 8;
  private static final Label POSITIVE = new Label("answers");
  private static final Label NEGATIVE = new Label("not");

  private LogisticFit() {}

  /** One training row: a candidate sentence's features and whether it holds the gold answer. */
  record Row(double[] features, boolean positive) {}

  static DecisionModel.Linear fit(List<Row> rows, List<String> names) {
    return fitted(rows, names).linear();
  }

  /** The weights as a {@link DecisionModel.Linear}, and Tribuo's model they came from. */
  record Fitted(DecisionModel.Linear linear, LinearSGDModel tribuo, List<String> names) {
    /** Tribuo's own probability of the positive label for these raw features. */
    double tribuoScore(double[] raw) {
      double[] z = new double[raw.length];
      for (int i = 0; i < raw.length; i++) {
        z[i] = (raw[i] - linear.mean()[i]) / linear.scale()[i];
      }
      var p = tribuo.predict(new ArrayExample<>(POSITIVE, names.toArray(String[]::new), z));
      return p.getOutputScores().get(POSITIVE.getLabel()).getScore();
    }
  }

  static Fitted fitted(List<Row> rows, List<String> names) {
    if (rows.isEmpty() || rows.stream().noneMatch(Row::positive) || rows.stream().allMatch(Row::positive)) {
      throw new IllegalArgumentException("need positive and negative rows, got " + rows.size() + " rows");
    }
    int n = names.size();
    double[] mean = new double[n];
    double[] scale = new double[n];
    for (Row r : rows) {
      for (int i = 0; i < n; i++) {
        mean[i] += r.features()[i];
      }
    }
    for (int i = 0; i < n; i++) {
      mean[i] /= rows.size();
    }
    for (Row r : rows) {
      for (int i = 0; i < n; i++) {
        double d = r.features()[i] - mean[i];
        scale[i] += d * d;
      }
    }
    for (int i = 0; i < n; i++) {
      scale[i] = Math.sqrt(scale[i] / rows.size());
      if (scale[i] < 1e-9) {
        scale[i] = 1;
      }
    }
    String[] featureNames = names.toArray(String[]::new);
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("decision rows", factory), factory);
    for (Row r : rows) {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = (r.features()[i] - mean[i]) / scale[i];
      }
      data.add(new ArrayExample<>(r.positive() ? POSITIVE : NEGATIVE, featureNames, z));
    }
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS,
        Integer.MAX_VALUE, SEED);
    LinearSGDModel model = (LinearSGDModel) trainer.train(data);
    DenseMatrix w = model.getWeightsCopy();
    int pos = model.getOutputIDInfo().getID(POSITIVE);
    int neg = model.getOutputIDInfo().getID(NEGATIVE);
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      int id = model.getFeatureIDMap().getID(names.get(i));
      weights[i] = id < 0 ? 0 : w.get(pos, id) - w.get(neg, id);
    }
    int biasColumn = w.getDimension2Size() - 1;
    double bias = w.get(pos, biasColumn) - w.get(neg, biasColumn);
    return new Fitted(new DecisionModel.Linear(mean, scale, weights, bias), model, names);
  }
}
