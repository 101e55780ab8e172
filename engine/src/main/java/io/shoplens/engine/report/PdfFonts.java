package io.shoplens.engine.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * Finds a TrueType font with Chinese glyphs for the text of PDF reports, which PDFBox embeds as a
 * subset. PDFBox cannot embed OpenType fonts with CFF outlines (Noto Sans CJK's .ttc), so the
 * candidates are TrueType-outline fonts: WenQuanYi Micro Hei (Debian {@code fonts-wqy-microhei}),
 * Droid Sans Fallback, Microsoft YaHei, Arial Unicode. {@code -Dshoplens.report.font=PATH} wins.
 */
final class PdfFonts {

    static final String PROPERTY = "shoplens.report.font";

    private static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "C:\\Windows\\Fonts\\msyh.ttc",
            "C:\\Windows\\Fonts\\simhei.ttf",
            "/Library/Fonts/Arial Unicode.ttf",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf");

    /** An open font and what must be closed after the document that embeds it is saved. */
    record Loaded(TrueTypeFont font, AutoCloseable owner, String path) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            owner.close();
        }
    }

    private PdfFonts() {
    }

    /** The first usable CJK font, or empty when the machine has none (the report then uses Helvetica). */
    static Optional<Loaded> cjk() {
        List<String> paths = new ArrayList<>();
        String chosen = System.getProperty(PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            paths.add(chosen);
        }
        paths.addAll(CANDIDATES);
        for (String path : paths) {
            if (!Files.isReadable(Path.of(path))) {
                continue;
            }
            try {
                Optional<Loaded> loaded = load(new File(path));
                if (loaded.isPresent()) {
                    return loaded;
                }
            } catch (IOException e) {
                // an unreadable or broken font file: try the next candidate
            }
        }
        return Optional.empty();
    }

    private static Optional<Loaded> load(File file) throws IOException {
        if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file);
            List<TrueTypeFont> usable = new ArrayList<>();
            collection.processAllFonts(font -> {
                if (usable.isEmpty() && usable(font)) {
                    usable.add(font);
                }
            });
            if (usable.isEmpty()) {
                collection.close();
                return Optional.empty();
            }
            return Optional.of(new Loaded(usable.get(0), collection, file.getPath()));
        }
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
        if (!usable(font)) {
            font.close();
            return Optional.empty();
        }
        return Optional.of(new Loaded(font, font, file.getPath()));
    }

    /** TrueType outlines and glyphs for Chinese (华) and Latin text. */
    private static boolean usable(TrueTypeFont font) throws IOException {
        if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
            return false;
        }
        var cmap = font.getUnicodeCmapLookup(false);
        return cmap != null && cmap.getGlyphId('华') > 0 && cmap.getGlyphId('A') > 0;
    }
}
