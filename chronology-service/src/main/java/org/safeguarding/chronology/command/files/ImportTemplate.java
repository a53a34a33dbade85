package org.safeguarding.chronology.command.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.Significance;

/**
 * The empty import template: sheet "Chronology" with the header row (bold, frozen), drop-down lists for Kind and
 * Significance from the hidden sheet "Lists" (a list written into a validation may not pass 255 characters), a
 * comment on each header saying what the column takes, and the same on the sheet "How to fill". Only the header row
 * is filled: any later non-empty row would be data.
 */
public final class ImportTemplate {

    public static final String SHEET = "Chronology";
    private static final String LISTS = "Lists";
    private static final String HELP = "How to fill";
    private static final String DATE_FORMS = "dd/mm/yyyy hh:mm (Europe/London), dd/mm/yyyy, ?/mm/yyyy (month only), "
            + "?/?/yyyy (year only), an ISO-8601 instant with an offset such as 2019-03-14T09:30:00Z, or an Excel "
            + "date.";
    private static final Map<Column, String> HELP_TEXT = Map.of(
            Column.SOURCE_REF, "Required. The agency's own record reference; each at most once per agency and child.",
            Column.OCCURRED, "Required. When it happened: " + DATE_FORMS,
            Column.KNOWN, "When the agency knew of it, exactly: dd/mm/yyyy hh:mm, an ISO-8601 instant or an Excel "
                    + "date and time. Empty: the same as Occurred.",
            Column.KIND, "Required. Choose from the list (or type its words, such as Home visit).",
            Column.SUMMARY, "Required. What happened, at most 10,000 characters.",
            Column.SIGNIFICANCE, "ROUTINE, SIGNIFICANT or CRITICAL. Empty: ROUTINE.",
            Column.PROFESSIONAL, "Who recorded or did it, by role (Health Visitor 1). May be empty.",
            Column.CONCERNS, "Concerns separated by ; from: " + String.join(", ",
                    Arrays.stream(Concern.values()).map(Enum::name).toList()) + ". May be empty.");
    private static final int[] WIDTHS = {16, 20, 20, 28, 80, 16, 24, 36};

    private ImportTemplate() {
    }

    public static byte[] xlsx() {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            Sheet help = workbook.createSheet(HELP);
            Sheet lists = workbook.createSheet(LISTS);
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            header(workbook, sheet);
            help(workbook, help);
            dropDown(workbook, sheet, lists, 0, "Kinds", Column.KIND, EntryKind.values());
            dropDown(workbook, sheet, lists, 1, "Significances", Column.SIGNIFICANCE, Significance.values());
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Workbook workbook, Sheet sheet) {
        CreationHelper creation = workbook.getCreationHelper();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        Row header = sheet.createRow(0);
        CellStyle bold = bold(workbook);
        for (Column column : Column.values()) {
            int index = column.ordinal();
            var cell = header.createCell(index);
            cell.setCellValue(column.header());
            cell.setCellStyle(bold);
            ClientAnchor anchor = creation.createClientAnchor();
            anchor.setCol1(index);
            anchor.setCol2(index + 3);
            anchor.setRow1(0);
            anchor.setRow2(5);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(creation.createRichTextString(HELP_TEXT.get(column)));
            cell.setCellComment(comment);
            sheet.setColumnWidth(index, WIDTHS[index] * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void help(Workbook workbook, Sheet help) {
        CellStyle bold = bold(workbook);
        Row title = help.createRow(0);
        title.createCell(0).setCellValue("Column");
        title.createCell(1).setCellValue("What it takes");
        title.getCell(0).setCellStyle(bold);
        title.getCell(1).setCellStyle(bold);
        for (Column column : Column.values()) {
            Row row = help.createRow(column.ordinal() + 1);
            row.createCell(0).setCellValue(column.header());
            row.createCell(1).setCellValue(HELP_TEXT.get(column));
        }
        Row note = help.createRow(Column.values().length + 2);
        note.createCell(0).setCellValue("Fill the sheet " + SHEET + " from row 2, one record a row, at most "
                + "10,000 rows. A file with any faulty row stores nothing; importing the same file again stores "
                + "nothing new.");
        help.setColumnWidth(0, 16 * 256);
        help.setColumnWidth(1, 120 * 256);
    }

    /** The values in a column of the hidden sheet, named, and a list validation on the column's data rows. */
    private static void dropDown(Workbook workbook, Sheet sheet, Sheet lists, int listColumn, String name,
                                 Column column, Enum<?>[] values) {
        for (int i = 0; i < values.length; i++) {
            Row row = lists.getRow(i) != null ? lists.getRow(i) : lists.createRow(i);
            row.createCell(listColumn).setCellValue(values[i].name());
        }
        String letter = CellReference.convertNumToColString(listColumn);
        Name range = workbook.createName();
        range.setNameName(name);
        range.setRefersToFormula("'%s'!$%s$1:$%s$%d".formatted(LISTS, letter, letter, values.length));
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(name),
                new CellRangeAddressList(1, SpreadsheetVersion.EXCEL2007.getLastRowIndex(), column.ordinal(),
                        column.ordinal()));
        // a warning, not a stop: the import takes a kind's words too (Home visit)
        validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        validation.setShowErrorBox(true);
        validation.createErrorBox(column.header(), "Choose a " + column.header() + " from the list.");
        validation.setSuppressDropDownArrow(true);
        sheet.addValidationData(validation);
    }

    private static CellStyle bold(Workbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }
}
