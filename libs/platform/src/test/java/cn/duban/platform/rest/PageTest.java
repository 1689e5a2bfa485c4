package cn.duban.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aCountThatStoppedPastTheWindowSaysThereAreMore() {
        assertThat(Page.counted(List.of("a"), PageRequest.COUNT_UP_TO))
                .isEqualTo(new Page<>(List.of("a"), 10_000, false));
        assertThat(Page.counted(List.of("a"), 10_000)).isEqualTo(new Page<>(List.of("a"), 10_000, true));
        assertThat(Page.counted(List.of(), 178)).isEqualTo(new Page<>(List.of(), 178, true));
    }

    @Test
    void pageNumbersReachTheFirstTenThousandItemsAndNoFurther() {
        assertThat(new PageRequest(199, 50).offset()).isEqualTo(9_950);
        assertThat(new PageRequest(49, 200).offset()).isEqualTo(9_800);
        assertThatThrownBy(() -> new PageRequest(200, 50)).isInstanceOf(DubanException.class)
                .hasMessageContaining("past the first 10000 items");
        assertThatThrownBy(() -> new PageRequest(Integer.MAX_VALUE, 200)).isInstanceOf(DubanException.class);
    }
}
