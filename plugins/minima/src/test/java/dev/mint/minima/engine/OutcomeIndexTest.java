package dev.mint.minima.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Recall per model: exact up to a few thousand outcomes, sketch-shortlisted beyond, and the same answers. */
class OutcomeIndexTest {
    private static final int DIMENSION = 384;

    private static float[] near(float[] center, double noise, SplittableRandom random) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) (center[i] + noise * random.nextGaussian());
        }
        return Vectors.normalized(v);
    }

    private static OutcomeIndex.Outcome outcome(long id, String model, float[] vector) {
        return new OutcomeIndex.Outcome(id, model, TaskType.QA, Difficulty.EASY, vector, 1.0, 1.0, null, null, null, null, 0,
                null, List.of());
    }

    @Test
    void bigShardsFindWhatAnExactScanFinds() {
        SplittableRandom random = new SplittableRandom(11);
        List<float[]> centers = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            centers.add(near(new float[DIMENSION], 1.0, random));
        }
        OutcomeIndex index = new OutcomeIndex(DIMENSION);
        List<OutcomeIndex.Outcome> all = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            OutcomeIndex.Outcome o = outcome(i, i % 3 == 0 ? "small" : "big", near(centers.get(random.nextInt(200)), 0.04, random));
            all.add(o);
            index.add(o);
        }
        int agreed = 0;
        int asked = 0;
        for (int q = 0; q < 20; q++) {
            float[] query = near(centers.get(random.nextInt(200)), 0.04, random);
            Map<String, List<OutcomeIndex.Neighbor>> found = index.nearest(query, List.of("big", "small"), 24, o -> true);
            for (String model : List.of("big", "small")) {
                List<Long> exact = all.stream().filter(o -> o.modelId().equals(model))
                        .sorted(Comparator.comparingDouble((OutcomeIndex.Outcome o) -> -Vectors.dot(query, o.vector(), 0)))
                        .limit(24).map(OutcomeIndex.Outcome::id).toList();
                List<Long> approximate = found.get(model).stream().map(n -> n.outcome().id()).toList();
                assertThat(approximate).hasSize(24);
                agreed += (int) approximate.stream().filter(exact::contains).count();
                asked += 24;
            }
        }
        assertThat(agreed / (double) asked).as("share of the exact top 24 found").isGreaterThan(0.95);
        assertThat(index.size()).isEqualTo(30_000);
    }

    @Test
    void smallShardsAreScannedExactlyAndFiltersApply() {
        SplittableRandom random = new SplittableRandom(3);
        OutcomeIndex index = new OutcomeIndex(DIMENSION);
        float[] center = near(new float[DIMENSION], 1.0, random);
        for (int i = 0; i < 100; i++) {
            index.add(new OutcomeIndex.Outcome(i, "m", TaskType.CODE, Difficulty.HARD, near(center, 0.05 * (i % 10 + 1), random),
                    i % 2, 1.0, null, null, null, null, 0, i % 2 == 0 ? "alice" : "bob", List.of()));
        }
        List<OutcomeIndex.Neighbor> nearest = index.nearest(center, List.of("m", "absent"), 5, o -> "alice".equals(o.userLabel()))
                .get("m");

        assertThat(nearest).hasSize(5).allSatisfy(n -> assertThat(n.outcome().userLabel()).isEqualTo("alice"));
        assertThat(nearest).isSortedAccordingTo(Comparator.comparingDouble(OutcomeIndex.Neighbor::similarity).reversed());
        assertThat(index.totals("m", TaskType.CODE).n()).isEqualTo(100);
        assertThat(index.totals("m", TaskType.CODE).s()).isEqualTo(50.0);
    }

    @Test
    void aFilterAppliesBeforeTheShortlistSoRareOutcomesAreStillFound() {
        SplittableRandom random = new SplittableRandom(5);
        float[] center = near(new float[DIMENSION], 1.0, random);
        OutcomeIndex index = new OutcomeIndex(DIMENSION);
        List<OutcomeIndex.Outcome> alices = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            // Bob's outcomes crowd the query's neighbourhood; Alice's few lie farther out.
            boolean alice = i % 200 == 0;
            OutcomeIndex.Outcome o = new OutcomeIndex.Outcome(i, "m", TaskType.QA, Difficulty.EASY,
                    near(center, alice ? 0.08 : 0.02, random), 1.0, 1.0, null, null, null, null, 0, alice ? "alice" : "bob", List.of());
            index.add(o);
            if (alice) {
                alices.add(o);
            }
        }
        List<OutcomeIndex.Neighbor> found = index.nearest(center, List.of("m"), 10, o -> "alice".equals(o.userLabel())).get("m");

        List<Long> exact = alices.stream().sorted(Comparator.comparingDouble((OutcomeIndex.Outcome o) -> -Vectors.dot(center, o.vector(), 0)))
                .limit(10).map(OutcomeIndex.Outcome::id).toList();
        // The same ten; their order may differ where two similarities are closer than the byte coding's error.
        assertThat(found).extracting(n -> n.outcome().id()).containsExactlyInAnyOrderElementsOf(exact);
        assertThat(found).extracting(OutcomeIndex.Neighbor::similarity)
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void similaritiesThroughTheByteCodingStayWithinAFewThousandths() {
        SplittableRandom random = new SplittableRandom(3);
        OutcomeIndex index = new OutcomeIndex(DIMENSION);
        List<OutcomeIndex.Outcome> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            OutcomeIndex.Outcome o = outcome(i, "m", near(new float[DIMENSION], 1.0, random));
            all.add(o);
            index.add(o);
        }
        float[] query = near(all.get(7).vector(), 0.3, random);
        for (OutcomeIndex.Neighbor n : index.nearest(query, List.of("m"), 200, OutcomeIndex.ALL).get("m")) {
            float exact = Vectors.dot(query, all.get((int) n.outcome().id()).vector(), 0);
            assertThat(n.similarity()).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.005));
        }
    }
}
