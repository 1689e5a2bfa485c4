package cn.duban.notifier.service;

import cn.duban.events.EventCodec;
import cn.duban.notifier.config.NotifierConfig;
import cn.duban.notifier.repository.AuditEntry;
import cn.duban.notifier.repository.Receiver;
import cn.duban.notifier.repository.StoredRoutes;
import cn.duban.notifier.routing.RouteSpec;
import cn.duban.notifier.routing.RoutingTree;
import cn.duban.platform.rest.BadField;
import cn.duban.platform.rest.DubanException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The routing tree: the office's (PUT /api/notify/routes), or the configured default until the office sets one;
 * none at all means nothing is routed. Read on every batch, compiled once per version.
 */
@ApplicationScoped
public class Routes {

    @Inject
    NotifierConfig config;

    private volatile Compiled cache;

    private record Compiled(OffsetDateTime version, RouteSpec spec, RoutingTree tree) {
    }

    /** The tree in force, as written. */
    public Optional<RouteSpec> spec() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            StoredRoutes stored = StoredRoutes.findById(StoredRoutes.THE_ONE);
            if (stored != null) {
                return Optional.of(stored.tree);
            }
            return configured();
        });
    }

    /** The tree in force, compiled; empty when no tree is set. */
    public Optional<RoutingTree> current() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            StoredRoutes stored = StoredRoutes.findById(StoredRoutes.THE_ONE);
            OffsetDateTime version = stored == null ? OffsetDateTime.MIN : stored.updatedAt;
            Compiled seen = cache;
            if (seen != null && seen.version().equals(version)) {
                return Optional.ofNullable(seen.tree());
            }
            Optional<RouteSpec> spec = stored != null ? Optional.of(stored.tree) : configured();
            RoutingTree tree = spec.map(s -> RoutingTree.compile(s, name -> Receiver.named(name).isPresent()).tree())
                    .orElse(null);
            if (tree != null || stored != null) {
                cache = new Compiled(version, spec.orElse(null), tree);
            }
            return Optional.ofNullable(tree);
        });
    }

    @Transactional
    public RouteSpec replace(RouteSpec spec, String actor) {
        RoutingTree.Result result = RoutingTree.compile(spec, name -> Receiver.named(name).isPresent());
        if (!result.problems().isEmpty()) {
            throw DubanException.invalidFields(result.problems().stream()
                    .map(p -> new BadField(p.where().isEmpty() ? "routes" : p.where(), p.why())).toList());
        }
        StoredRoutes stored = StoredRoutes.findById(StoredRoutes.THE_ONE);
        if (stored == null) {
            stored = new StoredRoutes();
            stored.tree = spec;
            stored.updatedAt = OffsetDateTime.now();
            stored.updatedBy = actor;
            stored.persist();
        } else {
            stored.tree = spec;
            stored.updatedAt = OffsetDateTime.now();
            stored.updatedBy = actor;
        }
        AuditEntry.record(actor, "routes.replaced", "routes", json(spec));
        return spec;
    }

    private Optional<RouteSpec> configured() {
        return config.defaultRoutes().filter(json -> !json.isBlank()).map(json -> {
            try {
                return EventCodec.json().readValue(json, RouteSpec.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("duban.notifier.default-routes is not a route in JSON: " + e.getOriginalMessage(), e);
            }
        });
    }

    private static String json(RouteSpec spec) {
        try {
            return EventCodec.json().writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            return String.valueOf(spec);
        }
    }
}
