package cn.duban.sectorkit.rest;

import cn.duban.platform.rest.DubanException;
import cn.duban.text.Text;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The sector services accept bodies of up to 11 MB for evidence files; a JSON body (a report at its field limits is
 * under 200 KB) is still refused above 256 KB, before Jackson reads it.
 */
public class JsonBodyLimit {
    static final long MAX_JSON = 256 * 1024;

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && request.getLength() > MAX_JSON) {
            throw DubanException.refused(413, "too-large", Text.of("请求体过大", "Request body too large"),
                    Text.of("JSON 请求体超过了本服务接受的大小(%s 字节);文件请作为佐证材料上传",
                            "the JSON body is larger than this service accepts (%s bytes); upload files as evidence", MAX_JSON));
        }
    }
}
