package cn.duban.supervision.draft;

/**
 * How a target is judged (DESIGN.md 目标类型): a cumulative amount, a level to reach, a limit not to pass, growth over
 * a baseline, a project's total given for context only, or a scope judged by its milestones.
 */
public enum TargetType {
    AMOUNT, LEVEL, CEILING, GROWTH, PROJECT_TOTAL, SCOPE
}
