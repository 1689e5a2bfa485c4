/**
 * Duban's status and alert rules as plain Java: no framework, no I/O, no clock of its own.
 *
 * <p>The caller gathers a task's facts ({@link cn.duban.supervision.engine.TaskFacts}), asks
 * {@link cn.duban.supervision.engine.TaskEvaluator} for an
 * {@link cn.duban.supervision.engine.Evaluation} at the business clock's instant, and hands the
 * findings with the task's open alerts to {@link cn.duban.supervision.engine.AlertReconciler},
 * which answers with the {@link cn.duban.supervision.engine.AlertAction}s to persist and publish.
 * Unit scores come from {@link cn.duban.supervision.engine.ScoreFormula} and
 * {@link cn.duban.supervision.engine.Ranking}.
 *
 * <p>All dates are calendar dates in Asia/Shanghai ({@link cn.duban.supervision.engine.BusinessCalendar});
 * a date passes at the end of that day there.
 */
package cn.duban.supervision.engine;
