package dev.mint.tinker;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs download paths: HMAC-SHA256 over {@code <path>\n<expires epoch seconds>} with a server secret.
 * A signature is checked in constant time; a tampered path, expiry or signature, or an expired one, fails.
 */
final class UrlSigner {
    private final byte[] secret;

    UrlSigner(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the URL signing secret needs at least 32 bytes");
        }
        this.secret = secret.clone();
    }

    String sign(String path, Instant expires) {
        return HexFormat.of().formatHex(mac(path + "\n" + expires.getEpochSecond()));
    }

    /** Whether {@code signature} is this server's for {@code path} until {@code expires}, and that is still ahead of {@code now}. */
    boolean verify(String path, long expiresEpochSeconds, String signature, Instant now) {
        if (signature == null || !signature.matches("[0-9a-f]{64}")) {
            return false;
        }
        boolean authentic = MessageDigest.isEqual(mac(path + "\n" + expiresEpochSeconds), HexFormat.of().parseHex(signature));
        return authentic && now.getEpochSecond() < expiresEpochSeconds;
    }

    /** {@code baseUrl + path}, signed until {@code expires}: the URL {@link #require} accepts until then. */
    String url(String baseUrl, String path, Instant expires) {
        return baseUrl + path + "?expires=" + expires.getEpochSecond() + "&signature=" + sign(path, expires);
    }

    /**
     * Checks the {@code expires} and {@code signature} query parameters of a signed URL for {@code path}.
     *
     * @throws TinkerError 403 when the URL is not this server's or has expired
     */
    void require(String path, String expires, String signature, Instant now) {
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            throw TinkerError.forbidden("This URL is not signed by this server");
        }
        if (!verify(path, expiresAt, signature, now)) {
            throw TinkerError.forbidden(now.getEpochSecond() >= expiresAt && expiresAt > 0
                    ? "This URL has expired; ask for a new one" : "This URL is not signed by this server");
        }
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }
}
