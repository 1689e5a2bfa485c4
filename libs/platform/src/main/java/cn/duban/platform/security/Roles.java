package cn.duban.platform.security;

/** The realm roles of Duban (deploy/keycloak/duban-realm.json); docs/security.md says who may do what. */
public final class Roles {
    /** 督查室: the supervision office — imports the ledger, decides, reminds, moves the demo clock. */
    public static final String SUPERVISOR = "supervisor";
    /** County leaders: read everything; acknowledge the alerts escalated to their own post. */
    public static final String LEADER = "leader";
    /** A sector's staff: act on the tasks of the sector in their {@code sector} claim. */
    public static final String SECTOR_REPORTER = "sector-reporter";
    /** A unit's staff or a department system: act on the tasks the unit in their {@code unit} claim leads or co-leads. */
    public static final String UNIT_REPORTER = "unit-reporter";

    private Roles() {
    }
}
