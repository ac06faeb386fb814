package dev.mint.tinker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** At most {@code remaining} bytes of a channel. */
final class BoundedChannel implements ReadableByteChannel {
    private final ReadableByteChannel in;
    private long remaining;

    BoundedChannel(ReadableByteChannel in, long remaining) {
        this.in = in;
        this.remaining = remaining;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int limit = target.limit();
        if (target.remaining() > remaining) {
            target.limit(target.position() + (int) remaining);
        }
        try {
            int n = in.read(target);
            if (n > 0) {
                remaining -= n;
            }
            return n;
        } finally {
            target.limit(limit);
        }
    }

    @Override
    public boolean isOpen() {
        return in.isOpen();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
