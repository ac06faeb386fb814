package dev.mint.minima.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The engine with the real encoder: cold start, learning from outcomes, constraints, long shared prompts. */
class RecommenderTest {
    static final TextEncoder ENCODER = new TextEncoder(new MiniLmEmbedder());
    private final Recommender recommender = new Recommender(ENCODER, Clock.systemUTC());
    private final Catalog catalog = Catalog.bundled();
    private final AtomicLong ids = new AtomicLong();
    private static final List<String> TRIO = List.of("gpt-4o-mini", "claude-haiku-4-5", "claude-sonnet-4-6");

    private static Task task(String text, double slider, Constraints constraints) {
        return new Task(text, null, null, null, null, List.of(), slider, constraints, null, 8, null);
    }

    private static Constraints only(List<String> models) {
        return new Constraints(null, models, null, null, null, false, null, null);
    }

    /** Runs the task and reports {@code label} for whichever of the trio ran, as feedback would. */
    private void remember(Scope scope, String text, String model, double label) {
        Recommendation r = recommender.recommend(task(text, 5, only(TRIO)), catalog, scope, new Random(1));
        scope.outcomes().add(new OutcomeIndex.Outcome(ids.incrementAndGet(), model, r.classification().taskType(),
                r.classification().difficulty(), r.vector(), label, 1.0, 200, 300, null, 900, Clock.systemUTC().instant()
                .getEpochSecond(), null, List.of()));
    }

    @Test
    void coldStartUsesThePriorsAndSaysSo() {
        Scope scope = new Scope(384);
        Recommendation r = recommender.recommend(task("Classify the sentiment of this review: great phone, poor battery.",
                5, Constraints.NONE), catalog, scope, new Random(7));

        assertThat(r.decisionBasis()).isEqualTo("prior");
        assertThat(r.warnings()).contains("cold_start");
        assertThat(r.classification().taskType()).isEqualTo(TaskType.CLASSIFICATION);
        assertThat(r.ranked()).hasSizeLessThanOrEqualTo(8).contains(r.recommended());
        assertThat(r.recommended().predictedSuccess()).isGreaterThanOrEqualTo(r.threshold());
        assertThat(r.explanation()).contains("cold start");
        assertThat(r.ranked()).extracting(c -> c.card().modelId()).as("cheap models are considered").contains("deepseek-v4-flash");
    }

    @Test
    void aCheapModelThatKeepsFailingOnAKindOfTaskStopsBeingPickedThereAndOneThatSucceedsIsPreferred() {
        Scope scope = new Scope(384);
        String sql = "Write a SQL query that returns the ten customers with the highest total order value in %s.";
        String summary = "Summarize this meeting note about the %s launch in two sentences.";
        String[] topics = {"2024", "the last quarter", "Europe", "March", "the holiday season", "our pilot stores"};
        for (int round = 0; round < 3; round++) {
            for (String topic : topics) {
                remember(scope, sql.formatted(topic), "gpt-4o-mini", 0.0);
                remember(scope, sql.formatted(topic), "claude-haiku-4-5", 0.1);
                remember(scope, sql.formatted(topic), "claude-sonnet-4-6", 1.0);
                remember(scope, summary.formatted(topic), "gpt-4o-mini", 1.0);
                remember(scope, summary.formatted(topic), "claude-sonnet-4-6", 1.0);
            }
        }

        Recommendation code = recommender.recommend(task(sql.formatted("Canada"), 5, only(TRIO)), catalog, scope, new Random(3));
        Recommendation prose = recommender.recommend(task(summary.formatted("Canada"), 5, only(TRIO)), catalog, scope, new Random(3));

        assertThat(code.recommended().card().modelId()).isEqualTo("claude-sonnet-4-6");
        assertThat(code.decisionBasis()).isEqualTo("memory");
        assertThat(code.ranked()).filteredOn(c -> c.card().modelId().equals("gpt-4o-mini"))
                .allSatisfy(c -> assertThat(c.predictedSuccess()).isLessThan(0.4));
        assertThat(prose.recommended().card().modelId()).isEqualTo("gpt-4o-mini");
        assertThat(prose.explanation()).contains("gpt-4o-mini is the cheapest model expected to clear it");
    }

    @Test
    void explorationTriesACheaperModelWithinReachOfTheBarButNotOneTheEvidencePutsWellBelowIt() {
        Random alwaysTry = new Random() {
            @Override
            public double nextDouble() {
                return 0;
            }
        };
        String rust = "Write a Rust function that parses an ISO-8601 date string and returns the day of the week.";
        Scope fresh = new Scope(384);
        decide(fresh, rust, 20); // exploration gets 5% of a namespace's decisions
        Recommendation first = recommender.recommend(task(rust, 5, only(TRIO)), catalog, fresh, alwaysTry);

        assertThat(first.classification().taskType()).isEqualTo(TaskType.CODE);
        assertThat(first.selectionPolicy()).isEqualTo("thompson");
        assertThat(first.recommended().card().modelId()).as("the cheapest, known only by its prior").isEqualTo("gpt-4o-mini");
        assertThat(first.warnings()).contains("explore_pick");

        Scope failed = new Scope(384);
        String sql = "Write a SQL query that returns the ten customers with the highest total order value in %s.";
        for (String topic : List.of("2024", "Europe", "March", "the holiday season")) {
            remember(failed, sql.formatted(topic), "gpt-4o-mini", 0.2);
        }
        decide(failed, rust, 20);
        Recommendation after = recommender.recommend(task(rust, 5, only(TRIO)), catalog, failed, alwaysTry);

        assertThat(after.ranked()).filteredOn(c -> c.card().modelId().equals("gpt-4o-mini")).singleElement()
                .satisfies(c -> assertThat(c.predictedSuccess()).isLessThan(after.threshold() - 0.2));
        assertThat(after.selectionPolicy()).isEqualTo("thompson");
        assertThat(after.recommended().card().modelId()).as("still untried, within reach").isEqualTo("claude-haiku-4-5");
    }

