package cn.duban.sectorkit.service;

import cn.duban.events.CountyTime;
import cn.duban.events.progress.EvidenceFile;
import cn.duban.platform.rest.BadField;
import cn.duban.platform.rest.DubanException;
import cn.duban.sectorkit.config.EvidenceConfig;
import cn.duban.sectorkit.config.SectorConfig;
import cn.duban.sectorkit.repository.AssignedTask;
import cn.duban.sectorkit.repository.Evidence;
import cn.duban.sectorkit.repository.EvidenceStore;
import cn.duban.sectorkit.repository.SectorStore;
import cn.duban.sectorkit.view.EvidenceView;
import cn.duban.text.Text;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence files (佐证材料): taken in only as one of the allowed kinds and sizes, kept once per content (SHA-256),
 * described by what a photo says about itself, and shown only to those who may see the task.
 */
@ApplicationScoped
public class EvidenceDesk {

    @Inject
    EvidenceConfig config;

    @Inject
    SectorConfig sector;

    @Inject
    SectorStore store;

    @Inject
    SectorAccess access;

    @Inject
    SectorDesk desk;

    @Inject
    EvidenceStore blobs;

    /** A file as it arrived: its name as the phone gave it, and its bytes. */
    public record Upload(String name, long size, ContentSource content) {
    }

    /** The bytes of an upload, read only once its size has been checked. */
    @FunctionalInterface
    public interface ContentSource {
        byte[] read() throws java.io.IOException;
    }

    /**
     * Takes a file as evidence on a task the caller answers for. The same bytes uploaded again on the same task are
     * the same evidence (the first answer again); on another task, new evidence over the same stored object.
     */
    public EvidenceView upload(String taskId, Upload upload, String actor) {
        access.checkMayActOn(taskId);
        if (upload == null) {
            throw DubanException.invalidField("file", "请在表单字段 file 中上传文件", "upload the file in the form field 'file'");
        }
        if (upload.size() > config.maxSize().asLongValue()) {
            throw tooLarge(upload.size());
        }
        if (upload.size() == 0) {
            throw DubanException.invalidField("file", "文件是空的", "the file is empty");
        }
        byte[] bytes;
        try {
            bytes = upload.content().read();
        } catch (java.io.IOException e) {
            throw DubanException.invalidField("file", "文件没有完整上传,请重试", "the file did not arrive whole; try again");
        }
        String name = cleanName(upload.name());
        FileKind kind = FileKind.of(bytes, name).orElseThrow(() -> DubanException.refused(415, "unsupported-file-type",
                Text.of("不支持的文件类型", "Unsupported file type"),
                Text.of("按文件内容判断,「%s」不是照片(JPEG、PNG、HEIC)、PDF 或 Office 文档(Word、Excel、PowerPoint);"
                        + "请上传这些类型的文件", "judged by its content, '%s' is not a photo (JPEG, PNG, HEIC), a PDF or an "
                        + "Office document (Word, Excel, PowerPoint); upload one of those", name == null ? "文件" : name)));
        String sha256 = sha256(bytes);
        PhotoFacts facts = kind.image() ? PhotoFacts.of(bytes) : PhotoFacts.NONE;
        Optional<byte[]> thumbnail = kind.image()
                ? Thumbnails.of(bytes, config.thumbnailSize(), facts.orientation()) : Optional.empty();
        Evidence evidence;
        try {
            evidence = QuarkusTransaction.requiringNew().call(() -> store(taskId, name, kind, bytes, sha256, facts, thumbnail, actor));
        } catch (PersistenceException e) {
            // the same file on the same task from a concurrent upload: its row is there now
            evidence = QuarkusTransaction.requiringNew().call(() -> store(taskId, name, kind, bytes, sha256, facts, thumbnail, actor));
        }
        return EvidenceView.of(evidence, sector.name());
    }

