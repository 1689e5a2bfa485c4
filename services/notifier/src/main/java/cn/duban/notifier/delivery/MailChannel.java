package cn.duban.notifier.delivery;

import cn.duban.notifier.config.NotifierConfig;
import cn.duban.notifier.repository.MessageContent;
import cn.duban.notifier.repository.OutboundMessage;
import cn.duban.notifier.repository.ReceiverKind;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;

/**
 * Mail over SMTP (Quarkus Mailer; the server is the operator's, quarkus.mailer.*): HTML and plain text, the message's
 * stable id as Message-ID (a mail client shows a repeat as the same mail), attachments for bulletins.
 */
@ApplicationScoped
public class MailChannel implements Channel {

    @Inject
    Mailer mailer;

    @Inject
    NotifierConfig config;

    @Override
    public ReceiverKind kind() {
        return ReceiverKind.EMAIL;
    }

    @Override
    public Answer deliver(Target target, OutboundMessage message) {
        MessageContent content = message.content;
        Mail mail = Mail.withHtml(target.recipients().get(0), config.mail().subjectPrefix() + content.title(), content.html())
                .setText(content.text())
                .addHeader("Message-ID", "<" + message.id + "@notifier.duban>")
                .addHeader("X-Duban-Message-Id", message.id);
        target.recipients().stream().skip(1).forEach(mail::addTo);
        for (MessageContent.Attachment file : content.attachments()) {
            mail.addAttachment(file.name(), Base64.getDecoder().decode(file.base64()), file.contentType());
        }
        try {
            mailer.send(mail);
            return Answer.delivered(250, "accepted by the SMTP server for " + String.join(", ", target.recipients()));
        } catch (RuntimeException e) {
            return Answer.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
