package cn.duban.platform.rest;

import cn.duban.text.Text;

/** The titles of the HTTP errors the framework raises itself (no such path, wrong method, body too large …). */
final class HttpWords {
    private HttpWords() {
    }

    static Text of(int status, String reasonPhrase) {
        return switch (status) {
            case 400 -> Text.of("请求有误", "Bad request");
            case 404 -> Text.of("未找到", "Not found");
            case 405 -> Text.of("不支持此请求方法", "Method not allowed");
            case 406 -> Text.of("无法提供所要求的格式", "Not acceptable");
            case 413 -> Text.of("请求体过大", "Content too large");
            case 415 -> Text.of("不支持此内容类型", "Unsupported media type");
            case 429 -> Text.of("请求过于频繁", "Too many requests");
            default -> Text.of("请求未能完成(HTTP %s)", "%s", status, reasonPhrase == null ? "HTTP " + status : reasonPhrase);
        };
    }

    /** The framework's detail is English and technical; Chinese readers get a sentence, English ones its words. */
    static Text detail(int status, String frameworkMessage) {
        String en = frameworkMessage == null || frameworkMessage.isBlank() ? "HTTP " + status : frameworkMessage;
        Text zh = switch (status) {
            case 404 -> Text.of("没有这个地址", "");
            case 405 -> Text.of("此地址不接受这种请求方法", "");
            case 406 -> Text.of("此地址不能以所要求的格式应答(Accept)", "");
            case 413 -> Text.of("请求体超过了此地址允许的大小", "");
            case 415 -> Text.of("此地址不接受这种内容类型(Content-Type)", "");
            default -> Text.of("请求未能完成(HTTP %s)", "", status);
        };
        return new Text(zh.zh(), en);
    }
}
