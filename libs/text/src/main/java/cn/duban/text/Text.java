package cn.duban.text;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Words a user reads — a problem's title and detail, a field error, an import error — in Duban's two languages:
 * Chinese, the product's language and the default, and English for callers that ask for it with
 * {@code Accept-Language} ({@link Languages}). Both are written side by side where the message is made, so a
 * message has one place and a reader of the code sees what the user sees.
 *
 * <p>Arguments fill {@code %s} placeholders in both texts; an argument that is itself a {@code Text} (a label, a
 * nested message) fills each language with its own words.
 */
public record Text(String zh, String en) {

    public Text {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public static Text of(String zh, String en, Object... args) {
        return new Text(fill(zh, args, Locale.SIMPLIFIED_CHINESE), fill(en, args, Locale.ENGLISH));
    }

    /** The words in {@code locale}'s language: English for English, Chinese for everything else. */
    public String in(Locale locale) {
        return Languages.isEnglish(locale) ? en : zh;
    }

    /** The parts joined, each language with its own separator (Chinese "；", English "; "). */
    public static Text join(List<Text> parts) {
        return new Text(parts.stream().map(Text::zh).collect(Collectors.joining("；")),
                parts.stream().map(Text::en).collect(Collectors.joining("; ")));
    }

    /** This text followed by {@code more} (e.g. a detail after a summary). */
    public Text then(Text more) {
        return new Text(zh + more.zh, en + more.en);
    }

    @Override
    public String toString() {
        return zh;
    }

    private static String fill(String template, Object[] args, Locale language) {
        if (args.length == 0) {
            return template;
        }
        Object[] filled = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            filled[i] = args[i] instanceof Text text ? text.in(language) : args[i];
        }
        return String.format(Locale.ROOT, template, filled);
    }
}
