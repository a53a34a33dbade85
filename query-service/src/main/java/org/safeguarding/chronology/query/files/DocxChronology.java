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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A Word document for a panel: landscape A4, the title block with the view and the key, then the table of the
 * panel's columns, its header row repeated on every page and each row in its agency's tint; "Page n of m" in the
 * footer. POI holds the document's XML until it is written at the end: that is the one copy of the rows in memory
 * (the entries themselves are read a page at a time).
 */
final class DocxChronology implements ChronologyDocument {

    /** A4 landscape and its margins, in twentieths of a point. */
    private static final int PAGE_WIDTH = 16_838;
    private static final int PAGE_HEIGHT = 11_906;
    private static final int MARGIN = 720;
    private static final int TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
    private static final String HEADER_GREY = "D9D9D9";
    private static final int KEY_COLUMNS = 6;

    private final OutputStream out;
    private final AgencyColours colours;
    private final XWPFDocument document = new XWPFDocument();
    private final XWPFTable table;
    private int rows;

    DocxChronology(OutputStream out, ExportView view, AgencyColours colours) {
        this.out = out;
        this.colours = colours;
        defaults();
        landscape();
        footer(view);
        title(view);
        key(view);
        List<ExportRow.Column> columns = ExportRow.Column.PANEL;
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
        List<ExportRow.Column> columns = ExportRow.Column.PANEL;
        for (int i = 0; i < columns.size(); i++) {
            XWPFTableCell cell = row.getCell(i);
            cell.setColor(tint);
            write(cell.getParagraphs().get(0), columns.get(i).of(entry), false);
        }
        rows++;
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

    /** Each agency's name on its tint, up to six a row. */
    private void key(ExportView view) {
        XWPFParagraph heading = document.createParagraph();
        heading.setSpacingBefore(160);
        XWPFRun run = heading.createRun();
        run.setBold(true);
        run.setText("Key: each row is tinted in its agency's colour and names its agency");
        if (view.key().isEmpty()) {
            return;
        }
        int keyRows = (view.key().size() + KEY_COLUMNS - 1) / KEY_COLUMNS;
        XWPFTable key = document.createTable(keyRows, KEY_COLUMNS);
        int[] shares = new int[KEY_COLUMNS];
        Arrays.fill(shares, 1);
        fixedWidths(key, shares);
        for (int i = 0; i < view.key().size(); i++) {
            XWPFTableCell cell = key.getRow(i / KEY_COLUMNS).getCell(i % KEY_COLUMNS);
            cell.setColor(colours.hex(view.key().get(i).id()));
            write(cell.getParagraphs().get(0), view.key().get(i).name(), false);
        }
        document.createParagraph().setSpacingAfter(120);
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
