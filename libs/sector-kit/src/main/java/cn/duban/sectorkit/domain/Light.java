package cn.duban.sectorkit.domain;

import java.util.List;

/** A task's light in the sector's inbox: the worst of its open alerts' lights, GREEN with none. */
public enum Light {
    GREEN, YELLOW, RED;

    /** The light an alert event names; anything else (a newer light this service does not know) reads as YELLOW. */
    public static Light of(String name) {
        for (Light light : values()) {
            if (light.name().equals(name)) {
                return light;
            }
        }
        return YELLOW;
    }

    public static Light worst(List<Light> lights) {
        return lights.stream().max(Enum::compareTo).orElse(GREEN);
    }
}
