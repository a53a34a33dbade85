package org.safeguarding.chronology.command.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes docs/samples/health-visiting-chronology.xlsx and .csv: a health visiting service's chronology of Child B,
 * pseudonymised, in the forms agencies keep (Excel dates, month-only dates, ISO instants, kinds in words). Run from
 * chronology-service with its test classpath; the files are committed, and SampleChronologyTest imports them.
 */
public final class HealthVisitingSample {

    static final Path FOLDER = Path.of("..", "docs", "samples");
    static final String NAME = "health-visiting-chronology";
    static final List<String> HEADERS = List.of("Source ref", "Occurred", "Known", "Kind", "Summary", "Significance",
            "Professional", "Concerns");

    /** One record: Occurred and Known as a LocalDateTime or LocalDate (an Excel date) or as text. */
    record Record(String sourceRef, Object occurred, Object known, String kind, String summary, String significance,
                  String professional, String concerns) {
    }

    static final List<Record> RECORDS = List.of(
            new Record("HV-2018-001", LocalDateTime.of(2018, 1, 26, 10, 0), null, "Home visit",
                    "New birth visit; Mother and Child B seen at home, feeding well", "ROUTINE", "Health Visitor 1",
                    ""),
            new Record("HV-2018-002", LocalDate.of(2018, 3, 9), null, "APPOINTMENT_ATTENDED",
                    "6-8 week review at clinic; Child B's weight on the 50th centile", "", "Health Visitor 1", ""),
            new Record("HV-2018-003", "?/06/2018", LocalDateTime.of(2018, 7, 12, 14, 20), "Contact",
                    "Mother said her mood had been low since June; advised to see her GP", "SIGNIFICANT",
                    "Health Visitor 1", "PARENTAL_MENTAL_HEALTH"),
            new Record("HV-2018-004", LocalDateTime.of(2018, 9, 14, 11, 30), null, "Appointment missed",
                    "Mother and Child B did not attend the 9-12 month review", "ROUTINE",
                    "Community Nursery Nurse 1", "NON_ENGAGEMENT"),
            new Record("HV-2018-005", LocalDateTime.of(2018, 10, 2, 9, 45), null, "HOME_VISIT",
                    "Unannounced visit after the missed review; no answer at the door, card left", "SIGNIFICANT",
                    "Health Visitor 1", "NON_ENGAGEMENT"),
            new Record("HV-2018-006", LocalDate.of(2018, 11, 16), null, "Home visit",
                    "Child B seen; Mother said her partner, Male Adult 1, has moved in", "ROUTINE",
                    "Health Visitor 1", ""),
            new Record("HV-2019-001", LocalDateTime.of(2019, 1, 10, 15, 10), LocalDateTime.of(2019, 1, 10, 16, 0),
                    "Concern raised", "Bruise on Child B's cheek seen at clinic; Mother said Child B fell against "
                    + "the cot", "CRITICAL", "Health Visitor 2", "PHYSICAL_ABUSE"),
            new Record("HV-2019-002", LocalDateTime.of(2019, 1, 11, 9, 0), null, "REFERRAL",
                    "Referral to children's social care about the bruise, by telephone and in writing", "CRITICAL",
                    "Health Visitor 2", "PHYSICAL_ABUSE"),
            new Record("HV-2019-003", "?/03/2019", null, "Contact",
                    "Mother told the clinic of arguments at home during March; no date recorded", "SIGNIFICANT",
                    "Health Visitor 1", "DOMESTIC_ABUSE; PARENTAL_MENTAL_HEALTH"),
            new Record("HV-2019-004", "2019-04-15T10:30:00+01:00", null, "APPOINTMENT_ATTENDED",
                    "15-month review at clinic; development as expected", "ROUTINE", "Health Visitor 1", ""),
            new Record("HV-2019-005", LocalDateTime.of(2019, 6, 3, 13, 0), null, "Multi-agency meeting",
                    "Core group meeting; home conditions discussed, Health Visitor 1 to visit monthly", "SIGNIFICANT",
                    "Health Visitor 1", "NEGLECT"),
            new Record("HV-2019-006", LocalDate.of(2019, 8, 28), null, "Involvement ended",
                    "Family moved out of the area; records sent to the new health visiting service", "ROUTINE",
                    "Health Visitor 1", ""));

    private HealthVisitingSample() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0]) : FOLDER;
        Files.createDirectories(folder);
        writeCsv(folder.resolve(NAME + ".csv"));
        writeXlsx(folder.resolve(NAME + ".xlsx"));
    }

    private static void writeCsv(Path file) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                CSVFormat.RFC4180)) {
            csv.printRecord(HEADERS);
            for (Record record : RECORDS) {
                csv.printRecord(record.sourceRef(), text(record.occurred()), text(record.known()), record.kind(),
                        record.summary(), record.significance(), record.professional(), record.concerns());
            }
        }
    }

    /** A date as a person types it in the CSV: dd/mm/yyyy hh:mm, or dd/mm/yyyy for a day. */
    private static String text(Object value) {
        if (value instanceof LocalDateTime at) {
            return "%02d/%02d/%04d %02d:%02d".formatted(at.getDayOfMonth(), at.getMonthValue(), at.getYear(),
                    at.getHour(), at.getMinute());
        }
        if (value instanceof LocalDate day) {
            return "%02d/%02d/%04d".formatted(day.getDayOfMonth(), day.getMonthValue(), day.getYear());
        }
        return value == null ? "" : value.toString();
    }

    private static void writeXlsx(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Health visiting");
            CellStyle dateTime = format(workbook, "dd/mm/yyyy hh:mm");
            CellStyle day = format(workbook, "dd/mm/yyyy");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            Row headerRow = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                headerRow.createCell(c).setCellValue(HEADERS.get(c));
                headerRow.getCell(c).setCellStyle(header);
            }
            for (int r = 0; r < RECORDS.size(); r++) {
                Record record = RECORDS.get(r);
                Row row = sheet.createRow(r + 1);
                List<Object> values = new ArrayList<>(List.of(record.sourceRef(), value(record.occurred()),
                        value(record.known()), record.kind(), record.summary(), record.significance(),
                        record.professional(), record.concerns()));
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    Object value = values.get(c);
                    if (value instanceof LocalDateTime at) {
                        cell.setCellValue(at);
                        cell.setCellStyle(dateTime);
                    } else if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(day);
                    } else if (!value.toString().isEmpty()) {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            int[] widths = {14, 18, 18, 22, 80, 14, 26, 40};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.getProperties().getCoreProperties().setCreator("Health visiting service (sample)");
            workbook.write(out);
        }
    }

    private static Object value(Object value) {
        return value == null ? "" : value;
    }

    private static CellStyle format(XSSFWorkbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
        return style;
    }
}
