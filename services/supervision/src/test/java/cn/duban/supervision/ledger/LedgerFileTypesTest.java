package cn.duban.supervision.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.events.task.TaskSnapshot;
import cn.duban.events.task.Target;
import cn.duban.supervision.ledger.LedgerReader.LedgerException.RowError;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Kinds, target types, strengths and baselines in the ledger data file (docs/commitments.md). */
class LedgerFileTypesTest {

    private static Map<String, TaskSnapshot> pingyao() {
        return LedgerReader.ledger(LedgerReader.resource("ledger/pingyao-2022.json")).snapshots().stream()
                .collect(Collectors.toMap(TaskSnapshot::id, Function.identity()));
    }

    @Test
    void everyTaskOf2022HasAKindAndEveryTargetATypeAndStrength() {
        Map<String, TaskSnapshot> tasks = pingyao();
        var raw = LedgerReader.resource("ledger/pingyao-2022.json").get("tasks");
        for (var task : raw) {
            assertThat(task.has("kind")).as(task.get("id").asText()).isTrue();
            for (var target : task.get("targets")) {
                assertThat(target.has("type") && target.has("strength")).as(task.get("id").asText()).isTrue();
            }
        }
        assertThat(tasks.get("2022-LIV-018").targets()).singleElement()
                .isEqualTo(new Target("城镇登记失业率", "%", new java.math.BigDecimal("4.5"), "CEILING", "MUST",
                        new java.math.BigDecimal("3.81")));
        assertThat(tasks.get("2022-REF-001").kind()).isEqualTo("INDICATOR");
        assertThat(tasks.get("2022-REF-001").targets()).extracting(Target::type).containsExactly("AMOUNT", "GROWTH");
        assertThat(tasks.get("2022-IND-010").targets()).extracting(Target::type).containsExactly("SCOPE", "PROJECT_TOTAL");
        assertThat(tasks.get("2022-IND-011").targets()).extracting(Target::strength).containsOnly("STRIVE");
    }

    @Test
    void aBadTypeIsRefusedInChineseWithItsPlace() {
        ObjectNode ledger = (ObjectNode) LedgerReader.resource("ledger/pingyao-2022.json").deepCopy();
        ((ObjectNode) ledger.get("tasks").get(0).get("targets").get(0)).put("type", "天花板");
        ((ObjectNode) ledger.get("tasks").get(1)).put("kind", "任务");

        List<RowError> problems = LedgerReader.problems(ledger);

        assertThat(problems).extracting(p -> p.row().zh())
                .containsExactly("$.tasks[0].targets[0].type", "$.tasks[1].kind");
        assertThat(problems.get(0).message().zh()).contains("不是允许的取值", "CEILING");
    }

    @Test
    void anOldFileWithoutThemReadsWithTheDefaults() {
        ObjectNode ledger = (ObjectNode) LedgerReader.resource("ledger/pingyao-2022.json").deepCopy();
        for (var task : ledger.get("tasks")) {
            ((ObjectNode) task).remove("kind");
            for (var target : task.get("targets")) {
                ((ObjectNode) target).remove(List.of("type", "strength", "baseline"));
            }
        }
        Map<String, TaskSnapshot> tasks = LedgerReader.ledger(ledger).snapshots().stream()
                .collect(Collectors.toMap(TaskSnapshot::id, Function.identity()));

        assertThat(tasks.get("2022-REF-001").kind()).isEqualTo("INDICATOR");
        assertThat(tasks.get("2022-AGR-008").kind()).isEqualTo("PROJECT");
        assertThat(tasks.get("2022-URB-001").kind()).isEqualTo("WORK");
        assertThat(tasks.get("2022-LIV-018").targets()).singleElement()
                .satisfies(t -> assertThat(List.of(t.type(), t.strength())).containsExactly("AMOUNT", "MUST"));
    }
}
