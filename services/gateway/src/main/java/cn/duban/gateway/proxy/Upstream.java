package cn.duban.gateway.proxy;

import java.net.URI;

/** A service behind the gateway: its route name (named in errors) and where it listens. */
public record Upstream(String name, String host, int port, boolean ssl) {

    public static Upstream of(String name, URI url) {
        boolean ssl = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
        return new Upstream(name, url.getHost(), port, ssl);
    }
}
