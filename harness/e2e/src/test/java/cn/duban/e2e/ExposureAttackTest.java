package cn.duban.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.duban.testsupport.LocalInfra;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 4, "the demo listens to the whole network": every process of a local run must listen on the loopback
 * interface only, the gateway must not lead to Keycloak's master realm, and the admin console must not open with a
 * password anyone can guess. Here an attacker on the same network looks for what the running suite, its broker and
 * its Keycloak expose (docs/security.md, "Local exposure").
 */
class ExposureAttackTest extends OnTheRunningSuite {

    /** A LISTEN socket from /proc/net/tcp or tcp6: where it listens and its inode (which process holds it). */
    record Listening(InetAddress address, int port, long inode) {
    }

    @Test
    void everySocketTheSuiteListensOnIsOnTheLoopbackInterface() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        suite.pids().forEach(pids::put);
        Path state = LocalInfra.root().resolve(".duban").resolve(System.getenv().getOrDefault("DUBAN_STATE_NAME", "test"));
        LocalInfra.keycloakIssuer(); // started, so its pid file is there
        for (String infra : List.of("kafka", "keycloak")) {
            pids.put(infra, Long.parseLong(Files.readString(state.resolve(infra + ".pid")).strip()));
        }
        int kafka = URI.create("kafka://" + LocalInfra.kafkaBootstrapServers()).getPort();
        int keycloak = URI.create(LocalInfra.keycloakUrl()).getPort();
        Set<Integer> known = new HashSet<>(suite.ports().values());
        known.addAll(List.of(kafka, kafka + 1, keycloak)); // the broker, its controller, Keycloak's HTTP port

        List<Listening> listening = new ArrayList<>(listening(Path.of("/proc/net/tcp")));
        listening.addAll(listening(Path.of("/proc/net/tcp6")));
        List<String> owned = new ArrayList<>();
        Set<Integer> ownedPorts = new HashSet<>();
        pids.forEach((name, pid) -> {
            Set<Long> inodes = socketInodes(pid);
            assertThat(inodes).as("%s (pid %d) holds sockets", name, pid).isNotEmpty();
            for (Listening socket : listening) {
                if (inodes.contains(socket.inode())) {
                    owned.add(name + " " + socket.address().getHostAddress() + ":" + socket.port());
                    ownedPorts.add(socket.port());
                    assertThat(socket.address().isLoopbackAddress())
                            .as("%s listens on %s:%d, beyond this machine", name, socket.address().getHostAddress(),
                                    socket.port()).isTrue();
                }
            }
        });
        assertThat(ownedPorts).as("the suite's ports, each held by one of its processes: %s", owned).containsAll(known);
        // and whatever listens on those ports, whoever holds it, is on the loopback interface too
        listening.stream().filter(s -> known.contains(s.port())).forEach(s -> assertThat(s.address().isLoopbackAddress())
                .as("port %d is open on %s", s.port(), s.address().getHostAddress()).isTrue());
    }

    @Test
    void keycloaksMasterRealmIsNotReachableThroughTheGateway() {
        for (String path : List.of("/realms/master/.well-known/openid-configuration", "/realms/master/account",
                "/realms/master/protocol/openid-connect/auth?client_id=security-admin-console")) {
            given().get(gateway + path).then().statusCode(404).contentType("application/problem+json")
                    .header("Content-Language", "zh-CN").body("type", equalTo("urn:duban:problem:not-found"));
        }
        given().formParam("grant_type", "password").formParam("client_id", "admin-cli").formParam("username", "admin")
                .formParam("password", "duban").post(gateway + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(404).contentType("application/problem+json");
        // the duban realm still answers there, as phones need
        given().get(gateway + "/realms/duban/.well-known/openid-configuration").then().statusCode(200);
    }

    @Test
    void theAdminPasswordIsGeneratedKeptToItsOwnerAndNotAGuess() throws IOException {
        Path file = LocalInfra.keycloakAdminPasswordFile();
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16).isNotIn("duban", "admin");

        String token = LocalInfra.keycloakUrl() + "/realms/master/protocol/openid-connect/token";
        for (String guess : List.of("duban", "admin")) {
            given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                    .formParam("username", "admin").formParam("password", guess).post(token).then().statusCode(401);
        }
        given().formParam("grant_type", "password").formParam("client_id", "admin-cli").formParam("username", "admin")
                .formParam("password", password).post(token).then().statusCode(200); // the file holds the real one
    }

    /** The LISTEN sockets of one /proc/net table. */
    static List<Listening> listening(Path table) throws IOException {
        List<Listening> sockets = new ArrayList<>();
        if (!Files.exists(table)) {
            return sockets;
        }
        List<String> lines = Files.readAllLines(table);
        for (String line : lines.subList(1, lines.size())) { // after the header
            String[] f = line.trim().split("\\s+");
            if (!f[3].equals("0A")) { // TCP_LISTEN
                continue;
            }
            String[] local = f[1].split(":");
            sockets.add(new Listening(address(local[0]), Integer.parseInt(local[1], 16), Long.parseLong(f[9])));
        }
        return sockets;
    }

    /** /proc/net writes an address as 32-bit words in the host's (little-endian) byte order. */
    static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes); // an IPv4-mapped IPv6 address comes back as the IPv4 one
        } catch (UnknownHostException e) {
            throw new IllegalStateException(hex, e);
        }
    }

    /** The inodes of the sockets a process holds (its /proc/<pid>/fd links "socket:[inode]"). */
    /**
     * The sockets a process and its descendants hold: Keycloak's kc.sh runs its JVM as a child, except on a start
     * that rebuilds the server, when it execs it (the pid file names kc.sh either way).
     */
    static Set<Long> socketInodes(long pid) {
        Set<Long> inodes = new HashSet<>(ownSocketInodes(pid));
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(child -> {
            try {
                inodes.addAll(ownSocketInodes(child.pid()));
            } catch (IllegalStateException exitedMeanwhile) {
                // a short-lived child (a shell of kc.sh's) that is gone holds nothing
            }
        }));
        return inodes;
    }

    private static Set<Long> ownSocketInodes(long pid) {
        Set<Long> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while we looked: not a listening socket
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the descriptors of pid " + pid, e);
        }
        return inodes;
    }
}
