package cn.duban.notifier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server on the loopback interface (GreenMail, the same server make run starts standalone), on a free
 * port; the notifier is pointed at it and tests read back what arrived.
 */
public class LocalMail implements QuarkusTestResourceLifecycleManager {
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        server = new GreenMail(smtp);
        server.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Every message the server received, for any address. */
    public static List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }
}
