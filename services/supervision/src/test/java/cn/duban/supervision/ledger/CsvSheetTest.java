package cn.duban.supervision.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSheetTest {

    private static List<List<String>> texts(String csv) {
        return texts(CsvSheet.read(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<List<String>> texts(List<SheetRow> rows) {
        return rows.stream().map(r -> r.cells().stream().map(SheetRow.Cell::text).toList()).toList();
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
    void anUnclosedQuoteNamesItsRowInChineseAndEnglish() {
        UnreadableSheetException unclosed = catchThrowableOfType(UnreadableSheetException.class,
                () -> texts("a\nb\n\"never closed,\nc"));
        assertThat(unclosed.reason().zh()).contains("第 3 行", "引号");
        assertThat(unclosed.reason().en()).contains("row 3", "not closed");
        assertThatThrownBy(() -> texts("a\n\"x\"y,z"))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining("row 2");
    }

    @Test
    void aGbkSheetAndAUtf8SheetWithAByteOrderMarkReadTheSame() {
        String sheet = "任务编号,领域,牵头单位\r\n2022-AGR-003,三农,县农业农村局\r\n2022-LIV-043,民生,\"县住房和城乡建设管理局\"\r\n";
        byte[] gbk = sheet.getBytes(Charset.forName("GBK"));
        byte[] utf8Bom = ("\uFEFF" + sheet).getBytes(StandardCharsets.UTF_8);
        byte[] utf8 = sheet.getBytes(StandardCharsets.UTF_8);
        byte[] gb18030 = sheet.getBytes(CsvSheet.GB18030);

        List<List<String>> expected = List.of(List.of("任务编号", "领域", "牵头单位"),
                List.of("2022-AGR-003", "三农", "县农业农村局"), List.of("2022-LIV-043", "民生", "县住房和城乡建设管理局"));
        assertThat(texts(CsvSheet.read(gbk))).isEqualTo(expected);
        assertThat(texts(CsvSheet.read(utf8Bom))).isEqualTo(expected);
        assertThat(texts(CsvSheet.read(utf8))).isEqualTo(expected);
        assertThat(texts(CsvSheet.read(gb18030))).isEqualTo(expected);
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreRefusedWithTheWayToSaveThem() {
        byte[] binary = {(byte) 0x80, (byte) 0xFF, 0x00, (byte) 0xFE};
        UnreadableSheetException e = catchThrowableOfType(UnreadableSheetException.class, () -> CsvSheet.read(binary));
        assertThat(e.reason().zh()).contains("CSV UTF-8");
        assertThatThrownBy(() -> CsvSheet.read(new byte[0])).isInstanceOf(UnreadableSheetException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void readingStopsPastTheRowLimit() {
        StringBuilder csv = new StringBuilder("任务编号\n");
        for (int i = 0; i < 6; i++) {
            csv.append("2099-AGR-90").append(i).append("\n\n"); // blank rows do not count
        }
        SheetLimits three = new SheetLimits(3, SheetLimits.DEFAULT.maxXlsBytes(), SheetLimits.DEFAULT.maxUnzippedBytes());
        SheetLimitException e = catchThrowableOfType(SheetLimitException.class,
                () -> CsvSheet.read(csv.toString().getBytes(StandardCharsets.UTF_8), three));
        assertThat(e.reason().zh()).contains("3 行");
        assertThat(CsvSheet.read(csv.toString().getBytes(StandardCharsets.UTF_8),
                new SheetLimits(6, 1, 1))).hasSize(13);
    }
}
