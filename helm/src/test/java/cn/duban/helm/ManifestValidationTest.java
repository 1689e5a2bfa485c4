package cn.duban.helm;

import static cn.duban.helm.RenderedChart.DEFAULT_VALUES;
import static cn.duban.helm.RenderedChart.MINIMAL_VALUES;
import static cn.duban.helm.RenderedChart.PRODUCTION_VALUES;
import static cn.duban.helm.RenderedChart.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart as an installer meets it: real Helm lints and renders it with each of the three values files in
 * helm/duban/ci (the defaults plus what is required, a production, a minimal), for the oldest Kubernetes its
 * kubeVersion allows and the newest, and every manifest, the helm test pods included, is valid for both releases'
 * API — unknown fields rejected — or, for the custom resources, for their CRDs (CustomResources).
 */
class ManifestValidationTest {

    static List<KubernetesApi> releases;

    @BeforeAll
    static void loadTheApis() {
        releases = KubernetesApi.allowedByTheChart();
    }

    static Stream<Path> valuesFiles() {
        return Stream.of(DEFAULT_VALUES, PRODUCTION_VALUES, MINIMAL_VALUES);
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void helmLintPassesStrictlyWith(Path values) {
        LintResult result = new Helm(RenderedChart.copy(values, false)).lint().strict().call();
        assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyManifestIsValidForTheOldestAndTheNewestKubernetesAllowed(Path values) {
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (String kubeVersion : List.of("v1.30.0", "v1.35.0")) {
            manifests.addAll(RenderedChart.parse(RenderedChart.template(values, kubeVersion)).documents);
        }
        manifests.addAll(RenderedChart.renderTests(values).kind("Pod"));
        assertThat(manifests).hasSizeGreaterThan(40);
        Map<String, String> problems = new LinkedHashMap<>();
        for (Map<String, Object> manifest : manifests) {
            String name = manifest.get("kind") + " " + at(manifest, "metadata", "name");
            if (CustomResources.isCustom(manifest)) {
                List<String> wrong = CustomResources.problems(manifest);
                if (!wrong.isEmpty()) {
                    problems.put(name, String.join("; ", wrong));
                }
                continue;
            }
            for (KubernetesApi api : releases) {
                String problem = api.problem(manifest);
                if (problem != null) {
                    problems.put(name + " (Kubernetes " + api.release + ")", problem);
                }
            }
        }
        assertThat(problems).as("manifests rendered with %s", values.getFileName()).isEmpty();
    }

    @Test
    void theValidatorRejectsWhatAClusterWouldReject() {
        Map<String, Object> deployment = RenderedChart.render().get("Deployment", "test-duban-reform");
        for (KubernetesApi api : releases) {
            assertThat(api.problem(deployment)).isNull();
        }
        Map<String, Object> typo = RenderedChart.parse(RenderedChart.template(DEFAULT_VALUES, "v1.30.0"))
                .get("Deployment", "test-duban-reform");
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) typo.get("spec");
        spec.put("replica", 2);
        Map<String, Object> hpa = new LinkedHashMap<>(Map.of("apiVersion", "autoscaling/v2beta2",
                "kind", "HorizontalPodAutoscaler", "metadata", Map.of("name", "gone-in-1.26")));
        Map<String, Object> noContainerName = RenderedChart.parse(RenderedChart.template(DEFAULT_VALUES, "v1.30.0"))
                .get("Deployment", "test-duban-reform");
        List<Map<String, Object>> containers = at(noContainerName, "spec", "template", "spec", "containers");
        containers.get(0).remove("name");
        for (KubernetesApi api : releases) {
            assertThat(api.problem(typo)).contains("replica");
            assertThat(api.problem(hpa)).contains("does not exist");
            assertThat(api.problem(noContainerName)).contains("name");
        }
        Map<String, Object> user = RenderedChart.render(PRODUCTION_VALUES).kind("KafkaUser").get(0);
        assertThat(CustomResources.problems(user)).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> authentication = (Map<String, Object>) at(user, "spec", "authentication");
        authentication.put("type", "scram-sha-256");
        assertThat(CustomResources.problems(user)).singleElement().asString().contains("scram-sha-256");
    }
}
