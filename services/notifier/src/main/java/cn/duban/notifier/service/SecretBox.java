package cn.duban.notifier.service;

import cn.duban.notifier.config.NotifierConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals receivers' secrets (robot signing keys, webhook HMAC keys) with AES-GCM before they are stored, so a copy of
 * the database or a backup does not hand out the robots. The key comes from the Secret (DUBAN_NOTIFIER_SECRET_KEY).
 */
@ApplicationScoped
public class SecretBox {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    NotifierConfig config;

    private SecretKey key;

    @PostConstruct
    void init() {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(config.secretKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("duban.notifier.secret-key (DUBAN_NOTIFIER_SECRET_KEY) is not Base64", e);
        }
        if (raw.length != 16 && raw.length != 32) {
            throw new IllegalStateException("duban.notifier.secret-key (DUBAN_NOTIFIER_SECRET_KEY) must be 16 or 32 bytes, "
                    + "Base64; e.g. openssl rand -base64 32");
        }
        key = new SecretKeySpec(raw, "AES");
    }

    public String seal(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a receiver's secret cannot be opened: was DUBAN_NOTIFIER_SECRET_KEY changed?", e);
        }
    }
}
