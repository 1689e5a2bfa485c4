package cn.duban.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the services a harness starts as processes. Taken from 20000–27999, below the kernel's ephemeral range
 * (32768 and up) and clear of the instances' fixed ports (28080, 29092, …): a port the kernel handed out for a moment
 * ({@code new ServerSocket(0)}) is one it may give the next outgoing connection too, and a fault run once found its
 * reform service's port held by another process's connection when it started. Each port is given out once per JVM,
 * so a service killed and started again keeps its own.
 */
public final class ServicePorts {
    private static final int FIRST = 20000;
    private static final int COUNT = 8000;
    private static final Set<Integer> GIVEN = new HashSet<>();

    private ServicePorts() {
    }

    /** A port nothing listens on now and this JVM has not given out before. */
    public static synchronized int free() {
        int start = ThreadLocalRandom.current().nextInt(COUNT);
        for (int i = 0; i < COUNT; i++) {
            int port = FIRST + (start + i) % COUNT;
            if (!GIVEN.contains(port) && bindable(port)) {
                GIVEN.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + (FIRST + COUNT - 1));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
