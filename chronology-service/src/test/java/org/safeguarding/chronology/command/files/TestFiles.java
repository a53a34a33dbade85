package org.safeguarding.chronology.command.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Chronology files made in the tests: CSV text, and XLSX workbooks with text, number, date and formula cells. */
final class TestFiles {

    static final String HEADER = "Source ref,Occurred,Known,Kind,Summary,Significance,Professional,Concerns";

    private TestFiles() {
    }

    /** A cell holding a formula; the workbook keeps its value as Excel would (evaluated before writing). */
    record Formula(String formula) {
    }

    /** A formula cell shown as a date and time, e.g. a day after another cell. */
    record DateFormula(String formula) {
    }

    /** CSV lines joined by CRLF, as RFC 4180 has it, in UTF-8. */
    static byte[] csv(String... lines) {
        return csv(List.of(lines));
    }

    static byte[] csv(List<String> lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A workbook whose first sheet has these rows from row 1; a null row is left out (an empty row), a null cell
     * too. A LocalDateTime is an Excel date cell shown with its time, a LocalDate one shown as a day.
     */
    static byte[] xlsx(List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Health visiting");
            CellStyle dateTime = dateStyle(workbook, "dd/mm/yyyy hh:mm");
            CellStyle day = dateStyle(workbook, "dd/mm/yyyy");
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r) == null) {
                    continue;
                }
                Row row = sheet.createRow(r);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof String text) {
                        cell.setCellValue(text);
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDateTime at) {
                        cell.setCellValue(at);
                        cell.setCellStyle(dateTime);
                    } else if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(day);
                    } else if (value instanceof Formula formula) {
                        cell.setCellFormula(formula.formula());
                    } else if (value instanceof DateFormula formula) {
                        cell.setCellFormula(formula.formula());
                        cell.setCellStyle(dateTime);
                    } else {
                        throw new IllegalArgumentException("no cell for " + value);
                    }
                }
            }
            workbook.createSheet("Second sheet").createRow(0).createCell(0).setCellValue("not read");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle dateStyle(XSSFWorkbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
        return style;
    }

    static List<Object> cells(Object... values) {
        return Arrays.asList(values);
    }
}
