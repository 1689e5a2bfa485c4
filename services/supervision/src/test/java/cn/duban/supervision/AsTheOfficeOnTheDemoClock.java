package cn.duban.supervision;

import cn.duban.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;

/** A test that moves the business clock: afterwards the office moves it back, so no test depends on another's order. */
public abstract class AsTheOfficeOnTheDemoClock extends AsTheOffice {
    @AfterEach
    void backToTheDemoStart() {
        TestTokens.actAs(TestTokens.supervisor());
        ClockMoves.moveTo(ClockMoves.DEMO_START);
    }
}
