package cn.duban.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service's OpenAPI document under Redocly's recommended rules (deploy/local/api-lint.sh, which installs the
 * pinned linter on first use): what a department's integrator would run on our /q/openapi before coding against it.
 */
public final class OpenApiLint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiLint() {
    }

    /** One finding: the rule, where in the document, and what it says. */
    public record Problem(String severity, String rule, String pointer, String message) {
        @Override
        public String toString() {
            return severity + " " + rule + " at " + pointer + ": " + message;
        }
    }

    /** Every problem the linter finds in {@code document} (the JSON of /q/openapi); errors and warnings alike. */
    public static List<Problem> problems(String service, String document) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "openapi-lint"));
            Path file = dir.resolve(service + ".json");
            Files.writeString(file, document, StandardCharsets.UTF_8);
            Path report = dir.resolve(service + ".lint.json");
            Process lint = new ProcessBuilder("bash", LocalInfra.root().resolve("deploy/local/api-lint.sh").toString(), "openapi",
                    file.toAbsolutePath().toString())
                    .redirectOutput(report.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!lint.waitFor(5, TimeUnit.MINUTES)) {
                lint.destroyForcibly();
                throw new IllegalStateException("the OpenAPI linter did not finish within 5 minutes");
            }
            JsonNode result = JSON.readTree(report.toFile());
            if (result == null || !result.has("problems")) {
                throw new IllegalStateException("the OpenAPI linter gave no report (exit " + lint.exitValue() + "): "
                        + Files.readString(report));
            }
            List<Problem> problems = new ArrayList<>();
            for (JsonNode p : result.get("problems")) {
                JsonNode location = p.path("location").path(0);
                problems.add(new Problem(p.path("severity").asText(), p.path("ruleId").asText(),
                        location.path("pointer").asText(), p.path("message").asText()));
            }
            return problems;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run deploy/local/api-lint.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while linting", e);
        }
    }

    /** The problems of severity error: what must be none. */
    public static List<Problem> errors(String service, String document) {
        return problems(service, document).stream().filter(p -> p.severity().equals("error")).toList();
    }
}
