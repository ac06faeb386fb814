package dev.mint.tinker.client;

/**
 * A checkpoint archive download or upload that could not be completed intact: fewer or more bytes than
 * announced, or the connection kept breaking. The target file is left untouched.
 */
public final class ArchiveTransferException extends TinkerException {
    ArchiveTransferException(String message, Throwable cause) {
        super(message, cause);
    }
}
