package cn.duban.sectorkit.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.testsupport.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What a file is, told from its bytes, and what a photo says about itself. */
class EvidenceFilesTest {

    @Test
    void photosDocumentsAndPdfAreKnownByTheirContent() throws IOException {
        OffsetDateTime taken = OffsetDateTime.parse("2022-09-28T15:42:10+08:00");
        assertThat(FileKind.of(TestFiles.photo(taken, 37.2, 112.18), "x.pdf")).hasValue(FileKind.JPEG);
        assertThat(FileKind.of(TestFiles.png(), "photo.jpg")).hasValue(FileKind.PNG);
        assertThat(FileKind.of(TestFiles.pdf(), "验收报告")).hasValue(FileKind.PDF);
        assertThat(FileKind.of(heic(), "IMG_0001.HEIC")).hasValue(FileKind.HEIC);
        assertThat(FileKind.of(office("word/document.xml"), "a.bin")).hasValue(FileKind.DOCX);
        assertThat(FileKind.of(office("xl/workbook.xml"), "a.docx")).hasValue(FileKind.XLSX);
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1},
                0, ole2, 0, 8);
        assertThat(FileKind.of(ole2, "台账.xls")).hasValue(FileKind.XLS);
        assertThat(FileKind.of(ole2, "说明.doc")).hasValue(FileKind.DOC);
    }

    @Test
    void programsArchivesAndTextAreNoneOfThemWhateverTheirName() throws IOException {
        assertThat(FileKind.of(TestFiles.executable(), "现场照片.jpg")).isEmpty();
        assertThat(FileKind.of("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII), "a.pdf")).isEmpty();
        assertThat(FileKind.of(zip("payload.exe"), "报告.docx")).as("a ZIP that is no Office document").isEmpty();
        assertThat(FileKind.of(new byte[] {(byte) 0xff, (byte) 0xd8}, "short.jpg")).isEmpty();
        assertThat(FileKind.of(new byte[0], "empty.png")).isEmpty();
    }

    @Test
    void aPhotoTellsWhenAndWhereItWasTaken() {
        PhotoFacts facts = PhotoFacts.of(TestFiles.photo(OffsetDateTime.parse("2022-09-28T15:42:10+08:00"), 37.2008, 112.1765));
        assertThat(facts.takenAt()).isEqualTo(OffsetDateTime.parse("2022-09-28T15:42:10+08:00"));
        assertThat(facts.latitude()).isCloseTo(37.2008, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(facts.longitude()).isCloseTo(112.1765, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(PhotoFacts.of(TestFiles.png())).isEqualTo(PhotoFacts.NONE);
        assertThat(PhotoFacts.of(TestFiles.pdf())).isEqualTo(PhotoFacts.NONE);
    }

    @Test
    void aThumbnailIsASmallUprightJpeg() throws IOException {
        byte[] thumbnail = Thumbnails.of(TestFiles.photo(OffsetDateTime.now(), 37.2, 112.18), 320, 6).orElseThrow();
        var image = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(FileKind.of(thumbnail, null)).hasValue(FileKind.JPEG);
        assertThat(image.getWidth()).as("a 640×480 photo turned a quarter").isEqualTo(240);
        assertThat(image.getHeight()).isEqualTo(320);
        assertThat(Thumbnails.of(TestFiles.executable(), 320, 1)).isEmpty();
    }

    @Test
    void aFileNameKeepsItsLastSegmentOnly() {
        assertThat(EvidenceDesk.cleanName("C:\\Users\\张三\\现场.jpg")).isEqualTo("现场.jpg");
        assertThat(EvidenceDesk.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(EvidenceDesk.cleanName("a\nb.pdf")).isEqualTo("ab.pdf");
        assertThat(EvidenceDesk.cleanName("  ")).isNull();
    }

    private static byte[] heic() {
        byte[] box = new byte[64];
        byte[] head = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'};
        System.arraycopy(head, 0, box, 0, head.length);
        return box;
    }

    private static byte[] office(String part) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(part));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(TestFiles.executable());
        }
        return bytes.toByteArray();
    }
}
