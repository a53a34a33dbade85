package org.safeguarding.chronology.query.files;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A Word document for a panel: landscape A4, the title block with the view and the key, then the table of the
 * panel's columns, its header row repeated on every page and each row in its agency's tint, then the panel's links
 * with their entries together; "Page n of m" in the footer. POI holds the document's XML until it is written at the
 * end: that is the one copy of the rows in memory
 * (the entries themselves are read a page at a time).
 */
final class DocxChronology implements ChronologyDocument {

    /** A4 landscape and its margins, in twentieths of a point. */
    private static final int PAGE_WIDTH = 16_838;
    private static final int PAGE_HEIGHT = 11_906;
    private static final int MARGIN = 720;
    private static final int TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
    private static final String HEADER_GREY = "D9D9D9";

    private final OutputStream out;
    private final AgencyColours colours;
    private final XWPFDocument document = new XWPFDocument();
    private final XWPFTable table;
    private final List<ExportRow.Column> columns;
    private int rows;

    DocxChronology(OutputStream out, ExportView view, AgencyColours colours) {
        this.out = out;
        this.colours = colours;
        defaults();
        landscape();
        footer(view);
        title(view);
        key(view);
        columns = ExportRow.Column.panel(view);
        table = document.createTable(1, columns.size());
        fixedWidths(table, columns.stream().mapToInt(column -> column.panelShare).toArray());
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int i = 0; i < columns.size(); i++) {
            XWPFTableCell cell = header.getCell(i);
            cell.setColor(HEADER_GREY);
            write(cell.getParagraphs().get(0), columns.get(i).header, true);
        }
    }

    @Override
    public void row(ExportRow entry) {
        XWPFTableRow row = table.createRow();
        String tint = colours.hex(entry.agencyId());
        for (int i = 0; i < columns.size(); i++) {
            XWPFTableCell cell = row.getCell(i);
            cell.setColor(tint);
            write(cell.getParagraphs().get(0), columns.get(i).of(entry), false);
        }
        rows++;
    }

    /**
     * After the table, each link under its number, kind and note, then its entries one below the other, each in its
     * agency's tint: the accounts of one occurrence read together. Paragraphs, not a table, so the entries' table
     * stays the document's only one.
     */
    @Override
    public void linked(List<LinkedGroups.Group> groups) {
        if (groups.isEmpty()) {
            return;
        }
        XWPFParagraph heading = document.createParagraph();
        heading.setSpacingBefore(320);
        heading.setPageBreak(true);
        XWPFRun words = heading.createRun();
        words.setBold(true);
        words.setFontSize(12);
        words.setText("Linked entries");
        write(document.createParagraph(), "The panel's links: the same occurrence recorded by more than one agency,"
                + " and accounts of one event that conflict. Each link's entries are shown together.", false);
        for (LinkedGroups.Group group : groups) {
            XWPFParagraph title = document.createParagraph();
            title.setSpacingBefore(200);
            keepWithNext(title);
            write(title, group.heading(), true);
            title.createRun().setText(": " + group.link().note());
            XWPFParagraph recorded = document.createParagraph();
            keepWithNext(recorded);
            write(recorded, "Link " + group.link().id() + ", recorded " + ExportView.time(group.link().recordedAt()),
                    false);
            for (ExportRow entry : group.rows()) {
                XWPFParagraph account = document.createParagraph();
                account.setIndentationLeft(360);
                account.setSpacingBefore(60);
                shade(account, colours.hex(entry.agencyId()));
                write(account, entry.occurred() + "  " + entry.agency() + "  " + entry.kind(), true);
                account.createRun().addBreak();
                write(account, entry.summary(), false);
                if (entry.knownTo() != null && !entry.knownTo().isEmpty()) {
                    account.createRun().addBreak();
                    write(account, "Known to: " + entry.knownTo(), false);
                }
            }
            if (group.notInView() > 0) {
                XWPFParagraph missing = document.createParagraph();
                missing.setIndentationLeft(360);
                write(missing, LinkedGroups.notInView(group) + ".", false);
            }
        }
    }

    @Override
    public void finish() throws IOException {
        if (rows == 0) {
            write(document.createParagraph(), "This view has no entries.", false);
        }
        document.write(out);
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    /** 9 pt Arial, no space after paragraphs. */
    private void defaults() {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTRPr run = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        CTFonts fonts = run.addNewRFonts();
        fonts.setAscii("Arial");
        fonts.setHAnsi("Arial");
        fonts.setCs("Arial");
        fonts.setEastAsia("Arial");
        run.addNewSz().setVal(BigInteger.valueOf(18));
        run.addNewSzCs().setVal(BigInteger.valueOf(18));
        CTSpacing spacing = styles.getDocDefaults().addNewPPrDefault().addNewPPr().addNewSpacing();
        spacing.setAfter(BigInteger.ZERO);
        document.createStyles().setStyles(styles);
    }

    private void landscape() {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN));
        margins.setBottom(BigInteger.valueOf(MARGIN));
        margins.setLeft(BigInteger.valueOf(MARGIN));
        margins.setRight(BigInteger.valueOf(MARGIN));
        margins.setHeader(BigInteger.valueOf(MARGIN / 2));
        margins.setFooter(BigInteger.valueOf(MARGIN / 2));
    }

    /** The view's words, then "Page n of m" as Word's own fields. */
    private void footer(ExportView view) {
        XWPFFooter footer = document.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph paragraph = footer.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.RIGHT);
        paragraph.createRun().setText(view.footer() + "    Page ");
        field(paragraph, "PAGE");
        paragraph.createRun().setText(" of ");
        field(paragraph, "NUMPAGES");
    }

    private static void field(XWPFParagraph paragraph, String instruction) {
        CTSimpleField field = paragraph.getCTP().addNewFldSimple();
        field.setInstr(" " + instruction + " ");
        field.addNewR().addNewT().setStringValue("1");
    }

    private void title(ExportView view) {
        XWPFRun title = document.createParagraph().createRun();
        title.setBold(true);
        title.setFontSize(16);
        title.setText(view.title());
        for (ExportView.Line line : view.lines()) {
            XWPFParagraph paragraph = document.createParagraph();
            XWPFRun label = paragraph.createRun();
            label.setBold(true);
            label.setText(line.label() + ": ");
            paragraph.createRun().setText(line.text());
        }
    }

    /** Each agency's name on its tint, in one paragraph (the entries' table is the document's only table). */
    private void key(ExportView view) {
        XWPFParagraph heading = document.createParagraph();
        heading.setSpacingBefore(160);
        XWPFRun run = heading.createRun();
        run.setBold(true);
        run.setText("Key: each row is tinted in its agency's colour and names its agency");
        XWPFParagraph key = document.createParagraph();
        key.setSpacingBefore(60);
        key.setSpacingAfter(120);
        for (int i = 0; i < view.key().size(); i++) {
            if (i > 0) {
                key.createRun().setText("   ");
            }
            XWPFRun agency = key.createRun();
            agency.setText(" " + view.key().get(i).name() + " ");
            CTRPr properties = agency.getCTR().isSetRPr() ? agency.getCTR().getRPr() : agency.getCTR().addNewRPr();
            tint(properties.addNewShd(), colours.hex(view.key().get(i).id()));
        }
    }

    /** POI's setKeepNext needs the paragraph's properties to be there already. */
    private static void keepWithNext(XWPFParagraph paragraph) {
        properties(paragraph);
        paragraph.setKeepNext(true);
    }

    /** The paragraph on the tint. */
    private static void shade(XWPFParagraph paragraph, String tint) {
        tint(properties(paragraph).addNewShd(), tint);
    }

    private static CTPPr properties(XWPFParagraph paragraph) {
        return paragraph.getCTP().isSetPPr() ? paragraph.getCTP().getPPr() : paragraph.getCTP().addNewPPr();
    }

    /** Shading of a paragraph or a run: the tint as a plain fill. */
    private static void tint(CTShd shading, String tint) {
        shading.setVal(STShd.CLEAR);
        shading.setColor("auto");
        shading.setFill(tint);
    }

    /** The table across the text width, its columns in these shares of it. */
    private static void fixedWidths(XWPFTable table, int[] shares) {
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(String.valueOf(TEXT_WIDTH));
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        int total = Arrays.stream(shares).sum();
        XWPFTableRow first = table.getRow(0);
        for (int i = 0; i < shares.length; i++) {
            BigInteger width = BigInteger.valueOf((long) TEXT_WIDTH * shares[i] / total);
            grid.addNewGridCol().setW(width);
            CTTc cell = first.getCell(i).getCTTc();
            CTTblWidth cellWidth = (cell.isSetTcPr() ? cell.getTcPr() : cell.addNewTcPr()).addNewTcW();
            cellWidth.setType(STTblWidth.DXA);
            cellWidth.setW(width);
        }
    }

    /** Text into the paragraph, its line breaks and tabs as Word's (each in a run of its own, to keep their order). */
    private static void write(XWPFParagraph paragraph, String text, boolean bold) {
        if (text == null) {
            return;
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int line = 0; line < lines.length; line++) {
            if (line > 0) {
                paragraph.createRun().addBreak();
            }
            String[] parts = lines[line].split("\t", -1);
            for (int part = 0; part < parts.length; part++) {
                if (part > 0) {
                    paragraph.createRun().addTab();
                }
                if (!parts[part].isEmpty()) {
                    XWPFRun run = paragraph.createRun();
                    if (bold) {
                        run.setBold(true);
                    }
                    run.setText(parts[part]);
                }
            }
        }
    }
}
