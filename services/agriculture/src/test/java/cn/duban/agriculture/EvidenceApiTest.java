package cn.duban.agriculture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.duban.events.Sector;
import cn.duban.events.Topics;
import cn.duban.events.progress.EvidenceFile;
import cn.duban.events.progress.ProgressReported;
import cn.duban.sectorkit.repository.EvidenceStore;
import cn.duban.testsupport.KafkaTestClient;
import cn.duban.testsupport.TestFiles;
import cn.duban.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Evidence files (佐证材料) at a sector service: a photo from the phone becomes evidence with its EXIF time and place
 * and a thumbnail; too large is 413, a disguised program 415, another unit's evidence 403, the same file twice one
 * stored object; a report names evidence ids and carries what the office must know about them. The test profile
 * limits files to 200 KB.
 */
@QuarkusTest
class EvidenceApiTest extends OnAFreshFarmlandTask {
    static final String LEAD_UNIT = TestTokens.unitReporter("agriculture-bureau", "agriculture", "县农业农村局");
    static final String OTHER_UNIT = TestTokens.unitReporter("water-bureau", "agriculture", "县水利局");
    static final OffsetDateTime TAKEN = OffsetDateTime.parse("2022-09-28T15:42:10+08:00");

    @Inject
    EvidenceStore store;

    @Override
    String actor() {
        return LEAD_UNIT;
    }

    @Test
    void aPhotoBecomesEvidenceWithItsTimePlaceAndThumbnail() throws Exception {
        byte[] photo = TestFiles.photo(TAKEN, 37.2008, 112.1765);
        JsonPath created = upload(taskId, "现场照片.jpg", photo, "image/jpeg").then().statusCode(201)
                .header("Location", startsWith("http")).body("id", startsWith("EV-"))
                .body("sha256", equalTo(sha256(photo))).body("contentType", equalTo("image/jpeg"))
                .body("size", equalTo(photo.length)).body("takenAt", equalTo("2022-09-28T15:42:10+08:00"))
                .body("name", equalTo("现场照片.jpg")).body("unit", equalTo("县农业农村局"))
                .extract().jsonPath();
        assertThat(created.getDouble("place.latitude")).isCloseTo(37.2008, within(0.0001));
        assertThat(created.getDouble("place.longitude")).isCloseTo(112.1765, within(0.0001));
        String id = created.getString("id");

        byte[] back = given().get("/api/agriculture/evidence/{id}", id).then().statusCode(200)
                .contentType("image/jpeg").header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("filename*=UTF-8''%E7%8E%B0%E5%9C%BA"))
                .extract().asByteArray();
        assertThat(back).isEqualTo(photo);
        byte[] thumbnail = given().get(created.getString("thumbnailUrl")).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertThat(thumbnail.length).isLessThan(photo.length);
        given().get("/api/agriculture/tasks/{id}/evidence", taskId).then().statusCode(200)
                .body("items.id", hasItem(id)).body("total", equalTo(1));

