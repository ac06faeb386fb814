package dev.mint.server.experiments;

import java.util.Map;

/**
 * What the platform tells plugins about experiment writes. {@link #beforeDesignSave} runs before the
 * write and may refuse it by throwing (400); the other two run after the change is committed and never fail it.
 */
public interface ExperimentHooks {
    ExperimentHooks NONE = new ExperimentHooks() {
        @Override
        public void beforeDesignSave(long experimentId, Map<String, Object> data) {
        }

        @Override
        public void afterDesignSave(long experimentId, Map<String, Object> data) {
        }

        @Override
        public void statusChanged(long experimentId, String oldStatus, String newStatus) {
        }
    };

    /** @throws dev.mint.sdk.ValidationException when a plugin vetoes the write */
    void beforeDesignSave(long experimentId, Map<String, Object> data);

    void afterDesignSave(long experimentId, Map<String, Object> data);

    void statusChanged(long experimentId, String oldStatus, String newStatus);
}
