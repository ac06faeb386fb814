package dev.mint.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Long-lived API tokens: {@code mint_pat_} followed by 40 random base-62 characters (238 bits). Only the
 * SHA-256 of a token is stored; a fast hash suffices because the token itself is random, not a password.
 */
public final class ApiTokens {
    public static final String PREFIX = "mint_pat_";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    public static String generate() {
        StringBuilder token = new StringBuilder(PREFIX);
        for (int i = 0; i < 40; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    public static boolean looksLikeToken(String credential) {
        return credential.startsWith(PREFIX);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** The part shown in listings so a person can tell tokens apart: {@code mint_pat_AbCd}. */
    public static String displayPrefix(String token) {
        return token.substring(0, PREFIX.length() + 4);
    }
}
