package dev.mint.server.experiments;

import static dev.mint.server.experiments.ExperimentApi.assertInvalid;
import static dev.mint.server.experiments.ExperimentApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.test.TestPlatform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/experiments}: envelope, every filter, sorting and paging, over a fixed set of experiments. */
class ExperimentListTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static ExperimentApi api;
    static String admin;
    static String alice;
    static long alphaId;
    static long betaId;
    /** Every seeded experiment by name, as the server reads it back after seeding. */
    static Map<String, JsonNode> seeded;

    @BeforeAll
    static void seed() {
        api = new ExperimentApi(platform);
        admin = platform.adminToken();
        alice = platform.userToken("alice", "member");
        String bob = platform.userToken("bob", "member");
        alphaId = api.project(admin, "Alpha").get("id").asLong();
        betaId = api.project(admin, "Beta").get("id").asLong();

        List<Map<String, Object>> rows = List.of(
                row(alice, "Kinase screen", alphaId, "planned", "custom", "first pass"),
                row(bob, "kinase follow-up", alphaId, "ongoing", "dose_response", null),
                row(alice, "Metabolite panel", betaId, "completed", "metabolomics", "uses KINASE inhibitor"),
                row(alice, "Yield 100% pure", null, "cancelled", "custom", null),
                row(bob, "Yield 100 percent", null, "planned", "custom", null),
                row(alice, "Ratio a_b test", betaId, "ongoing", "dose_response", null),
                row(bob, "Ratio axb test", null, "completed", "custom", "wow! axb"),
                row(alice, "Zebrafish line", alphaId, "planned", "metabolomics", null),
                row(bob, "Buffer prep", betaId, "cancelled", "custom", "50% glycerol"),
                row(alice, "Control run", null, "ongoing", "custom", "raw files at C:\\raw\\run9"));
        for (Map<String, Object> row : rows) {
            String token = (String) row.remove("token");
            api.create(token, row);
        }
        // The oldest experiment becomes the most recently updated one.
        long kinase = api.list(admin, "search=Kinase%20screen").get("experiments").get(0).get("id").asLong();
        assertThat(platform.http().patch("/api/experiments/" + kinase, alice, Map.of("notes", "second pass")).status())
                .isEqualTo(200);

        seeded = new LinkedHashMap<>();
        for (JsonNode e : api.list(admin, "limit=500&sort_by=created_at&sort_order=asc").get("experiments")) {
            seeded.put(e.get("name").asText(), e);
        }
        assertThat(seeded).hasSize(rows.size());
    }

    private static Map<String, Object> row(String token, String name, Long projectId, String status, String type,
                                           String notes) {
        Map<String, Object> row = fields("name", name, "project_id", projectId, "status", status,
                "experiment_type", type, "notes", notes);
        row.put("token", token);
        return row;
    }

    private static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.get("experiments").spliterator(), false).toList();
    }

    /** The names one unpaged query returns (as {@code token}); checks that total counts them all. */
    private static Set<String> names(String token, String query) {
        JsonNode page = api.list(token, "limit=500&" + query);
        List<String> names = items(page).stream().map(e -> e.get("name").asText()).toList();
        assertThat(page.get("total").asLong()).as("total of ?%s", query).isEqualTo(names.size());
        assertThat(names).doesNotHaveDuplicates();
        return new HashSet<>(names);
    }

    private static Set<String> seededWhere(Predicate<JsonNode> predicate) {
        Set<String> names = new HashSet<>();
        seeded.forEach((name, e) -> {
            if (predicate.test(e)) {
                names.add(name);
            }
        });
        return names;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Instant createdAt(JsonNode e) {
        return Instant.parse(e.get("created_at").asText());
    }

    @Test
    void listAnswersEnvelopeWithFullExperimentsAndTotal() {
        JsonNode page = api.list(admin, "");

        List<String> keys = new ArrayList<>();
        page.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("experiments", "total");
        assertThat(page.get("total").asLong()).isEqualTo(seeded.size());
        assertThat(page.get("experiments").size()).isEqualTo(seeded.size());
        for (JsonNode e : page.get("experiments")) {
            assertThat(e).isEqualTo(api.get(admin, e.get("id").asLong()));
        }
    }

    @Test
    void defaultOrderIsNewestFirst() {
        List<String> names = items(api.list(admin, "")).stream().map(e -> e.get("name").asText()).toList();
        List<String> newestFirst = new ArrayList<>(seeded.keySet());
        Collections.reverse(newestFirst);
        assertThat(names).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void filterByStatus() {
        assertThat(names(admin, "status=ongoing")).containsExactlyInAnyOrder("kinase follow-up", "Ratio a_b test", "Control run");
        assertThat(names(admin, "status=cancelled")).containsExactlyInAnyOrder("Yield 100% pure", "Buffer prep");
        assertInvalid(platform.http().get("/api/experiments?status=done", admin), "status");
    }

    @Test
    void filterByExperimentType() {
        assertThat(names(admin, "experiment_type=dose_response"))
                .containsExactlyInAnyOrder("kinase follow-up", "Ratio a_b test");
        assertThat(names(admin, "experiment_type=metabolomics"))
                .containsExactlyInAnyOrder("Metabolite panel", "Zebrafish line");
        assertThat(names(admin, "experiment_type=no_such_type")).isEmpty();
    }

    @Test
    void filterByProjectNameAndProjectId() {
        Set<String> alpha = Set.of("Kinase screen", "kinase follow-up", "Zebrafish line");
        Set<String> beta = Set.of("Metabolite panel", "Ratio a_b test", "Buffer prep");
        assertThat(names(admin, "project=Alpha")).isEqualTo(alpha);
        assertThat(names(admin, "project_id=" + alphaId)).isEqualTo(alpha);
        assertThat(names(admin, "project=Beta")).isEqualTo(beta);
        assertThat(names(admin, "project_id=" + betaId)).isEqualTo(beta);
        assertThat(names(admin, "project=Gamma")).isEmpty();
        assertThat(names(admin, "project_id=999999")).isEmpty();
        assertInvalid(platform.http().get("/api/experiments?project_id=abc", admin), "project_id");
    }

    @Test
    void filtersCombineWithAnd() {
        assertThat(names(admin, "project=Beta&status=ongoing")).containsExactly("Ratio a_b test");
        assertThat(names(admin, "experiment_type=custom&search=yield&status=planned")).containsExactly("Yield 100 percent");
    }

    @ParameterizedTest(name = "search={0}")
    @CsvSource(delimiter = '|', value = {
        "kinase|Kinase screen,kinase follow-up,Metabolite panel",
        "KINASE|Kinase screen,kinase follow-up,Metabolite panel",
        "second PASS|Kinase screen",
        "100%|Yield 100% pure",
        "%|Yield 100% pure,Buffer prep",
        "a_b|Ratio a_b test",
        "_|Ratio a_b test",
        "\\raw|Control run",
        "!|Ratio axb test",
        "!%|",
        "no such thing|"})
    void searchMatchesNameAndNotesCaseInsensitivelyWithLiteralWildcards(String search, String expected) {
        Set<String> want = expected == null ? Set.of() : Set.of(expected.split(","));
        assertThat(names(admin, "search=" + encode(search))).isEqualTo(want);
    }

    @Test
    void searchMatchesTheExperimentCode() {
        JsonNode buffer = seeded.get("Buffer prep");
        String code = buffer.get("experiment_code").asText();
        assertThat(names(admin, "search=" + encode(code))).containsExactly("Buffer prep");
        assertThat(names(admin, "search=" + encode(code.toLowerCase()))).containsExactly("Buffer prep");
    }

    @Test
    void mineListsOnlyTheCallersExperiments() {
        Set<String> byAlice = Set.of("Kinase screen", "Metabolite panel", "Yield 100% pure", "Ratio a_b test",
                "Zebrafish line", "Control run");
        assertThat(names(alice, "mine=true")).isEqualTo(byAlice);
        assertThat(names(alice, "mine=false")).isEqualTo(seeded.keySet());
        assertThat(names(admin, "mine=true")).isEmpty();
        assertInvalid(platform.http().get("/api/experiments?mine=maybe", alice), "mine");
    }

    @Test
    void createdAfterIsInclusiveAndCreatedBeforeExclusive() {
        Instant t = createdAt(seeded.get("Ratio a_b test"));
        Set<String> atOrAfter = seededWhere(e -> !createdAt(e).isBefore(t));
        Set<String> before = seededWhere(e -> createdAt(e).isBefore(t));
        assertThat(atOrAfter).contains("Ratio a_b test", "Control run").doesNotContain("Kinase screen");

        for (String form : List.of(t.toString(), t.atOffset(ZoneOffset.ofHours(2)).toString(),
                t.atOffset(ZoneOffset.ofHoursMinutes(-5, -30)).toString())) {
            assertThat(names(admin, "created_after=" + encode(form))).as(form).isEqualTo(atOrAfter);
            assertThat(names(admin, "created_before=" + encode(form))).as(form).isEqualTo(before);
        }
        assertThat(names(admin, "created_after=" + encode(t.toString()) + "&created_before=" + encode(t.plusMillis(1).toString())))
                .contains("Ratio a_b test");
    }

    @Test
    void createdAfterAndBeforeAcceptPlainDatesAsUtcMidnight() {
        LocalDate firstDay = LocalDate.ofInstant(seeded.values().stream().map(ExperimentListTest::createdAt)
                .min(Comparator.naturalOrder()).orElseThrow(), ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(seeded.values().stream().map(ExperimentListTest::createdAt)
                .max(Comparator.naturalOrder()).orElseThrow(), ZoneOffset.UTC);

        assertThat(names(admin, "created_after=" + firstDay)).isEqualTo(seeded.keySet());
        assertThat(names(admin, "created_after=" + lastDay.plusDays(1))).isEmpty();
        assertThat(names(admin, "created_before=" + firstDay)).isEmpty();
        assertThat(names(admin, "created_before=" + lastDay.plusDays(1))).isEqualTo(seeded.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "2026-02-30", "2026-05-01T25:00:00Z", "2026-05-01 10:00", "1714550400"})
    void invalidCreatedAfterOrBeforeIs422(String value) {
        assertInvalid(platform.http().get("/api/experiments?created_after=" + encode(value), admin), "created_after");
        assertInvalid(platform.http().get("/api/experiments?created_before=" + encode(value), admin), "created_before");
    }

    static Stream<Arguments> sorts() {
        Map<String, Function<JsonNode, Comparable>> keys = new LinkedHashMap<>();
        keys.put("created_at", e -> Instant.parse(e.get("created_at").asText()));
        keys.put("updated_at", e -> Instant.parse(e.get("updated_at").asText()));
        keys.put("name", e -> e.get("name").asText());
        keys.put("status", e -> e.get("status").asText());
        keys.put("experiment_code", e -> Long.parseLong(e.get("experiment_code").asText().substring("EXP-".length())));
        return keys.entrySet().stream().flatMap(k -> Stream.of(
                Arguments.of(k.getKey(), "asc", k.getValue()), Arguments.of(k.getKey(), "desc", k.getValue())));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @ParameterizedTest(name = "sort_by={0}&sort_order={1}")
    @MethodSource("sorts")
    void sortsByEveryKeyInBothDirectionsWithIdAsTieBreak(String sortBy, String order, Function<JsonNode, Comparable> key) {
        List<JsonNode> page = items(api.list(admin, "limit=500&sort_by=" + sortBy + "&sort_order=" + order));

        Comparator<JsonNode> comparator = Comparator.comparing(key, Comparator.naturalOrder());
        comparator = comparator.thenComparing(e -> e.get("id").asLong());
        if (order.equals("desc")) {
            comparator = comparator.reversed();
        }
        assertThat(page).hasSize(seeded.size()).isSortedAccordingTo(comparator);
        assertThat(page.stream().map(e -> e.get("name").asText())).containsExactlyInAnyOrderElementsOf(seeded.keySet());
    }

    @Test
    void sortingIsVisibleInTheData() {
        assertThat(items(api.list(admin, "sort_by=updated_at&sort_order=desc")).get(0).get("name").asText())
                .isEqualTo("Kinase screen");
        assertThat(items(api.list(admin, "sort_by=name&sort_order=asc")).get(0).get("name").asText())
                .isEqualTo("Buffer prep");
        assertThat(items(api.list(admin, "sort_by=name&sort_order=desc")).get(0).get("name").asText())
                .isEqualTo("kinase follow-up");
        assertThat(items(api.list(admin, "sort_by=status&sort_order=asc")).get(0).get("status").asText())
                .isEqualTo("cancelled");
    }

    @ParameterizedTest
    @CsvSource({"sort_by,id", "sort_by,project", "sort_by,name desc", "sort_order,up", "sort_order,ascending"})
    void invalidSortIs422(String param, String value) {
        assertInvalid(platform.http().get("/api/experiments?" + param + "=" + encode(value), admin), param);
    }

    @Test
    void pagesDoNotOverlapAndTogetherGiveEveryRow() {
        String order = "sort_by=name&sort_order=asc";
        List<String> all = items(api.list(admin, "limit=500&" + order)).stream().map(e -> e.get("name").asText()).toList();
        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int skip = 0; skip <= seeded.size(); skip += 3) {
            JsonNode page = api.list(admin, order + "&limit=3&skip=" + skip);
            assertThat(page.get("total").asLong()).isEqualTo(seeded.size());
            sizes.add(page.get("experiments").size());
            items(page).forEach(e -> paged.add(e.get("name").asText()));
        }
        assertThat(sizes).containsExactly(3, 3, 3, 1);
        assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(all);

        JsonNode beyond = api.list(admin, order + "&limit=3&skip=1000");
        assertThat(beyond.get("experiments").size()).isZero();
        assertThat(beyond.get("total").asLong()).isEqualTo(seeded.size());
    }

    @Test
    void totalOfAFilteredPageCountsEveryMatch() {
        JsonNode first = api.list(admin, "status=ongoing&sort_by=name&limit=2");
        JsonNode second = api.list(admin, "status=ongoing&sort_by=name&limit=2&skip=2");
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("experiments").size()).isEqualTo(2);
        assertThat(second.get("experiments").size()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501", "abc", "1.5"})
    void invalidLimitIs422(String limit) {
        assertInvalid(platform.http().get("/api/experiments?limit=" + limit, admin), "limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "x"})
    void invalidSkipIs422(String skip) {
        assertInvalid(platform.http().get("/api/experiments?skip=" + skip, admin), "skip");
    }

    @Test
    void limitOfOneAndOfFiveHundredAreAccepted() {
        assertThat(api.list(admin, "limit=1").get("experiments").size()).isEqualTo(1);
        assertThat(api.list(admin, "limit=500").get("experiments").size()).isEqualTo(seeded.size());
    }
}
