package cn.duban.helm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The API of one Kubernetes release, as the official Java client's models generated from that release's OpenAPI
 * document (io.kubernetes:client-java-api, copied by helm/pom.xml into target/kubernetes-api/). Each release is
 * loaded in a class loader of its own, so two releases can be checked in one run. A manifest is valid when the
 * model of its apiVersion and kind exists in the release and accepts it: every field known, every required field
 * present, objects, arrays and scalars where the schema has them.
 */
final class KubernetesApi {
    /** The release each copied client was generated from (helm/pom.xml names the versions). */
    static final Map<String, String> RELEASES = Map.of("oldest", "1.30", "newest", "1.35");

    final String release;
    private final ClassLoader loader;
    private final Object gson;
    private final Method toJsonTree;

    private KubernetesApi(String release, ClassLoader loader) throws ReflectiveOperationException {
        this.release = release;
        this.loader = loader;
        Class<?> gsonClass = loader.loadClass("com.google.gson.Gson");
        this.gson = gsonClass.getConstructor().newInstance();
        this.toJsonTree = gsonClass.getMethod("toJsonTree", Object.class);
    }

    /** The release copied under {@code name} ("oldest" or "newest"). */
    static KubernetesApi load(String name) {
        Path dir = Path.of(System.getProperty("kubernetes-api.dir", "target/kubernetes-api"), name);
        try (Stream<Path> jars = Files.list(dir)) {
            URL[] urls = jars.filter(p -> p.toString().endsWith(".jar")).map(KubernetesApi::url).toArray(URL[]::new);
            if (urls.length < 2) {
                throw new IllegalStateException("no Kubernetes client models in " + dir + " (mvn generate-test-resources copies them)");
            }
            return new KubernetesApi(RELEASES.get(name), new URLClassLoader(urls, ClassLoader.getPlatformClassLoader()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the Kubernetes API models of " + dir, e);
        }
    }

    static List<KubernetesApi> allowedByTheChart() {
        return List.of(load("oldest"), load("newest"));
    }

    /** Null when the manifest is valid for this release, else why not. */
    String problem(Map<String, Object> manifest) {
        String apiVersion = (String) manifest.get("apiVersion");
        String kind = (String) manifest.get("kind");
        if (apiVersion == null || kind == null) {
            return "no apiVersion or kind";
        }
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String model = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0))
                + version.substring(1) + kind;
        Class<?> type;
        try {
            type = loader.loadClass(model);
        } catch (ClassNotFoundException e) {
            return apiVersion + " " + kind + " does not exist in Kubernetes " + release;
        }
        try {
            Object json = toJsonTree.invoke(gson, manifest);
            Method validate = validator(type);
            Object argument = validate.getParameterTypes()[0].getSimpleName().equals("JsonObject")
                    ? json.getClass().getMethod("getAsJsonObject").invoke(json) : json;
            validate.invoke(null, argument);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause().getMessage();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** validateJsonObject up to client 21, validateJsonElement from 22 on. */
    private static Method validator(Class<?> type) throws NoSuchMethodException {
        for (Method m : type.getMethods()) {
            if ((m.getName().equals("validateJsonElement") || m.getName().equals("validateJsonObject"))
                    && m.getParameterCount() == 1) {
                return m;
            }
        }
        throw new NoSuchMethodException(type.getName() + " has no validator");
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
