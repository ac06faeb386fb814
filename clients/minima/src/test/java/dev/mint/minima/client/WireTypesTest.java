package dev.mint.minima.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.client.core.JsonCodec;
import dev.mint.minima.client.model.Constraints;
import dev.mint.minima.client.model.DecisionBasis;
import dev.mint.minima.client.model.Difficulty;
import dev.mint.minima.client.model.ErrorCause;
import dev.mint.minima.client.model.EvidenceSource;
import dev.mint.minima.client.model.FeedbackRequest;
import dev.mint.minima.client.model.Outcome;
import dev.mint.minima.client.model.RecommendRequest;
import dev.mint.minima.client.model.RecommendResponse;
import dev.mint.minima.client.model.TaskInput;
import dev.mint.minima.client.model.TaskType;
import dev.mint.minima.client.model.WorkflowRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire types on their own: enum names, omitted fields, builder checks. */
class WireTypesTest {
    private static String json(Object value) {
        return new String(JsonCodec.snakeCase().write(value), StandardCharsets.UTF_8);
    }

    @Test
    void enumsUseLowercaseWireNames() {
        assertThat(json(List.of(TaskType.TOOL_USE, Difficulty.EXPERT, Outcome.PARTIAL, EvidenceSource.NONE, ErrorCause.INFRA)))
                .isEqualTo("[\"tool_use\",\"expert\",\"partial\",\"none\",\"infra\"]");
        assertThat(TaskType.fromWire("tool_use")).isEqualTo(TaskType.TOOL_USE);
        assertThat(Outcome.fromWire("Success")).isEqualTo(Outcome.SUCCESS);
        assertThatThrownBy(() -> Difficulty.fromWire("impossible")).hasMessage("unknown Difficulty 'impossible'");
    }

    @Test
    void aResponseWithValuesNewerThanThisClientStillReads() throws Exception {
        String newer = Fixtures.resource("recommend-response.json")
                .replaceAll("\"decision_basis\": *\"[a-z]+\"", "\"decision_basis\": \"ensemble\"")
                .replaceAll("\"classified_task_type\": *\"[a-z_]+\"", "\"classified_task_type\": \"agentic\"")
                .replaceAll("\"classified_difficulty\": *\"[a-z]+\"", "\"classified_difficulty\": \"extreme\"");
        RecommendResponse response = JsonCodec.snakeCase().read(newer.getBytes(StandardCharsets.UTF_8), RecommendResponse.class);

        assertThat(response.decisionBasis()).isEqualTo(DecisionBasis.UNKNOWN);
        assertThat(response.classifiedTaskType()).isEqualTo(TaskType.OTHER);
        assertThat(response.classifiedDifficulty()).isEqualTo(Difficulty.UNKNOWN);
        // what a caller passes is still checked strictly
        assertThatThrownBy(() -> TaskType.fromWire("agentic")).hasMessage("unknown TaskType 'agentic'");
    }

    @Test
    void qualityMapsToOutcomeAtTheUpstreamThresholds() {
        assertThat(Outcome.forQuality(1.0)).isEqualTo(Outcome.SUCCESS);
        assertThat(Outcome.forQuality(0.8)).isEqualTo(Outcome.SUCCESS);
        assertThat(Outcome.forQuality(0.79)).isEqualTo(Outcome.PARTIAL);
        assertThat(Outcome.forQuality(0.4)).isEqualTo(Outcome.PARTIAL);
        assertThat(Outcome.forQuality(0.39)).isEqualTo(Outcome.FAILURE);
        assertThat(Outcome.forQuality(0)).isEqualTo(Outcome.FAILURE);
        assertThatThrownBy(() -> Outcome.forQuality(1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outcome.forQuality(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsetFieldsAreLeftOutButExplicitEmptyListsAreKept() {
        assertThat(json(RecommendRequest.of(TaskInput.of("x")))).isEqualTo("{\"task\":{\"task\":\"x\"}}");
        assertThat(json(Constraints.none())).isEqualTo("{}");
        // an empty candidate list is a (strange) constraint of its own, not "no constraint"
        assertThat(json(Constraints.builder().candidateModels(List.of()).requirePromptCaching(false).build()))
                .isEqualTo("{\"candidate_models\":[],\"require_prompt_caching\":false}");
    }

    @Test
    void buildersRejectOutOfRangeValues() {
        assertThatThrownBy(() -> TaskInput.of("")).hasMessage("task must not be empty");
        assertThatThrownBy(() -> RecommendOptions.builder().costQualityTradeoff(11))
                .hasMessageContaining("[0, 10]");
        assertThatThrownBy(() -> RecommendOptions.builder().maxCandidates(65)).hasMessageContaining("1..64");
        assertThatThrownBy(() -> Constraints.builder().minQuality(1.5)).hasMessageContaining("minQuality");
        assertThatThrownBy(() -> FeedbackRequest.builder("r", "m", Outcome.SUCCESS).qualityScore(-0.1))
                .hasMessageContaining("qualityScore");
        assertThatThrownBy(() -> FeedbackRequest.builder("r", "m", Outcome.SUCCESS).signal("Retried", true))
                .hasMessageContaining("[a-z_]{1,32}");
        assertThatThrownBy(() -> FeedbackRequest.builder("r", "m", Outcome.SUCCESS).labelPropensity(0))
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> FeedbackRequest.builder("", "m", Outcome.SUCCESS)).hasMessageContaining("recommendationId");
        assertThatThrownBy(() -> WorkflowRequest.builder().build()).hasMessageContaining("at least one step");
    }

    @Test
    void atMostSixteenSignals() {
        FeedbackRequest.Builder feedback = FeedbackRequest.builder("r", "m", Outcome.SUCCESS);
        for (int i = 0; i < 16; i++) {
            feedback.signal("s_" + (char) ('a' + i), true);
        }
        assertThatThrownBy(() -> feedback.signal("one_too_many", true)).hasMessage("at most 16 signals");
        assertThat(feedback.build().signals().orElseThrow()).hasSize(16);
    }

    @Test
    void toBuilderRoundTrips() {
        FeedbackRequest feedback = FeedbackRequest.builder("r", "m", Outcome.FAILURE).errorCause(ErrorCause.INFRA)
                .evidenceSource(EvidenceSource.NONE).latencyMs(12).signal("retried", true).build();
        assertThat(feedback.toBuilder().build()).isEqualTo(feedback);
        TaskInput task = TaskInput.builder("x").taskType(TaskType.RAG).expectedOutputTokens(0).tag("a").build();
        assertThat(task.toBuilder().build()).isEqualTo(task);
        assertThat(task.withTag("a")).isSameAs(task);
        assertThat(task.withTag("b").tags()).containsExactly("a", "b");
    }
}
