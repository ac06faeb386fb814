package dev.mint.tinker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mint.tinker.client.model.CheckpointType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code tinker://} parsing, with upstream's rules plus the rejection of empty parts. */
class TinkerPathTest {
    private static final String RUN = "5f0c2a9e-1111-5222-8333-444455556666:train:0";

    @Test
    void trainingCheckpointPath() {
        TinkerPath path = TinkerPath.parse("tinker://" + RUN + "/weights/step-100");
        assertThat(path.trainingRunId()).isEqualTo(RUN);
        assertThat(path.type()).isEqualTo(CheckpointType.TRAINING);
        assertThat(path.name()).isEqualTo("step-100");
        assertThat(path.checkpointId()).isEqualTo("weights/step-100");
        assertThat(path).hasToString("tinker://" + RUN + "/weights/step-100");
    }

    @Test
    void samplerCheckpointPath() {
        TinkerPath path = TinkerPath.parse("tinker://run-id/sampler_weights/final");
        assertThat(path.trainingRunId()).isEqualTo("run-id");
        assertThat(path.type()).isEqualTo(CheckpointType.SAMPLER);
        assertThat(path.checkpointId()).isEqualTo("sampler_weights/final");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tinker://a:b:c/weights/n", "tinker://r/weights/name with spaces", "tinker://r/weights/0001",
            "tinker://r/weights/a:b", "tinker://r/weights/ü?#%", "tinker://r/sampler_weights/weights"})
    void namesAndRunIdsKeepEveryCharacterButSlash(String text) {
        assertThat(TinkerPath.parse(text)).hasToString(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|must start with tinker://",
            "run/weights/x|must start with tinker://",
            "TINKER://r/weights/x|must start with tinker://",
            "tinker:/r/weights/x|must start with tinker://",
            "' tinker://r/weights/x'|must start with tinker://",
            "https://r/weights/x|must start with tinker://",
            "tinker://|found 1 part after",
            "tinker://bad|found 1 part after",
            "tinker://r/weights|found 2 parts after",
            "tinker://r/weights/x/y|found 4 parts after",
            "tinker://r/weights/x/|found 4 parts after",
            "tinker:///r/weights/x|found 4 parts after",
            "tinker://r/checkpoints/x|second part must be weights or sampler_weights, not 'checkpoints'",
            "tinker://r/Weights/x|second part must be weights or sampler_weights, not 'Weights'",
            "tinker://r/training/x|second part must be weights or sampler_weights, not 'training'",
            "tinker://r//x|second part must be weights or sampler_weights, not ''",
            "tinker:///weights/x|training run id is empty",
            "tinker://r/weights/|checkpoint name is empty",
            "tinker://r/sampler_weights/|checkpoint name is empty"})
    void malformedPathsAreRejectedWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> TinkerPath.parse(text))
                .isInstanceOf(InvalidTinkerPathException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid tinker path: " + text + " (")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((InvalidTinkerPathException) e).path()).isEqualTo(text));
        assertThat(TinkerPath.tryParse(text)).isEmpty();
    }

    @Test
    void nullIsNotAPath() {
        assertThatThrownBy(() -> TinkerPath.parse(null)).isInstanceOf(NullPointerException.class);
        assertThat(TinkerPath.tryParse(null)).isEmpty();
    }

    @Test
    void builtFromRunAndCheckpointId() {
        assertThat(TinkerPath.of(RUN, "weights/0001")).isEqualTo(TinkerPath.parse("tinker://" + RUN + "/weights/0001"));
        assertThat(TinkerPath.of(RUN, CheckpointType.SAMPLER, "final")).hasToString("tinker://" + RUN + "/sampler_weights/final");
        assertThat(TinkerPath.of("r", "weights/x").hashCode()).isEqualTo(TinkerPath.parse("tinker://r/weights/x").hashCode());
        assertThat(TinkerPath.of("r", "weights/x")).isNotEqualTo(TinkerPath.of("r", "sampler_weights/x"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "r|0001|checkpoint id '0001' must be weights/<name> or sampler_weights/<name>",
            "r|weights/a/b|checkpoint id 'weights/a/b' must be",
            "r|other/a|not 'other'",
            "r|weights/|checkpoint name is empty",
            "''|weights/a|training run id is empty",
            "a/b|weights/a|training run id must not contain '/'"})
    void badRunOrCheckpointIdsAreRejected(String run, String checkpointId, String reason) {
        assertThatThrownBy(() -> TinkerPath.of(run, checkpointId))
                .isInstanceOf(InvalidTinkerPathException.class).hasMessageContaining(reason);
    }

    @Test
    void checkpointTypeNames() {
        assertThat(CheckpointType.TRAINING.wireName()).isEqualTo("training");
        assertThat(CheckpointType.SAMPLER.pathSegment()).isEqualTo("sampler_weights");
        assertThat(CheckpointType.ofPathSegment("weights")).contains(CheckpointType.TRAINING);
        assertThat(CheckpointType.ofPathSegment("training")).isEmpty();
    }
}
