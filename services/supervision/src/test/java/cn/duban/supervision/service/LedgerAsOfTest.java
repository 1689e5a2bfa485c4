package cn.duban.supervision.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.supervision.AsTheOfficeOnTheDemoClock;
import cn.duban.supervision.ClockMoves;
import cn.duban.supervision.view.Bulletin;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ledger as of past days is read a chunk of tasks at a time and summed up as it goes (a whole province's ledger
 * held at once ran supervision out of heap): read in chunks of seven, a bulletin says what one read whole says.
 */
@QuarkusTest
class LedgerAsOfTest extends AsTheOfficeOnTheDemoClock {

    @Inject
    Bulletins bulletins;

    @Inject
    LedgerAsOf ledger;

    @Test
    void aBulletinReadSevenTasksAtATimeSaysWhatOneReadWholeSays() {
        ClockMoves.moveTo("2022-06-15T09:00:00+08:00");
        Bulletin whole = QuarkusTransaction.requiringNew().call(() -> bulletins.compose("2022-W23", null));
        Bulletin chunked;
        ledger.readTasks(7);
        try {
            chunked = QuarkusTransaction.requiringNew().call(() -> bulletins.compose("2022-W23", null));
        } finally {
            ledger.readTasks(LedgerAsOf.TASKS_PER_READ);
        }

        assertThat(whole.totals().tasks()).isGreaterThan(100);
        assertThat(whole.trend()).isNotEmpty();
        assertThat(chunked).usingRecursiveComparison().ignoringFields("generatedAt").isEqualTo(whole);
    }

    @Test
    void eachDayIsSummedUpByItsOwnCollector() {
        ClockMoves.moveTo("2022-06-15T09:00:00+08:00");
        LocalDate day = LocalDate.of(2022, 5, 29);
        ledger.readTasks(13);
        try {
            var points = QuarkusTransaction.requiringNew().call(() ->
                    ledger.summarised(List.of(day, day.plusWeeks(1), day), Bulletins::point));
            // one entry a day, in the order asked; every task counted once under one light
            assertThat(points.keySet()).containsExactly(day, day.plusWeeks(1));
            Bulletin.TrendPoint first = points.get(day);
            assertThat(first.green() + first.yellow() + first.red())
                    .isEqualTo(QuarkusTransaction.requiringNew().call(() -> (int) cn.duban.supervision.repository.Task.count()));
        } finally {
            ledger.readTasks(LedgerAsOf.TASKS_PER_READ);
        }
    }
}
