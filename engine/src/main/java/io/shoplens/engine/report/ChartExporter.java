package io.shoplens.engine.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;

import io.shoplens.engine.files.AtomicFiles;

/**
 * One chart to a file: PNG (any size, scaled for HiDPI), SVG and PDF as vectors. Text is drawn as
 * vector outlines in SVG and PDF, so Chinese labels look the same on a machine without a CJK font.
 * Files are written whole or not at all ({@link AtomicFiles}).
 */
public final class ChartExporter {

    private ChartExporter() {
    }

    /** A PNG of {@code width × height} logical pixels at {@code scale} (2 for HiDPI): the image is scaled up. */
    public static void png(JFreeChart chart, Path target, int width, int height, double scale) throws IOException {
        checkSize(width, height);
        if (!(scale > 0) || scale > 8) {
            throw new IllegalArgumentException("Scale must be in (0, 8], not " + scale);
        }
        int w = (int) Math.round(width * scale);
        int h = (int) Math.round(height * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("No PNG writer available");
            }
        });
    }

    public static void svg(JFreeChart chart, Path target, int width, int height) throws IOException {
        String document = svgGraphics(chart, width, height, "chart").getSVGDocument();
        AtomicFiles.write(target, out -> out.write(document.getBytes(StandardCharsets.UTF_8)));
    }

    public static void pdf(JFreeChart chart, Path target, int width, int height) throws IOException {
        checkSize(width, height);
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            document.addPage(page);
            PDFormXObject form = pdfForm(document, chart, width, height);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(form);
            }
            PdfDocuments.makeReproducible(document, "chart " + chart.getClass().getName() + " " + width + "x" + height);
            AtomicFiles.write(target, document::save);
        }
    }

    /** The chart as an {@code <svg>} element for inline use in HTML; {@code id} prefixes its definitions. */
    public static String svgElement(JFreeChart chart, int width, int height, String id) {
        return svgGraphics(chart, width, height, id).getSVGElement(id, true, new ViewBox(0, 0, width, height),
                null, null);
    }

    /** The chart drawn as vectors into a PDF form that a page can place anywhere. */
    static PDFormXObject pdfForm(PDDocument document, JFreeChart chart, int width, int height) throws IOException {
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, width, height);
        try {
            // No font registered: this drawer then draws every glyph as a vector outline.
            g.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawer());
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return g.getXFormObject();
    }

    private static SVGGraphics2D svgGraphics(JFreeChart chart, int width, int height, String id) {
        checkSize(width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // A fixed prefix (not JFreeSVG's time-based default) keeps two exports of one chart identical.
        g.setDefsKeyPrefix(id + "-");
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g;
    }

    private static void checkSize(int width, int height) {
        if (width < 16 || height < 16 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("Chart size must be 16..10000 pixels each way, not " + width + "×" + height);
        }
    }
}
