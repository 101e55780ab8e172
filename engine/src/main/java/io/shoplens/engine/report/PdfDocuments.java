package io.shoplens.engine.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/** What makes a PDF the same bytes for the same content: a document ID from the content, fixed dates. */
final class PdfDocuments {

    private PdfDocuments() {
    }

    /**
     * PDFBox would otherwise derive the trailer's /ID from the current time; here it is a hash of
     * {@code identity} (what the document shows, creation time excluded).
     */
    static void makeReproducible(PDDocument document, String identity) {
        byte[] id;
        try {
            id = MessageDigest.getInstance("MD5").digest(identity.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    static void setInfo(PDDocument document, String title, java.time.Instant created) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("ShopLens");
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(created.toEpochMilli());
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);
    }
}
