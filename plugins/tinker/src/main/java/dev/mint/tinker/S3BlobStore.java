package dev.mint.tinker;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Archives as objects of one bucket of an S3-compatible store. A PUT of a whole object is atomic in S3,
 * which gives the all-or-nothing commit. Downloads still go through the platform (the signed URL is
 * ours), reading ranges of the object.
 */
final class S3BlobStore implements BlobStore, AutoCloseable {
    private final S3Client s3;
    private final String bucket;

    S3BlobStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A store from the plugin's settings. */
    static S3BlobStore fromSettings(TinkerSettings settings) {
        if (settings.s3Bucket().isBlank()) {
            throw new IllegalArgumentException("storage 's3' needs s3_bucket (MINT_PLUGIN_TINKER_S3_BUCKET)");
        }
        AwsCredentialsProvider credentials = settings.s3AccessKey().isBlank() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.s3AccessKey(), settings.s3SecretKey()));
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.of(settings.s3Region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.s3PathStyle())
                // Checksums only where S3 requires them: many S3-compatible stores reject the SDK's default
                // streamed checksum trailers. Integrity is ours anyway: uploads carry a verified SHA-256.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!settings.s3Endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.s3Endpoint()));
        }
        return new S3BlobStore(builder.build(), settings.s3Bucket());
    }

    @Override
    public void commit(String key, Path file) throws IOException {
        try {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("S3 put of " + key + " failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public ReadableByteChannel open(String key, long offset, long length) throws IOException {
        if (length == 0) {
            return Channels.newChannel(InputStream.nullInputStream());
        }
        try {
            return Channels.newChannel(s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key)
                    .range("bytes=" + offset + "-" + (offset + length - 1)).build()));
        } catch (SdkException e) {
            throw new IOException("S3 get of " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
        } catch (SdkException e) {
            throw new IOException("S3 delete of " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("S3 head of " + key + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 head of " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
