package org.safeguarding.chronology.query.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Exports read back with the libraries a reader would use (Commons CSV, POI, PDFBox), and the rows the GraphQL
 * {@code chronology} answers for the same view, column by column as the contract writes them.
 */
final class ExportedFiles {

    static final List<String> HEADERS = List.of("Entry id", "Occurred", "Child's age", "Agency", "Source ref", "Kind",
            "Summary", "Significance", "Professional", "Known to", "Since previous", "Version");
    /** The documents' columns, and where each is in HEADERS. */
    static final List<String> PANEL = List.of("Occurred", "Child's age", "Since previous", "Agency", "Kind",
            "Summary", "Known to");
    private static final DateTimeFormatter LONDON_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(ZoneId.of("Europe/London"));

    private ExportedFiles() {
    }

    /** The view's rows through GraphQL: the twelve columns as text, "" where GraphQL answers null. */
    @SuppressWarnings("unchecked")
    static List<List<String>> graphQlRows(HttpGraphQlTester graphQl, String childId, Map<String, String> view) {
        List<List<String>> rows = new ArrayList<>();
        String after = null;
        do {
            HttpGraphQlTester.Request<?> request = graphQl.documentName("exportedChronology")
                    .variable("childId", childId).variable("after", after);
            for (Map.Entry<String, String> parameter : view.entrySet()) {
                request = request.variable(parameter.getKey(), parameter.getValue());
            }
            Map<String, Object> page = request.execute().path("chronology").entity(Map.class).get();
            for (Map<String, Object> edge : (List<Map<String, Object>>) page.get("edges")) {
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                String knownTo = ((List<Map<String, Object>>) node.get("knownTo")).stream()
                        .map(known -> ((Map<String, Object>) known.get("agency")).get("name") + " ("
                                + LONDON_DAY.format(Instant.parse((String) known.get("since"))) + ", "
                                + known.get("how") + (known.get("channel") == null ? "" : " " + known.get("channel"))
                                + ")")
                        .collect(Collectors.joining("; "));
                rows.add(List.of((String) node.get("id"), (String) node.get("occurredAtText"),
                        text(node.get("childAge")), (String) ((Map<String, Object>) node.get("agency")).get("name"),
                        (String) node.get("sourceRef"), (String) node.get("kind"), (String) node.get("summary"),
                        (String) node.get("significance"), text(node.get("professional")), knownTo,
                        text(node.get("sincePrevious")), String.valueOf(node.get("version"))));
            }
            Map<String, Object> pageInfo = (Map<String, Object>) page.get("pageInfo");
            after = Boolean.TRUE.equals(pageInfo.get("hasNextPage")) ? (String) pageInfo.get("endCursor") : null;
        } while (after != null);
        return rows;
    }

    private static String text(Object value) {
        return value == null ? "" : (String) value;
    }

    /** The row's cells in the documents' columns. */
    static List<String> panel(List<String> row) {
        return PANEL.stream().map(column -> row.get(HEADERS.indexOf(column))).toList();
    }

    /** What a CSV export holds once a spreadsheet's formula starts are neutralised. */
    static List<String> inert(List<String> row) {
        return row.stream().map(value -> !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
                ? "'" + value : value).toList();
    }

