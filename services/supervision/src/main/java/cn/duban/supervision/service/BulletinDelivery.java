package cn.duban.supervision.service;

import cn.duban.events.Envelope;
import cn.duban.events.bulletin.BulletinIssued;
import cn.duban.platform.messaging.Outbox;
import cn.duban.supervision.config.PapersConfig;
import cn.duban.supervision.papers.BulletinLayout;
import cn.duban.supervision.repository.BulletinIssue;
import cn.duban.supervision.view.Bulletin;
import cn.duban.supervision.view.BulletinPeriod;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The weekly 督查通报 to the leaders: on Monday morning (business time, {@link PapersConfig.Delivery}) the last
 * week's bulletin is announced with BulletinIssued on duban.alerts.v1, once per week; the notifier mails it
 * (docs/papers.md says what it must do). After a pause, or a jump of the demo clock, only the latest week goes out.
 */
@ApplicationScoped
public class BulletinDelivery {

    @Inject
    PapersConfig config;

    @Inject
    BusinessClock clock;

    @Inject
    Bulletins bulletins;

    @Inject
    Outbox outbox;

    /** The week whose bulletin is due at {@code now}: the one before the latest delivery moment that has passed. */
    static BulletinPeriod dueAt(OffsetDateTime now, DayOfWeek weekday, LocalTime from) {
        LocalDate day = now.toLocalDate().with(TemporalAdjusters.previousOrSame(weekday));
        if (now.toLocalDate().equals(day) && now.toLocalTime().isBefore(from)) {
            day = day.minusWeeks(1);
        }
        return BulletinPeriod.week(day.minusDays(1));
    }

    /**
     * Announces the due week's bulletin unless it went out already; returns it if it did now. The bulletin is composed
     * outside any transaction, each read on its own (it judges the year again: minutes at 100,000 tasks, and a
     * transaction that long would keep PostgreSQL from cleaning up dead rows anywhere), then announced and kept in one
     * short transaction. One replica checks at a time ({@link PaperDeadlines}); the check is made again on writing.
     */
    @ActivateRequestContext
    public Optional<BulletinIssued> sendDue() {
        if (!config.delivery().enabled()) {
            return Optional.empty();
        }
        OffsetDateTime now = clock.now();
        BulletinPeriod period = dueAt(now, config.delivery().day(), config.delivery().at());
        if (BulletinIssue.findById(period.code()) != null) {
            return Optional.empty();
        }
        Bulletin bulletin = bulletins.compose(period.code(), period.last());
        return Optional.ofNullable(QuarkusTransaction.requiringNew().call(() -> announce(period, bulletin, now)));
    }

    /** BulletinIssued in the outbox and the issue kept with what it says, unless the week went out meanwhile. */
    private BulletinIssued announce(BulletinPeriod period, Bulletin bulletin, OffsetDateTime now) {
        if (BulletinIssue.findById(period.code()) != null) {
            return null;
        }
        Bulletin.Totals t = bulletin.totals();
        String query = "?asOf=" + bulletin.asOf();
        BulletinIssued event = new BulletinIssued(period.code(), bulletin.asOf(), BulletinLayout.title(bulletin),
                new BulletinIssued.Totals(t.tasks(), t.green(), t.yellow(), t.red(), t.overdue(), t.completed(),
                        t.red() - bulletin.previous().red()),
                "/api/supervision/bulletins/" + period.code() + ".pdf" + query,
                "/api/supervision/bulletins/" + period.code() + ".docx" + query, "leaders", now);
        Envelope<BulletinIssued> envelope = Envelope.of(LedgerImport.SERVICE, "system", now, event);
        outbox.publish(envelope);
        BulletinIssue issue = new BulletinIssue();
        issue.period = period.code();
        issue.asOf = bulletin.asOf();
        issue.issuedAt = now;
        issue.eventId = envelope.id();
        issue.content = bulletins.asIssued(bulletin);
        issue.persist();
        return event;
    }
}
