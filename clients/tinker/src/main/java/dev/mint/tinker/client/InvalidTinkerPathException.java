package dev.mint.tinker.client;

/**
 * A {@code tinker://} path or checkpoint id that does not have the form
 * {@code tinker://<training_run_id>/(weights|sampler_weights)/<name>}. Thrown by the caller's own thread,
 * before any request is sent. The message starts with {@code Invalid tinker path: } as upstream's does,
 * then names the path and what is wrong with it.
 */
public final class InvalidTinkerPathException extends IllegalArgumentException {
    private final String path;

    InvalidTinkerPathException(String path, String problem) {
        super("Invalid tinker path: " + path + " (" + problem + ")");
        this.path = path;
    }

    /** The string that was rejected, as given. */
    public String path() {
        return path;
    }
}
