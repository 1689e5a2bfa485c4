package cn.duban.sectorkit.repository;

import cn.duban.sectorkit.config.EvidenceConfig;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Evidence bytes as objects in an S3-compatible store (duban.evidence.store=s3; docs/phone.md), through the AWS SDK
 * with its small URLConnection HTTP client. Objects are named by content address, so writing one again writes the
 * same bytes: the store checks first and writes only what is missing. Unlike the PostgreSQL store it is outside the
 * upload's transaction: an upload that fails after the write leaves an object no evidence names, which is harmless
 * (and found by listing the bucket against evidence.sha256). The SDK is an optional dependency of sector-kit: a
 * service that sets store=s3 adds software.amazon.awssdk:s3 and url-connection-client.
 */
public class S3EvidenceStore implements EvidenceStore, AutoCloseable {
    private final S3Client client;
    private final String bucket;
    private final String prefix;

    /** The store over a client built as {@link #of} builds it (the test's, against its own S3 server). */
    S3EvidenceStore(S3Client client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    public static S3EvidenceStore of(EvidenceConfig.S3 s3) {
        return new S3EvidenceStore(client(s3).build(), s3.bucket().orElseThrow(() -> new IllegalStateException(
                "duban.evidence.store=s3 needs duban.evidence.s3.bucket (docs/phone.md)")), s3.prefix().orElse(""));
    }

    static S3ClientBuilder client(EvidenceConfig.S3 s3) {
        // Checksums only where S3 requires them: the SDK's default (a CRC trailer on every upload, since 2.30) is
        // refused by many S3-compatible stores; the content is addressed by its SHA-256 anyway.
        S3ClientBuilder builder = S3Client.builder().region(Region.of(s3.region()))
                .httpClient(UrlConnectionHttpClient.create()).forcePathStyle(s3.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(s3));
        s3.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    private static AwsCredentialsProvider credentials(EvidenceConfig.S3 s3) {
        if (s3.accessKeyId().isPresent() && s3.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId().get(), s3.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public boolean putIfAbsent(String key, String contentType, byte[] bytes) {
        if (count(key) > 0) {
            return false;
        }
        client.putObject(b -> b.bucket(bucket).key(prefix + key).contentType(contentType), RequestBody.fromBytes(bytes));
        return true;
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(client.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public long count(String key) {
        try {
            client.headObject(b -> b.bucket(bucket).key(prefix + key));
            return 1;
        } catch (NoSuchKeyException e) {
            return 0;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return 0;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
