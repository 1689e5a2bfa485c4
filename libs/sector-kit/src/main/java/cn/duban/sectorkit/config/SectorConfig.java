package cn.duban.sectorkit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "duban.sector")
public interface SectorConfig {

    /** This service's sector, e.g. {@code agriculture}; also its path segment, consumer group and event source. */
    String name();

    /** A figure beyond this share of its target needs {@code "confirmed": true} (a typo guard, not a limit). */
    @WithDefault("1.5")
    BigDecimal confirmAbove();

    /** This sector's own reporting rules; see its README. */
    Rules rules();

    interface Rules {
        /** Target units that count whole things (亩, 头, 座 …): a fraction there is a typo. */
        @WithDefault("个,座,条,处,户,人,项,件,场,所,头,只,村")
        Set<String> wholeUnits();

        /** Milestones (stages) that may only be reported reached with evidence, e.g. 投产, 通车, 竣工. */
        Optional<Set<String>> evidenceFor();

        /** Whether a report marked completed needs evidence. */
        @WithDefault("true")
        boolean evidenceOnCompletion();
    }
}
