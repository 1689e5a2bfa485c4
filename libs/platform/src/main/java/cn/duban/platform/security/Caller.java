package cn.duban.platform.security;

import cn.duban.platform.rest.DubanException;
import cn.duban.text.Text;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the bearer token: a name for the audit trail and the events, the roles, and the
 * sector, unit or post the token binds them to. The responsibility rule lives here, once, for every service.
 */
@RequestScoped
public class Caller {
    static final String SECTOR = "sector";
    static final String UNIT = "unit";
    static final String POST = "post";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** The user name (preferred_username), or a department system's service account; recorded as the actor. */
    public String name() {
        return identity.getPrincipal().getName();
    }

    /** When the caller's token expires (its exp), if it says; a stream ends then (docs/api.md). */
    public Optional<Instant> tokenExpiresAt() {
        long exp = token.getExpirationTime();
        return exp > 0 ? Optional.of(Instant.ofEpochSecond(exp)) : Optional.empty();
    }

    /** The token's subject (sub): the account's stable id, which a rename does not change; for the audit trail. */
    public String subjectId() {
        return token.getSubject();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The office and the leaders see every task. */
    public boolean readsEverything() {
        return is(Roles.SUPERVISOR) || is(Roles.LEADER);
    }

    public Optional<String> sector() {
        return claim(SECTOR);
    }

    public Optional<String> unit() {
        return claim(UNIT);
    }

    /** A leader's post (e.g. 分管工业工作的副县长), matched against a task's responsible leader. */
    public Optional<String> post() {
        return claim(POST);
    }

    /**
     * Whether this caller answers for a task: a sector reporter for its sector's tasks, a unit reporter or
     * department system for the tasks its unit leads or co-leads.
     */
    public boolean answersFor(String taskSector, Collection<String> taskUnits) {
        return (is(Roles.SECTOR_REPORTER) && sector().filter(taskSector::equals).isPresent())
                || (is(Roles.UNIT_REPORTER) && unit().filter(taskUnits::contains).isPresent());
    }

    public boolean mayRead(String taskSector, Collection<String> taskUnits) {
        return readsEverything() || answersFor(taskSector, taskUnits);
    }

    /** Refuses (403) unless this caller answers for the task. */
    public void checkAnswersFor(String taskId, String taskSector, Collection<String> taskUnits) {
        if (!answersFor(taskSector, taskUnits)) {
            throw DubanException.forbidden("%s,不负责任务 %s", "%s and does not answer for %s", who(), taskId);
        }
    }

    /** Refuses (403) unless this caller may see the task. */
    public void checkMayRead(String taskId, String taskSector, Collection<String> taskUnits) {
        if (!mayRead(taskSector, taskUnits)) {
            throw DubanException.forbidden("%s,无权查看任务 %s", "%s and may not see %s", who(), taskId);
        }
    }

    /** What this caller is bound to, in words, for the detail of a refusal (after the name: "张三 为单位…填报"). */
    public Text scope() {
        if (is(Roles.UNIT_REPORTER)) {
            return Text.of(" 为单位 %s 填报", "reports for the unit %s", unit().<Object>map(u -> u).orElse(Text.of("(令牌中没有单位)", "(none in the token)")));
        }
        if (is(Roles.SECTOR_REPORTER)) {
            return Text.of(" 为领域 %s 填报", "reports for the sector %s", sector().<Object>map(u -> u).orElse(Text.of("(令牌中没有领域)", "(none in the token)")));
        }
        return readsEverything() ? Text.of(" 只能查看、不能填报", "reads but does not report")
                : Text.of(" 没有督办系统的角色", "has no Duban role");
    }

    /** "张三 为单位 … 填报" / "zhang reports for the unit …": who is refused, for the start of a refusal's detail. */
    public Text who() {
        return Text.of("%s%s", "%s %s", name(), scope());
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        return Optional.ofNullable(text).filter(s -> !s.isBlank());
    }
}
