package org.safeguarding.chronology.query.files;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A PDF for a panel: landscape A4, the title block with the view and the key, then the table of the panel's
 * columns, its header row repeated on every page and each row in its agency's tint, then the panel's links with their
 * entries together; "Page n of m" in the footer.
 * Streamed: the table is incomplete while rows come, and every {@link #FLUSH_ROWS} rows the laid-out part goes to
 * the page and out of memory. Text is in Liberation Sans (embedded, as OpenPDF ships it), so any name prints.
 */
final class PdfChronology implements ChronologyDocument {

    private static final int FLUSH_ROWS = 100;
    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
    private static final float MARGIN = 36;
    private static final Color HEADER_GREY = new Color(0xD9D9D9);
    private static final Color RULE_GREY = new Color(0x808080);
    private static final int KEY_COLUMNS = 6;
    /** A kind's name (CHILD_PROTECTION_PLAN_STARTED) may break after an underscore, as a text may at a space. */
    private static final SplitCharacter AT_UNDERSCORES = new DefaultSplitCharacter() {
        @Override
        public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
            return getCurrentCharacter(current, cc, ck) == '_' || super.isSplitCharacter(start, current, end, cc, ck);
        }
    };

    /** A4 landscape as its own media box (not a portrait page turned by /Rotate). */
    private static final Rectangle A4_LANDSCAPE = new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth());

    private final Document document = new Document(A4_LANDSCAPE, MARGIN, MARGIN, MARGIN, MARGIN + 12);
    private final AgencyColours colours;
    private final Font text;
    private final Font bold;
    private final PdfWriter writer;
    private final PdfPTable table;
    private final List<ExportRow.Column> columns;
    private final BaseFont font;
    private int rows;

    PdfChronology(OutputStream out, ExportView view, AgencyColours colours) throws IOException {
        this.colours = colours;
        font = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        text = new Font(font, 8);
        bold = new Font(font, 8, Font.BOLD);
        writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        writer.setPageEvent(new PageNumbers(font, view.footer()));
        document.addTitle(view.title());
        document.addCreator("case-chronology export");
        document.open();
        title(view);
        key(view);
        columns = ExportRow.Column.panel(view);
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).panelShare;
        }
        table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setComplete(false);
        for (ExportRow.Column column : columns) {
            table.addCell(cell(column.header, bold, HEADER_GREY));
        }
    }

    @Override
    public void row(ExportRow entry) {
        Color tint = new Color(colours.rgb(entry.agencyId()));
        for (ExportRow.Column column : columns) {
            table.addCell(column == ExportRow.Column.KIND ? kindCell(entry.kind(), tint)
                    : cell(column.of(entry), text, tint));
        }
        if (++rows % FLUSH_ROWS == 0) {
            flush();
        }
    }

    /**
     * Lays out the rows so far and lets them go. OpenPDF then continues the table without its header, right on the
     * same page; but when the last row filled the page, the continuation begins a fresh page, which needs the header.
     */
    private void flush() {
        document.add(table);
        if (writer.getVerticalPosition(false) >= document.top()) {
            table.setSkipFirstHeader(false);
        }
    }

    /**
     * The rest of the table, then each link under its number, kind and note, with a small table of its entries, each
     * row in its agency's tint: the accounts of one occurrence read together.
     */
    @Override
    public void linked(List<LinkedGroups.Group> groups) {
        endTable();
        if (groups.isEmpty()) {
            return;
        }
        document.newPage();
        document.add(new Paragraph("Linked entries", new Font(font, 12, Font.BOLD)));
        document.add(new Paragraph("The panel's links: the same occurrence recorded by more than one agency, and"
                + " accounts of one event that conflict. Each link's entries are shown together.", new Font(font, 9)));
        for (LinkedGroups.Group group : groups) {
            Paragraph title = new Paragraph();
            title.setSpacingBefore(8);
            title.add(new Chunk(group.heading(), new Font(font, 9, Font.BOLD)));
            title.add(new Chunk(": " + printable(group.link().note()), new Font(font, 9)));
            title.add(new Chunk("   (link " + printable(group.link().id()) + ", recorded "
                    + ExportView.time(group.link().recordedAt()) + ")", text));
            title.setKeepTogether(true);
            document.add(title);
            PdfPTable accounts = new PdfPTable(new float[] {10, 12, 13, 40, 25});
            accounts.setWidthPercentage(100);
            accounts.setSpacingBefore(3);
            for (String header : List.of("Occurred", "Agency", "Kind", "Summary", "Known to")) {
                accounts.addCell(cell(header, bold, HEADER_GREY));
            }
            accounts.setHeaderRows(1);
            for (ExportRow entry : group.rows()) {
                Color tint = new Color(colours.rgb(entry.agencyId()));
                accounts.addCell(cell(entry.occurred(), text, tint));
                accounts.addCell(cell(entry.agency(), text, tint));
                accounts.addCell(kindCell(entry.kind(), tint));
                accounts.addCell(cell(entry.summary(), text, tint));
                accounts.addCell(cell(entry.knownTo(), text, tint));
            }
            document.add(accounts);
            if (group.notInView() > 0) {
                document.add(new Paragraph(LinkedGroups.notInView(group) + ".", text));
            }
        }
    }

    @Override
    public void finish() {
        endTable();
        document.close();
    }

    private void endTable() {
        if (table.isComplete()) {
            return;
        }
        table.setComplete(true);
        document.add(table);
        if (rows == 0) {
            document.add(new Paragraph("This view has no entries.", text));
        }
    }

    @Override
    public void close() {
        if (document.isOpen()) {
            document.close();
        }
    }

    private void title(ExportView view) {
        document.add(new Paragraph(view.title(), new Font(font, 16, Font.BOLD)));
        for (ExportView.Line line : view.lines()) {
            Paragraph paragraph = new Paragraph();
            paragraph.add(new Chunk(line.label() + ": ", new Font(font, 9, Font.BOLD)));
            paragraph.add(new Chunk(line.text(), new Font(font, 9)));
            document.add(paragraph);
        }
    }

    /** Each agency's name on its tint, up to six a row. */
    private void key(ExportView view) {
        Paragraph heading = new Paragraph("Key: each row is tinted in its agency's colour and names its agency", bold);
        heading.setSpacingBefore(6);
        heading.setSpacingAfter(3);
        document.add(heading);
        if (!view.key().isEmpty()) {
            PdfPTable key = new PdfPTable(KEY_COLUMNS);
            key.setWidthPercentage(100);
            key.setHorizontalAlignment(Element.ALIGN_LEFT);
            for (ExportView.KeyAgency agency : view.key()) {
                key.addCell(cell(agency.name(), text, new Color(colours.rgb(agency.id()))));
            }
            for (int left = (KEY_COLUMNS - view.key().size() % KEY_COLUMNS) % KEY_COLUMNS; left > 0; left--) {
                PdfPCell empty = new PdfPCell();
                empty.setBorder(PdfPCell.NO_BORDER);
                key.addCell(empty);
            }
            document.add(key);
        }
        Paragraph gap = new Paragraph(" ", text);
        gap.setSpacingAfter(4);
        document.add(gap);
    }

    /** A kind's name, broken only at its underscores. */
    private PdfPCell kindCell(String kind, Color background) {
        PdfPCell cell = cell(kind, text, background);
        Chunk words = new Chunk(kind, text);
        words.setSplitCharacter(AT_UNDERSCORES);
        cell.setPhrase(new Phrase(words));
        return cell;
    }

    private static PdfPCell cell(String value, Font font, Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(printable(value), font));
        cell.setBackgroundColor(background);
        cell.setBorderColor(RULE_GREY);
        cell.setBorderWidth(0.5f);
        cell.setPadding(3);
        return cell;
    }

    /** Line breaks as new lines; a tab, which has no glyph, as spaces. */
    private static String printable(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ");
    }

    /** The footer: the view's words and "Page n of m", m written into a template once the document closes. */
    private static final class PageNumbers extends PdfPageEventHelper {

        private static final float SIZE = 8;

        private final BaseFont font;
        private final String words;
        private PdfTemplate total;

        PageNumbers(BaseFont font, String words) {
            this.font = font;
            this.words = words;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, SIZE + 4);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float y = document.bottom() - 20;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(words, new Font(font, SIZE)),
                    document.left(), y, 0);
            String page = "Page " + writer.getPageNumber() + " of ";
            float x = document.right() - 40 - font.getWidthPoint(page, SIZE);
            canvas.beginText();
            canvas.setFontAndSize(font, SIZE);
            canvas.setTextMatrix(x, y);
            canvas.showText(page);
            canvas.endText();
            canvas.addTemplate(total, x + font.getWidthPoint(page, SIZE), y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(font, SIZE);
            total.setTextMatrix(0, 0);
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
