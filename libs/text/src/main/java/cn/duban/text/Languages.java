package cn.duban.text;

import java.util.List;
import java.util.Locale;

/**
 * Which of Duban's languages a caller reads. Chinese (zh-CN) unless the caller's {@code Accept-Language} prefers
 * English to Chinese; a language Duban does not speak is passed over, and nothing at all means Chinese.
 */
public final class Languages {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Languages() {
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The first of {@code acceptable} (best first, as JAX-RS gives them) that Duban speaks; Chinese otherwise. */
    public static Locale preferred(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            String language = locale.getLanguage();
            if ("en".equals(language)) {
                return ENGLISH;
            }
            if ("zh".equals(language)) {
                return CHINESE;
            }
        }
        return CHINESE;
    }

    /** The same for a raw {@code Accept-Language} header (RFC 9110 §12.5.4), e.g. "en-US,en;q=0.9,zh;q=0.8". */
    public static Locale preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            List<Locale> ranked = Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .toList();
            return preferred(ranked);
        } catch (IllegalArgumentException unreadable) {
            return CHINESE;
        }
    }
}
