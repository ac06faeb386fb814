package dev.mint.server.experiments;

import static dev.mint.server.experiments.ExperimentApi.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestHttp;
import dev.mint.server.test.TestPlatform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code EXP-NNN} codes the platform assigns: a gapless global sequence, also under concurrent creates. */
class ExperimentCodeTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static ExperimentApi api;
    static String admin;
    static String member;
    /** The very first experiment of this platform, created before any test runs. */
    static JsonNode first;

    @BeforeAll
    static void start() {
        api = new ExperimentApi(platform);
        admin = platform.adminToken();
        first = api.create(admin, "First");
        member = platform.userToken("mia", "member");
    }

    private static long number(JsonNode experiment) {
        String code = experiment.get("experiment_code").asText();
        assertThat(code).matches("EXP-\\d{3,}");
        return Long.parseLong(code.substring("EXP-".length()));
    }

    /** The highest code number assigned so far (this platform holds fewer than 500 experiments). */
    private static long highestNumber() {
        JsonNode page = api.list(admin, "limit=500");
        assertThat(page.get("total").asLong()).isLessThan(500);
        long highest = 0;
        for (JsonNode experiment : page.get("experiments")) {
            highest = Math.max(highest, number(experiment));
        }
        return highest;
    }

    @Test
    void firstExperimentOfAPlatformIsExp001() {
        assertThat(first.get("experiment_code").asText()).isEqualTo("EXP-001");
    }

    @Test
    void sequentialCreatesGetConsecutiveZeroPaddedCodes() {
        long start = highestNumber();
        JsonNode a = api.create(admin, "Next A");
        JsonNode b = api.create(member, "Next B");

        assertThat(number(a)).isEqualTo(start + 1);
        assertThat(number(b)).isEqualTo(start + 2);
        if (start + 2 < 1000) {
            assertThat(b.get("experiment_code").asText()).isEqualTo(String.format("EXP-%03d", start + 2));
        }
    }

    @Test
    void refusedCreatesDoNotBreakUniquenessOrOrder() {
        JsonNode before = api.create(admin, "Before refusal");
        assertInvalid(platform.http().post("/api/experiments", admin, Map.of("name", "x", "experiment_type", "nope")),
                "experiment_type");
        assertInvalid(platform.http().post("/api/experiments", admin, Map.of("name", "x", "project_id", 999_999)),
                "project_id");
        JsonNode after = api.create(admin, "After refusal");

        assertThat(number(after)).isGreaterThan(number(before));
    }

    @Test
    void codesGrowPastThreeDigitsAndSortNumerically() {
        // Reaching EXP-999 through the API would take a thousand creates; move the sequence instead.
        long from = Math.max(highestNumber(), 997);
        platform.server().database().jdbi().useHandle(h -> h
                .createUpdate("UPDATE counters SET value = :v WHERE name = 'experiment_code'").bind("v", from).execute());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            codes.add(api.create(admin, "Wide code " + i).get("experiment_code").asText());
        }
        assertThat(codes).containsExactly(String.format("EXP-%03d", from + 1), String.format("EXP-%03d", from + 2),
                String.format("EXP-%03d", from + 3));

        for (String order : List.of("asc", "desc")) {
            List<Long> numbers = new ArrayList<>();
            api.list(admin, "limit=500&sort_by=experiment_code&sort_order=" + order).get("experiments")
                    .forEach(e -> numbers.add(number(e)));
            if (order.equals("asc")) {
                assertThat(numbers).isSorted();
            } else {
                assertThat(numbers).isSortedAccordingTo(Comparator.reverseOrder());
            }
        }
    }

    @Test
    void fortyParallelCreatesAllSucceedWithDistinctGaplessCodes() {
        int creates = 40;
        long start = highestNumber();
        long totalBefore = api.total(admin);

        List<TestHttp.Response> responses = ExperimentApi.inParallel(creates, i -> platform.http().post("/api/experiments",
                i % 2 == 0 ? admin : member, Map.of("name", "Parallel " + i)));

        List<Long> numbers = new ArrayList<>();
        for (TestHttp.Response response : responses) {
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            numbers.add(number(response.json()));
        }
        assertThat(numbers).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(start + 1, start + creates).boxed().toList());
        assertThat(api.total(admin)).isEqualTo(totalBefore + creates);
    }
}
