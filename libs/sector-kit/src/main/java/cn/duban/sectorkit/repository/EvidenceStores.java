package cn.duban.sectorkit.repository;

import cn.duban.sectorkit.config.EvidenceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;

/** The one {@link EvidenceStore} of this service, as duban.evidence.store names it. */
@ApplicationScoped
public class EvidenceStores {

    @Produces
    @ApplicationScoped
    EvidenceStore store(EvidenceConfig config, EntityManager em) {
        return switch (config.store()) {
            case "postgres" -> new PostgresEvidenceStore(em);
            case "s3" -> s3(config);
            default -> throw new IllegalStateException("duban.evidence.store is " + config.store()
                    + "; it may be postgres or s3 (docs/phone.md)");
        };
    }

    /** Loaded only here, so that a service without the (optional) AWS SDK runs as long as it keeps bytes in PostgreSQL. */
    private static EvidenceStore s3(EvidenceConfig config) {
        try {
            return S3EvidenceStore.of(config.s3());
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("duban.evidence.store=s3 needs the AWS SDK in this service: add "
                    + "software.amazon.awssdk:s3 and software.amazon.awssdk:url-connection-client (docs/phone.md)", e);
        }
    }
}
