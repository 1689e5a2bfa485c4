package cn.duban.supervision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

@ConfigMapping(prefix = "duban.supervision")
public interface SupervisionConfig {

    Ledger ledger();

    Clock clock();

    /** The status and alert rules' thresholds for this deployment (DESIGN.md); each absent one keeps the engine's default. */
    Rules rules();

    /** The holiday notices the working-day calendar is made of (docs/calendar.md). */
    Calendar calendar();

    interface Ledger {
        /** Classpath resource of a ledger loaded (idempotently) at start, e.g. ledger/pingyao-2022.json; none in production. */
        Optional<String> seed();

        /** Classpath resource of the unit directory that goes with the seed ledger. */
        @WithDefault("ledger/units.json")
        String seedUnits();
    }

    interface Rules {
        OptionalInt dueSoonDays();

        OptionalInt laggingPoints();

        OptionalInt reportDueDay();

        OptionalInt escalateToLeaderAfterDays();

        OptionalInt escalateToOfficeAfterDays();

        OptionalInt reminderIntervalDays();
    }

    interface Calendar {
        /** Classpath resources shipped with the service, one notice a year. */
        @WithDefault("calendar/cn-2022.json,calendar/cn-2023.json")
        List<String> resources();

        /** Notices for later years a deployment adds: paths of JSON files in the shape of calendar/cn-2022.json. */
        Optional<List<String>> files();
    }

    interface Clock {
        /** Where the business clock starts (demo: 2022-03-01T09:00+08:00); absent = the system clock. */
        Optional<OffsetDateTime> start();

        /** Whether the office may move the clock (POST /api/supervision/admin/clock): demo profile only. */
        @WithDefault("false")
        boolean movable();
    }
}
