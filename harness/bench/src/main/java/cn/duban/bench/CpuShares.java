package cn.duban.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Who used the machine's cores during a phase: CPU time (user + system, from /proc/[pid]/stat) of every process,
 * grouped as supervision, the sector services, Kafka, PostgreSQL, Keycloak, this bench and the rest. On two cores a
 * phase whose groups add up to ~200 % is limited by the CPU, and the shares say by whose work.
 */
final class CpuShares {
    /** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on Linux). */
    private static final double TICKS = 100.0;

    private final LongFunction<String> groupOf;
    private Map<Long, Long> start;
    private long startNanos;

    /** @param groupOf the group of a process by its pid, or null to be placed by its command line */
    CpuShares(LongFunction<String> groupOf) {
        this.groupOf = groupOf;
    }

    void begin() {
        start = ticks();
        startNanos = System.nanoTime();
    }

    /** Percent of one core used by each group since {@link #begin()}, largest first, and "all". */
    Map<String, Double> end() {
        Map<Long, Long> now = ticks();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> percent = new HashMap<>();
        now.forEach((pid, ticks) -> {
            long used = ticks - start.getOrDefault(pid, 0L);
            if (used > 0) {
                percent.merge(group(pid), used / TICKS / seconds * 100, Double::sum);
            }
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        percent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.put("all", percent.values().stream().mapToDouble(Double::doubleValue).sum());
        return sorted;
    }

    /** "supervision 92 %, PostgreSQL 61 %, …; all 187 % of 200 %". */
    static String describe(Map<String, Double> shares) {
        StringBuilder out = new StringBuilder();
        shares.forEach((group, share) -> {
            if (!group.equals("all") && share >= 1) {
                out.append(out.isEmpty() ? "" : ", ").append(group).append(String.format(" %.0f %%", share));
            }
        });
        return out + String.format("; all %.0f %% of %d %%", shares.getOrDefault("all", 0.0),
                Runtime.getRuntime().availableProcessors() * 100);
    }

    private String group(long pid) {
        String known = groupOf.apply(pid);
        if (known != null) {
            return known;
        }
        if (pid == ProcessHandle.current().pid()) {
            return "bench";
        }
        String command = commandLine(pid);
        if (command.contains("kafka.Kafka") || command.contains("KafkaRaftServer") || command.contains("kafka-server")
                || command.contains("cn.duban.infra")) {
            return "Kafka";
        }
        if (command.startsWith("postgres") || command.contains("/postgres")) {
            return "PostgreSQL";
        }
        if (command.contains("keycloak")) {
            return "Keycloak";
        }
        return "other";
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static Map<Long, Long> ticks() {
        Map<Long, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    // After the command name in parentheses: fields 3… ; utime and stime are fields 14 and 15.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(Long.parseLong(process.getFileName().toString()),
                            Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        return ticks;
    }
}