        // a PDF is evidence too, with neither time nor place nor thumbnail
        upload(taskId, "验收报告.pdf", TestFiles.pdf(), "application/pdf").then().statusCode(201)
                .body("contentType", equalTo("application/pdf")).body("takenAt", nullValue())
                .body("place", nullValue()).body("thumbnailUrl", nullValue());
    }

    @Test
    void aFileOverTheLimitIs413AndNothingIsStored() {
        upload(taskId, "大照片.jpg", TestFiles.ofSize(300 * 1024), "image/jpeg").then().statusCode(413)
                .contentType("application/problem+json").body("title", equalTo("文件过大"))
                .body("detail", containsString("200 KB"));
        given().get("/api/agriculture/tasks/{id}/evidence", taskId).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aDisguisedProgramIs415WhateverItsNameAndTypeSay() {
        upload(taskId, "现场照片.jpg", TestFiles.executable(), "image/jpeg").then().statusCode(415)
                .contentType("application/problem+json").body("title", equalTo("不支持的文件类型"))
                .body("detail", containsString("现场照片.jpg"));
        given().get("/api/agriculture/tasks/{id}/evidence", taskId).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anotherUnitsEvidenceIs403AndSoIsUploadingToItsTask() {
        String id = upload(taskId, "现场.jpg", TestFiles.photo(TAKEN, 37.2, 112.18), "image/jpeg").then().statusCode(201)
                .extract().path("id");
        given().header("Authorization", OTHER_UNIT).get("/api/agriculture/evidence/{id}", id).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("water-bureau"));
        given().header("Authorization", OTHER_UNIT).get("/api/agriculture/evidence/{id}/thumbnail", id).then().statusCode(403);
        given().header("Authorization", OTHER_UNIT).get("/api/agriculture/tasks/{id}/evidence", taskId).then().statusCode(403);
        given().header("Authorization", OTHER_UNIT).multiPart("file", "a.pdf", TestFiles.pdf(), "application/pdf")
                .post("/api/agriculture/tasks/{id}/evidence", taskId).then().statusCode(403);
        // the co-unit and the office may see it; nobody without a token
        given().header("Authorization", TestTokens.unitReporter("finance-bureau", "reform", "县财政局"))
                .get("/api/agriculture/evidence/{id}", id).then().statusCode(200);
        given().header("Authorization", TestTokens.supervisor()).get("/api/agriculture/evidence/{id}", id).then().statusCode(200);
        given().header("Authorization", "").get("/api/agriculture/evidence/{id}", id).then().statusCode(401);
        given().get("/api/agriculture/evidence/{id}", "EV-nothing").then().statusCode(404);
    }

    @Test
    void theSameFileTwiceIsOneStoredObject() {
        byte[] photo = TestFiles.photo(TAKEN, 37.2, 112.18);
        String first = upload(taskId, "a.jpg", photo, "image/jpeg").then().statusCode(201).extract().path("id");
        String again = upload(taskId, "b.jpg", photo, "image/jpeg").then().statusCode(201).extract().path("id");
        assertThat(again).as("the same file on the same task is the same evidence").isEqualTo(first);

        String otherTask = assignFarmland();
        String onOther = upload(otherTask, "a.jpg", photo, "image/jpeg").then().statusCode(201)
                .body("sha256", equalTo(sha256(photo))).extract().path("id");
        assertThat(onOther).as("evidence of another task").isNotEqualTo(first);
        long stored = QuarkusTransaction.requiringNew().call(() -> store.count(sha256(photo)));
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void aReportNamesItsEvidenceAndAnOldPhotoIsFlaggedToTheOffice() {
        String recent = upload(taskId, "本月.jpg", TestFiles.photo(TAKEN, 37.2, 112.18), "image/jpeg").then().statusCode(201)
                .extract().path("id");
        String old = upload(taskId, "去年.jpg", TestFiles.photo(OffsetDateTime.parse("2021-05-03T10:00:00+08:00"), 37.2,
                112.18), "image/jpeg").then().statusCode(201).extract().path("id");
        String report = """
                {"asOf": "2022-09-30", "figures": [{"metric": "高标准农田", "value": 6000}],
                 "evidence": ["%s", "%s", "https://example.org/legacy-link.jpg"]}""".formatted(recent, old);
        String eventId = given().contentType(ContentType.JSON).body(report).post("/api/agriculture/tasks/{id}/progress", taskId)
                .then().statusCode(202).extract().path("eventId");

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.readUntil(Topics.progress(Sector.AGRICULTURE), Duration.ofSeconds(30),
                r -> eventId.equals(KafkaTestClient.header(r, "ce_id")));
        ProgressReported sent = (ProgressReported) KafkaTestClient.decode(records.get(records.size() - 1)).data();
        assertThat(sent.evidence()).containsExactly(recent, old, "https://example.org/legacy-link.jpg");
        assertThat(sent.evidenceFiles()).extracting(EvidenceFile::id, EvidenceFile::takenBeforePeriod)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(recent, false), org.assertj.core.groups.Tuple.tuple(old, true));
        assertThat(sent.evidenceFiles().get(0).place()).isNotNull();

        // an id that names no evidence of this task is a field error, in Chinese
        String otherTask = assignFarmland();
        given().contentType(ContentType.JSON).body("{\"asOf\": \"2022-09-30\", \"evidence\": [\"" + recent + "\"]}")
                .post("/api/agriculture/tasks/{id}/progress", otherTask).then().statusCode(400)
                .body("errors.field", hasItem("evidence[0]")).body("detail", containsString("先上传文件"));
    }

    @Test
    void anUploadWithoutAFileOrAsJsonIsRefusedInChinese() {
        given().multiPart("note", "没有文件").post("/api/agriculture/tasks/{id}/evidence", taskId).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("file"));
        given().contentType(ContentType.JSON).body("{}").post("/api/agriculture/tasks/{id}/evidence", taskId).then()
                .statusCode(415).contentType("application/problem+json");
    }

    /** A multipart body as a phone's browser sends it: the file name in UTF-8 (REST Assured's own would send ??). */
    private static io.restassured.response.Response upload(String task, String name, byte[] bytes, String type) {
        String boundary = "----duban" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return given().contentType("multipart/form-data; boundary=" + boundary).body(body.toByteArray())
                .post("/api/agriculture/tasks/{id}/evidence", task);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
