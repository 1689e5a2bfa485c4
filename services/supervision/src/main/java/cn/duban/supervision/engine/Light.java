package cn.duban.supervision.engine;

/** The 亮灯 colour of a task or alert; declared from mildest to gravest so the worst is the greatest. */
public enum Light {
    GREEN("绿灯"),
    YELLOW("黄灯"),
    RED("红灯");

    private final String label;

    Light(String label) {
        this.label = label;
    }

    /** The light as the office reads it (exports, the page). */
    public String label() {
        return label;
    }

    public Light worse(Light other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
