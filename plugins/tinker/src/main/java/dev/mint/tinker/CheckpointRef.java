package dev.mint.tinker;

/**
 * One checkpoint by name: {@code tinker://<run>/<weights|sampler_weights>/<name>}, whose REST checkpoint id
 * is {@code <weights|sampler_weights>/<name>}. Parsed as the SDK parses it, but stricter: no part may be
 * empty and names are limited to what a path segment can carry.
 */
record CheckpointRef(String runId, CheckpointKind kind, String name) {
    static final String SCHEME = "tinker://";
    private static final int MAX_NAME = 200;

    /** Parses a {@code tinker://} path, or a 400 naming what is wrong. */
    static CheckpointRef parse(String path) {
        if (path == null || path.isBlank()) {
            throw TinkerError.badRequest("tinker_path is required, e.g. tinker://<training_run_id>/weights/<name>");
        }
        if (!path.startsWith(SCHEME)) {
            throw TinkerError.badRequest("Invalid tinker path: " + path + " (it must start with tinker://)");
        }
        String[] parts = path.substring(SCHEME.length()).split("/", -1);
        if (parts.length != 3) {
            throw TinkerError.badRequest("Invalid tinker path: " + path
                    + " (expected tinker://<training_run_id>/<weights|sampler_weights>/<name>)");
        }
        if (parts[0].isEmpty()) {
            throw TinkerError.badRequest("Invalid tinker path: " + path + " (the training run id is empty)");
        }
        try {
            return of(parts[0], parts[1], parts[2]);
        } catch (TinkerError e) {
            throw TinkerError.badRequest("Invalid tinker path: " + path + " (" + e.getMessage() + ")");
        }
    }

    /** From the parts of a REST path, or a 400. */
    static CheckpointRef of(String runId, String kindSegment, String name) {
        CheckpointKind kind = CheckpointKind.fromSegment(kindSegment);
        return new CheckpointRef(runId, kind, checkName(name));
    }

    /** A checkpoint name as {@code save_weights} sends it: one non-empty path segment. */
    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw TinkerError.badRequest("Invalid checkpoint name: it is empty");
        }
        if (name.contains("/") || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw TinkerError.badRequest("Invalid checkpoint name '" + name + "': at most " + MAX_NAME
                    + " characters, no '/' and no control characters");
        }
        return name;
    }

    /** {@code weights/<name>} or {@code sampler_weights/<name>}. */
    String checkpointId() {
        return kind.segment() + "/" + name;
    }

    String tinkerPath() {
        return SCHEME + runId + "/" + checkpointId();
    }
}
