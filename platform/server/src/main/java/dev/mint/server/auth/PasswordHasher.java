package dev.mint.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt password hashing (cost 10). Verifying an unknown user still costs one bcrypt run. */
public final class PasswordHasher {
    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;
    private static final int COST = 10;
    private static final byte[] DUMMY_PASSWORD = "not-a-password".getBytes(StandardCharsets.UTF_8);
    private static final String DUMMY = BCrypt.withDefaults().hashToString(COST, "not-a-password".toCharArray());

    private PasswordHasher() {
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    /**
     * Constant work whether or not {@code hash} is null (an unknown user or a service account). A password
     * longer than bcrypt reads cannot match any stored hash (none could be set), so it is refused after the
     * same work instead of reaching bcrypt, which throws on it.
     */
    public static boolean verify(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        boolean tooLong = bytes.length > MAX_BYTES;
        boolean ok = BCrypt.verifyer().verify(tooLong ? DUMMY_PASSWORD : bytes,
                (hash == null || tooLong ? DUMMY : hash).getBytes(StandardCharsets.UTF_8)).verified;
        return ok && hash != null && !tooLong;
    }

    /** Null when acceptable, else why not. */
    public static String problem(String password) {
        if (password.length() < MIN_LENGTH) {
            return "Password must be at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "Password must be at most " + MAX_BYTES + " bytes";
        }
        return null;
    }
}
