package cn.duban.supervision.engine;

/** The status and alert rules of DESIGN.md, each with the light its findings carry. */
public enum RuleId {
    DUE_SOON(Light.YELLOW),
    LAGGING(Light.YELLOW),
    STALE_REPORT(Light.YELLOW),
    MILESTONE_OVERDUE(Light.RED),
    /** A CEILING target reported over its limit (docs/commitments.md). */
    CEILING_EXCEEDED(Light.RED),
    OVERDUE(Light.RED);

    private final Light light;

    RuleId(Light light) {
        this.light = light;
    }

    public Light light() {
        return light;
    }
}
