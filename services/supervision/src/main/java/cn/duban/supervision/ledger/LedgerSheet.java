package cn.duban.supervision.ledger;

import cn.duban.events.Quantities;
import cn.duban.events.Sector;
import cn.duban.events.task.Target;
import cn.duban.supervision.engine.Strength;
import cn.duban.supervision.engine.TargetType;
import cn.duban.supervision.engine.TaskKind;
import cn.duban.supervision.ledger.LedgerReader.LedgerException;
import cn.duban.supervision.ledger.LedgerReader.LedgerException.RowError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cn.duban.text.Text;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A ledger read from a spreadsheet, one row per task (columns in {@link SheetColumn}). The rows become the
 * same JSON as the data file and {@link LedgerReader} judges it, so a sheet obeys exactly the data file's
 * rules; every problem is then named by its spreadsheet row and column instead of a JSON path.
 */
public final class LedgerSheet {
    /** The data file's county and source; a sheet does not say them and supervision does not store them. */
    static final String COUNTY = "未注明";
    static final String SOURCE = "表格导入";
    /** Two tasks of the Pingyao 2022 ledger that show every column: targets, a milestone, co-units, a flag. */
    static final List<String> EXAMPLE_IDS = List.of("2022-AGR-003", "2022-IND-010");

    // the sector names of docs/ledger.md's parts, as offices write them
    private static final Pattern NAMES = Pattern.compile("[、;；,，\\r\\n]+");
    private static final Pattern ITEMS = Pattern.compile("[;；\\r\\n]+");
    private static final Pattern PARTS = Pattern.compile("[:：]");
    private static final Pattern SECTION_PARTS = Pattern.compile("\\s*/\\s*");
    // year first, so 2022/5/31 (how Excel writes a date into a Chinese CSV) cannot be misread
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})[-/](0?[1-9]|1[0-2])");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final LedgerFile ledger;
    private final List<Integer> rowNumbers;

    private LedgerSheet(LedgerFile ledger, List<Integer> rowNumbers) {
        this.ledger = ledger;
        this.rowNumbers = List.copyOf(rowNumbers);
    }

    public LedgerFile ledger() {
        return ledger;
    }

    /** The spreadsheet row of the ledger's {@code task}-th task. */
    public int rowOf(int task) {
        return rowNumbers.get(task);
    }

    /**
     * Reads the rows under the header row (the first non-blank row). {@code year} and {@code plannedStart}
     * are the ledger's own (query parameters); absent, the year is the first task's deadline year and the
     * planned start the 1st of January of that year.
     *
     * @throws LedgerException naming every bad row and column; nothing of a refused sheet is usable
     */
    public static LedgerSheet read(List<SheetRow> rows, String year, String plannedStart) {
        int h = 0;
        while (h < rows.size() && rows.get(h).isBlank()) {
            h++;
        }
        if (h == rows.size()) {
            throw refused(List.of(new Problem(1, -1, rowWords(1),
                    Text.of("表格是空的：第 1 行应写明各列（%s）", "the sheet is empty: row 1 must name the columns (%s)",
                            headerList()))));
        }
        SheetRow header = rows.get(h);
        Map<SheetColumn, Integer> columns = columns(header);
        Reading reading = new Reading(columns);
        for (SheetRow row : rows.subList(h + 1, rows.size())) {
            if (!row.isBlank()) {
                reading.task(row);
            }
        }
        if (reading.tasks.isEmpty()) {
            reading.reported.add(":tasks");
            reading.problems.add(new Problem(header.number() + 1, -1, rowWords(header.number() + 1),
                    Text.of("表头行下面没有任务", "there is no task under the header row")));
        }
        ObjectNode json = reading.ledger(year, plannedStart);
        for (RowError error : LedgerReader.problems(json)) {
            reading.schemaProblem(error);
        }
        if (!reading.problems.isEmpty()) {
            throw refused(reading.problems);
        }
        return new LedgerSheet(LedgerReader.ledger(json), reading.rowNumbers);
    }

    /** The same problems, named by row and column where they concern a task (the importer names them by id). */
    public LedgerException locate(LedgerException e) {
        return new LedgerException(e.errors().stream().map(error -> {
            LedgerException.Place place = error.place();
            if (place == null || place.task() == null || place.task() >= rowNumbers.size()) {
                return error;
            }
            return new RowError(where(rowOf(place.task()), place.field()), describe(place.within(), error.message()), null);
        }).toList());
    }

    private static Map<SheetColumn, Integer> columns(SheetRow header) {
        Map<SheetColumn, Integer> columns = new EnumMap<>(SheetColumn.class);
        List<Problem> problems = new ArrayList<>();
        for (int c = 0; c < header.cells().size(); c++) {
            String name = header.cell(c).text();
            int index = c;
            SheetColumn.ofHeader(name).ifPresent(column -> {
                Integer before = columns.putIfAbsent(column, index);
                if (before != null) {
                    problems.add(new Problem(header.number(), index, Text.of("第 %s 行，%s 列", "row %s, column %s",
                            header.number(), letter(index)), Text.of("%s 也是 %s 列", "%s is also column %s", column.label(),
                            letter(before))));
                }
            });
        }
        if (columns.isEmpty()) {
            throw refused(List.of(new Problem(header.number(), -1, rowWords(header.number()),
                    Text.of("第 %s 行应写明各列（%s）", "row %s must name the columns (%s)", header.number(), headerList()))));
        }
        for (SheetColumn column : SheetColumn.values()) {
            if (column.required() && !columns.containsKey(column)) {
                problems.add(new Problem(header.number(), column.ordinal(), rowWords(header.number()),
                        Text.of("缺少列 %s", "no column %s", column.label())));
            }
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        return columns;
    }

    /** The rows read so far: the tasks' JSON, their row numbers, and the cells that could not be read. */
    private static final class Reading {
        final Map<SheetColumn, Integer> columns;
        final ArrayNode tasks = JSON.arrayNode();
        final List<Integer> rowNumbers = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        // "<task index>:<field>" of cells already reported, so the schema does not report them twice
        final Set<String> reported = new HashSet<>();
        final Map<String, Integer> rowOfId = new HashMap<>();
        LocalDate firstDeadline;
        SheetRow row;

        Reading(Map<SheetColumn, Integer> columns) {
            this.columns = columns;
        }

        void task(SheetRow sheetRow) {
            row = sheetRow;
            ObjectNode task = JSON.objectNode();
            String id = required(SheetColumn.ID);
            if (id != null) {
                Integer before = rowOfId.putIfAbsent(id, row.number());
                if (before != null) {
                    problem(SheetColumn.ID, Text.of("任务 %s 也在第 %s 行", "task %s is also on row %s", id, before));
                }
            }
            task.put("id", id);
            task.put("sector", sector());
            task.put("title", required(SheetColumn.TITLE));
            task.put("text", required(SheetColumn.TEXT));
            task.set("section", section());
            task.put("leadUnit", required(SheetColumn.LEAD_UNIT));
            task.set("coUnits", names(SheetColumn.CO_UNITS));
            task.put("leader", required(SheetColumn.LEADER));
            task.set("targets", targets());
            task.set("milestones", milestones());
            task.put("deadline", deadline());
            String cycle = cell(SheetColumn.REPORTING_CYCLE).text();
            task.put("reportingCycle", cycle.isEmpty() ? "MONTHLY" : cycle.toUpperCase(Locale.ROOT));
            task.set("flags", names(SheetColumn.FLAGS));
            String kind = cell(SheetColumn.KIND).text();
            if (!kind.isEmpty()) {
                TaskKind named = TaskKind.named(kind).orElse(null);
                if (named == null) {
                    problem(SheetColumn.KIND, Text.of("「%s」不是任务类型，应为 指标 / 项目 / 工作 之一",
                            "'%s' is not a task kind: 指标 / 项目 / 工作 (INDICATOR / PROJECT / WORK)", shorten(kind)));
                } else {
                    task.put("kind", named.name());
                }
            }
            ArrayNode plan = plan();
            if (!plan.isEmpty()) {
                task.set("plan", plan);
            }
            tasks.add(task);
            rowNumbers.add(row.number());
        }

        ObjectNode ledger(String year, String plannedStart) {
            ObjectNode ledger = JSON.objectNode();
            Integer y = null;
            if (year != null && !year.isBlank()) {
                try {
                    y = Integer.valueOf(year.strip());
                } catch (NumberFormatException e) {
                    ledgerProblem("year", Text.of("「%s」不是年份", "'%s' is not a year", year));
                }
            } else if (firstDeadline != null) {
                y = firstDeadline.getYear();
            } else {
                reported.add(":year"); // no deadline could be read; those rows are reported already
            }
            LocalDate start = null;
            if (plannedStart != null && !plannedStart.isBlank()) {
                start = date(plannedStart);
                if (start == null) {
                    ledgerProblem("plannedStart", Text.of("「%s」不是日期（YYYY-MM-DD）", "'%s' is not a date (YYYY-MM-DD)",
                            plannedStart));
                }
            } else if (y != null) {
                start = LocalDate.of(y, 1, 1);
            } else {
                reported.add(":plannedStart");
            }
            ledger.put("year", y);
            ledger.put("county", COUNTY);
            ledger.put("source", SOURCE);
            ledger.put("plannedStart", start == null ? null : start.toString());
            ledger.set("tasks", tasks);
            return ledger;
        }

        void schemaProblem(RowError error) {
            LedgerException.Place place = error.place();
            if (place == null) {
                problems.add(new Problem(0, -1, error.row(), error.message()));
            } else if (place.task() == null) {
                if (reported.add(":" + place.field())) {
                    problems.add(new Problem(0, -1, queryParameter(place.field()), error.message()));
                }
            } else if (!reported.contains(place.task() + ":" + place.field())) {
                int number = rowNumbers.get(place.task());
                int order = SheetColumn.ofKey(place.field()).map(Enum::ordinal).orElse(-1);
                problems.add(new Problem(number, order, where(number, place.field()),
                        describe(place.within(), error.message())));
            }
        }

        private void ledgerProblem(String field, Text message) {
            reported.add(":" + field);
            problems.add(new Problem(0, -1, queryParameter(field), message));
        }

        private void problem(SheetColumn column, Text message) {
            reported.add(tasks.size() + ":" + column.key());
            problems.add(new Problem(row.number(), column.ordinal(), where(row.number(), column.key()), message));
        }

        private SheetRow.Cell cell(SheetColumn column) {
            Integer index = columns.get(column);
            return index == null ? SheetRow.Cell.BLANK : row.cell(index);
        }

        private String required(SheetColumn column) {
            String text = cell(column).text();
            if (text.isEmpty()) {
                problem(column, Text.of("是空的；每个任务都必须填写", "is empty; every task needs it"));
                return null;
            }
            return text;
        }

        private String sector() {
            String text = required(SheetColumn.SECTOR);
            if (text == null) {
                return null;
            }
            var sector = Sector.fromLabel(text).or(() -> Sector.fromId(text.toLowerCase(Locale.ROOT)));
            if (sector.isEmpty()) {
                problem(SheetColumn.SECTOR, Text.of("「%s」不是领域：应为 %s 之一，或 %s", "'%s' is not a sector: one of %s, or %s",
                        text, Arrays.stream(Sector.values()).map(Sector::id).collect(Collectors.joining(", ")),
                        Arrays.stream(Sector.values()).map(Sector::label).collect(Collectors.joining("、"))));
                return null;
            }
            return sector.get().id();
        }

        private JsonNode section() {
            String text = required(SheetColumn.SECTION);
            if (text == null) {
                return NullNode.getInstance();
            }
            ArrayNode parts = JSON.arrayNode();
            Arrays.stream(SECTION_PARTS.split(text)).filter(p -> !p.isBlank()).forEach(parts::add);
            return parts;
        }

        private ArrayNode names(SheetColumn column) {
            ArrayNode names = JSON.arrayNode();
            Arrays.stream(NAMES.split(cell(column).text())).map(String::strip).filter(n -> !n.isEmpty())
                    .forEach(names::add);
            return names;
        }

        private ArrayNode targets() {
            ArrayNode targets = JSON.arrayNode();
            for (String item : items(SheetColumn.TARGETS)) {
                String[] parts = PARTS.split(item, -1);
                if (parts.length < 3 || parts.length > 6) {
                    problem(SheetColumn.TARGETS, Text.of("「%s」不是“指标:数值:单位[:类型[:力度[:基数]]]”（例如 高标准农田:60000:亩）",
                            "'%s' is not metric:value:unit[:type[:strength[:baseline]]] (e.g. 高标准农田:60000:亩)", item));
                    continue;
                }
                Quantities.Reading value = Quantities.read(parts[1]);
                if (!value.ok()) {
                    problem(SheetColumn.TARGETS, Text.of("「%s」中的「%s」%s", "'%2$s' in '%1$s' %3$s", item, shorten(parts[1]),
                            LedgerReader.words(value.problem())));
                    continue;
                }
                ObjectNode target = targets.addObject().put("metric", parts[0].strip()).put("unit", parts[2].strip())
                        .put("value", value.value());
                if (parts.length > 3 && !parts[3].isBlank()) {
                    TargetType type = TargetType.named(parts[3]).orElse(null);
                    if (type == null) {
                        problem(SheetColumn.TARGETS, Text.of("「%s」中的「%s」不是目标类型，应为 累计量 / 达到值 / 上限 / 增长率 / 总投资 / 范围 之一",
                                "'%2$s' in '%1$s' is not a target type: AMOUNT, LEVEL, CEILING, GROWTH, PROJECT_TOTAL or SCOPE",
                                item, shorten(parts[3])));
                        continue;
                    }
                    target.put("type", type.name());
                }
                if (parts.length > 4 && !parts[4].isBlank()) {
                    Strength strength = Strength.named(parts[4]).orElse(null);
                    if (strength == null) {
                        problem(SheetColumn.TARGETS, Text.of("「%s」中的「%s」不是承诺力度，应为 确保 或 力争",
                                "'%2$s' in '%1$s' is not a strength: 确保 (MUST) or 力争 (STRIVE)", item, shorten(parts[4])));
                        continue;
                    }
                    target.put("strength", strength.name());
                }
                if (parts.length > 5 && !parts[5].isBlank()) {
                    Quantities.Reading baseline = Quantities.read(parts[5]);
                    if (!baseline.ok()) {
                        problem(SheetColumn.TARGETS, Text.of("「%s」中的基数「%s」%s", "baseline '%2$s' in '%1$s' %3$s", item,
                                shorten(parts[5]), LedgerReader.words(baseline.problem())));
                        continue;
                    }
                    target.put("baseline", baseline.value());
                }
            }
            return targets;
        }

        private ArrayNode milestones() {
            ArrayNode milestones = JSON.arrayNode();
            for (String item : items(SheetColumn.MILESTONES)) {
                String[] parts = PARTS.split(item, -1);
                LocalDate due = parts.length == 2 ? date(parts[1]) : null;
                if (due == null) {
                    problem(SheetColumn.MILESTONES, Text.of("「%s」不是“名称:日期”（例如 试运行:2022-05-31）",
                            "'%s' is not name:YYYY-MM-DD (e.g. 试运行:2022-05-31)", item));
                    continue;
                }
                milestones.addObject().put("name", parts[0].strip()).put("due", due.toString());
            }
            return milestones;
        }

        private ArrayNode plan() {
            ArrayNode plan = JSON.arrayNode();
            for (String item : items(SheetColumn.PLAN)) {
                String[] parts = PARTS.split(item, -1);
                Matcher month = parts.length == 2 ? MONTH.matcher(parts[0].strip()) : null;
                Integer percent = parts.length == 2 ? percent(parts[1]) : null;
                if (month == null || !month.matches() || percent == null) {
                    problem(SheetColumn.PLAN, Text.of("「%s」不是“月份:百分比”（例如 2022-06:50）",
                            "'%s' is not YYYY-MM:percent (e.g. 2022-06:50)", shorten(item)));
                    continue;
                }
                plan.addObject().put("month", String.format(Locale.ROOT, "%s-%02d", month.group(1),
                        Integer.parseInt(month.group(2)))).put("percent", percent);
            }
            return plan;
        }

        private static Integer percent(String text) {
            String t = text.strip();
            t = t.endsWith("%") || t.endsWith("％") ? t.substring(0, t.length() - 1).strip() : t;
            return t.matches("\\d{1,3}") ? Integer.valueOf(t) : null;
        }

        private String deadline() {
            SheetRow.Cell cell = cell(SheetColumn.DEADLINE);
            LocalDate deadline = cell.date();
            if (deadline == null) {
                String text = required(SheetColumn.DEADLINE);
                if (text == null) {
                    return null;
                }
                deadline = date(text);
                if (deadline == null) {
                    problem(SheetColumn.DEADLINE, Text.of("「%s」不是日期（YYYY-MM-DD）", "'%s' is not a date (YYYY-MM-DD)", text));
                    return null;
                }
            }
            if (firstDeadline == null) {
                firstDeadline = deadline;
            }
            return deadline.toString();
        }

        private List<String> items(SheetColumn column) {
            return Arrays.stream(ITEMS.split(cell(column).text())).map(String::strip).filter(i -> !i.isEmpty()).toList();
        }
    }

    /** A date as YYYY-MM-DD (or YYYY/M/D); null if the text is none or the day does not exist. */
    static LocalDate date(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A cell's text as an error quotes it: a cell of a megabyte is not sent back whole. */
    static String shorten(String text) {
        String t = text.strip();
        return t.length() <= 40 ? t : t.substring(0, 37) + "…";
    }

    // ---- writing: the template, and any ledger as rows

    /** The header row as the template writes it: the Chinese column names. */
    public static List<String> header() {
        return Arrays.stream(SheetColumn.values()).map(SheetColumn::chinese).toList();
    }

    /** One task as a row, the exact inverse of reading it (the deadline as a date cell). */
    public static List<SheetRow.Cell> cells(LedgerFile.Entry task) {
        Map<SheetColumn, SheetRow.Cell> cells = new LinkedHashMap<>();
        cells.put(SheetColumn.ID, SheetRow.Cell.of(task.id()));
        cells.put(SheetColumn.SECTOR, SheetRow.Cell.of(task.sector()));
        cells.put(SheetColumn.TITLE, SheetRow.Cell.of(task.title()));
        cells.put(SheetColumn.TEXT, SheetRow.Cell.of(task.text()));
        cells.put(SheetColumn.SECTION, SheetRow.Cell.of(String.join(" / ", task.section())));
        cells.put(SheetColumn.LEAD_UNIT, SheetRow.Cell.of(task.leadUnit()));
        cells.put(SheetColumn.CO_UNITS, SheetRow.Cell.of(String.join("、", task.coUnits())));
        cells.put(SheetColumn.LEADER, SheetRow.Cell.of(task.leader()));
        cells.put(SheetColumn.TARGETS, SheetRow.Cell.of(task.targets().stream()
                .map(LedgerSheet::targetCell).collect(Collectors.joining("; "))));
        cells.put(SheetColumn.MILESTONES, SheetRow.Cell.of(task.milestones().stream()
                .map(m -> m.name() + ":" + m.due()).collect(Collectors.joining("; "))));
        cells.put(SheetColumn.DEADLINE, SheetRow.Cell.of(task.deadline()));
        cells.put(SheetColumn.FLAGS, SheetRow.Cell.of(String.join("、", task.flags())));
        cells.put(SheetColumn.REPORTING_CYCLE, SheetRow.Cell.of(
                task.reportingCycle() == null ? "MONTHLY" : task.reportingCycle()));
        cells.put(SheetColumn.KIND, SheetRow.Cell.of(task.kind() == null ? "" : TaskKind.valueOf(task.kind()).chinese()));
        cells.put(SheetColumn.PLAN, SheetRow.Cell.of(task.plan() == null ? "" : task.plan().stream()
                .map(m -> m.month() + ":" + m.percent()).collect(Collectors.joining("; "))));
        return List.copyOf(cells.values());
    }

    /** metric:value:unit, then type, strength and baseline only as far as one differs from its default. */
    static String targetCell(Target t) {
        TargetType type = t.type() == null ? TargetType.AMOUNT : TargetType.valueOf(t.type());
        Strength strength = t.strength() == null ? Strength.MUST : Strength.valueOf(t.strength());
        List<String> parts = new ArrayList<>(List.of(t.metric(), t.value().toPlainString(), t.unit(), type.chinese(),
                strength.chinese(), t.baseline() == null ? "" : t.baseline().toPlainString()));
        List<String> defaults = List.of("", "", "", TargetType.AMOUNT.chinese(), Strength.MUST.chinese(), "");
        int last = parts.size();
        while (last > 3 && parts.get(last - 1).equals(defaults.get(last - 1))) {
            last--;
        }
        return String.join(":", parts.subList(0, last));
    }

    /** The template an office fills in: the header, two tasks of the Pingyao ledger, and a sheet explaining the columns. */
    public static byte[] template() {
        LedgerFile pingyao = LedgerReader.ledger(LedgerReader.resource("ledger/pingyao-2022.json"));
        List<List<SheetRow.Cell>> examples = pingyao.tasks().stream().filter(t -> EXAMPLE_IDS.contains(t.id()))
                .map(LedgerSheet::cells).toList();
        List<List<SheetRow.Cell>> notes = Arrays.stream(SheetColumn.values()).map(c -> List.of(
                SheetRow.Cell.of(c.chinese()), SheetRow.Cell.of(c.key()), SheetRow.Cell.of(c.required() ? "是" : "否"),
                SheetRow.Cell.of(c.format()))).toList();
        return XlsxSheet.write(List.of(
                new XlsxSheet.Table("台账", header(), examples),
                new XlsxSheet.Table("说明", List.of("列 column", "key", "必须有此列 required", "格式 format"), notes)));
    }

    // ---- naming problems as the office sees them

    private record Problem(int row, int order, Text where, Text message) {
    }

    private static LedgerException refused(List<Problem> problems) {
        return new LedgerException(problems.stream()
                .sorted(Comparator.comparingInt(Problem::row).thenComparingInt(Problem::order))
                .map(p -> new RowError(p.where(), p.message(), null)).toList());
    }

    /** {@code 第 5 行，完成时限 (deadline)} / {@code row 5, 完成时限 (deadline)}. */
    private static Text where(int row, String field) {
        return SheetColumn.ofKey(field).map(c -> Text.of("第 %s 行，%s", "row %s, %s", row, c.label())).orElse(rowWords(row));
    }

    private static Text rowWords(int row) {
        return Text.of("第 %s 行", "row %s", row);
    }

    private static Text queryParameter(String field) {
        return "year".equals(field) || "plannedStart".equals(field)
                ? Text.of("%s（查询参数）", "%s (query parameter)", field) : new Text(field, field);
    }

    /** "[1].unit" + message → "item 2, unit: message": the second target's unit, counted as people count. */
    private static Text describe(String within, Text message) {
        if (within == null || within.isEmpty()) {
            return message;
        }
        Matcher m = Pattern.compile("^\\[(\\d+)](?:\\.(.+))?$").matcher(within);
        if (!m.matches()) {
            return Text.of("%s：%s", "%s: %s", within, message);
        }
        int item = Integer.parseInt(m.group(1)) + 1;
        return m.group(2) == null ? Text.of("第 %s 项：%s", "item %s: %s", item, message)
                : Text.of("第 %s 项，%s：%s", "item %s, %s: %s", item, m.group(2), message);
    }

    private static String headerList() {
        return Arrays.stream(SheetColumn.values()).map(SheetColumn::chinese).collect(Collectors.joining(", "));
    }

    private static String letter(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }
}
