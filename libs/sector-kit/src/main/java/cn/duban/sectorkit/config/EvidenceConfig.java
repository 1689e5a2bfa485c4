package cn.duban.sectorkit.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Evidence files (佐证材料): how large, where they are kept, and when a photo counts as old (docs/phone.md). */
@ConfigMapping(prefix = "duban.evidence")
public interface EvidenceConfig {

    /** The largest file accepted; a larger one is refused with 413. The HTTP body limit is set a little above it. */
    @WithDefault("10M")
    MemorySize maxSize();

    /**
     * A photo taken more than this before the start of the period it is evidence for (the report's month; for a
     * completion claim, the task's planned start) is flagged to the office as taken before the period.
     */
    @WithDefault("P30D")
    Duration periodGrace();

    /** The longer side of an image's thumbnail, in pixels. */
    @WithDefault("320")
    int thumbnailSize();

    /** Where the bytes are kept: {@code postgres} (the sector's own database) or {@code s3}. */
    @WithDefault("postgres")
    String store();

    S3 s3();

    /** S3-compatible object storage (AWS S3, MinIO, Ceph RGW, OSS/COS in S3 mode); used when store is s3. */
    interface S3 {
        /** The bucket, which must exist; objects are named by content address under {@link #prefix()}. */
        Optional<String> bucket();

        /** Put before every key, e.g. {@code agriculture/}, so that sectors may share a bucket. */
        Optional<String> prefix();

        /** The endpoint of a non-AWS store, e.g. http://minio:9000; empty for AWS itself. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** Path-style addressing (http://host/bucket/key), which MinIO and most S3-compatible stores need. */
        @WithDefault("true")
        boolean pathStyle();

        /** With {@link #secretAccessKey()}; without both, the AWS default chain (environment, profile, role). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }
}
