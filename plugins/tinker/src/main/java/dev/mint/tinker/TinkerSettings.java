package dev.mint.tinker;

import dev.mint.sdk.Setting;

/**
 * Tinker's settings, also read from {@code MINT_PLUGIN_TINKER_<KEY>} (e.g.
 * {@code MINT_PLUGIN_TINKER_MAX_ARCHIVE_BYTES}).
 */
public record TinkerSettings(
        @Setting(description = "Largest checkpoint archive accepted, in bytes", min = 1) long maxArchiveBytes,
        @Setting(description = "How long a signed archive download URL stays valid, in seconds", min = 1, max = 604800)
        long archiveUrlTtlSeconds,
        @Setting(description = "Key of the archive URL signatures; empty: one generated and kept in the data directory",
                secret = true) String urlSecret,
        @Setting(description = "Base URL written into signed download URLs; empty: the URL the request came to")
        String publicUrl,
        @Setting(description = "Seconds between sweeps of expired checkpoints; 0 turns the sweeper off", min = 0)
        long sweepIntervalSeconds,
        @Setting(description = "Where archives are kept: 'filesystem' (under the data directory) or 's3'") String storage,
        @Setting(description = "S3: endpoint URL; empty: AWS for the region") String s3Endpoint,
        @Setting(description = "S3: bucket") String s3Bucket,
        @Setting(description = "S3: region") String s3Region,
        @Setting(description = "S3: access key id; empty: the AWS default credential chain") String s3AccessKey,
        @Setting(description = "S3: secret access key", secret = true) String s3SecretKey,
        @Setting(description = "S3: address buckets as a path (MinIO, S3Proxy, most self-hosted stores)") boolean s3PathStyle) {

    public static TinkerSettings defaults() {
        return new TinkerSettings(64L * 1024 * 1024 * 1024, 900, "", "", 60, "filesystem", "", "", "us-east-1", "", "",
                true);
    }
}
