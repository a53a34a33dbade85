package org.safeguarding.chronology.query.files;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
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
 * Version is a number. A second sheet, "About", holds the view and the key; a third, "Linked entries", the panel's
 * links with their entries. Streamed: POI keeps a window of rows in
 * memory and flushes the rest to a compressed temporary file, removed on close.
 */
final class XlsxChronology implements ChronologyDocument {

    private static final int WINDOW = 100;
    /** Columns' widths in characters, in the contract's order. */
    private static final int[] WIDTHS = {16, 17, 18, 22, 14, 26, 60, 13, 20, 50, 18, 8};
    private static final List<String> LINKED_HEADERS = List.of("Link", "Link kind", "Link note", "Link recorded",
            "Entry id", "Occurred", "Agency", "Kind", "Summary");
    private static final int[] LINKED_WIDTHS = {6, 18, 40, 17, 16, 17, 22, 26, 60};

    private final OutputStream out;
    private final AgencyColours colours;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final Map<String, CellStyle[]> styles = new HashMap<>();
    private final CellStyle header;
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
        List<ExportRow.Column> columns = ExportRow.Column.SPREADSHEET;
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = headers.createCell(i);
            cell.setCellValue(columns.get(i).header);
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
        this.header = header;
        about(view, header);
    }

    @Override
    public void row(ExportRow entry) {
        Row row = sheet.createRow(rows++);
        CellStyle[] tinted = styles.computeIfAbsent(entry.agencyId(), this::tinted);
        List<ExportRow.Column> columns = ExportRow.Column.SPREADSHEET;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) == ExportRow.Column.VERSION) {
                Cell cell = row.createCell(i);
                cell.setCellValue(entry.version());
                cell.setCellStyle(tinted[0]);
                continue;
            }
            text(row, i, columns.get(i).of(entry), tinted);
        }
    }

    /**
     * A third sheet, "Linked entries", when the view shows entries of the panel's links: a row per linked entry, the
     * entries of one link together, in the link's own order; then, when the view leaves some out, how many.
     */
    @Override
    public void linked(List<LinkedGroups.Group> groups) {
        if (groups.isEmpty()) {
            return;
        }
        SXSSFSheet linked = workbook.createSheet("Linked entries");
        int line = 0;
        Row headers = linked.createRow(line++);
        for (int i = 0; i < LINKED_HEADERS.size(); i++) {
            Cell cell = headers.createCell(i);
            cell.setCellValue(LINKED_HEADERS.get(i));
            cell.setCellStyle(header);
            linked.setColumnWidth(i, LINKED_WIDTHS[i] * 256);
        }
        linked.createFreezePane(0, 1);
        for (LinkedGroups.Group group : groups) {
            for (ExportRow entry : group.rows()) {
                CellStyle[] tinted = styles.computeIfAbsent(entry.agencyId(), this::tinted);
                Row row = linked.createRow(line++);
                List<String> texts = List.of(String.valueOf(group.number()), LinkedGroups.words(group.link().kind()),
                        group.link().note(), ExportView.time(group.link().recordedAt()), entry.entryId(),
                        entry.occurred(), entry.agency(), entry.kind(), entry.summary());
                for (int i = 0; i < texts.size(); i++) {
                    text(row, i, texts.get(i), tinted);
                }
            }
            if (group.notInView() > 0) {
                Row row = linked.createRow(line++);
                row.createCell(0).setCellValue(String.valueOf(group.number()));
                row.createCell(LINKED_HEADERS.indexOf("Summary")).setCellValue(LinkedGroups.notInView(group));
            }
        }
    }

    /** A string cell, quote-prefixed when it looks like a formula; null leaves it blank. */
    private static void text(Row row, int column, String text, CellStyle[] tinted) {
        Cell cell = row.createCell(column);
        if (text != null) {
            cell.setCellValue(text);
        }
        cell.setCellStyle(tinted[looksLikeAFormula(text) ? 1 : 0]);
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
