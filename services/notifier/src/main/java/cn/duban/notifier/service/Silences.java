package cn.duban.notifier.service;

import cn.duban.notifier.repository.AuditEntry;
import cn.duban.notifier.repository.Silence;
import cn.duban.notifier.routing.Labels;
import cn.duban.notifier.routing.Matcher;
import cn.duban.notifier.view.AuditView;
import cn.duban.notifier.view.SilenceList;
import cn.duban.notifier.view.SilenceView;
import cn.duban.platform.rest.BadField;
import cn.duban.platform.rest.DubanException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** 静默: the office mutes notices by matchers for a while; created, ended and listed here, each change audited. */
@ApplicationScoped
public class Silences {
    static final Duration LONGEST = Duration.ofDays(90);

    @Inject
    BusinessTime time;

    /** A silence as asked for: matchers, until when (or for how long), from when (default: now), and why. */
    public record Draft(List<String> matchers, OffsetDateTime startsAt, OffsetDateTime endsAt, String duration,
            String comment) {
        public Draft {
            matchers = matchers == null ? List.of() : matchers;
        }
    }

    @Transactional
    public SilenceView create(Draft draft, String actor) {
        List<BadField> bad = new ArrayList<>();
        if (draft.matchers().isEmpty()) {
            bad.add(BadField.of("matchers", "至少一个匹配条件，如 sector=agriculture", "at least one matcher, e.g. sector=agriculture"));
        }
        for (int i = 0; i < draft.matchers().size(); i++) {
            try {
                Matcher.parse(draft.matchers().get(i));
            } catch (Matcher.BadMatcher e) {
                bad.add(new BadField("matchers[" + i + "]", e.why()));
            }
        }
        OffsetDateTime now = time.now();
        OffsetDateTime starts = draft.startsAt() == null ? now : draft.startsAt();
        OffsetDateTime ends = draft.endsAt();
        if (ends == null && draft.duration() != null) {
            ends = cn.duban.notifier.routing.DurationText.parse(draft.duration()).map(starts::plus).orElse(null);
            if (ends == null) {
                bad.add(BadField.of("duration", "无法识别时长“%s”，应形如 2h、1d", "cannot read the duration '%s'; write e.g. 2h, 1d", draft.duration()));
            }
        } else if (ends == null) {
            bad.add(BadField.of("endsAt", "必填（或给出 duration，如 2h）", "required (or give a duration such as 2h)"));
        }
        if (ends != null && !ends.isAfter(starts)) {
            bad.add(BadField.of("endsAt", "必须晚于开始时间", "must be after startsAt"));
        }
        if (ends != null && ends.isBefore(now)) {
            bad.add(BadField.of("endsAt", "已经过去（业务时间 %s）", "is already past (business time %s)", now));
        }
        if (ends != null && Duration.between(starts, ends).compareTo(LONGEST) > 0) {
            bad.add(BadField.of("endsAt", "静默最长 90 天", "a silence lasts 90 days at most"));
        }
        if (draft.comment() == null || draft.comment().isBlank() || draft.comment().length() > 500) {
            bad.add(BadField.of("comment", "请写明原因（不超过 500 字）", "say why (at most 500 characters)"));
        }
        if (!bad.isEmpty()) {
            throw DubanException.invalidFields(bad);
        }
        Silence silence = new Silence();
        silence.id = "SI-" + UUID.randomUUID();
        silence.matchers = List.copyOf(draft.matchers());
        silence.startsAt = starts;
        silence.endsAt = ends;
        silence.comment = draft.comment().trim();
        silence.createdBy = actor;
        silence.createdAt = now;
        silence.persist();
        AuditEntry.record(actor, "silence.created", silence.id, String.join(", ", silence.matchers) + " · "
                + silence.startsAt + " – " + silence.endsAt + " · " + silence.comment);
        return SilenceView.of(silence, now);
    }

    /** Ends a silence now (its record stays). */
    @Transactional
    public SilenceView end(String id, String actor) {
        Silence silence = Silence.findById(id);
        if (silence == null) {
            throw DubanException.notFound("没有静默 %s", "no silence %s", id);
        }
        OffsetDateTime now = time.now();
        if (silence.endsAt.isAfter(now)) {
            silence.endsAt = now.isAfter(silence.startsAt) ? now : silence.startsAt;
            silence.endedBy = actor;
            silence.endedAt = now;
            AuditEntry.record(actor, "silence.ended", silence.id, null);
        }
        return SilenceView.of(silence, now);
    }

    /** Silences not yet over, newest first, each marked active or not at the business time now. */
    @Transactional
    public SilenceList notOver() {
        OffsetDateTime now = time.now();
        List<SilenceView> items = Silence.notOverAt(now).stream().map(s -> SilenceView.of(s, now)).toList();
        return new SilenceList(items, items.size(), now);
    }

    /** Who made and ended a silence, and when. */
    @Transactional
    public List<AuditView> history(String id) {
        return AuditEntry.of(id).stream().map(AuditView::of).toList();
    }

    /** The silences in force now, each with its matchers read; for a flush. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<List<Matcher>> activeMatchers() {
        List<List<Matcher>> active = new ArrayList<>();
        for (Silence silence : Silence.activeAt(time.now())) {
            List<Matcher> matchers = new ArrayList<>();
            for (String text : silence.matchers) {
                try {
                    matchers.add(Matcher.parse(text));
                } catch (Matcher.BadMatcher e) {
                    matchers = null; // checked when created; a label removed since makes it match nothing
                    break;
                }
            }
            if (matchers != null) {
                active.add(matchers);
            }
        }
        return active;
    }

    public static boolean mutes(List<List<Matcher>> silences, Labels labels) {
        return silences.stream().anyMatch(matchers -> matchers.stream().allMatch(m -> m.matches(labels)));
    }
}
