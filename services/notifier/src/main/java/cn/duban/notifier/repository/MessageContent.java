package cn.duban.notifier.repository;

import java.util.List;
import java.util.Map;

/**
 * A message as rendered when it was decided, before any provider's envelope and signature (those are made at each
 * attempt: DingTalk and Feishu refuse a signature older than an hour).
 *
 * @param title    one line: the robot card's title, the mail's subject
 * @param markdown the robots' text (DingTalk, WeCom and Feishu markdown)
 * @param html     the mail's HTML part
 * @param text     the mail's plain-text part
 * @param links    the task pages the message links to, by name (mobile, office)
 * @param color    the card colour for Feishu (red, orange, green, blue)
 * @param data     what a webhook receives as the CloudEvent's data
 */
public record MessageContent(String title, String markdown, String html, String text, Map<String, String> links,
        String color, Map<String, Object> data, List<Attachment> attachments) {

    public MessageContent {
        links = links == null ? Map.of() : links;
        data = data == null ? Map.of() : data;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A file a mail carries (the weekly 督查通报): name, content type and Base64 content. */
    public record Attachment(String name, String contentType, String base64) {
    }
}
