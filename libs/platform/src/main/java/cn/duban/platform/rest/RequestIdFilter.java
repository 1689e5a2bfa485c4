package cn.duban.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The request id the gateway gives every request (X-Request-Id) goes into the MDC, so that this service's log
 * lines for that request name it (the log format prints %X{requestId}); it is echoed on the response.
 */
public class RequestIdFilter {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    // What the gateway accepts; anything else could forge a log line.
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void enter(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id != null && SANE.matcher(id).matches()) {
            MDC.put(MDC_KEY, id);
        } else {
            MDC.remove(MDC_KEY);
        }
    }

    @ServerResponseFilter
    public void leave(ContainerResponseContext response) {
        Object id = MDC.get(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id.toString());
        }
    }
}
