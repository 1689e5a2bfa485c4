package cn.duban.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;
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

    /** Renders with {@code sets} as alternating keys and values, as {@code helm template --set key=value}. */
    static RenderedChart render(String... sets) {
        TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace("duban");
        for (int i = 0; i + 1 < sets.length; i += 2) {
            template = template.set(sets[i], sets[i + 1]);
        }
        return parse(template.call());
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