    private Evidence store(String taskId, String name, FileKind kind, byte[] bytes, String sha256, PhotoFacts facts,
            Optional<byte[]> thumbnail, String actor) {
        AssignedTask task = desk.task(taskId);
        String unit = access.submittingUnit(task, null);
        Optional<Evidence> earlier = store.evidence(taskId, sha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        blobs.putIfAbsent(sha256, kind.mediaType(), bytes);
        thumbnail.ifPresent(t -> blobs.putIfAbsent(Evidence.thumbnailKey(sha256), "image/jpeg", t));
        Evidence evidence = new Evidence();
        evidence.id = Evidence.ID_PREFIX + UUID.randomUUID();
        evidence.taskId = taskId;
        evidence.sha256 = sha256;
        evidence.name = name;
        evidence.contentType = kind.mediaType();
        evidence.size = bytes.length;
        evidence.takenAt = facts.takenAt();
        evidence.latitude = facts.latitude();
        evidence.longitude = facts.longitude();
        evidence.thumbnail = thumbnail.isPresent();
        evidence.unit = unit;
        evidence.uploadedBy = actor;
        evidence.uploadedAt = OffsetDateTime.now(CountyTime.ZONE);
        store.addNow(evidence);
        return evidence;
    }

    /**
     * Stored bytes as served: their media type, a tag that changes only with them (they are content-addressed), and
     * the name to save them under (the uploaded name, or the evidence id; none for a thumbnail).
     */
    public record Download(byte[] bytes, String contentType, String etag, String name) {
    }

    /** The file of one piece of evidence, for a caller who may see its task; named as it was uploaded (or by its id). */
    public Download file(String id) {
        Evidence evidence = find(id);
        byte[] bytes = blobs.get(evidence.sha256).orElseThrow(() -> DubanException.notFound(
                "佐证材料 %s 的文件内容不在存储中,请联系管理员", "the content of evidence %s is missing from storage", evidence.id));
        return new Download(bytes, evidence.contentType, evidence.sha256, evidence.name == null ? evidence.id : evidence.name);
    }

    /** The thumbnail of a photo (JPEG and PNG have one), for a caller who may see its task. */
    public Download thumbnail(String id) {
        Evidence evidence = find(id);
        byte[] thumbnail = (evidence.thumbnail ? blobs.get(evidence.thumbnailKey()) : Optional.<byte[]>empty())
                .orElseThrow(() -> DubanException.notFound("佐证材料 %s 没有缩略图(只有 JPEG 和 PNG 照片有)",
                        "evidence %s has no thumbnail (only JPEG and PNG photos do)", id));
        return new Download(thumbnail, "image/jpeg", evidence.sha256 + "-thumbnail", null);
    }

    private Evidence find(String id) {
        Evidence evidence = store.evidence(id).orElseThrow(() -> DubanException.notFound("%s 没有佐证材料 %s",
                "%s has no evidence %s", sector.name(), id));
        AssignedTask task = store.task(evidence.taskId).orElseThrow(() -> DubanException.notFound(
                "%s 没有交办任务 %s", "no task %2$s is assigned in %1$s", sector.name(), evidence.taskId));
        access.checkMayRead(task);
        return evidence;
    }

    /** The evidence uploaded on a task, oldest first, for a caller who may see the task. */
    public List<EvidenceView> ofTask(String taskId) {
        AssignedTask task = store.task(taskId).orElseThrow(() -> DubanException.notFound(
                "%s 没有交办任务 %s", "no task %2$s is assigned in %1$s", sector.name(), taskId));
        access.checkMayRead(task);
        return store.evidenceOfTask(taskId).stream().map(e -> EvidenceView.of(e, sector.name())).toList();
    }

    /**
     * The files among a report's or claim's evidence entries, each flagged when a photo was taken long before the
     * period it backs; an entry shaped like an evidence id that names none of this task's is a field error. Other
     * entries are links or names as department systems sent them before files could be uploaded, and pass as they are.
     */
    List<EvidenceFile> describe(AssignedTask task, List<String> entries, LocalDate periodStart, List<BadField> errors) {
        List<EvidenceFile> files = new ArrayList<>();
        LocalDate oldBefore = periodStart.minusDays(config.periodGrace().toDays());
        for (int i = 0; entries != null && i < entries.size(); i++) {
            String entry = entries.get(i);
            if (!Evidence.looksLikeId(entry)) {
                continue;
            }
            Optional<Evidence> found = store.evidence(entry).filter(e -> e.taskId.equals(task.id));
            if (found.isEmpty()) {
                errors.add(BadField.of("evidence[" + i + "]", "任务 %s 没有佐证材料 %s;请先上传文件(POST /api/%s/tasks/%s/evidence),再填写它返回的 id",
                        "%1$s has no evidence %2$s; upload the file first (POST /api/%3$s/tasks/%1$s/evidence) and name the id it returns",
                        task.id, entry, sector.name(), task.id));
                continue;
            }
            Evidence e = found.get();
            boolean old = e.takenAt != null && e.takenAt.atZoneSameInstant(CountyTime.ZONE).toLocalDate().isBefore(oldBefore);
            files.add(new EvidenceFile(e.id, e.name, e.sha256, e.contentType, e.size, e.takenAt,
                    e.latitude == null ? null : new EvidenceFile.Place(e.latitude, e.longitude), old));
        }
        return files;
    }

    private DubanException tooLarge(long size) {
        return DubanException.refused(413, "file-too-large", Text.of("文件过大", "File too large"),
                Text.of("文件有 %s,超过了上限 %s;请压缩照片或拆分文档后再上传", "the file is %s, over the limit of %s; "
                        + "compress the photo or split the document", megabytes(size), megabytes(config.maxSize().asLongValue())));
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1048576.0) : String.format("%d KB", Math.max(1, bytes / 1024));
    }

    /** The last path segment of what the phone called the file, without control characters, at most 200 characters. */
    static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (last.isEmpty()) {
            return null;
        }
        return last.length() > 200 ? last.substring(last.length() - 200) : last;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
