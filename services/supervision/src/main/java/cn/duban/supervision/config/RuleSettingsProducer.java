package cn.duban.supervision.config;

import cn.duban.supervision.engine.RuleSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The rule settings of this deployment: {@code duban.supervision.rules.*}, else the engine's defaults (DESIGN.md). */
public class RuleSettingsProducer {

    @Produces
    @Singleton
    RuleSettings settings(SupervisionConfig config) {
        RuleSettings defaults = RuleSettings.defaults();
        SupervisionConfig.Rules rules = config.rules();
        return new RuleSettings(
                rules.dueSoonDays().orElse(defaults.dueSoonDays()),
                rules.laggingPoints().orElse(defaults.laggingPoints()),
                rules.reportDueDay().orElse(defaults.reportDueDay()),
                rules.escalateToLeaderAfterDays().orElse(defaults.escalateToLeaderAfterDays()),
                rules.escalateToOfficeAfterDays().orElse(defaults.escalateToOfficeAfterDays()),
                rules.reminderIntervalDays().orElse(defaults.reminderIntervalDays()));
    }
}
