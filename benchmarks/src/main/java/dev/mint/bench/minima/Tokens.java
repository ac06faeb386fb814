package dev.mint.bench.minima;

/**
 * A tokenizer-free estimate of BPE token counts: short words are one token, long words one per seven
 * characters, accented or non-Latin words one per three and a half, and every punctuation mark one.
 * Close enough to o200k counts on English prose (about four characters per token) for cost modelling.
 */
final class Tokens {
    private Tokens() {
    }

    static int estimate(String text) {
        double tokens = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                boolean ascii = true;
                while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                    ascii &= text.charAt(i) < 128;
                    i++;
                }
                int length = i - start;
                tokens += ascii ? Math.ceil(length / 7.0) : Math.ceil(length / 3.5);
            } else if (c == ' ' || c == '\t') {
                int start = i;
                while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
                // single spaces merge into the next word's token; indentation costs about one per four
                tokens += (i - start) / 4;
            } else {
                tokens += 1;
                i++;
            }
        }
        return (int) Math.max(1, Math.round(tokens));
    }
}
