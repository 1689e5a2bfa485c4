package cn.duban.supervision.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated step of a task (时间节点), e.g. 试运行 by 2022-05-31.
 *
 * @param name      unique within its task; it also names the milestone's alert
 * @param reachedOn the date the unit reported it reached; {@code null} while not reached
 */
public record MilestoneFacts(String name, LocalDate due, LocalDate reachedOn) {

    public MilestoneFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(due, "due");
    }

    public boolean isReached() {
        return reachedOn != null;
    }
}
