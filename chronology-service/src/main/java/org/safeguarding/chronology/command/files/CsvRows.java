package org.safeguarding.chronology.command.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * CSV as RFC 4180 has it, in UTF-8 (a byte order mark is skipped), strictly decoded: a byte that is not UTF-8 makes
 * the file no CSV. A row's number is its record's, which is the row a spreadsheet shows it in.
 */
final class CsvRows implements SheetRows {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvRows(InputStream in) {
        try {
            InputStreamReader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(),
                    StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
            parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get();
            records = parser.iterator();
        } catch (IOException | UncheckedIOException e) {
            throw refused(e);
        }
    }

    @Override
    public Row next() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                Row row = new Row(Math.toIntExact(record.getRecordNumber()),
                        record.stream().map(SheetCell::text).toList());
                if (!row.isEmpty()) {
                    return row;
                }
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw refused(e);
        }
    }

    private static FileRefused refused(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return FileRefused.notAChronologyFile("the file is not UTF-8 text, so neither CSV nor XLSX");
            }
        }
        return FileRefused.notAChronologyFile("the file is not valid CSV (RFC 4180): " + failure.getMessage());
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
