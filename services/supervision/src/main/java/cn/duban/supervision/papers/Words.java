package cn.duban.supervision.papers;

import cn.duban.supervision.engine.BusinessCalendar;
import cn.duban.supervision.engine.Light;
import cn.duban.supervision.engine.TaskStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The papers' Chinese for the ledger's codes, as the office's page says them (assets/ui.js). */
final class Words {
    static final Map<String, String> SCORE_TERM = Map.of("base", "基础分", "completedOnTime", "按期办结",
            "completedLate", "逾期办结", "reportsOnTime", "按时报送", "openOverdue", "逾期未办结", "escalations", "升级督办",
            "clamp", "封顶保底");
    static final Map<String, String> INSTRUCTION_STATE = Map.of("ISSUED", "待签收", "ACKNOWLEDGED", "办理中",
            "ANSWERED", "已办结");
    static final Map<String, String> NOTICE_STATE = Map.of("ISSUED", "待签收", "RECEIVED", "已签收待回执",
            "REPLIED", "已回执", "OVERDUE", "逾期未回执");
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private Words() {
    }

    /** A status by its name, in the office's words ({@link TaskStatus#label()}). */
    static String status(String name) {
        return name == null ? "" : TaskStatus.valueOf(name).label();
    }

    /** A light by its name, in the office's words ({@link Light#label()}). */
    static String light(String name) {
        return name == null ? "" : Light.valueOf(name).label();
    }

    static String of(Map<String, String> words, String code) {
        return code == null ? "" : words.getOrDefault(code, code);
    }

    /** 一、 二、 … for the parts of a paper. */
    static String part(int n, String title) {
        return NUMERALS[n - 1] + "、" + title;
    }

    /** 2022年6月12日. */
    static String date(LocalDate day) {
        return day == null ? "—" : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** A signed change: +2, −1, 0 (a true minus sign, as printed). */
    static String change(int delta) {
        return delta > 0 ? "+" + delta : delta < 0 ? "−" + (-delta) : "0";
    }

    /** The business day of an instant (a stored time comes back in UTC). */
    static LocalDate businessDay(OffsetDateTime at) {
        return at.atZoneSameInstant(BusinessCalendar.ZONE).toLocalDate();
    }

    /** 2022-11-01 09:00, business time. */
    static String time(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(BusinessCalendar.ZONE).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    static String number(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }
}
