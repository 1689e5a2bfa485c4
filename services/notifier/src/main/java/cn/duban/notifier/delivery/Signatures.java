package cn.duban.notifier.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signatures the providers document, in one place. */
public final class Signatures {
    private Signatures() {
    }

    /**
     * DingTalk custom robot (加签): Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)), then
     * URL-encoded for the {@code sign} query parameter; timestamp in milliseconds.
     */
    public static String dingTalk(long timestampMillis, String secret) {
        byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8),
                (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
    }

    /**
     * Feishu custom bot (签名校验): Base64(HmacSHA256(key = timestamp + "\n" + secret, data = nothing)); timestamp in
     * seconds, both sent in the JSON body.
     */
    public static String feishu(long timestampSeconds, String secret) {
        byte[] mac = hmac((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
        return Base64.getEncoder().encodeToString(mac);
    }

    /** Duban's webhook: "sha256=" + hex(HmacSHA256(key = secret, data = timestamp + "." + body)); timestamp in seconds. */
    public static String webhook(long timestampSeconds, String body, String secret) {
        byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8),
                (timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
