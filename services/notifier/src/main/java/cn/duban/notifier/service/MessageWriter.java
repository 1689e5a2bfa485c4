package cn.duban.notifier.service;

import cn.duban.events.task.Milestone;
import cn.duban.notifier.config.NotifierConfig;
import cn.duban.notifier.repository.MessageContent;
import cn.duban.notifier.repository.Notice;
import cn.duban.notifier.repository.Receiver;
import cn.duban.notifier.repository.TaskCard;
import cn.duban.text.Languages;
import cn.duban.text.Text;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes what a person reads: for each notice what is late and by how much, who answers (lead unit, co-units,
 * responsible leader, the level it reached), what changed, and links to the task in the phone app and on the
 * office's page. Chinese unless the receiver asked for English; the layout is in the Qute templates under
 * templates/notice/, the words here.
 */
@ApplicationScoped
public class MessageWriter {

    @Inject
    NotifierConfig config;

    @Inject
    BusinessTime time;

    @Location("notice/markdown.txt")
    Template markdown;

    @Location("notice/mail.html")
    Template mailHtml;

    @Location("notice/mail.txt")
    Template mailText;

    /** A notice to announce, with the task it concerns (null when duban.tasks.v1 has not described it yet). */
    public record Entry(Notice notice, TaskCard task) {
    }

    /** One fact of an item: 逾期：3 天. */
    @TemplateData
    public record Fact(String label, String value) {
    }

    /** One notice as the templates show it. */
    @TemplateData
    public record Item(String headline, String taskId, String taskTitle, String light, List<Fact> facts, String mobileUrl,
            String officeUrl) {
    }

    /** A whole message as the templates show it. */
    @TemplateData
    public record View(String title, String summary, List<Item> items, String mobileWord, String officeWord,
            String footer) {
    }

    /**
     * The message for a group's news ({@code repeat}: nothing changed, the open notices are repeated).
     *
     * @param alsoOpen how many other notices of the group are still open and were announced before
     */
    public MessageContent write(Receiver receiver, List<String> groupLabels, List<Entry> entries, boolean repeat, int alsoOpen) {
        Locale language = "en".equals(receiver.language) ? Languages.ENGLISH : Languages.CHINESE;
        LocalDate today = time.now().toLocalDate();
        List<Item> items = entries.stream().map(e -> item(e, repeat, today, language)).toList();
        String title = title(entries, repeat, language);
        String summary = summary(entries, groupLabels, language);
        String footer = alsoOpen > 0 ? Text.of("本组另有 %d 项仍未解除。", "%d more in this group are still open.", alsoOpen).in(language)
                : "";
        View view = new View(title, summary, items, Words.OPEN_IN_MOBILE.in(language), Words.OPEN_IN_OFFICE.in(language), footer);
        Map<String, String> links = new LinkedHashMap<>();
        if (!items.isEmpty()) {
            links.put("mobile", items.get(0).mobileUrl());
            links.put("office", items.get(0).officeUrl());
        }
        return new MessageContent(title, markdown.data("m", view).render(), mailHtml.data("m", view).render(),
                mailText.data("m", view).render(), links, color(entries), data(receiver, groupLabels, entries, repeat),
                List.of());
    }

