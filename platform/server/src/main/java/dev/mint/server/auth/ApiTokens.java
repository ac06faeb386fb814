package dev.mint.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Long-lived API tokens: a prefix naming what the token is made for, then 40 random base-62 characters
 * (238 bits). Only the SHA-256 of a token is stored; a fast hash suffices because the token itself is
 * random, not a password. Every kind authenticates its user everywhere on the platform; the prefix is
 * there because the Minima and Tinker clients check the shape of their keys ({@code mbt_…}, {@code tml-…}).
 */
public final class ApiTokens {
    /** What a token is made for, and the prefix its clients expect. */
    public enum Kind {
        PLATFORM("mint_pat_"), MINIMA("mbt_"), TINKER("tml-");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code platform}, {@code minima} or {@code tinker}; null for anything else. */
        public static Kind fromWire(String value) {
            for (Kind kind : values()) {
                if (kind.wireName().equals(value)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** The prefix of platform tokens. */
    public static final String PREFIX = Kind.PLATFORM.prefix();
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    public static String generate() {
        return generate(Kind.PLATFORM);
    }

    public static String generate(Kind kind) {
        StringBuilder token = new StringBuilder(kind.prefix());
        for (int i = 0; i < 40; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    /** True for a credential shaped like one of the platform's API tokens (not a JWT). */
    public static boolean looksLikeToken(String credential) {
        for (Kind kind : Kind.values()) {
            if (credential.startsWith(kind.prefix())) {
                return true;
            }
        }
        return false;
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** The part shown in listings so a person can tell tokens apart: the prefix and 4 characters. */
    public static String displayPrefix(String token) {
        for (Kind kind : Kind.values()) {
            if (token.startsWith(kind.prefix())) {
                return token.substring(0, kind.prefix().length() + 4);
            }
        }
        return token.substring(0, Math.min(token.length(), 8));
    }
}
