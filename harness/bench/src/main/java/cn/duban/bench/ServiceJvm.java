package cn.duban.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The services' JVM options as deploy/local/service-jvm.options gives them to `make run` (one per line, # comments). */
final class ServiceJvm {
    private ServiceJvm() {
    }

    static List<String> options() {
        Path file = Path.of(System.getProperty("duban.root", ".")).resolve("deploy/local/service-jvm.options");
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
