package cn.duban.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void chineseUnlessTheCallerPrefersEnglish() {
        assertThat(Languages.preferred((String) null)).isEqualTo(Languages.CHINESE);
        assertThat(Languages.preferred("")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.preferred("en-US,en;q=0.9")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.preferred("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.preferred("fr-FR,en;q=0.5")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.preferred("fr-FR")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.preferred("en;q=0.2,zh;q=0.9")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.preferred("*")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.preferred(";;;garbage")).isEqualTo(Languages.CHINESE);
    }

    @Test
    void argumentsFillBothLanguagesAndNestedTextsSpeakTheirOwn() {
        Text light = Text.of("红灯", "red");
        Text text = Text.of("任务 %s 亮%s", "task %s is %s", "2022-AGR-003", light);
        assertThat(text.in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("任务 2022-AGR-003 亮红灯");
        assertThat(text.in(Locale.US)).isEqualTo("task 2022-AGR-003 is red");
        assertThat(text.in(null)).isEqualTo("任务 2022-AGR-003 亮红灯");
    }

    @Test
    void aPercentSignInAnArgumentIsNotATemplate() {
        assertThat(Text.of("值为 %s", "value %s", "100%s").zh()).isEqualTo("值为 100%s");
    }

    @Test
    void joinedWithEachLanguagesSeparator() {
        Text joined = Text.join(List.of(Text.of("甲", "a"), Text.of("乙", "b")));
        assertThat(joined.zh()).isEqualTo("甲；乙");
        assertThat(joined.en()).isEqualTo("a; b");
    }
}
