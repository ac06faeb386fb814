package dev.mint.tinker;

/**
 * The part of a blob a download asks for through {@code Range}: one range of bytes (the form download
 * tools use to resume); a multi-range request is served whole, as RFC 9110 allows.
 */
record ByteRange(long start, long length, boolean partial) {

    /**
     * The range of {@code header} within {@code size} bytes: everything when there is no usable header.
     *
     * @throws TinkerError 416 when the range lies outside the blob
     */
    static ByteRange of(String header, long size) {
        ByteRange whole = new ByteRange(0, size, false);
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return whole;
        }
        String spec = header.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return whole;
        }
        try {
            String first = spec.substring(0, dash).strip();
            String last = spec.substring(dash + 1).strip();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0 || size == 0) {
                    throw unsatisfiable(header, size);
                }
                long n = Math.min(suffix, size);
                return new ByteRange(size - n, n, true);
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start >= size || end < start) {
                throw unsatisfiable(header, size);
            }
            return new ByteRange(start, end - start + 1, true);
        } catch (NumberFormatException e) {
            return whole;
        }
    }

    /** {@code bytes start-end/size}. */
    String contentRange(long size) {
        return "bytes " + start + "-" + (start + length - 1) + "/" + size;
    }

    private static TinkerError unsatisfiable(String header, long size) {
        return TinkerError.rangeNotSatisfiable("Range " + header + " is outside the archive's " + size + " bytes");
    }
}
