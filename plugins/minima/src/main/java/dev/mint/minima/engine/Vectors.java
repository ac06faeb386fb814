package dev.mint.minima.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Small vector helpers: unit length, dot product, and a compact byte form for storage. */
public final class Vectors {
    private Vectors() {
    }

    /** {@code v} scaled to unit length (in place), or left as is when it is all zeros. */
    public static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return v;
    }

    /** Dot product of {@code a} with the vector stored at {@code offset} of {@code packed}. */
    public static float dot(float[] a, float[] packed, int offset) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * packed[offset + i];
            s1 += a[i + 1] * packed[offset + i + 1];
            s2 += a[i + 2] * packed[offset + i + 2];
            s3 += a[i + 3] * packed[offset + i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * packed[offset + i];
        }
        return s0 + s1 + s2 + s3;
    }

    public static byte[] toBytes(float[] v) {
        ByteBuffer buffer = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(v);
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
