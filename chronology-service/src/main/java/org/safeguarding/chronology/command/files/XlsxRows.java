package org.safeguarding.chronology.command.files;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DateUtil;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;

/**
 * The first sheet of an XLSX workbook, streamed (FastExcel). A number cell in a date format is an Excel date; a
 * formula cell is read as its cached value; a whole number is its integer text ({@code 123456}, not
 * {@code 123456.0}).
 */
final class XlsxRows implements SheetRows {

    private final ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> stream;
    private final Iterator<org.dhatim.fastexcel.reader.Row> rows;

    XlsxRows(File file) {
        ReadableWorkbook opened = null;
        try {
            opened = new ReadableWorkbook(file, new ReadingOptions(true, false));
            stream = opened.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            closeQuietly(opened);
            throw refused(e);
        }
        workbook = opened;
        rows = stream.iterator();
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException | RuntimeException alsoBroken) {
                // the file is refused as not XLSX in any case
            }
        }
    }

    @Override
    public Row next() {
        try {
            while (rows.hasNext()) {
                org.dhatim.fastexcel.reader.Row read = rows.next();
                List<SheetCell> cells = new ArrayList<>(read.getCellCount());
                for (int i = 0; i < read.getCellCount(); i++) {
                    Cell cell = read.getCell(i);
                    cells.add(cell == null ? SheetCell.EMPTY : cell(cell));
                }
                Row row = new Row(read.getRowNum(), cells);
                if (!row.isEmpty()) {
                    return row;
                }
            }
            return null;
        } catch (RuntimeException e) {
            throw refused(e);
        }
    }

    private SheetCell cell(Cell cell) {
        return switch (cell.getType()) {
            case NUMBER, FORMULA -> {
                if (!(cell.getValue() instanceof BigDecimal number)) {
                    yield SheetCell.text(cell.getValue() == null ? "" : String.valueOf(cell.getValue()));
                }
                if (isDateFormat(cell)) {
                    LocalDateTime date = DateUtil.getLocalDateTime(number.doubleValue(), workbook.isDate1904(), true);
                    yield new SheetCell(number.toPlainString(), date);
                }
                yield SheetCell.text(number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
            }
            case BOOLEAN -> SheetCell.text(String.valueOf(cell.asBoolean()).toUpperCase(Locale.ROOT));
            case EMPTY -> SheetCell.EMPTY;
            default -> SheetCell.text(cell.getText());
        };
    }

    private static boolean isDateFormat(Cell cell) {
        Integer format = cell.getDataFormatId();
        return format != null && DateUtil.isADateFormat(format, cell.getDataFormatString());
    }

    private static FileRefused refused(Exception failure) {
        return FileRefused.notAChronologyFile("the file is not a readable XLSX workbook: " + failure.getMessage());
    }

    @Override
    public void close() {
        try (workbook) {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
