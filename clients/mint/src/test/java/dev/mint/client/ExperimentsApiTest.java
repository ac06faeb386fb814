package dev.mint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.client.core.Page;
import dev.mint.client.model.AnalysisResult;
import dev.mint.client.model.DesignData;
import dev.mint.client.model.Experiment;
import dev.mint.client.model.ExperimentType;
import dev.mint.server.test.TestPlatform;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExperimentsApiTest {
    @RegisterExtension
    static final TestPlatform platform = TestPlatform.perClass();
    static MintClient client;

    @BeforeAll
    static void connect() {
        client = Clients.admin(platform);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void createGetUpdateDelete() {
        Experiment created = client.experiments().create(ExperimentFields.builder().name("Dose response in HeLa")
                .experimentType("dose_response").notes("first pass").tags(Map.of("cell_line", "HeLa"))
                .startDate(LocalDate.of(2026, 3, 1)).build());
        assertThat(created.id()).isPositive();
        assertThat(created.experimentCode()).matches("[A-Z-]*EXP-\\d{3,}");
        assertThat(created.status()).isEqualTo("planned");
        assertThat(created.notes()).contains("first pass");
        assertThat(created.tags()).containsEntry("cell_line", "HeLa");
        assertThat(created.startDate()).contains("2026-03-01");
        assertThat(created.createdByUser()).hasValueSatisfying(u -> assertThat(u.username()).isEqualTo("admin"));

        assertThat(client.experiments().get(created.id())).isEqualTo(created);

        Experiment updated = client.experiments().update(created.id(),
                ExperimentFields.builder().status("ongoing").set("notes", null).build());
        assertThat(updated.status()).isEqualTo("ongoing");
        assertThat(updated.notes()).isEmpty();
        assertThat(updated.name()).isEqualTo("Dose response in HeLa");

        client.experiments().delete(created.id());
        assertThatThrownBy(() -> client.experiments().get(created.id()))
                .isInstanceOfSatisfying(MintNotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).contains("NOT_FOUND");
                    assertThat(e.requestId()).isPresent();
                });
    }

    @Test
    void createWithNameAndTypeShortcut() {
        Experiment experiment = client.experiments().create("Shortcut", "custom");
        assertThat(experiment.experimentType()).isEqualTo("custom");
    }

    @Test
    void invalidFieldsRaiseValidationErrors() {
        assertThatThrownBy(() -> client.experiments().create(ExperimentFields.builder().name("x").status("exploded").build()))
                .isInstanceOfSatisfying(MintValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("status");
                });
        assertThatThrownBy(() -> client.experiments().create(ExperimentFields.builder().build()))
                .isInstanceOf(MintValidationException.class);
    }

    @Test
    void listFiltersSortsAndCountsTotal() {
        String marker = "filter-" + System.nanoTime();
        for (String status : List.of("planned", "completed", "completed")) {
            client.experiments().create(ExperimentFields.builder().name(marker + " " + status).status(status)
                    .experimentType("dose_response").build());
        }
        Page<Experiment> completed = client.experiments().list(ExperimentListParams.builder().search(marker)
                .status("completed").build());
        assertThat(completed.total()).isEqualTo(2);
        assertThat(completed.items()).extracting(Experiment::status).containsOnly("completed");

        Page<Experiment> byName = client.experiments().list(ExperimentListParams.builder().search(marker)
                .sortBy("name").sortOrder("asc").experimentType("dose_response").mine(true)
                .createdAfter(LocalDate.now().minusDays(1)).createdBefore(Instant.now().plusSeconds(60)).build());
        assertThat(byName.items()).extracting(Experiment::name)
                .containsExactly(marker + " completed", marker + " completed", marker + " planned");
        assertThat(client.experiments().list(ExperimentListParams.builder().search(marker)
                .createdAfter(LocalDate.now().plusDays(2)).build()).total()).isZero();
    }

    @Test
    void pagesAndIterateAllAcrossPageBoundaries() {
        String marker = "paging-" + System.nanoTime();
        IntStream.range(0, 7).forEach(i -> client.experiments().create(marker + " " + i, "custom"));
        ExperimentListParams params = ExperimentListParams.builder().search(marker).sortBy("name").sortOrder("asc")
                .limit(3).build();

        Page<Experiment> first = client.experiments().list(params);
        assertThat(first.items()).hasSize(3);
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.hasMore()).isTrue();
        Page<Experiment> last = client.experiments().list(params.toBuilder().skip(6).build());
        assertThat(last.items()).extracting(Experiment::name).containsExactly(marker + " 6");
        assertThat(last.hasMore()).isFalse();

        assertThat(client.experiments().iterateAll(params).stream().map(Experiment::name).toList())
                .containsExactlyElementsOf(IntStream.range(0, 7).mapToObj(i -> marker + " " + i).toList());
        assertThat(client.experiments().iterateAll(params.toBuilder().skip(5).build()).stream().count()).isEqualTo(2);
    }

    @Test
    void typesListActiveAndInactive() {
        List<ExperimentType> types = client.experiments().types();
        assertThat(types).extracting(ExperimentType::value).contains("custom", "dose_response");
        assertThat(types).allMatch(ExperimentType::active);
        platform.http().post("/api/admin/experiment-types", platform.adminToken(),
                Map.of("value", "retired_kind", "label", "Retired", "active", false));
        assertThat(client.experiments().types()).extracting(ExperimentType::value).doesNotContain("retired_kind");
        assertThat(client.experiments().types(true)).extracting(ExperimentType::value).contains("retired_kind");
    }

    @Test
    void designDataSaveGetDelete() {
        Experiment experiment = client.experiments().create("With design", "custom");
        assertThatThrownBy(() -> client.experiments().getData(experiment.id())).isInstanceOf(MintNotFoundException.class);

        Map<String, Object> data = new HashMap<>();
        data.put("wells", List.of(Map.of("id", "A1", "dose", 0.5)));
        data.put("note", null);
        DesignData saved = client.experiments().saveData(experiment.id(), "panel-designer", data);
        assertThat(saved.pluginId()).isEqualTo("panel-designer");
        assertThat(saved.schemaVersion()).isEqualTo("1.0");
        assertThat(saved.data()).containsKey("note").containsKey("wells");

        DesignData read = client.experiments().getData(experiment.id());
        assertThat(read.data()).isEqualTo(saved.data());
        assertThat(client.experiments().get(experiment.id()).hasDesignData()).isTrue();

        DesignData v2 = client.experiments().saveData(experiment.id(), "panel-designer", Map.of("wells", List.of()), "2.0");
        assertThat(v2.schemaVersion()).isEqualTo("2.0");
        assertThatThrownBy(() -> client.experiments().saveData(experiment.id(), "other-plugin", Map.of()))
                .isInstanceOf(MintConflictException.class);

        client.experiments().deleteData(experiment.id());
        assertThatThrownBy(() -> client.experiments().getData(experiment.id())).isInstanceOf(MintNotFoundException.class);
        assertThatThrownBy(() -> client.experiments().deleteData(experiment.id())).isInstanceOf(MintNotFoundException.class);
    }

    @Test
    void analysisResultsSaveListGetDelete() {
        Experiment experiment = client.experiments().create("With results", "custom");
        assertThat(client.experiments().listResults(experiment.id())).isEmpty();

        AnalysisResult ic50 = client.experiments().saveResult(experiment.id(), "ic50-fit", Map.of("ic50", 1.25));
        client.experiments().saveResult(experiment.id(), "a.plugin", Map.of("ok", true));
        assertThat(ic50.result()).containsEntry("ic50", 1.25);

        assertThat(client.experiments().listResults(experiment.id())).extracting(AnalysisResult::pluginId)
                .containsExactly("a.plugin", "ic50-fit");
        assertThat(client.experiments().getResult(experiment.id(), "a.plugin").result()).containsEntry("ok", true);

        AnalysisResult replaced = client.experiments().saveResult(experiment.id(), "ic50-fit", Map.of("ic50", 2));
        assertThat(replaced.id()).isEqualTo(ic50.id());
        assertThat(replaced.result()).containsEntry("ic50", 2);

        client.experiments().deleteResult(experiment.id(), "ic50-fit");
        assertThatThrownBy(() -> client.experiments().getResult(experiment.id(), "ic50-fit"))
                .isInstanceOf(MintNotFoundException.class);
        assertThat(client.experiments().listResults(experiment.id())).hasSize(1);
    }

    @Test
    void permissionsMapToPermissionErrors() {
        try (MintClient viewer = Clients.withToken(platform, platform.userToken("exp-viewer", "viewer"))) {
            Experiment experiment = client.experiments().create("Visible to viewers", "custom");
            assertThat(viewer.experiments().get(experiment.id()).name()).isEqualTo("Visible to viewers");
            assertThatThrownBy(() -> viewer.experiments().create("Not allowed", "custom"))
                    .isInstanceOfSatisfying(MintPermissionException.class, e -> assertThat(e.status()).isEqualTo(403));
            assertThatThrownBy(() -> viewer.experiments().delete(experiment.id())).isInstanceOf(MintPermissionException.class);
        }
    }
}
