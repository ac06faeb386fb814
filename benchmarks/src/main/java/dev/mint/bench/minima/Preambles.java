package dev.mint.bench.minima;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Long system prompts shared by many prompts of every category (resources under
 * {@code minima/preambles/}). Each is longer than 256 tokens, so an encoder that reads only the start
 * of a prompt sees the same text whatever the task at the end.
 */
final class Preambles {
    record Preamble(String name, String text, double weight) {
    }

    static final List<Preamble> ALL = List.of(
            load("support-desk", 0.30),
            load("research-platform", 0.30),
            load("back-office", 0.25),
            load("house-style-examples", 0.15));

    private Preambles() {
    }

    static Preamble pick(Draw d) {
        double u = d.uniform();
        for (Preamble p : ALL) {
            if (u < p.weight()) {
                return p;
            }
            u -= p.weight();
        }
        return ALL.get(ALL.size() - 1);
    }

    private static Preamble load(String name, double weight) {
        String path = "/minima/preambles/" + name + ".txt";
        try (InputStream in = Preambles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            // normalised so that a checkout with CRLF line endings gives the same bytes
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
            return new Preamble(name, text, weight);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
