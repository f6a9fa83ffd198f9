package org.guizhoubot.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.guizhoubot.App;
import org.guizhoubot.config.Settings;
import org.guizhoubot.sqlite.SnapshotView;

/**
 * Developer tool, not a test: measures top-3 retrieval recall of several fusion settings on a
 * question file, to choose {@link HybridRetriever.Fusion#DEFAULT}. Arguments: corpus dir, data
 * dir, question files.
 */
public final class FusionTuning {
  private FusionTuning() {}

  public static void main(String[] args) throws Exception {
    Settings s = org.guizhoubot.TestFixtures.settings(Path.of(args[0]), Path.of(args[1]));
    List<String[]> questions = new ArrayList<>();
    List<Set<String>> golds = new ArrayList<>();
    ObjectMapper m = new ObjectMapper();
    for (int i = 2; i < args.length; i++) {
      for (String line : Files.readAllLines(Path.of(args[i]))) {
        if (line.isBlank()) continue;
        JsonNode n = m.readTree(line);
        Set<String> gold = new HashSet<>();
        n.get("articles").forEach(x -> gold.add(x.asText()));
        if (!gold.isEmpty()) {
          questions.add(new String[] {n.get("id").asText(), n.get("question").asText()});
          golds.add(gold);
        }
      }
    }
    try (App app = App.open(s)) {
      app.parts().index().current();
      double[][] configs = {{60, 1, 1}, {60, 1, 2}, {60, 1, 3}, {60, 1, 4}, {30, 1, 2}, {30, 1, 3},
          {10, 1, 2}, {10, 1, 3}, {60, 1, 0}, {60, 0, 1}};
      for (double[] c : configs) {
        HybridRetriever r = new HybridRetriever(SnapshotView.over(app.parts().index()), app.parts().embedder(),
            new HybridRetriever.Fusion(c[0], c[1], c[2]));
        int top1 = 0;
        int top3 = 0;
        List<String> misses = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
          List<RetrievedPassage> hits = r.retrieve(questions.get(q)[1], 3).passages();
          Set<String> gold = golds.get(q);
          if (!hits.isEmpty() && gold.contains(hits.get(0).article().id())) top1++;
          if (hits.stream().anyMatch(h -> gold.contains(h.article().id()))) top3++;
          else misses.add(questions.get(q)[0]);
        }
        System.out.printf(Locale.ROOT, "k=%3.0f wv=%.1f wb=%.1f  top1 %d/%d  top3 %d/%d  misses %s%n",
            c[0], c[1], c[2], top1, questions.size(), top3, questions.size(), misses);
      }
    }
  }
}