    /** {@code count} recommends of {@code text} that never explore. */
    private void decide(Scope scope, String text, int count) {
        for (int i = 0; i < count; i++) {
            recommender.recommend(task(text, 5, only(TRIO)), catalog, scope, new Random(1));
        }
    }

    @Test
    void constraintsThatLeaveNothingAreRefused() {
        Scope scope = new Scope(384);
        assertThatThrownBy(() -> recommender.recommend(task("hello", 5, only(List.of("no-such-model"))), catalog, scope,
                new Random(1))).isInstanceOf(NoCandidateException.class).hasMessage("no models match the supplied constraints");
        assertThatThrownBy(() -> recommender.recommend(task("hello", 5, new Constraints(null, null, null, 1e-12, null, false,
                null, null)), catalog, scope, new Random(1))).hasMessage("no model within max_cost_per_call budget");
    }

    @Test
    void theSliderRaisesTheBarAndMinQualityRaisesItFurther() {
        assertThat(Recommender.threshold(0, 0.9, null)).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Recommender.threshold(5, 0.9, null)).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Recommender.threshold(10, 0.9, null)).isEqualTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Recommender.threshold(5, 0.6, null)).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Recommender.threshold(5, 0.9, 0.95)).isEqualTo(0.95);
    }

    @Test
    void promptsSharingALongPreambleStayApartByTheirRequest() {
        String preamble = ("You are a careful assistant for the operations team of a logistics company. Follow the"
                + " company style guide, be concise, cite the policy section you rely on, never invent numbers, and"
                + " answer in English. ").repeat(12);
        List<String> requests = List.of("Translate the following delivery notice into German: your parcel arrives Monday.",
                "Write a Python function that parses a CSV file of shipments and returns the total weight.",
                "Classify this customer message as complaint, question or praise: the driver was very kind.",
                "Summarize the attached incident report about the delayed trucks in three bullet points.");
        TextEncoder.ChunkStats stats = new TextEncoder.ChunkStats();
        for (int i = 0; i < 20; i++) {
            ENCODER.encode(preamble + "Request number " + i + ": check the inventory levels in warehouse " + i + ".", stats);
        }
        float[] translate = ENCODER.encode(preamble + requests.get(0), stats);
        float[] code = ENCODER.encode(preamble + requests.get(1), stats);
        float[] translateAlone = ENCODER.embedder().embed(requests.get(0));
        // An encoder that reads a text from its start, up to its window, as sentence encoders do.
        float[] naiveTranslate = ENCODER.embedder().embed(firstWords(preamble + requests.get(0), 40));
        float[] naiveCode = ENCODER.embedder().embed(firstWords(preamble + requests.get(1), 40));

        double ours = Vectors.dot(translate, code, 0);
        double naive = Vectors.dot(naiveTranslate, naiveCode, 0);
        assertThat(naive).as("an embedding of the text's start sees the preamble").isGreaterThan(0.9);
        assertThat(ours).as("ours sees the requests").isLessThan(naive - 0.2);
        assertThat((double) Vectors.dot(translate, translateAlone, 0)).isGreaterThan(0.8);
    }

    private static String firstWords(String text, int words) {
        return String.join(" ", java.util.Arrays.copyOf(text.split(" "), words));
    }

    @Test
    void newPromptsDoNotPushAKnownTemplateOutOfTheCache() {
        MiniLmEmbedder model = new MiniLmEmbedder();
        AtomicLong embedded = new AtomicLong();
        Embedder counting = new Embedder() {
            @Override
            public float[] embed(String text) {
                embedded.incrementAndGet();
                return model.embed(text);
            }

            @Override
            public int dimension() {
                return model.dimension();
            }

            @Override
            public String id() {
                return model.id();
            }
        };
        TextEncoder encoder = new TextEncoder(counting, 20);
        TextEncoder.ChunkStats stats = new TextEncoder.ChunkStats();
        String template = "You answer for the plate-reader team. Cite the protocol section. Keep units. Be brief. ";
        for (int i = 0; i < 3; i++) {
            encoder.encode(template + "Question " + i + " about well A" + i + "?", stats);
        }
        for (int i = 0; i < 40; i++) { // more new windows than a cache holds
            encoder.encode("Unrelated request number " + i + ".", stats);
        }
        embedded.set(0);
        encoder.encode(template + "Which wells failed today?", stats);
        assertThat(embedded.get()).as("only the new request's window is embedded; the template's sentences are cached")
                .isEqualTo(1);
    }
}
