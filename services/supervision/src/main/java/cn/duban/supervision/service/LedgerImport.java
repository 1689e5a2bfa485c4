package cn.duban.supervision.service;

import cn.duban.events.Envelope;
import cn.duban.events.EventCodec;
import cn.duban.events.Sector;
import cn.duban.events.task.TaskAssigned;
import cn.duban.events.task.TaskSnapshot;
import cn.duban.events.task.TaskUpdated;
import cn.duban.platform.messaging.Outbox;
import cn.duban.supervision.ledger.LedgerFile;
import cn.duban.supervision.ledger.LedgerReader.LedgerException;
import cn.duban.supervision.ledger.LedgerReader.LedgerException.Place;
import cn.duban.supervision.ledger.LedgerReader.LedgerException.RowError;
import cn.duban.supervision.ledger.UnitDirectory;
import cn.duban.text.Text;
import cn.duban.supervision.repository.Task;
import cn.duban.supervision.repository.Unit;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.TaskStatus;
import cn.duban.supervision.repository.AuditEntry;
import io.quarkus.arc.Arc;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports a ledger, all or nothing: a new task is assigned (TaskAssigned), a changed task is updated
 * (TaskUpdated), and a task whose content is unchanged publishes nothing, so re-imports are harmless.
 */
@ApplicationScoped
public class LedgerImport {
    public static final String SERVICE = "supervision";

    @Inject
    Outbox outbox;

    @Inject
    TaskEvaluation evaluation;

    @Inject
    BusinessClock clock;

    @Inject
    Audit audit;

    public record Result(int assigned, int updated, int unchanged, int units) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    LedgerSheets sheets;

    @Transactional
    @TransactionConfiguration(timeout = 600)
    public Result importLedger(LedgerFile ledger, UnitDirectory units, String actor) {
        sheets.checkTasks(ledger.tasks().size());
        // Many rows in one transaction: flushing before every query would re-check them all each time.
        entityManager.setFlushMode(FlushModeType.COMMIT);
        Map<String, UnitDirectory.Entry> directory = units.units().stream()
                .collect(Collectors.toMap(UnitDirectory.Entry::name, Function.identity(), (a, b) -> b));
        checkReferences(ledger, directory);
        directory.values().forEach(LedgerImport::upsertUnit);
        int assigned = 0;
        int updated = 0;
        int unchanged = 0;
        List<String> changed = new ArrayList<>();
        for (LedgerFile.Entry entry : ledger.tasks()) {
            TaskSnapshot snapshot = entry.toSnapshot(ledger.year(), ledger.plannedStart());
            String hash = hash(snapshot) + (entry.rules() == null ? "" : " " + hash(entry.rules()));
            Task task = Task.findById(snapshot.id());
            if (task == null) {
                task = new Task();
                task.apply(snapshot, hash);
                task.ruleOverrides = entry.rules();
                task.monthlyPlan = entry.plan();
                task.createdAt = clock.now();
                task.updatedAt = task.createdAt;
                task.status = TaskStatus.NOT_STARTED;
                task.light = Light.GREEN;
                task.persist();
                outbox.publish(Envelope.of(SERVICE, actor, clock.now(), new TaskAssigned(snapshot)));
                assigned++;
            } else if (!hash.equals(task.contentHash)) {
                Map<String, String> before = TaskProvenance.values(task);
                task.apply(snapshot, hash);
                TaskProvenance.forgetChanged(task, before);
                task.ruleOverrides = entry.rules();
                task.updatedAt = clock.now();
                outbox.publish(Envelope.of(SERVICE, actor, clock.now(), new TaskUpdated(snapshot, "ledger re-import")));
                updated++;
            } else if (entry.plan() != null && !entry.plan().equals(task.monthlyPlan)) {
                // only the plan changed: nothing the sector services hold, so no TaskUpdated, but judged anew
                task.monthlyPlan = entry.plan();
                task.updatedAt = clock.now();
                updated++;
            } else {
                unchanged++;
                continue;
            }
            if (entry.plan() != null) {
                task.monthlyPlan = entry.plan(); // a file without a plan keeps the one the office set
            }
            changed.add(task.id);
        }
        entityManager.flush(); // so the evaluation's locking read finds the new rows
        evaluation.evaluate(changed);
        Result result = new Result(assigned, updated, unchanged, directory.size());
        String detail = String.format("%d assigned, %d updated, %d unchanged, %d units", assigned, updated, unchanged,
                directory.size());
        if (Arc.container().requestContext().isActive() && !"system".equals(actor)) {
            audit.byCaller("ledger.imported", null, null, detail);
        } else {
            AuditEntry.record(clock.now(), actor, "ledger.imported", null, null, detail);
        }
        return result;
    }

    /** Every unit a task names must be in the directory (given now or imported before), with one sector. */
    private static void checkReferences(LedgerFile ledger, Map<String, UnitDirectory.Entry> directory) {
        Set<String> known = new HashSet<>(directory.keySet());
        Unit.<Unit>listAll().forEach(u -> known.add(u.name));
        List<RowError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < ledger.tasks().size(); i++) {
            LedgerFile.Entry task = ledger.tasks().get(i);
            if (!ids.add(task.id())) {
                errors.add(new RowError(task.id(), Text.of("任务编号重复", "task id appears twice"), new Place(i, "id", "")));
            }
            Sector named = Sector.ofTaskId(task.id()).orElse(null);
            if (named == null || !named.id().equals(task.sector())) {
                // Each sector's progress arrives on its own topic, checked against the sector the task id names.
                String code = Sector.fromId(task.sector()).map(Sector::code).orElse("AGR");
                errors.add(new RowError(task.id(), Text.of("任务编号「%s」须写明所属领域,形如 2022-%s-001", "task id '%s' must name its sector, as in 2022-%s-001",
                        task.id(), code), new Place(i, "id", "")));
            }
            if (!known.contains(task.leadUnit())) {
                errors.add(new RowError(task.id(), Text.of("牵头单位「%s」不在单位名录中", "lead unit '%s' is not in the unit directory",
                        task.leadUnit()), new Place(i, "leadUnit", "")));
            }
            for (String unit : task.coUnits()) {
                if (!known.contains(unit)) {
                    errors.add(new RowError(task.id(), Text.of("配合单位「%s」不在单位名录中", "co-unit '%s' is not in the unit directory",
                            unit), new Place(i, "coUnits", "")));
                }
            }
            if (task.coUnits().contains(task.leadUnit())) {
                errors.add(new RowError(task.id(), Text.of("牵头单位同时被列为配合单位", "the lead unit is also listed as a co-unit"),
                        new Place(i, "coUnits", "")));
            }
        }
        if (!errors.isEmpty()) {
            throw new LedgerException(errors);
        }
    }

    private static void upsertUnit(UnitDirectory.Entry entry) {
        Unit unit = Unit.findById(entry.name());
        if (unit == null) {
            unit = new Unit();
            unit.name = entry.name();
            unit.sector = entry.sector();
            unit.leader = entry.leader();
            unit.persist();
        } else {
            unit.sector = entry.sector();
            unit.leader = entry.leader();
        }
    }

    static String hash(Object content) {
        try {
            byte[] json = EventCodec.json().writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
