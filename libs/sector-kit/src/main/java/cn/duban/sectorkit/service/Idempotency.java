package cn.duban.sectorkit.service;

import cn.duban.events.EventCodec;
import cn.duban.platform.rest.DubanException;
import cn.duban.sectorkit.repository.IdempotencyKey;
import cn.duban.sectorkit.repository.SectorStore;
import jakarta.inject.Inject;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Idempotency-Key: the first request with a key runs and its answer is stored in the same transaction;
 * a retry with the same key and body gets that answer again and changes nothing.
 */
@ApplicationScoped
public class Idempotency {

    @Inject
    SectorStore store;

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T once(String key, String scope, Object request, Class<T> answerType, Supplier<T> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw DubanException.invalid("Idempotency-Key 的长度应为 1 到 200 个字符", "Idempotency-Key must be 1 to 200 characters");
        }
        String storedKey = scope + " " + key;
        String hash = hash(scope, request);
        IdempotencyKey earlier = store.idempotencyKey(storedKey).orElse(null);
        if (earlier != null) {
            if (!earlier.requestHash.equals(hash)) {
                throw DubanException.conflict("Idempotency-Key「%s」已用于另一个不同的请求", "Idempotency-Key '%s' was already used for a different request", key);
            }
            return read(earlier.response, answerType);
        }
        // Claim the key first: a concurrent twin blocks on it, then fails and is retried by the caller.
        IdempotencyKey row = new IdempotencyKey();
        row.key = storedKey;
        row.requestHash = hash;
        row.status = 202;
        row.response = "";
        row.createdAt = OffsetDateTime.now();
        store.addNow(row);
        T answer = action.get();
        row.response = write(answer);
        return answer;
    }

    private static String hash(String scope, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(scope.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(EventCodec.json().writeValueAsBytes(request)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object answer) {
        try {
            return EventCodec.json().writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.json().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
