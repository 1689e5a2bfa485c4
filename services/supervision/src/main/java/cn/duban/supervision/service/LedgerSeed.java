package cn.duban.supervision.service;

import cn.duban.supervision.config.SupervisionConfig;
import cn.duban.supervision.ledger.LedgerReader;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Loads the configured seed ledger at start (demo and tests); idempotent, so restarts publish nothing new. */
@ApplicationScoped
public class LedgerSeed {
    private static final Logger LOG = Logger.getLogger(LedgerSeed.class);

    @Inject
    SupervisionConfig config;

    @Inject
    LedgerImport ledgerImport;

    void onStart(@Observes StartupEvent event) {
        config.ledger().seed().ifPresent(resource -> {
            LedgerImport.Result result = ledgerImport.importLedger(
                    LedgerReader.ledger(LedgerReader.resource(resource)),
                    LedgerReader.units(LedgerReader.resource(config.ledger().seedUnits())), "system");
            LOG.infof("seed ledger %s: %d assigned, %d updated, %d unchanged", resource, result.assigned(),
                    result.updated(), result.unchanged());
        });
    }
}
