package dev.mint.tinker.client;

import java.nio.charset.StandardCharsets;

/**
 * Builds request paths from ids. Upstream interpolates ids raw, so colons in run and sampler ids
 * ({@code <session>:train:0}) stay as they are, byte for byte as the Python client sends them; servers
 * accept them raw or as {@code %3A}. Everything else outside RFC 3986's unreserved set is percent-encoded,
 * so that a name with {@code /}, {@code ?}, {@code #}, {@code %}, {@code ;} or spaces stays one segment.
 */
final class PathSegments {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {
    }

    /** {@code /api/v1/} followed by the encoded segments joined with {@code /}. */
    static String api(String... segments) {
        StringBuilder path = new StringBuilder("/api/v1");
        for (String segment : segments) {
            path.append('/').append(encode(segment));
        }
        return path.toString();
    }

    static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c) || c == ':') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
