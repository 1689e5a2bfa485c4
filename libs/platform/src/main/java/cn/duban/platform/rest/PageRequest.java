package cn.duban.platform.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * Which page of a listing the caller asks for, as every paged Duban list takes it ({@code @BeanParam}): {@code page}
 * counts from 0, {@code size} is 1 to {@value #MAX_SIZE} ({@value #DEFAULT_SIZE} unless told), and a page reaches at
 * most the first {@value #WINDOW} matches: deeper is for filters (or, on the task list, {@code after}), as skipping a
 * million rows to reach page 15,000 costs seconds and helps no reader. Out of range is a 400 naming the parameter,
 * never a silent clamp.
 */
public record PageRequest(@QueryParam("page") @DefaultValue("0") int page,
        @QueryParam("size") @DefaultValue("" + PageRequest.DEFAULT_SIZE) int size) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** How far into a listing page numbers reach, and how far its matches are counted. */
    public static final int WINDOW = 10_000;
    /** A count that stops one past the window tells "exactly the window" from "more". */
    public static final int COUNT_UP_TO = WINDOW + 1;

    public PageRequest {
        if (page < 0) {
            throw DubanException.invalidField("page", "页码从 0 开始,不能为负", "must be 0 or more (pages count from 0)");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DubanException.invalidField("size", "每页条数应在 1 到 %s 之间", "must be between 1 and %s", MAX_SIZE);
        }
        if ((long) page * size + size > WINDOW) {
            throw DubanException.invalidField("page", "页码过深:按页码只能翻阅前 %s 项,请用筛选条件缩小范围(任务列表也可用 after 从上一页最后一项续读)",
                    "reaches past the first %s items: narrow the listing with filters (the task list also takes after, the last id of the page before)",
                    WINDOW);
        }
    }

    /** How many items come before this page. */
    public int offset() {
        return page * size;
    }
}
