package cn.duban.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The manifests real Helm renders from helm/duban with some values set, parsed, and the look-ups the tests need. */
final class RenderedChart {
    static final Path CHART = Path.of(System.getProperty("duban.root", ".."), "helm", "duban").toAbsolutePath();
    static final String RELEASE = "test";
    static final String PREFIX = "test-duban-";

    final List<Map<String, Object>> documents;

    private RenderedChart(List<Map<String, Object>> documents) {
        this.documents = documents;
    }

    /** The values files under helm/duban/ci: the chart's defaults plus only the required values, a production, a minimal. */
    static final Path DEFAULT_VALUES = CHART.resolve("ci/default-values.yaml");
    static final Path PRODUCTION_VALUES = CHART.resolve("ci/production-values.yaml");
    static final Path MINIMAL_VALUES = CHART.resolve("ci/minimal-values.yaml");
    /** The oldest Kubernetes the chart's kubeVersion allows; Helm renders for it unless told otherwise. */
    static final String KUBE_VERSION = "v1.30.0";

    /**
     * Renders with the default values file and {@code sets} as alternating keys and values, as
     * {@code helm template -f ci/default-values.yaml --set key=value}.
     */
    static RenderedChart render(String... sets) {
        return render(DEFAULT_VALUES, sets);
    }

    /** Renders with one values file (null: the chart's values alone) and {@code sets}. */
    static RenderedChart render(Path values, String... sets) {
        return parse(template(values, KUBE_VERSION, sets));
    }

    /** The manifests as Helm prints them. */
    static String template(Path values, String kubeVersion, String... sets) {
        TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace("duban")
                .withKubeVersion(kubeVersion);
        if (values != null) {
            template = template.withValuesFile(values);
        }
        for (int i = 0; i + 1 < sets.length; i += 2) {
            template = template.set(sets[i], sets[i + 1]);
        }
        return template.call();
    }

    /**
     * A copy of the chart in a new temporary directory whose values.yaml is the chart's merged with {@code values}
     * (maps merged key by key, everything else replaced, as Helm merges a values file), so that {@code helm lint}
     * sees those values. With {@code hooksAsManifests} the helm.sh/hook annotations of templates/tests are dropped:
     * helm-java's template prints no hooks, so that is how their manifests can be rendered and checked.
     */
    static Path copy(Path values, boolean hooksAsManifests) {
        try {
            Path target = Files.createTempDirectory("duban-chart-");
            try (Stream<Path> files = Files.walk(CHART)) {
                for (Path source : files.toList()) {
                    Path to = target.resolve(CHART.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(source, to);
                    }
                }
            }
            if (values != null) {
                Map<String, Object> merged = merge(load(CHART.resolve("values.yaml")), load(values));
                DumperOptions options = new DumperOptions();
                options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
                Files.writeString(target.resolve("values.yaml"), new Yaml(options).dump(merged));
            }
            if (hooksAsManifests) {
                try (Stream<Path> tests = Files.list(target.resolve("templates/tests"))) {
                    for (Path test : tests.toList()) {
                        Files.writeString(test, Files.readString(test).replaceAll("(?m)^\\s*helm\\.sh/hook.*\\n", ""));
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders the helm test pods (as plain manifests, see {@link #copy}) with one values file. */
    static RenderedChart renderTests(Path values) {
        Path copy = copy(null, true);
        TemplateCommand template = new Helm(copy).template().withName(RELEASE).withNamespace("duban")
                .withKubeVersion(KUBE_VERSION).withValuesFile(values);
        return parse(template.call());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path yamlFile) {
        try {
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(yamlFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        over.forEach((k, v) -> merged.merge(k, v, (a, b) -> a instanceof Map && b instanceof Map
                ? merge((Map<String, Object>) a, (Map<String, Object>) b) : b));
        return merged;
    }

    @SuppressWarnings("unchecked")
    static RenderedChart parse(String manifests) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // a duplicated label is a template bug that kubectl would reject
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Map<String, Object>> documents = StreamSupport.stream(yaml.loadAll(manifests).spliterator(), false)
                .filter(Objects::nonNull).map(d -> (Map<String, Object>) d).toList();
        return new RenderedChart(documents);
    }

    List<Map<String, Object>> kind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Map<String, Object> get(String kind, String name) {
        return kind(kind).stream().filter(d -> name.equals(at(d, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " among " + names(kind)));
    }

    List<String> names(String kind) {
        return kind(kind).stream().map(d -> (String) at(d, "metadata", "name")).toList();
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
        return containers.get(0);
    }

    /** Every {@code secretKeyRef} of a deployment's container env, as "secret/key". */
    static List<String> secretRefs(Map<String, Object> deployment) {
        List<Map<String, Object>> env = at(container(deployment), "env");
        List<String> refs = new ArrayList<>();
        if (env != null) {
            for (Map<String, Object> e : env) {
                Map<String, Object> ref = at(e, "valueFrom", "secretKeyRef");
                if (ref != null) {
                    refs.add(e.get("name") + "=" + ref.get("name") + "/" + ref.get("key"));
                }
            }
        }
        return refs;
    }

    /** The value at a path of map keys, or null where the path ends early. */
    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return (T) current;
    }
}
