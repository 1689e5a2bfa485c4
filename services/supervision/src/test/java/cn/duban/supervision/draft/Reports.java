package cn.duban.supervision.draft;

import cn.duban.supervision.ledger.LedgerReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Test reports (src/test/resources/reports) and the unit directory the drafter proposes from. */
final class Reports {
    private Reports() {
    }

    static String read(String name) throws IOException {
        try (InputStream in = Reports.class.getResourceAsStream("/reports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static LeadUnits leadUnits() {
        return LeadUnits.fromResources(LedgerReader.units(LedgerReader.resource("ledger/units.json")));
    }
}
