package cn.duban.sectorkit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

@ConfigMapping(prefix = "duban.sector")
public interface SectorConfig {

    /** This service's sector, e.g. {@code agriculture}; also its path segment, consumer group and event source. */
    String name();

    /** A figure beyond this share of its target needs {@code "confirmed": true} (a typo guard, not a limit). */
    @WithDefault("1.5")
    BigDecimal confirmAbove();
}
