package cn.duban.sectorkit.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.testsupport.TestFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import cn.duban.sectorkit.config.EvidenceConfig;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 evidence store against a real S3-compatible server: S3Proxy from Maven Central (its in-memory backend), run
 * as its own process with signed (SigV4) requests, as MinIO or AWS would take them.
 */
class S3EvidenceStoreTest {
    static final Path JAR = Path.of("target/s3proxy/s3proxy.jar");
    static Process server;
    static S3Client client;
    static S3EvidenceStore store;

    @BeforeAll
    static void startS3Proxy() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path conf = Files.writeString(Files.createTempFile("s3proxy", ".conf"), String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port, "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=duban", "s3proxy.credential=duban-secret", "jclouds.provider=transient",
                "jclouds.identity=unused", "jclouds.credential=unused", ""));
        server = new ProcessBuilder(List.of("java", "-Xmx128m", "-jar", JAR.toString(), "--properties", conf.toString()))
                .redirectErrorStream(true).redirectOutput(Path.of("target/s3proxy/s3proxy.log").toFile()).start();
        int listening = port;
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            try (Socket s = new Socket("127.0.0.1", listening)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        EvidenceConfig.S3 settings = new EvidenceConfig.S3() {
            public Optional<String> bucket() { return Optional.of("evidence"); }
            public Optional<String> prefix() { return Optional.of("agriculture/"); }
            public Optional<URI> endpoint() { return Optional.of(endpoint); }
            public String region() { return "us-east-1"; }
            public boolean pathStyle() { return true; }
            public Optional<String> accessKeyId() { return Optional.of("duban"); }
            public Optional<String> secretAccessKey() { return Optional.of("duban-secret"); }
        };
        client = S3EvidenceStore.client(settings).build(); // as the service builds it
        client.createBucket(b -> b.bucket("evidence"));
        store = S3EvidenceStore.of(settings);
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void aFileIsStoredOnceUnderItsAddressAndReadBack() {
        byte[] photo = TestFiles.photo(OffsetDateTime.now(), 37.2, 112.18);
        assertThat(store.count("abc123")).isZero();
        assertThat(store.putIfAbsent("abc123", "image/jpeg", photo)).isTrue();
        assertThat(store.putIfAbsent("abc123", "image/jpeg", photo)).as("the same address again stores nothing").isFalse();
        assertThat(store.count("abc123")).isEqualTo(1);
        assertThat(store.get("abc123")).hasValue(photo);
        assertThat(client.listObjectsV2(b -> b.bucket("evidence").prefix("agriculture/")).contents())
                .extracting(o -> o.key()).containsExactly("agriculture/abc123");
        assertThat(client.headObject(b -> b.bucket("evidence").key("agriculture/abc123")).contentType()).isEqualTo("image/jpeg");
        assertThat(store.get("missing")).isEmpty();
    }
}
