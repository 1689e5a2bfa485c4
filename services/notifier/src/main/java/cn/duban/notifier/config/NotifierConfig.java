package cn.duban.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the notifier is told by its operator (docs/notifier.md, Configuration). */
@ConfigMapping(prefix = "duban.notifier")
public interface NotifierConfig {

    Links links();

    QuietHours quietHours();

    Destinations destinations();

    /** Per receiver kind (dingtalk, wecom, feishu, email, webhook): how many messages one receiver may take per window. */
    Map<String, RateLimit> rateLimit();

    Sender sender();

    /**
     * The AES key (Base64, 16 or 32 bytes) that seals receivers' secrets in the database; production takes it from
     * the Secret (DUBAN_NOTIFIER_SECRET_KEY). The demo and tests use a fixed demo key.
     */
    String secretKey();

    /** The routing tree used until the office PUTs one (JSON); none: nothing is routed until then. */
    Optional<String> defaultRoutes();

    /**
     * Receivers declared by the operator (JSON array of {name, kind, url | to, secret}), e.g. from a Kubernetes Secret;
     * created or updated at start, marked provisioned.
     */
    Optional<String> receivers();

    Mail mail();

    /** How often due aggregation groups are looked at (GroupFlusher). */
    @WithDefault("1s")
    Duration flushEvery();

    interface Links {
        /** The one origin people open (the gateway), e.g. https://duban.example. */
        URI origin();

        /** The task in the phone app; {id} is the task id. */
        @WithDefault("/m/#/tasks/{id}")
        String mobileTask();

        /** The task on the office's page. */
        @WithDefault("/#/task/{id}")
        String officeTask();
    }

    interface QuietHours {
        @WithDefault("22:00")
        LocalTime start();

        @WithDefault("08:00")
        LocalTime end();

        /** A zone id (e.g. Asia/Shanghai); the county's zone (CountyTime.ZONE) unless said otherwise. */
        Optional<String> zone();

        /** The kinds that push to people's phones and so keep quiet at night. */
        @WithDefault("dingtalk,wecom,feishu")
        List<String> kinds();
    }

    interface Destinations {
        /**
         * Host names a receiver's URL may name: exact, or {@code *.example.gov.cn} for a domain's hosts. The providers'
         * own hosts by default; a department's webhook host must be added by the operator.
         */
        List<String> hosts();

        /** URL schemes allowed: https in production; the demo adds http for its local receivers. */
        @WithDefault("https")
        List<String> schemes();

        /** Whether the loopback interface (127.0.0.0/8, ::1) may be a destination: the demo and tests only. */
        @WithDefault("false")
        boolean loopback();

        /** Whether private networks (10/8, 172.16/12, 192.168/16, fc00::/7) may be: an intranet's own webhooks. */
        @WithDefault("false")
        boolean privateNetworks();
    }

    interface RateLimit {
        int messages();

        Duration per();

        /** The least time between two messages to one receiver (Feishu: 5 a second besides 100 a minute). */
        @WithDefault("0s")
        Duration spacing();
    }

    interface Sender {
        /** How often the sender looks for due messages when nothing woke it. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Connect and answer timeout of one delivery. */
        @WithDefault("10s")
        Duration timeout();

        /** First pause after a failed attempt; doubled each time up to maxBackoff. */
        @WithDefault("5s")
        Duration minBackoff();

        @WithDefault("10m")
        Duration maxBackoff();

        /** A message still failing this long after it was written is given up (FAILED, counted, kept in the log). */
        @WithDefault("72h")
        Duration giveUpAfter();

        /** Receivers served at once. */
        @WithDefault("4")
        int workers();
    }

    interface Mail {
        /** Put before every subject. */
        @WithDefault("【督办】")
        String subjectPrefix();
    }
}
