package cn.duban.notifier.service;

import cn.duban.events.EventCodec;
import cn.duban.notifier.config.NotifierConfig;
import cn.duban.notifier.repository.ReceiverKind;
import cn.duban.notifier.repository.AuditEntry;
import cn.duban.notifier.repository.OutboundMessage;
import cn.duban.notifier.repository.Receiver;
import cn.duban.notifier.view.ReceiverView;
import cn.duban.platform.rest.BadField;
import cn.duban.platform.rest.DubanException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** The office's receivers: checked against the allow-list, secrets sealed, every change audited. */
@ApplicationScoped
public class Receivers {
    private static final Logger LOG = Logger.getLogger(Receivers.class);
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$|^[^@\\s<>\"]+@localhost$");
    static final String PROVISIONED_BY = "configuration";

    @Inject
    Destinations destinations;

    @Inject
    SecretBox secrets;

    @Inject
    NotifierConfig config;

    @Inject
    Routes routes;

    /** Operator-declared receivers (a Secret's JSON) are created or brought up to date at every start. */
    void provision(@Observes StartupEvent start) {
        Optional<String> declared = config.receivers().filter(json -> !json.isBlank());
        if (declared.isEmpty()) {
            return;
        }
        List<ReceiverDraft> drafts;
        try {
            drafts = EventCodec.json().readValue(declared.get(), new TypeReference<List<ReceiverDraft>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("duban.notifier.receivers (DUBAN_NOTIFIER_RECEIVERS) is not a JSON array of "
                    + "{name, kind, url | to, secret}: " + e.getMessage(), e);
        }
        for (ReceiverDraft draft : drafts) {
            QuarkusTransaction.requiringNew().run(() -> {
                Receiver existing = Receiver.named(draft.name()).orElse(null);
                Receiver receiver = existing == null ? new Receiver() : existing;
                fill(receiver, draft, PROVISIONED_BY);
                receiver.provisioned = true;
                if (existing == null) {
                    receiver.persist();
                }
            });
            LOG.infof("receiver %s (%s) provisioned from configuration", draft.name(), draft.kind());
        }
    }

    @Transactional
    public ReceiverView create(ReceiverDraft draft, String actor) {
        if (draft.name() != null && Receiver.named(draft.name().trim()).isPresent()) {
            throw DubanException.conflict("已有名为“%s”的接收方；修改请用 PUT /api/notify/receivers/{name}",
                    "a receiver named '%s' exists; PUT /api/notify/receivers/{name} changes it", draft.name());
        }
        Receiver receiver = new Receiver();
        fill(receiver, draft, actor);
        receiver.persist();
        AuditEntry.record(actor, "receiver.created", "receiver:" + receiver.name, receiver.kind.id() + " " + shown(receiver));
        return ReceiverView.of(receiver);
    }

    @Transactional
    public ReceiverView replace(String name, ReceiverDraft draft, String actor) {
        Receiver receiver = existing(name);
        if (receiver.provisioned) {
            throw DubanException.conflict("接收方“%s”由部署配置提供，请在配置中修改", "the receiver '%s' comes from the "
                    + "deployment's configuration; change it there", name);
        }
        if (draft.name() != null && !draft.name().trim().equals(name)) {
            throw DubanException.invalidField("name", "不能改名：请新建接收方", "a receiver cannot be renamed; create another");
        }
        String keptSecret = receiver.secretSealed;
        fill(receiver, new ReceiverDraft(name, draft.kind(), draft.url(), draft.to(), draft.secret(), draft.language()), actor);
        if (draft.secret() == null) {
            receiver.secretSealed = keptSecret; // write-only: leaving it out keeps the stored one
        }
        AuditEntry.record(actor, "receiver.replaced", "receiver:" + name, receiver.kind.id() + " " + shown(receiver));
        return ReceiverView.of(receiver);
    }

    @Transactional
    public void delete(String name, String actor) {
        Receiver receiver = existing(name);
        if (routes.current().map(tree -> tree.receivers().contains(name)).orElse(false)) {
            throw DubanException.conflict("路由树仍在使用接收方“%s”，请先修改路由", "the routing tree still sends to '%s'; "
                    + "change the routes first", name);
        }
        if (OutboundMessage.count("receiverId = ?1 and status = ?2", receiver.id, OutboundMessage.Status.PENDING) > 0) {
            throw DubanException.conflict("接收方“%s”还有待发送的消息", "the receiver '%s' still has messages to send", name);
        }
        OutboundMessage.delete("receiverId = ?1 and status <> ?2", receiver.id, OutboundMessage.Status.PENDING);
        receiver.delete();
        AuditEntry.record(actor, "receiver.deleted", "receiver:" + name, null);
    }

    @Transactional
    public List<ReceiverView> all() {
        return Receiver.allByName().stream().map(ReceiverView::of).toList();
    }

    public boolean exists(String name) {
        return QuarkusTransaction.joiningExisting().call(() -> Receiver.named(name).isPresent());
    }

    private Receiver existing(String name) {
        return Receiver.named(name).orElseThrow(() -> DubanException.notFound("没有名为“%s”的接收方", "no receiver named '%s'", name));
    }

    private void fill(Receiver receiver, ReceiverDraft draft, String actor) {
        List<BadField> bad = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().trim();
        if (name.isEmpty() || name.length() > 64) {
            bad.add(BadField.of("name", "必填，不超过 64 个字符", "required, at most 64 characters"));
        }
        ReceiverKind kind = ReceiverKind.of(draft.kind()).orElse(null);
        if (kind == null) {
            bad.add(BadField.of("kind", "应为 dingtalk、wecom、feishu、email 或 webhook", "must be dingtalk, wecom, feishu, email or webhook"));
        }
        String language = draft.language() == null ? "zh" : draft.language();
        if (!language.equals("zh") && !language.equals("en")) {
            bad.add(BadField.of("language", "应为 zh 或 en", "must be zh or en"));
        }
        if (draft.secret() != null && (draft.secret().isBlank() || draft.secret().length() > 512)) {
            bad.add(BadField.of("secret", "不能为空，不超过 512 个字符", "must not be blank, at most 512 characters"));
        }
        if (kind == ReceiverKind.EMAIL) {
            if (draft.url() != null) {
                bad.add(BadField.of("url", "邮件接收方用 to 填写收件地址，不用 url", "a mail receiver takes addresses in to, not a url"));
            }
            if (draft.to().isEmpty() || draft.to().size() > 50) {
                bad.add(BadField.of("to", "请填写 1 至 50 个收件地址", "give 1 to 50 addresses"));
            }
            for (String address : draft.to()) {
                if (address == null || !ADDRESS.matcher(address.trim()).matches()) {
                    bad.add(BadField.of("to", "“%s”不是邮件地址", "'%s' is not a mail address", address));
                }
            }
        } else if (kind != null) {
            if (draft.url() == null || draft.url().isBlank()) {
                bad.add(BadField.of("url", "必填：机器人或回调的网址", "required: the robot's or webhook's URL"));
            } else {
                destinations.refusal(draft.url().trim()).ifPresent(why -> bad.add(new BadField("url", why)));
            }
            if (!draft.to().isEmpty()) {
                bad.add(BadField.of("to", "只有邮件接收方才有收件地址", "only a mail receiver takes addresses"));
            }
        }
        if (!bad.isEmpty()) {
            throw DubanException.invalidFields(bad);
        }
        receiver.name = name;
        receiver.kind = kind;
        receiver.language = language;
        if (kind == ReceiverKind.EMAIL) {
            receiver.urlSealed = null;
            receiver.urlShown = null;
            receiver.recipients = draft.to().stream().map(String::trim).toList();
        } else {
            receiver.urlSealed = secrets.seal(draft.url().trim());
            receiver.urlShown = masked(draft.url().trim());
            receiver.recipients = List.of();
        }
        receiver.secretSealed = secrets.seal(draft.secret());
        OffsetDateTime now = OffsetDateTime.now();
        if (receiver.createdAt == null) {
            receiver.createdAt = now;
            receiver.createdBy = actor;
        } else {
            receiver.updatedAt = now;
            receiver.updatedBy = actor;
        }
    }

    private static String shown(Receiver receiver) {
        return receiver.kind == ReceiverKind.EMAIL ? String.join(",", receiver.recipients) : receiver.urlShown;
    }

    /** The URL with its tokens hidden: every query value, and any long path segment (Feishu's hook id). */
    static String masked(String url) {
        URI uri = URI.create(url);
        StringBuilder shown = new StringBuilder(uri.getScheme()).append("://").append(uri.getRawAuthority());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                shown.append('/').append(segment.length() >= 16 ? segment.substring(0, 4) + "…" : segment);
            }
        }
        if (uri.getRawQuery() != null) {
            List<String> parts = new ArrayList<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                parts.add(eq < 0 ? pair : pair.substring(0, eq) + "=…");
            }
            shown.append('?').append(String.join("&", parts));
        }
        return shown.toString();
    }
}
