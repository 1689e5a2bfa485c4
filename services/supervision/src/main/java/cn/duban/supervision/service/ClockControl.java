package cn.duban.supervision.service;

import cn.duban.platform.rest.DubanException;
import cn.duban.supervision.repository.BulletinIssue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The demo's business clock as the office sees it: where it stands, and moving it, which queues a re-evaluation
 * of the whole ledger ({@link Reevaluation}) instead of doing it inside the request.
 */
@ApplicationScoped
public class ClockControl {

    @Inject
    BusinessClock clock;

    @Inject
    Reevaluation reevaluation;

    @Inject
    Audit audit;

    /** The clock, and the re-evaluation that brings the ledger in step with it (the latest one asked for). */
    public record ClockView(OffsetDateTime now, boolean movable, Reevaluation.Run evaluation) {
    }

    public ClockView view() {
        return new ClockView(clock.now(), clock.movable(), reevaluation.latest().orElse(null));
    }

    @Transactional
    public ClockView move(OffsetDateTime to) {
        if (!clock.movable()) {
            throw DubanException.notFound("只有演示环境才能调整业务时钟", "the business clock can only be moved in the demo profile");
        }
        OffsetDateTime from = clock.now();
        clock.moveTo(to);
        if (to.isBefore(from)) {
            // back before a bulletin's issue, it has not gone out yet: it goes out again, as the ledger then stands,
            // when the clock passes its Monday again (kept, it would be served with what it said the first time)
            BulletinIssue.delete("issuedAt > ?1", to);
        }
        audit.byCaller("clock.moved", null, null, from + " → " + to);
        return new ClockView(clock.now(), true, reevaluation.request("clock moved to " + to));
    }

    public Reevaluation.Run evaluation(long id) {
        return reevaluation.run(id).orElseThrow(() -> DubanException.notFound("没有第 %s 次重新评估(只保留最近 50 次)",
                "no re-evaluation %s (the latest 50 are kept)", id));
    }

    public Optional<Reevaluation.Run> latest() {
        return reevaluation.latest();
    }
}
