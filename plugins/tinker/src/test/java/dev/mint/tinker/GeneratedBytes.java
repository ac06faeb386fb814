package dev.mint.tinker;

import java.io.InputStream;

/** A long deterministic stream of pseudo-random bytes, made as it is read (never held in memory). */
final class GeneratedBytes extends InputStream {
    private final long size;
    private long position;
    private long state = 0x9E3779B97F4A7C15L;

    GeneratedBytes(long size) {
        this.size = size;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            int lane = (int) ((position + i) & 7);
            if (lane == 0) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
            }
            buffer[offset + i] = (byte) (state >>> (lane << 3));
        }
        position += n;
        return n;
    }
}