    static List<List<String>> csv(byte[] body) {
        try {
            return CSVFormat.RFC4180.parse(new StringReader(new String(body, StandardCharsets.UTF_8))).getRecords()
                    .stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet read back. */
    record Workbook(List<String> headers, List<List<String>> rows, List<String> fills, List<String> sheets) {
    }

    /**
     * The first sheet's rows, every cell checked on the way: Version numeric, every other non-empty cell a STRING
     * (no FORMULA anywhere in the workbook); fills: each row's fill colour.
     */
    static Workbook xlsx(byte[] body) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            List<String> sheets = new ArrayList<>();
            for (Sheet sheet : workbook) {
                sheets.add(sheet.getSheetName());
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("cell %s of %s", cell.getAddress(), sheet.getSheetName())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = cells(sheet.getRow(0), HEADERS.size());
            List<List<String>> rows = new ArrayList<>();
            List<String> fills = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                rows.add(cells(row, HEADERS.size()));
                fills.add(((XSSFCellStyle) row.getCell(0).getCellStyle()).getFillForegroundColorColor().getARGBHex());
            }
            return new Workbook(headers, rows, fills, sheets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of the named sheet, each cell's text ("" for none), to the row's last cell. */
    static List<List<String>> sheet(byte[] body, String name) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheet(name)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : cell.getStringCellValue());
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cells(Row row, int count) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Cell cell = row.getCell(c);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                cells.add("");
            } else if (c == HEADERS.indexOf("Version") && row.getRowNum() > 0) {
                assertThat(cell.getCellType()).as("Version of row %d", row.getRowNum() + 1)
                        .isEqualTo(CellType.NUMERIC);
                cells.add(String.valueOf((int) cell.getNumericCellValue()));
            } else {
                assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.STRING);
                cells.add(cell.getStringCellValue());
            }
        }
        return cells;
    }

    /**
     * A Word document read back: the paragraphs before the tables, the entries' table, each row's shading, the key
     * (each shaded run of the body's paragraphs: its text and fill), and the paragraphs after the table with their
     * shading ("" for none).
     */
    record Docx(List<String> paragraphs, List<String> headers, List<List<String>> rows, List<String> shading,
                boolean headerRepeats, String orientation, Map<String, String> key, String footer, int tables,
                List<String> after, List<String> afterShading) {
    }

    static Docx docx(byte[] body) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(body))) {
            List<String> paragraphs = document.getParagraphs().stream().map(p -> p.getText()).toList();
            List<XWPFTable> tables = document.getTables();
            XWPFTable entries = tables.stream().filter(t -> t.getRow(0).getCell(0).getText().equals("Occurred"))
                    .findFirst().orElseThrow();
            Map<String, String> key = new HashMap<>();
            for (XWPFParagraph paragraph : document.getParagraphs()) {
                for (XWPFRun run : paragraph.getRuns()) {
                    CTRPr properties = run.getCTR().getRPr();
                    if (properties != null && properties.sizeOfShdArray() > 0) {
                        key.put(run.text().trim(), properties.getShdArray(0).xgetFill().getStringValue());
                    }
                }
            }
            List<String> headers = entries.getRow(0).getTableCells().stream().map(cell -> cell.getText()).toList();
            List<List<String>> rows = new ArrayList<>();
            List<String> shading = new ArrayList<>();
            for (XWPFTableRow row : entries.getRows().subList(1, entries.getNumberOfRows())) {
                rows.add(row.getTableCells().stream().map(cell -> cell.getText()).toList());
                shading.add(row.getCell(0).getColor());
            }
            List<String> after = new ArrayList<>();
            List<String> afterShading = new ArrayList<>();
            List<IBodyElement> elements = document.getBodyElements();
            for (IBodyElement element : elements.subList(elements.indexOf(entries) + 1, elements.size())) {
                if (element instanceof XWPFParagraph paragraph) {
                    after.add(paragraph.getText());
                    CTPPr properties = paragraph.getCTP().getPPr();
                    afterShading.add(properties != null && properties.isSetShd()
                            ? properties.getShd().xgetFill().getStringValue() : "");
                }
            }
            String orientation = document.getDocument().getBody().getSectPr().getPgSz().getOrient().toString();
            String footer = document.getFooterList().get(0).getText();
            return new Docx(paragraphs, headers, rows, shading, entries.getRow(0).isRepeatHeader(), orientation, key,
                    footer, tables.size(), after, afterShading);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF read back: its pages, each page's text in the order it was drawn, and its first page's size. */
    record Pdf(int pages, List<String> pageTexts, float width, float height) {

        /** All pages' text with each run of white space one space. */
        String flat() {
            return flatten(String.join(" ", pageTexts));
        }
    }

    static Pdf pdf(byte[] body) {
        try (PDDocument document = Loader.loadPDF(body)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> texts = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                texts.add(stripper.getText(document));
            }
            return new Pdf(document.getNumberOfPages(), texts, document.getPage(0).getMediaBox().getWidth(),
                    document.getPage(0).getMediaBox().getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String flatten(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
