package io.socialroi.content.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Format, dimensions and duration from the first bytes, as each format lays them out. */
class MediaHeadersTest {

    static MediaInfo parsed(byte[] b) {
        return MediaHeaders.parse(b).info();
    }

    @Test
    void imagesShowTheirFormatAndSize() {
        MediaInfo png = parsed(MediaFiles.png(1080, 1350));
        assertEquals("png", png.format());
        assertEquals(1080, png.width());
        assertEquals(1350, png.height());
        MediaInfo jpeg = parsed(MediaFiles.jpeg(2000, 1000));
        assertEquals("jpeg", jpeg.format());
        assertEquals(2000, jpeg.width());
        assertEquals(1000, jpeg.height());
        MediaInfo gif = parsed(MediaFiles.gif(480, 270));
        assertEquals("gif", gif.format());
        assertEquals(480, gif.width());
        MediaInfo webp = parsed(MediaFiles.webpVp8x(1080, 1920));
        assertEquals("webp", webp.format());
        assertEquals(1080, webp.width());
        assertEquals(1920, webp.height());
        assertTrue(png.image() && !png.video());
    }

    @Test
    void aVideoWithItsMoovFirstShowsDurationAndTheVideoTracksSize() {
        MediaFiles.File f = MediaFiles.mp4(20.5, 1080, 1920, false, true, 5_000_000, "isom");
        MediaHeaders.Parsed p = MediaHeaders.parse(MediaFiles.bytes(f, 65536));
        assertEquals("mp4", p.info().format());
        assertEquals(20.5, p.info().seconds(), 1e-9);
        assertEquals(1080, p.info().width());
        assertEquals(1920, p.info().height());
        assertEquals(-1, p.moovAt());
    }

    @Test
    void aVideoWithItsMoovAfterTheMediaSaysWhereToReadOnAndAQuarterTurnIsPortrait() {
        MediaFiles.File f = MediaFiles.mp4(700, 1920, 1080, true, false, 40_000_000, "qt  ");
        MediaHeaders.Parsed p = MediaHeaders.parse(MediaFiles.bytes(f, 65536));
        assertEquals("mov", p.info().format());
        assertNull(p.info().seconds());
        assertTrue(p.moovAt() > 40_000_000, "moov at " + p.moovAt());
        byte[] moov = new byte[4096];
        for (int i = 0; i < moov.length && p.moovAt() + i < f.size(); i++) {
            moov[i] = f.at().apply(p.moovAt() + i);
        }
        MediaInfo info = MediaHeaders.moov(moov, "mov");
        assertEquals(700, info.seconds(), 1e-9);
        assertEquals(1080, info.width());
        assertEquals(1920, info.height());
    }

    @Test
    void whatIsNotMediaOrIsCutShortStaysUnknown() {
        assertNull(parsed("<html>not found</html>".getBytes()).format());
        assertNull(parsed(new byte[0]).format());
        MediaInfo cut = parsed(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A});
        assertNull(cut.width());
    }
}
