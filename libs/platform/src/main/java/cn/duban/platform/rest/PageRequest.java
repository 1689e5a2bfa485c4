package cn.duban.platform.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * Which page of a listing the caller asks for, as every paged Duban list takes it ({@code @BeanParam}): {@code page}
 * counts from 0, {@code size} is 1 to {@value #MAX_SIZE} ({@value #DEFAULT_SIZE} unless told). Out of range is a 400
 * naming the parameter, never a silent clamp.
 */
public record PageRequest(@QueryParam("page") @DefaultValue("0") int page,
        @QueryParam("size") @DefaultValue("" + PageRequest.DEFAULT_SIZE) int size) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw DubanException.invalidField("page", "页码从 0 开始,不能为负", "must be 0 or more (pages count from 0)");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DubanException.invalidField("size", "每页条数应在 1 到 %s 之间", "must be between 1 and %s", MAX_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw DubanException.invalidField("page", "页码过大", "is too large");
        }
    }

    /** How many items come before this page. */
    public int offset() {
        return page * size;
    }
}
