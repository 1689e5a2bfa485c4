package cn.duban.notifier.service;

import cn.duban.notifier.config.NotifierConfig;
import cn.duban.text.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The allow-list every receiver's URL passes, when it is configured and again before each delivery (a name may
 * resolve elsewhere later): a scheme and a host the operator admitted, and no address on the loopback interface,
 * a private network, link-local (cloud metadata), multicast or the wildcard unless the operator admitted those.
 * So the office's API cannot be used to make the notifier call inside the cluster.
 */
@ApplicationScoped
public class Destinations {

    @Inject
    NotifierConfig config;

    /** Why {@code url} may not be a destination; empty when it may. */
    public Optional<Text> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of(Text.of("不是有效的网址", "not a valid URL"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!config.destinations().schemes().contains(scheme)) {
            return Optional.of(Text.of("只允许 %s 地址", "only %s URLs are allowed", String.join("、", config.destinations().schemes())));
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of(Text.of("网址不能含用户名或密码", "the URL must not carry a user name or password"));
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of(Text.of("网址缺少主机名", "the URL names no host"));
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!admitted(host)) {
            return Optional.of(Text.of("主机 %s 不在允许的目的地名单中（duban.notifier.destinations.hosts）",
                    "the host %s is not on the allow-list (duban.notifier.destinations.hosts)", host));
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of(Text.of("无法解析主机 %s", "cannot resolve the host %s", host));
        }
        for (InetAddress address : addresses) {
            Optional<Text> refused = refusal(address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private boolean admitted(String host) {
        for (String entry : config.destinations().hosts()) {
            String allowed = entry.trim().toLowerCase(Locale.ROOT);
            if (allowed.isEmpty()) {
                continue;
            }
            if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Text> refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return config.destinations().loopback() ? Optional.empty()
                    : Optional.of(Text.of("不允许指向本机（回环地址 %s）", "the loopback address %s is not allowed", address.getHostAddress()));
        }
        boolean uniqueLocal = address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
        if (address.isSiteLocalAddress() || uniqueLocal) {
            return config.destinations().privateNetworks() ? Optional.empty()
                    : Optional.of(Text.of("不允许指向内网地址 %s", "the private address %s is not allowed", address.getHostAddress()));
        }
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Optional.of(Text.of("不允许指向地址 %s", "the address %s is not allowed", address.getHostAddress()));
        }
        return Optional.empty();
    }
}