    /** A message the office (or supervision, for h8's bulletins) wrote itself. */
    public MessageContent direct(String subject, String body, String link, List<MessageContent.Attachment> attachments) {
        View view = new View(subject, body, List.of(), Words.OPEN_IN_MOBILE.zh(), Words.OPEN_IN_OFFICE.zh(), "");
        String markdownText = "### " + subject + "\n\n" + body + (link == null ? "" : "\n\n[" + link + "](" + link + ")");
        Map<String, String> links = link == null ? Map.of() : Map.of("link", link);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "message");
        data.put("subject", subject);
        data.put("body", body);
        if (link != null) {
            data.put("link", link);
        }
        return new MessageContent(subject, markdownText, mailHtml.data("m", view).data("link", link).render(),
                subject + "\n\n" + body + (link == null ? "" : "\n\n" + link) + "\n", links, "blue", data,
                attachments);
    }

    private Item item(Entry entry, boolean repeat, LocalDate today, Locale language) {
        Notice n = entry.notice();
        TaskCard task = entry.task();
        Text change = repeat ? Words.STILL_OPEN : Words.CHANGES.get(n.lastChange);
        Text headline = n.kind == Notice.Kind.ONE_OFF
                ? Text.of("【催办】%s", "[reminder] %s", n.taskId)
                : Text.of("【%s·%s】%s %s", "[%s · %s] %s %s", Words.light(n.light), Words.rule(n.rule), change, n.taskId);
        List<Fact> facts = new ArrayList<>();
        if (n.reason != null && n.kind == Notice.Kind.ALERT) {
            facts.add(fact(Text.of("情况", "situation"), n.reason, language));
        }
        lateness(n, task, today).ifPresent(late -> facts.add(fact(Text.of("逾期/剩余", "late / left"), late.in(language), language)));
        if (n.kind == Notice.Kind.ALERT && n.raisedAt != null) {
            long days = Math.max(0, ChronoUnit.DAYS.between(n.raisedAt.atZoneSameInstant(BusinessTime.ZONE).toLocalDate(), today));
            facts.add(fact(Text.of("已督办", "open for"), Text.of("%d 天（%s 起）", "%d days (since %s)", days,
                    n.raisedAt.atZoneSameInstant(BusinessTime.ZONE).toLocalDate()).in(language), language));
        }
        String lead = task != null ? task.leadUnit : n.units.isEmpty() ? null : n.units.get(0);
        if (lead != null) {
            facts.add(fact(Text.of("牵头单位", "lead unit"), lead, language));
        }
        List<String> co = task != null ? task.coUnits : n.units.size() > 1 ? n.units.subList(1, n.units.size()) : List.of();
        if (!co.isEmpty()) {
            facts.add(fact(Text.of("配合单位", "co-units"), String.join("、", co), language));
        }
        if (task != null && task.leader != null) {
            facts.add(fact(Text.of("责任领导", "responsible leader"), task.leader, language));
        }
        if (n.kind == Notice.Kind.ALERT) {
            Text who = switch (n.level) {
                case 1 -> Text.of("第 1 级：责任单位", "level 1: the units");
                case 2 -> Text.of("第 2 级：已升级至责任领导%s", "level 2: escalated to the responsible leader %s",
                        n.escalatedTo == null ? "" : "（" + n.escalatedTo + "）");
                default -> Text.of("第 %d 级：已升级至县政府督查室", "level %d: escalated to the supervision office", n.level);
            };
            facts.add(fact(Text.of("督办级别", "level"), who.in(language), language));
        }
        if (n.lastChange == Notice.Change.REMINDED && n.message != null) {
            facts.add(fact(Text.of("催办内容", "reminder"), n.message, language));
        }
        if (n.lastChange == Notice.Change.ACKNOWLEDGED && n.acknowledgedBy != null) {
            facts.add(fact(Text.of("签收人", "acknowledged by"), n.acknowledgedBy, language));
        }
        if (n.lastChange == Notice.Change.RESOLVED && n.message != null) {
            facts.add(fact(Text.of("解除原因", "why resolved"), n.message, language));
        }
        return new Item(headline.in(language), n.taskId, task == null ? n.taskId : task.title, n.light, facts,
                link(config.links().mobileTask(), n.taskId), link(config.links().officeTask(), n.taskId));
    }

    /** By how much: days past the deadline or milestone, or days left before it. */
    private static java.util.Optional<Text> lateness(Notice n, TaskCard task, LocalDate today) {
        if (task == null || n.rule == null || n.state == Notice.State.RESOLVED) {
            return java.util.Optional.empty();
        }
        LocalDate due = task.deadline;
        String what = null;
        if (n.milestone != null) {
            due = task.milestones.stream().filter(m -> n.milestone.equals(m.name())).map(Milestone::due).findFirst().orElse(null);
            what = n.milestone;
        }
        if (due == null) {
            return java.util.Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(due, today);
        Text of = what == null ? Text.of("完成时限 %s", "deadline %s", due) : Text.of("节点“%s” %s", "milestone '%s' %s", what, due);
        if (days > 0) {
            return java.util.Optional.of(Text.of("已逾期 %d 天（%s）", "%d days late (%s)", days, of));
        }
        return java.util.Optional.of(days == 0 ? Text.of("今天到期（%s）", "due today (%s)", of)
                : Text.of("还剩 %d 天（%s）", "%d days left (%s)", -days, of));
    }

    private String title(List<Entry> entries, boolean repeat, Locale language) {
        if (entries.size() == 1) {
            Notice n = entries.get(0).notice();
            String task = entries.get(0).task() == null ? n.taskId : entries.get(0).task().title;
            if (n.kind == Notice.Kind.ONE_OFF) {
                return Text.of("催办：%s", "Reminder: %s", task).in(language);
            }
            return Text.of("%s%s：%s", "%s %s: %s", Words.light(n.light), repeat ? Words.STILL_OPEN : Words.CHANGES.get(n.lastChange),
                    task).in(language);
        }
        long red = entries.stream().filter(e -> "RED".equals(e.notice().light) && e.notice().isOpen()).count();
        long yellow = entries.stream().filter(e -> "YELLOW".equals(e.notice().light) && e.notice().isOpen()).count();
        long resolved = entries.stream().filter(e -> !e.notice().isOpen()).count();
        return Text.of("督办通知：%d 项（红灯 %d，黄灯 %d，已解除 %d）", "Duban: %d notices (%d red, %d yellow, %d resolved)",
                entries.size(), red, yellow, resolved).in(language);
    }

    private static String summary(List<Entry> entries, List<String> groupLabels, Locale language) {
        List<String> parts = new ArrayList<>();
        for (String label : groupLabels) {
            int eq = label.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = label.substring(0, eq);
            String value = label.substring(eq + 1);
            if (value.isEmpty()) {
                continue;
            }
            if (name.equals("alertId") || name.equals("event") || name.equals("kind")) {
                continue;
            }
            parts.add(switch (name) {
                case "sector" -> Text.of("领域：%s", "sector: %s", Words.sector(value)).in(language);
                case "unit" -> Text.of("单位：%s", "unit: %s", value).in(language);
                case "light" -> Text.of("灯色：%s", "light: %s", Words.light(value)).in(language);
                case "rule" -> Text.of("规则：%s", "rule: %s", Words.rule(value)).in(language);
                case "level" -> Text.of("级别：%s", "level: %s", value).in(language);
                case "taskId" -> Text.of("任务：%s", "task: %s", value).in(language);
                case "leader" -> Text.of("责任领导：%s", "responsible leader: %s", value).in(language);
                default -> label;
            });
        }
        return String.join(Languages.isEnglish(language) ? "; " : "；", parts);
    }

    private static String color(List<Entry> entries) {
        if (entries.stream().anyMatch(e -> e.notice().isOpen() && "RED".equals(e.notice().light))) {
            return "red";
        }
        if (entries.stream().anyMatch(e -> e.notice().isOpen() && "YELLOW".equals(e.notice().light))) {
            return "orange";
        }
        return entries.stream().allMatch(e -> !e.notice().isOpen()) ? "green" : "blue";
    }

    private Map<String, Object> data(Receiver receiver, List<String> groupLabels, List<Entry> entries, boolean repeat) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "notification");
        data.put("receiver", receiver.name);
        data.put("groupLabels", groupLabels);
        data.put("repeat", repeat);
        List<Map<String, Object>> notices = new ArrayList<>();
        for (Entry e : entries) {
            Notice n = e.notice();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(n.kind == Notice.Kind.ALERT ? "alertId" : "reminderId", n.id);
            one.put("taskId", n.taskId);
            if (e.task() != null) {
                one.put("title", e.task().title);
                one.put("leader", e.task().leader);
                one.put("deadline", String.valueOf(e.task().deadline));
            }
            one.put("sector", n.sector);
            one.put("units", n.units);
            one.put("light", n.light);
            one.put("rule", n.rule);
            one.put("milestone", n.milestone);
            one.put("escalationLevel", n.level);
            one.put("state", n.state.name());
            one.put("change", n.lastChange.name());
            one.put("reason", n.reason);
            one.put("message", n.message);
            one.put("raisedAt", String.valueOf(n.raisedAt));
            one.put("changedAt", String.valueOf(n.changedAt));
            one.put("links", Map.of("mobile", link(config.links().mobileTask(), n.taskId),
                    "office", link(config.links().officeTask(), n.taskId)));
            notices.add(one);
        }
        data.put("notices", notices);
        return data;
    }

    private static Fact fact(Text label, String value, Locale language) {
        return new Fact(label.in(language), value);
    }

    private String link(String pattern, String taskId) {
        String origin = config.links().origin().toString().replaceAll("/+$", "");
        return origin + pattern.replace("{id}", java.net.URLEncoder.encode(taskId, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The current business time, for a direct message's record. */
    public OffsetDateTime now() {
        return time.now();
    }
}
