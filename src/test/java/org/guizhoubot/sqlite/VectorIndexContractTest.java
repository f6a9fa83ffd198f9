package org.guizhoubot.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.guizhoubot.App;
import org.guizhoubot.bench.FlatVectorIndex;
import org.guizhoubot.bench.SyntheticIndex;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every {@link VectorIndex} keeps, checked against a brute-force search in double precision. */
class VectorIndexContractTest {
  private static final int DIM = 384;

  static Stream<Named<VectorIndex.Factory>> implementations() {
    return Stream.of(
        Named.of("FlatVectorIndex", FlatVectorIndex::new),
        Named.of("QuantizedVectorIndex (default candidates)", QuantizedVectorIndex::new),
        Named.of("QuantizedVectorIndex (every vector a candidate: exact, 2 threads)",
            (v, n, d) -> new QuantizedVectorIndex(v, n, d, Integer.MAX_VALUE, 2)),
        Named.of("QuantizedVectorIndex (default candidates, 3 threads)",
            (v, n, d) -> new QuantizedVectorIndex(v, n, d, QuantizedVectorIndex.defaultCandidates(n), 3)),
        Named.of("App.vectorIndexFor", App::vectorIndexFor));
  }

  /** The implementations that may miss a neighbour on a large index; recall means nothing for the exact ones. */
  static Stream<Named<VectorIndex.Factory>> approximateImplementations() {
    return Stream.of(
        Named.of("QuantizedVectorIndex (default candidates)", QuantizedVectorIndex::new),
        Named.of("QuantizedVectorIndex (default candidates, 3 threads)",
            (v, n, d) -> new QuantizedVectorIndex(v, n, d, QuantizedVectorIndex.defaultCandidates(n), 3)),
        Named.of("App.vectorIndexFor (above its exact-search size)", App::vectorIndexFor));
  }

  private static final int LARGE = 60_000;
  private static float[] large;

  /** The large random index, generated once for all the recall checks. */
  private static synchronized float[] large() {
    if (large == null) {
      large = randomUnitVectors(new SplittableRandom(3), LARGE);
    }
    return large;
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void should_find_exactly_the_true_top_10_with_exact_scores_on_a_small_index(VectorIndex.Factory factory) {
    float[] data = randomUnitVectors(new SplittableRandom(1), 2_000);
    VectorIndex index = factory.build(data, 2_000, DIM);
    SplittableRandom random = new SplittableRandom(2);
    for (int q = 0; q < 20; q++) {
      float[] query = SyntheticIndex.randomUnitVector(random, DIM);
      List<VectorIndex.Hit> hits = index.search(query, 10);
      List<Integer> truth = bruteForce(data, 2_000, query, 10);
      assertThat(hits).extracting(VectorIndex.Hit::position).containsExactlyElementsOf(truth);
      for (VectorIndex.Hit h : hits) {
        assertThat(h.score()).isCloseTo((float) dot(data, h.position(), query), within(1e-5f));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("approximateImplementations")
  void should_reach_recall_at_10_of_at_least_0_98_on_a_large_random_index(VectorIndex.Factory factory) {
    int n = LARGE;
    float[] data = large();
    VectorIndex index = factory.build(data, n, DIM);
    SplittableRandom random = new SplittableRandom(4);
    int found = 0;
    int queries = 40;
    for (int q = 0; q < queries; q++) {
      float[] query = SyntheticIndex.randomUnitVector(random, DIM);
      Set<Integer> truth = new HashSet<>(bruteForce(data, n, query, 10));
      List<VectorIndex.Hit> hits = index.search(query, 10);
      assertThat(hits).hasSize(10).isSortedAccordingTo(Comparator.comparing(VectorIndex.Hit::score).reversed());
      found += (int) hits.stream().filter(h -> truth.contains(h.position())).count();
    }
    assertThat(found / (queries * 10.0)).isGreaterThanOrEqualTo(0.98);
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void should_return_every_vector_best_first_when_k_exceeds_the_size(VectorIndex.Factory factory) {
    float[] data = randomUnitVectors(new SplittableRandom(5), 7);
    VectorIndex index = factory.build(data, 7, DIM);
    float[] query = SyntheticIndex.randomUnitVector(new SplittableRandom(6), DIM);

    List<VectorIndex.Hit> hits = index.search(query, 50);

    assertThat(hits).extracting(VectorIndex.Hit::position).containsExactlyElementsOf(bruteForce(data, 7, query, 7));
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void should_return_nothing_from_an_empty_index_or_for_k_zero(VectorIndex.Factory factory) {
    VectorIndex empty = factory.build(new float[0], 0, DIM);
    float[] query = SyntheticIndex.randomUnitVector(new SplittableRandom(7), DIM);
    assertThat(empty.size()).isZero();
    assertThat(empty.search(query, 10)).isEmpty();

    VectorIndex some = factory.build(randomUnitVectors(new SplittableRandom(8), 3), 3, DIM);
    assertThat(some.search(query, 0)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void should_reject_a_query_of_the_wrong_dimension_naming_both_dimensions(VectorIndex.Factory factory) {
    VectorIndex index = factory.build(randomUnitVectors(new SplittableRandom(9), 3), 3, DIM);

    assertThatThrownBy(() -> index.search(new float[12], 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query has 12 dimensions, index has 384");
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void should_give_back_the_stored_vector_and_its_size_and_dimension(VectorIndex.Factory factory) {
    float[] data = randomUnitVectors(new SplittableRandom(10), 4);
    VectorIndex index = factory.build(data, 4, DIM);

    assertThat(index.size()).isEqualTo(4);
    assertThat(index.dimension()).isEqualTo(DIM);
    float[] v = index.vector(2);
    assertThat(v).containsExactly(java.util.Arrays.copyOfRange(data, 2 * DIM, 3 * DIM));
    v[0] = 42;
    assertThat(index.vector(2)[0]).isEqualTo(data[2 * DIM]);
  }

  private static float[] randomUnitVectors(SplittableRandom random, int n) {
    float[] data = new float[n * DIM];
    for (int i = 0; i < n; i++) {
      System.arraycopy(SyntheticIndex.randomUnitVector(random, DIM), 0, data, i * DIM, DIM);
    }
    return data;
  }

  private static double dot(float[] data, int position, float[] query) {
    double s = 0;
    for (int d = 0; d < DIM; d++) {
      s += (double) data[position * DIM + d] * query[d];
    }
    return s;
  }

  private static List<Integer> bruteForce(float[] data, int n, float[] query, int k) {
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = dot(data, i, query);
    }
    return IntStream.range(0, n).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
        .limit(k).toList();
  }
}
