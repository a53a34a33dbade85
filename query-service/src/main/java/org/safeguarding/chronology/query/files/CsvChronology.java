package org.safeguarding.chronology.query.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * UTF-8 CSV as RFC 4180 quotes it, straight to the response: each row is written as it comes. A value that a
 * spreadsheet would read as a formula ({@code = + - @}, a tab or a carriage return first) is prefixed with
 * {@code '}.
 */
final class CsvChronology implements ChronologyDocument {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;

    CsvChronology(OutputStream out) throws IOException {
        this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                CSVFormat.RFC4180.builder()
                        .setHeader(ExportRow.Column.SPREADSHEET.stream().map(column -> column.header)
                                .toArray(String[]::new))
                        .get());
    }

    @Override
    public void row(ExportRow row) throws IOException {
        for (ExportRow.Column column : ExportRow.Column.SPREADSHEET) {
            printer.print(inert(column.of(row)));
        }
        printer.println();
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }

    /** The value as text no spreadsheet evaluates. */
    static String inert(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
