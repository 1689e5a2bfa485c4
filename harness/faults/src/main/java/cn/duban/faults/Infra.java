package cn.duban.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The run's own broker (deploy/local/infra.sh with the environment make faults sets) and the machine's PostgreSQL
 * server, which the run stops and starts as an operator would.
 */
final class Infra {
    private final Path root;
    private final Path log;

    Infra(Path root, Path log) {
        this.root = root;
        this.log = log;
    }

    void stopKafka() {
        run(List.of("bash", root.resolve("deploy/local/infra.sh").toString(), "stop", "kafka"));
    }

    void startKafka() {
        run(List.of("bash", root.resolve("deploy/local/infra.sh").toString(), "start", "kafka"));
    }

    /** Whether the machine's PostgreSQL can be stopped here (pg_ctlcluster); an embedded one cannot. */
    boolean canStopPostgres() {
        return Files.isDirectory(Path.of("/etc/postgresql")) && onPath("pg_ctlcluster");
    }

    void stopPostgres() {
        pgCtl("stop");
    }

    void startPostgres() {
        pgCtl("start");
    }

    private void pgCtl(String action) {
        run(List.of("bash", "-c", "pg_ctlcluster --skip-systemctl-redirect \"$(ls /etc/postgresql | sort -V | tail -1)\" main "
                + action));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
