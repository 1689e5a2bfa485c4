package cn.duban.events.task;

import java.time.LocalDate;

/** A dated step of a task, e.g. 试运行 by 2022-05-31. */
public record Milestone(String name, LocalDate due) {
}
