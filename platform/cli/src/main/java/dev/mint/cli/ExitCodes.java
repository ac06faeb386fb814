package dev.mint.cli;

/** Exit codes scripts can rely on. */
final class ExitCodes {
    static final int OK = 0;
    /** Anything that went wrong at run time: unreachable server, refused request, bad configuration. */
    static final int FAILURE = 1;
    /** Wrong flags or arguments (picocli's own code). */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
