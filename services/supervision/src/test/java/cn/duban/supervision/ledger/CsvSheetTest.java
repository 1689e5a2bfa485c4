package cn.duban.supervision.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSheetTest {

    private static List<List<String>> texts(String csv) {
        return CsvSheet.read(csv.getBytes(StandardCharsets.UTF_8)).stream()
                .map(r -> r.cells().stream().map(SheetRow.Cell::text).toList()).toList();
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaks() {
        assertThat(texts("任务编号,任务名称\r\n2022-AGR-003,\"农村居民人均可支配收入16918元,增长8.5%\"\r\n"
                + "2022-AGR-004,\"他说\"\"好\"\"\n第二行\"\r\n"))
                .containsExactly(List.of("任务编号", "任务名称"),
                        List.of("2022-AGR-003", "农村居民人均可支配收入16918元,增长8.5%"),
                        List.of("2022-AGR-004", "他说\"好\"\n第二行"));
    }

    @Test
    void rowsAreNumberedByRecordNotByLine() {
        List<SheetRow> rows = CsvSheet.read("a,b\n\"x\ny\",z\n\nlast,\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rows).extracting(SheetRow::number).containsExactly(1, 2, 3, 4);
        assertThat(rows.get(2).isBlank()).isTrue();
        assertThat(rows.get(3).cells()).extracting(SheetRow.Cell::text).containsExactly("last", "");
    }

    @Test
    void aByteOrderMarkAndLineEndingsOfAnyKindAreAccepted() {
        assertThat(texts("\uFEFF任务编号\rA\nB\r\nC")).containsExactly(List.of("任务编号"), List.of("A"), List.of("B"),
                List.of("C"));
    }

    @Test
    void anUnclosedQuoteNamesItsRow() {
        assertThatThrownBy(() -> texts("a\nb\n\"never closed,\nc"))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining("row 3");
        assertThatThrownBy(() -> texts("a\n\"x\"y,z"))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining("row 2");
    }

    @Test
    void aGbkSheetIsRefusedWithTheWayToSaveItAsUtf8() {
        byte[] gbk = "任务编号,领域\n2022-AGR-003,三农\n".getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> CsvSheet.read(gbk)).isInstanceOf(UnreadableSheetException.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> CsvSheet.read(new byte[0])).isInstanceOf(UnreadableSheetException.class)
                .hasMessageContaining("empty");
    }
}
