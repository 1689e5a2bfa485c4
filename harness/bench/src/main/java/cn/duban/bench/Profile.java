package cn.duban.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flight recording (JFR, settings "profile") of one service during one phase, taken with jcmd and kept under
 * .duban/bench/profiles; summarised as where the service's CPU samples were — by the library or Duban package of
 * the topmost frame, and by method — which is the evidence each aim that is not met cites.
 */
final class Profile {
    private static final int SHOWN = 6;

    private final Path directory;

    Profile(Path directory) {
        this.directory = directory;
    }

    /** A recording of {@code pid} while {@code phase} runs; its summary, or why there is none. */
    String during(String name, long pid, Runnable phase) {
        Path file = directory.resolve(name + ".jfr");
        boolean started = jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
        try {
            phase.run();
        } finally {
            if (started) {
                jcmd(pid, "JFR.stop", "name=bench");
            }
        }
        return started ? summary(file) : "no recording (jcmd could not attach)";
    }

    static String summary(Path file) {
        Map<String, Integer> byPackage = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                RecordedFrame top = stack.getFrames().get(0);
                String type = top.getMethod().getType().getName();
                byPackage.merge(area(type), 1, Integer::sum);
                byMethod.merge(simpleName(type) + "." + top.getMethod().getName(), 1, Integer::sum);
                samples++;
            }
        } catch (IOException e) {
            return "recording unreadable: " + e.getMessage();
        }
        if (samples == 0) {
            return "no CPU samples";
        }
        return String.format("%,d CPU samples; by area: %s; hottest methods: %s (recording: %s)", samples,
                top(byPackage, samples), top(byMethod, samples), file.getFileName());
    }

    /** The library or Duban area a class belongs to: its first three package names (cn.duban: four). */
    static String area(String type) {
        String[] parts = type.split("\\.");
        int keep = type.startsWith("cn.duban.") ? 4 : 3;
        return String.join(".", List.of(parts).subList(0, Math.min(keep, parts.length - 1)));
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String top(Map<String, Integer> counts, int total) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(SHOWN)
                .map(e -> String.format("%s %.0f %%", e.getKey(), 100.0 * e.getValue() / total))
                .collect(Collectors.joining(", "));
    }

    private boolean jcmd(long pid, String... command) {
        try {
            Files.createDirectories(directory);
            List<String> args = new java.util.ArrayList<>(List.of("jcmd", String.valueOf(pid)));
            args.addAll(List.of(command));
            Process process = new ProcessBuilder(args).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("jcmd.log").toFile()).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
