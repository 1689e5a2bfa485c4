package cn.duban.faults;

import cn.duban.testsupport.KeycloakTokens;
import cn.duban.testsupport.SseStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Issue 21, "stream clients miss nothing": one alert-stream (SSE) client per supervision replica, opened straight at
 * it as the office (the supervisor, a real Keycloak token) and read for the whole run. When its replica is killed or
 * its stream ends (token expiry), a client reconnects at once with Last-Event-ID to a live replica, its own if that
 * is up, else the next; once its own replica is back it returns there the same way, as a sticky load balancer would
 * send it, so that a replay is also served by a replica that has only just started. At the end each client's notices
 * are held against supervision's {@code alert_notice}: every position after the start its first stream opened with
 * (the id of its opening comment) to the newest, none missing, none twice, none at or before that start.
 */
final class StreamClients {
    private static final String PATH = "/api/supervision/alerts/stream";
    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    /** What one client heard, against the table. */
    record Result(String home, List<String> servedBy, long start, long first, long last, int expected, int received,
            int missed, int doubled, int beforeStart, int resyncs, int resumed) {
    }

    private final Services services;
    private final KeycloakTokens tokens;
    private final Tally tally;
    private final List<String> replicas;
    private final Consumer<String> timeline;
    private final List<Client> clients = new ArrayList<>();
    private volatile boolean stopping;

    StreamClients(Services services, KeycloakTokens tokens, Tally tally, List<String> replicas,
            Consumer<String> timeline) {
        this.services = services;
        this.tokens = tokens;
        this.tally = tally;
        this.replicas = List.copyOf(replicas);
        this.timeline = timeline;
    }

    /** One client per replica, each reading on a thread of its own. */
    void start() {
        replicas.forEach(r -> clients.add(new Client(r)));
        clients.forEach(c -> c.thread.start());
    }

    /**
     * Waits until every client has heard the newest committed notice (and none is left without a position), stops
     * them, and compares what each heard with the table.
     */
    List<Result> finish() {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        Tally.Notices notices = tally.notices();
        while (System.nanoTime() < deadline && !heardAll(notices)) {
            Pause.of(Duration.ofSeconds(1));
            notices = tally.notices();
        }
        stopping = true;
        clients.forEach(Client::join);
        List<Result> results = new ArrayList<>();
        for (Client c : clients) {
            Map<Long, Integer> heard = c.heard();
            long start = c.start();
            long first = heard.keySet().stream().mapToLong(Long::longValue).min().orElse(0);
            // from its start on the stream owes it every notice; before it, it had no id to resume from
            List<Long> expected = start < 0 ? List.of() : tally.noticePositions(start + 1, notices.newest());
            int missed = (int) expected.stream().filter(p -> !heard.containsKey(p)).count();
            int doubled = heard.values().stream().mapToInt(n -> n - 1).sum();
            int received = heard.values().stream().mapToInt(Integer::intValue).sum();
            int beforeStart = (int) heard.keySet().stream().filter(p -> p <= start).count();
            results.add(new Result(c.home, c.servedBy(), start, first, notices.newest(), expected.size(), received,
                    missed, doubled, beforeStart, c.resyncs, c.resumed));
        }
        return results;
    }

    private boolean heardAll(Tally.Notices notices) {
        return notices.unpositioned() == 0 && clients.stream().allMatch(c -> c.last() >= notices.newest());
    }

    /** One reader: its connections one after another, and every notice id it was sent, counted. */
    private final class Client {
        private final String home;
        private final Thread thread;
        private final Map<Long, Integer> heard = new HashMap<>();
        private final List<String> servedBy = new ArrayList<>();
        private long last; // the newest notice it heard
        private String lastEventId; // what it resumes from, as an SSE client keeps it (also a start or resync id)
        private long start = -1; // the start id its first stream opened with; none yet: -1
        private int resyncs;
        private int resumed; // connections opened with a Last-Event-ID

        Client(String home) {
            this.home = home;
            this.thread = new Thread(this::read, "stream-" + home);
            this.thread.setDaemon(true);
        }

        synchronized long last() {
            return last;
        }

        synchronized long start() {
            return start;
        }

        private synchronized String lastEventId() {
            return lastEventId;
        }

