package cn.duban.notifier.service;

import cn.duban.notifier.repository.ReceiverKind;
import cn.duban.notifier.repository.AuditEntry;
import cn.duban.notifier.repository.MessageContent;
import cn.duban.notifier.repository.OutboundMessage;
import cn.duban.notifier.repository.Receiver;
import cn.duban.notifier.view.AcceptedList;
import cn.duban.platform.rest.BadField;
import cn.duban.platform.rest.DubanException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A message the office (or supervision on its behalf: the weekly 督查通报 to leaders) asks to send to named receivers,
 * not routed: straight into their outboxes, delivered and logged like every other message. An Idempotency-Key makes
 * a retried request send once.
 */
@ApplicationScoped
public class DirectMessages {
    static final int MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;

    @Inject
    MessageWriter writer;

    @Inject
    NotifierMetrics metrics;

    @Inject
    Event<GroupFlusher.MessagesWritten> written;

    /** What is asked for: receivers by name, subject, body (Markdown), a link, files (mail only). */
    public record Request(List<String> receivers, String subject, String body, String link, List<File> attachments) {
        public Request {
            receivers = receivers == null ? List.of() : receivers;
            attachments = attachments == null ? List.of() : attachments;
        }
    }

    /** A file, its content in Base64. */
    public record File(String name, String contentType, String content) {
    }

    /** One message per named receiver, in the order named: its id and status. */
    @Transactional
    public AcceptedList send(Request request, String idempotencyKey, String actor) {
        List<BadField> bad = new ArrayList<>();
        if (request.receivers().isEmpty()) {
            bad.add(BadField.of("receivers", "至少一个接收方名称", "name at least one receiver"));
        }
        List<Receiver> receivers = new ArrayList<>();
        for (String name : request.receivers()) {
            Receiver.named(name).ifPresentOrElse(receivers::add,
                    () -> bad.add(BadField.of("receivers", "没有名为“%s”的接收方", "no receiver named '%s'", name)));
        }
        if (request.subject() == null || request.subject().isBlank() || request.subject().length() > 200) {
            bad.add(BadField.of("subject", "必填，不超过 200 字", "required, at most 200 characters"));
        }
        if (request.body() == null || request.body().isBlank() || request.body().length() > 20_000) {
            bad.add(BadField.of("body", "必填，不超过 20000 字", "required, at most 20,000 characters"));
        }
        if (request.link() != null && !request.link().matches("^https?://\\S+$")) {
            bad.add(BadField.of("link", "应为 http(s) 网址", "must be an http(s) URL"));
        }
        List<MessageContent.Attachment> files = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < request.attachments().size(); i++) {
            File file = request.attachments().get(i);
            try {
                if (file == null || file.name() == null || file.name().isBlank() || file.content() == null) {
                    throw new IllegalArgumentException("incomplete");
                }
                bytes += Base64.getDecoder().decode(file.content()).length;
                files.add(new MessageContent.Attachment(file.name(), file.contentType() == null
                        ? "application/octet-stream" : file.contentType(), file.content()));
            } catch (IllegalArgumentException e) {
                bad.add(BadField.of("attachments[" + i + "]", "需要 name 和 Base64 编码的 content", "needs a name and Base64 content"));
            }
        }
        if (bytes > MAX_ATTACHMENT_BYTES) {
            bad.add(BadField.of("attachments", "附件合计不超过 8 MB", "attachments total at most 8 MB"));
        }
        if (!files.isEmpty() && receivers.stream().anyMatch(r -> r.kind != ReceiverKind.EMAIL)) {
            bad.add(BadField.of("attachments", "只有邮件接收方能带附件；机器人请给出 link", "only mail receivers take attachments; give robots a link"));
        }
        if (!bad.isEmpty()) {
            throw DubanException.invalidFields(bad);
        }
        MessageContent content = writer.direct(request.subject().trim(), request.body(), request.link(), files);
        List<AcceptedList.Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < receivers.size(); i++) {
            Receiver receiver = receivers.get(i);
            String named = request.receivers().get(i);
            String id = idempotencyKey == null ? UUID.randomUUID().toString()
                    : UUID.nameUUIDFromBytes((actor + "\n" + idempotencyKey + "\n" + receiver.name).getBytes(StandardCharsets.UTF_8)).toString();
            OutboundMessage existing = OutboundMessage.byId(id);
            if (existing != null) {
                accepted.add(new AcceptedList.Accepted(existing.id, named, existing.status.name())); // the same request again: counted once
                continue;
            }
            OutboundMessage message = OutboundMessage.pending(receiver.id, null, List.of(), content);
            message.id = id;
            message.persist();
            accepted.add(new AcceptedList.Accepted(message.id, named, message.status.name()));
            metrics.message(receiver.kind.id(), "written");
            AuditEntry.record(actor, "message.sent", "receiver:" + receiver.name, request.subject());
        }
        written.fire(new GroupFlusher.MessagesWritten());
        return new AcceptedList(accepted);
    }
}
