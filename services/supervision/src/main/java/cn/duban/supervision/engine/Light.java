package cn.duban.supervision.engine;

/** The 亮灯 colour of a task or alert; declared from mildest to gravest so the worst is the greatest. */
public enum Light {
    GREEN,
    YELLOW,
    RED;

    public Light worse(Light other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
