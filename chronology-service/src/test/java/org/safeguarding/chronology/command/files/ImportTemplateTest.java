package org.safeguarding.chronology.command.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.Significance;
import org.springframework.http.HttpHeaders;

/** GET /imports/chronology/template.xlsx: the header row, drop-down lists, help; and it imports as it is. */
class ImportTemplateTest extends ImportServiceTest {

    @Test
    void theTemplateHasTheHeaderRowAloneWithDropDownListsForKindAndSignificance() throws IOException {
        var result = client.get().uri("/imports/chronology/template.xlsx").exchange().expectStatus().isOk()
                .expectHeader().contentType(XLSX)
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value)
                        .contains("attachment").contains("chronology-template.xlsx"))
                .expectBody(byte[].class).returnResult();
        byte[] template = result.getResponseBody();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Chronology");
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(IntStream.range(0, header.getLastCellNum())
                    .mapToObj(i -> header.getCell(i).getStringCellValue()))
                    .containsExactly("Source ref", "Occurred", "Known", "Kind", "Summary", "Significance",
                            "Professional", "Concerns");
            assertThat(sheet.getLastRowNum()).as("no row but the header: any other would be data").isZero();
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(header.getCell(1).getCellComment().getString().getString()).contains("?/mm/yyyy");
            assertThat(sheet.getColumnWidth(4)).isGreaterThan(sheet.getColumnWidth(0));

            List<? extends DataValidation> validations = sheet.getDataValidations();
            assertThat(validations).extracting(validation -> validation.getValidationConstraint().getFormula1())
                    .containsExactlyInAnyOrder("Kinds", "Significances");
            assertThat(validations).allSatisfy(validation -> assertThat(validation.getRegions().getCellRangeAddress(0)
                    .getFirstRow()).isEqualTo(1));
            assertThat(workbook.getName("Kinds").getRefersToFormula()).isEqualTo("'Lists'!$A$1:$A$20");
            assertThat(workbook.getName("Significances").getRefersToFormula()).isEqualTo("'Lists'!$B$1:$B$3");
            XSSFSheet lists = workbook.getSheet("Lists");
            assertThat(workbook.isSheetHidden(workbook.getSheetIndex(lists))).isTrue();
            assertThat(IntStream.range(0, EntryKind.values().length)
                    .mapToObj(i -> lists.getRow(i).getCell(0).getStringCellValue()))
                    .containsExactlyElementsOf(Arrays.stream(EntryKind.values()).map(Enum::name).toList());
            assertThat(IntStream.range(0, Significance.values().length)
                    .mapToObj(i -> lists.getRow(i).getCell(1).getStringCellValue()))
                    .containsExactly("ROUTINE", "SIGNIFICANT", "CRITICAL");
            assertThat(workbook.getSheet("How to fill").getRow(2).getCell(1).getStringCellValue())
                    .contains("dd/mm/yyyy hh:mm");
        }

        assertImported(answer(post(template, XLSX), 200), 0, 0);
    }
}
