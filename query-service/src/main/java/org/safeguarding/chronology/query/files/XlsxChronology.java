package org.safeguarding.chronology.query.files;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * The first sheet holds the header row and one row per entry, each in its agency's tint; every text is an inline
 * string cell (never a formula, and one that looks like one is quote-prefixed so that editing it keeps it text);
 * Version is a number. A second sheet, "About", holds the view and the key. Streamed: POI keeps a window of rows in
 * memory and flushes the rest to a compressed temporary file, removed on close.
 */
final class XlsxChronology implements ChronologyDocument {

    private static final int WINDOW = 100;
    /** Columns' widths in characters, in the contract's order. */
    private static final int[] WIDTHS = {16, 17, 18, 22, 14, 26, 60, 13, 20, 50, 18, 8};

    private final OutputStream out;
    private final AgencyColours colours;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final Map<String, CellStyle[]> styles = new HashMap<>();
    private int rows;

    XlsxChronology(OutputStream out, ExportView view, AgencyColours colours) {
        this.out = out;
        this.colours = colours;
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet("Chronology");
        CellStyle header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        Row headers = sheet.createRow(rows++);
        ExportRow.Column[] columns = ExportRow.Column.values();
        for (int i = 0; i < columns.length; i++) {
            Cell cell = headers.createCell(i);
            cell.setCellValue(columns[i].header);
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.length - 1));
        about(view, header);
    }

    @Override
    public void row(ExportRow entry) {
        Row row = sheet.createRow(rows++);
        CellStyle[] tinted = styles.computeIfAbsent(entry.agencyId(), this::tinted);
        ExportRow.Column[] columns = ExportRow.Column.values();
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == ExportRow.Column.VERSION) {
                Cell cell = row.createCell(i);
                cell.setCellValue(entry.version());
                cell.setCellStyle(tinted[0]);
                continue;
            }
            String text = columns[i].of(entry);
            Cell cell = row.createCell(i);
            if (text != null) {
                cell.setCellValue(text);
            }
            cell.setCellStyle(tinted[looksLikeAFormula(text) ? 1 : 0]);
        }
    }

    @Override
    public void finish() throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }

    /** The view's lines, then each agency on its tint. */
    private void about(ExportView view, CellStyle bold) {
        SXSSFSheet about = workbook.createSheet("About");
        about.setColumnWidth(0, 18 * 256);
        about.setColumnWidth(1, 70 * 256);
        int line = 0;
        Cell title = about.createRow(line++).createCell(0);
        title.setCellValue(view.title());
        title.setCellStyle(bold);
        for (ExportView.Line text : view.lines()) {
            Row row = about.createRow(line++);
            row.createCell(0).setCellValue(text.label());
            row.createCell(1).setCellValue(text.text());
        }
        line++;
        Cell key = about.createRow(line++).createCell(0);
        key.setCellValue("Key: each row of the chronology is tinted in its agency's colour");
        key.setCellStyle(bold);
        for (ExportView.KeyAgency agency : view.key()) {
            Cell cell = about.createRow(line++).createCell(0);
            cell.setCellValue(agency.name());
            cell.setCellStyle(styles.computeIfAbsent(agency.id(), this::tinted)[0]);
        }
    }

    /** The agency's style, and the same quote-prefixed. */
    private CellStyle[] tinted(String agencyId) {
        CellStyle[] tinted = new CellStyle[2];
        for (int i = 0; i < 2; i++) {
            XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
            int rgb = colours.rgb(agencyId);
            style.setFillForegroundColor(new XSSFColor(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb},
                    null));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setBorderBottom(BorderStyle.HAIR);
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setQuotePrefixed(i == 1);
            tinted[i] = style;
        }
        return tinted;
    }

    private static boolean looksLikeAFormula(String text) {
        return text != null && !CsvChronology.inert(text).equals(text);
    }
}
