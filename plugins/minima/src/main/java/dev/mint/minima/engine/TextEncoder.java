package dev.mint.minima.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The vector of a task text, built so that prompts which share long identical parts still come out apart.
 *
 * <p>A sentence encoder reads a few hundred tokens; real prompts are often a long system prompt, a
 * template or few-shot examples, then the actual request. Embedding the text whole would describe the
 * shared part and miss the request. So the text is cut into sentence-aligned chunks of at most
 * {@value #CHUNK_WORDS} words, each chunk is embedded on its own (and cached by its hash, so a shared
 * chunk costs one embedding), and the text's vector is the mean of its chunks weighted by how rare each
 * chunk is among the texts this encoder has seen for the same scope (an inverse document frequency):
 * a chunk every prompt carries weighs almost nothing, the part that differs decides. Thread-safe.
 */
public final class TextEncoder {
    static final int CHUNK_WORDS = 120;
    private static final int CACHE_LIMIT = 20_000;
    private static final int DF_LIMIT = 200_000;

    private final Embedder embedder;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    /** Chunk frequencies of one scope (an account's namespace): how many texts carried each chunk. */
    public static final class ChunkStats {
        private final Map<String, Integer> documentFrequency = new ConcurrentHashMap<>();
        private final AtomicLong texts = new AtomicLong();

        double weight(String hash) {
            long n = texts.get();
            int df = documentFrequency.getOrDefault(hash, 0);
            return Math.max(0.02, Math.log((n + 1.0) / (df + 0.5)));
        }

        void count(List<String> hashes) {
            if (documentFrequency.size() > DF_LIMIT) {
                documentFrequency.clear(); // bounded memory; frequencies rebuild quickly from new traffic
            }
            hashes.stream().distinct().forEach(h -> documentFrequency.merge(h, 1, Integer::sum));
            texts.incrementAndGet();
        }
    }

    public TextEncoder(Embedder embedder) {
        this.embedder = embedder;
    }

    public Embedder embedder() {
        return embedder;
    }

    /** The unit vector of {@code text}; counts its chunks into {@code stats} afterwards. */
    public float[] encode(String text, ChunkStats stats) {
        List<String> chunks = chunks(text);
        if (chunks.size() == 1) {
            String hash = hash(chunks.get(0));
            stats.count(List.of(hash));
            return embedChunk(hash, chunks.get(0)).clone();
        }
        float[] sum = new float[embedder.dimension()];
        List<String> hashes = new ArrayList<>(chunks.size());
        for (String chunk : chunks) {
            String hash = hash(chunk);
            hashes.add(hash);
            float[] vector = embedChunk(hash, chunk);
            float weight = (float) stats.weight(hash);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += weight * vector[i];
            }
        }
        stats.count(hashes);
        return Vectors.normalized(sum);
    }

    private float[] embedChunk(String hash, String chunk) {
        float[] cached = cache.get(hash);
        if (cached != null) {
            return cached;
        }
        float[] vector = embedder.embed(chunk);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(hash, vector);
        return vector;
    }

    /** Sentence-aligned pieces of at most {@value #CHUNK_WORDS} words (a longer sentence is cut by words). */
    static List<String> chunks(String text) {
        String normalized = text.strip().replaceAll("\\s+", " ");
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int words = 0;
        for (String sentence : normalized.split("(?<=[.!?;:])\\s+")) {
            String[] sentenceWords = sentence.split(" ");
            if (words > 0 && words + sentenceWords.length > CHUNK_WORDS) {
                chunks.add(current.toString());
                current.setLength(0);
                words = 0;
            }
            for (String word : sentenceWords) {
                if (words == CHUNK_WORDS) {
                    chunks.add(current.toString());
                    current.setLength(0);
                    words = 0;
                }
                current.append(words == 0 ? "" : " ").append(word);
                words++;
            }
        }
        if (words > 0 || chunks.isEmpty()) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    private static String hash(String chunk) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(chunk.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JVM", e);
        }
    }
}