        synchronized Map<Long, Integer> heard() {
            return new LinkedHashMap<>(heard);
        }

        synchronized List<String> servedBy() {
            return List.copyOf(servedBy);
        }

        void join() {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void read() {
            String target = home;
            while (!stopping) {
                String lastId = lastEventId();
                Map<String, String> headers = new HashMap<>(Map.of("Authorization", tokens.bearer("supervisor")));
                if (lastId != null) {
                    headers.put("Last-Event-ID", lastId);
                }
                SseStream stream;
                try {
                    stream = SseStream.open(URI.create(services.url(target) + PATH), headers);
                } catch (RuntimeException e) {
                    stream = null;
                }
                if (stream == null || stream.status() != 200) {
                    if (stream != null && stream.status() == 401) {
                        tokens.forget("supervisor");
                    }
                    Pause.of(Duration.ofSeconds(1));
                    target = live(target);
                    continue;
                }
                synchronized (this) {
                    servedBy.add(target);
                    resumed += lastId == null ? 0 : 1;
                }
                if (!target.equals(home) || servedBy().size() > 1) {
                    say("%s's stream client resumed at %s after %s", home, target, lastId == null ? "nothing" : "#" + lastId);
                }
                String why = follow(stream, target);
                if (why.equals("home")) {
                    target = home;
                } else if (!why.equals("stop")) {
                    say("%s's stream client lost %s (%s)", home, target, why);
                    target = live(target);
                }
            }
        }

        /** Reads one connection until it ends, the run stops, or the client's own replica is back; says which. */
        private String follow(SseStream stream, String target) {
            int seen = 0;
            long nextHomeCheck = System.nanoTime();
            String why = null;
            while (why == null) {
                seen = take(stream, seen);
                if (stopping) {
                    why = "stop";
                } else if (stream.ended()) {
                    why = ended(stream);
                } else if (!target.equals(home) && System.nanoTime() >= nextHomeCheck) {
                    nextHomeCheck = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                    if (services.alive(home) && services.health(home, "ready") == 200) {
                        why = "home";
                    }
                }
                if (why == null) {
                    Pause.of(Duration.ofMillis(200));
                }
            }
            stream.close();
            long closed = System.nanoTime();
            while (!stream.ended() && System.nanoTime() - closed < Duration.ofSeconds(5).toNanos()) {
                Pause.of(Duration.ofMillis(50));
            }
            take(stream, seen); // what arrived before the connection closed
            synchronized (this) {
                if (stream.lastEventId() != null) {
                    lastEventId = stream.lastEventId();
                }
            }
            return why;
        }

        private String ended(SseStream stream) {
            List<SseStream.Event> events = stream.events();
            boolean expired = !events.isEmpty() && events.get(events.size() - 1).name().equals("end");
            return expired ? "its token expired" : "the connection ended";
        }

        /** Counts the events after the first {@code seen}; returns how many there are now. */
        private int take(SseStream stream, int seen) {
            List<SseStream.Event> events = stream.events();
            synchronized (this) {
                if (start < 0 && stream.startId() != null) {
                    start = Long.parseLong(stream.startId());
                }
                for (SseStream.Event e : events.subList(seen, events.size())) {
                    if (e.name().equals("resync")) {
                        resyncs++;
                        say("%s's stream client was told to resync: %s", home, e.data());
                    } else if (e.name().equals("message") && e.id() != null) {
                        long position = Long.parseLong(e.id());
                        heard.merge(position, 1, Integer::sum);
                        last = Math.max(last, position);
                    }
                }
            }
            return events.size();
        }

        /** Its own replica if that is up, else the next live one after {@code from}, in the replicas' order. */
        private String live(String from) {
            if (services.alive(home) && services.health(home, "ready") == 200) {
                return home;
            }
            int at = replicas.indexOf(from);
            for (int i = 1; i <= replicas.size(); i++) {
                String next = replicas.get((at + i) % replicas.size());
                if (services.alive(next) && services.health(next, "ready") == 200) {
                    return next;
                }
            }
            return from; // none ready: try the same again after the pause
        }
    }

    private void say(String format, Object... args) {
        timeline.accept(String.format(format, args));
    }
}
