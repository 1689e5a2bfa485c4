package cn.duban.supervision.config;

import cn.duban.supervision.engine.AlertReconciler;
import cn.duban.supervision.engine.RuleSettings;
import cn.duban.supervision.engine.TaskEvaluator;
import cn.duban.supervision.engine.WorkingCalendar;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The rule engine of this deployment, built once from its rule settings and working-day calendar. */
public class RuleEngineProducer {

    @Produces
    @Singleton
    TaskEvaluator evaluator(RuleSettings settings, WorkingCalendar calendar) {
        return new TaskEvaluator(settings, calendar);
    }

    @Produces
    @Singleton
    AlertReconciler reconciler(RuleSettings settings) {
        return new AlertReconciler(settings);
    }
}
