package dev.mint.minima.engine;

import com.carrotsearch.hppc.LongIntHashMap;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The vector of a task text, built so that prompts which share long identical parts still come out apart.
 *
 * <p>A sentence encoder reads a few hundred tokens; real prompts are often a long system prompt, a
 * template or few-shot examples, then the actual request. Embedding the text whole describes the shared
 * part and misses the request. So the encoder counts, per scope (an account's namespace), in how many
 * prompts each sentence has appeared; sentences that recur across prompts are the template. The vector is
 * the embedding of the rest (the part that tells this prompt apart), plus the template's embedding at a
 * small weight. Until a scope has seen a template twice, it is part of the prompt like any other text.
 *
 * <p>The distinct part is embedded once, as a window of at most {@value #WINDOW_WORDS} words: its first
 * {@value #HEAD_WORDS} and its last words, since the request sits at one end or the other (an
 * instruction before a document, or a question after it). The encoder's cost grows with every word it
 * reads, and one call per request keeps recommend fast. The template is embedded sentence by sentence, each
 * cached by its hash: the sentences recur, so once a template is known its embedding costs nothing, however
 * prompts combine it with other text. Thread-safe.
 */
public final class TextEncoder {
    /** A sentence longer than this many words is cut into pieces of it. */
    static final int CHUNK_WORDS = 64;
    /** How many of a template's sentences, at most, make its embedding. */
    static final int TEMPLATE_SAMPLE = 16;
    /** The most words of the distinct part the encoder reads per request. */
    static final int WINDOW_WORDS = 24;
    /** How many of the window's words come from the start of the distinct part. */
    static final int HEAD_WORDS = 8;
    /** How much the recurring part still counts. */
    static final float TEMPLATE_WEIGHT = 0.15f;
    private static final int CACHE_LIMIT = 20_000;
    private static final int DF_LIMIT = 500_000;

    private final Embedder embedder;
    /**
     * Two caches, so that the windows of new prompts (each seen once, most of them) cannot push the template
     * sentences (which recur by definition) out.
     */
    private final VectorCache sentenceCache;
    private final VectorCache windowCache;

    /** A text's identity: the first 128 bits of its SHA-1. */
    record Hash(long high, long low) {
        static Hash of(String text) {
            try {
                ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
                return new Hash(digest.getLong(0), digest.getLong(8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is required by every JVM", e);
            }
        }
    }

    /**
     * Sentence frequencies of one scope: in how many prompts each sentence appeared, keyed by the first 64
     * bits of its hash (two sentences sharing them would only share a count). Counts live in a primitive
     * map, not as an object or two per sentence: entries live for minutes, and every young collection
     * copies each live young object, so a map of objects made every pause of a loaded server longer.
     * Thread-safe.
     */
    public static final class ChunkStats {
        private final LongIntHashMap documentFrequency = new LongIntHashMap();
        private long texts;

        /** A sentence seen in at least two prompts and in at least 2% of them. */
        synchronized boolean recurring(Hash hash) {
            int df = documentFrequency.getOrDefault(hash.high(), 0);
            return df >= 2 && df >= 0.02 * texts;
        }

        synchronized void count(List<Hash> hashes) {
            if (documentFrequency.size() > DF_LIMIT) {
                documentFrequency.clear(); // bounded memory; frequencies rebuild quickly from new traffic
            }
            hashes.stream().mapToLong(Hash::high).distinct().forEach(h -> documentFrequency.addTo(h, 1));
            texts++;
        }
    }

    public TextEncoder(Embedder embedder) {
        this(embedder, CACHE_LIMIT);
    }

    /** With caches of at most {@code cacheLimit} vectors each. */
    TextEncoder(Embedder embedder, int cacheLimit) {
        this.embedder = embedder;
        this.sentenceCache = new VectorCache(cacheLimit, embedder.dimension());
        this.windowCache = new VectorCache(cacheLimit, embedder.dimension());
    }

    public Embedder embedder() {
        return embedder;
    }

    /** A text's vector, and the part of it that is not recurring template (the whole text when none is known). */
    public record Encoded(float[] vector, String distinctText) {
    }

    /** The unit vector of {@code text}; counts its sentences into {@code stats} afterwards. */
    public float[] encode(String text, ChunkStats stats) {
        return encodeWithText(text, stats).vector();
    }

    /** As {@link #encode}, also giving the text without its recurring sentences. */
    public Encoded encodeWithText(String text, ChunkStats stats) {
        List<String> sentences = sentences(text);
        List<Hash> hashes = new ArrayList<>(sentences.size());
        List<String> distinct = new ArrayList<>();
        List<Sentence> template = new ArrayList<>();
        for (String sentence : sentences) {
            Hash hash = Hash.of(sentence);
            hashes.add(hash);
            if (stats.recurring(hash)) {
                template.add(new Sentence(hash, sentence));
            } else {
                distinct.add(sentence);
            }
        }
        stats.count(hashes);
        if (distinct.isEmpty()) {
            return new Encoded(addMean(template, 1f, new float[embedder.dimension()]), text);
        }
        String window = window(distinct);
        float[] sum = embedCached(windowCache, Hash.of(window), window);
        if (!template.isEmpty()) {
            addMean(template, TEMPLATE_WEIGHT, sum);
        }
        return new Encoded(Vectors.normalized(sum), String.join(" ", distinct));
    }

    /** A sentence and the hash it is counted and cached by. */
    private record Sentence(Hash hash, String text) {
    }

    /** The distinct sentences as one text of at most {@value #WINDOW_WORDS} words: the head and the tail. */
    static String window(List<String> sentences) {
        String text = String.join(" ", sentences); // words are one space apart
        int headEnd = -1;
        int words = 1;
        for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
            if (words++ == HEAD_WORDS) {
                headEnd = i;
            }
        }
        if (words <= WINDOW_WORDS) {
            return text;
        }
        int tailStart = text.length();
        for (int tailWords = 0; tailWords < WINDOW_WORDS - HEAD_WORDS; tailWords++) {
            tailStart = text.lastIndexOf(' ', tailStart - 1);
        }
        return text.substring(0, headEnd) + " … " + text.substring(tailStart + 1);
    }

    /**
     * Adds {@code weight} × the mean embedding of the template's sentences (at most the first and the last
     * {@value #TEMPLATE_SAMPLE}/2) to {@code sum}. Embedded one by one: a recurring sentence is cached from
     * the prompts it recurred in, whatever else a prompt puts around it.
     */
    private float[] addMean(List<Sentence> template, float weight, float[] sum) {
        List<Sentence> used = template.size() <= TEMPLATE_SAMPLE ? template : new ArrayList<>(template.subList(0, TEMPLATE_SAMPLE / 2));
        if (used != template) {
            used.addAll(template.subList(template.size() - TEMPLATE_SAMPLE / 2, template.size()));
        }
        for (Sentence sentence : used) {
            float[] vector = embedCached(sentenceCache, sentence.hash(), sentence.text());
            for (int i = 0; i < sum.length; i++) {
                sum[i] += weight * vector[i] / used.size();
            }
        }
        return Vectors.normalized(sum);
    }

    /**
     * Sentences of the text, its runs of whitespace made one space: a sentence ends at whitespace after
     * {@code . ! ? ; :}, and one longer than {@value #CHUNK_WORDS} words is cut into pieces of that many. One
     * pass over the characters: prompts can be whole documents, and this runs on every recommend.
     */
    static List<String> sentences(String text) {
        String stripped = text.strip();
        List<String> sentences = new ArrayList<>();
        StringBuilder sentence = new StringBuilder(Math.min(stripped.length(), 1024));
        int words = 1;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (!isSpace(c)) {
                sentence.append(c);
                continue;
            }
            while (i + 1 < stripped.length() && isSpace(stripped.charAt(i + 1))) {
                i++;
            }
            char last = sentence.charAt(sentence.length() - 1); // a run of spaces follows a character: the text is stripped
            if (last == '.' || last == '!' || last == '?' || last == ';' || last == ':' || words == CHUNK_WORDS) {
                sentences.add(sentence.toString());
                sentence.setLength(0);
                words = 1;
            } else {
                sentence.append(' ');
                words++;
            }
        }
        sentences.add(sentence.toString());
        return sentences;
    }

    /** Whitespace as the regular expression {@code \\s} has it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The vector of {@code chunk}, from the cache or embedded now; the caller may change it. */
    private float[] embedCached(VectorCache cache, Hash hash, String chunk) {
        float[] cached = cache.get(hash);
        if (cached != null) {
            return cached;
        }
        float[] vector = embedder.embed(chunk);
        cache.put(hash, vector);
        return vector;
    }
}
