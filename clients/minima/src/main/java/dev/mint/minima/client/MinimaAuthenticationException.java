package dev.mint.minima.client;

/**
 * 401: no API key was sent and the server has no fallback key, or the key is not in a form the server
 * accepts (the hosted service expects a Mubit key, {@code mbt_...}).
 */
public class MinimaAuthenticationException extends MinimaException {
    MinimaAuthenticationException(Problem problem) {
        super(problem, null);
    }
}
